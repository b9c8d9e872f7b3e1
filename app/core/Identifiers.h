// Identifiers made from random bytes: UUIDs for events and items, and short reference codes a
// resident can read aloud or type ("K7P-3QX"). The caller supplies the randomness (libsodium in
// storage, a fixed seed in tests), so the core stays deterministic.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace buurtstem {

// RFC 4122 version 4 UUID text ("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"), lower case.
std::string formatUuidV4(std::array<std::uint8_t, 16> random);
// A version 7 UUID (RFC 9562): the time in Unix milliseconds first, then random bits from
// `random`. Ids made one after another sort near each other, so an index takes them nearly in
// order, while two made in the same millisecond still differ in 74 random bits.
std::string formatUuidV7(std::uint64_t unixMs, std::array<std::uint8_t, 16> random);
bool isUuid(std::string_view text);

// Letters and digits that cannot be confused when read or typed: no 0/O, 1/I/L, 8/B, and no S
// (it reads as 5).
inline constexpr std::string_view kReadableAlphabet = "2345679ACDEFGHJKMNPQRTUVWXYZ";

// Six readable characters in two groups, e.g. "K7P-3QX" (28^6, about 480 million codes).
std::string formatReferenceCode(std::array<std::uint8_t, 6> random);
// Accepts what a person types: any case, with or without the dash, spaces ignored.
// Returns the canonical form, or an empty string when it cannot be a reference code.
std::string normaliseReferenceCode(std::string_view typed);

}  // namespace buurtstem
