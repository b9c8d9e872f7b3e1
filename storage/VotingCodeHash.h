// The stored side of voting codes: a round keeps only a keyed hash of each code, never the code,
// so its database (or a sync bundle) shows no code that could still be used. New batches are
// drawn here with libsodium's random bytes.
#pragma once

#include "../app/core/Result.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem::storage {

inline constexpr std::size_t kVotingCodeKeyBytes = 32;       // crypto_generichash_KEYBYTES
inline constexpr std::size_t kVotingCodeHashTextLength = 64; // 32 bytes as lower-case hex
inline constexpr std::size_t kMaxVotingCodesPerBatch = 10'000;
using VotingCodeKey = std::array<std::uint8_t, kVotingCodeKeyBytes>;

// A fresh random key (randombytes_buf). Whoever holds the key and a hash can try all 28^12 codes
// against it, so the key belongs apart from the hashes it made, never in an event or bundle.
// Errors: StorageFailure (libsodium could not be initialised).
Result<VotingCodeKey> makeVotingCodeKey();

// BLAKE2b (libsodium's crypto_generichash) keyed with `key`, 32-byte output, written as 64
// lower-case hex digits. Hash the canonical code (normaliseVotingCode, app/core/VotingCode.h), so
// "abcd efgh jkmn" typed at the kiosk finds the row of the printed "ABCD-EFGH-JKMN".
std::string votingCodeHash(std::span<const std::uint8_t, kVotingCodeKeyBytes> key, std::string_view canonicalCode);

// A batch for one round: codes[i] hashes to hashes[i]. The plain codes are for the printed
// cards and the CSV only; a round stores the hashes.
struct VotingCodeBatch {
    std::vector<std::string> codes;   // = {} // canonical codes, all different, in printing order
    std::vector<std::string> hashes;  // = {} // votingCodeHash(key, codes[i])
};

// `count` new codes, drawn with randombytes_buf and hashed with `key`. A code that came out
// twice is drawn again (a chance of about 2 * 10^-10 in a full batch), so the batch never holds
// a code twice. Errors: InvalidInput (count 0 or above kMaxVotingCodesPerBatch),
// StorageFailure (libsodium could not be initialised).
Result<VotingCodeBatch> makeVotingCodeBatch(std::size_t count, std::span<const std::uint8_t, kVotingCodeKeyBytes> key);

}  // namespace buurtstem::storage
