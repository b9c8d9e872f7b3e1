#pragma once
// The byte-level pieces of Buurtstem's own file formats (sync bundles, shared rounds): fixed-width
// little-endian integers, and a string's bytes as libsodium takes them.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace buurtstem::storage {

inline void putLittle(std::string& out, std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

// The caller has checked that `in` holds offset + bytes.
inline std::uint64_t getLittle(std::string_view in, std::size_t offset, int bytes) {
    std::uint64_t value = 0;
    for (int i = bytes - 1; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(in[offset + static_cast<std::size_t>(i)]);
    return value;
}

inline const unsigned char* bytesOf(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

}  // namespace buurtstem::storage
