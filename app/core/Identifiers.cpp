// UUID and reference-code text from caller-supplied random bytes, and the checks on what comes back.
#include "Identifiers.h"

#include <cstddef>

namespace buurtstem {

namespace {

constexpr std::string_view kHexDigits = "0123456789abcdef";

bool isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

constexpr bool isUuidDash(std::size_t index) {
    return index == 8 || index == 13 || index == 18 || index == 23;
}

std::string uuidText(const std::array<std::uint8_t, 16>& bytes) {
    std::string text;
    text.reserve(36);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) text.push_back('-');
        text.push_back(kHexDigits[bytes[i] >> 4]);
        text.push_back(kHexDigits[bytes[i] & 0x0F]);
    }
    return text;
}

}  // namespace

std::string formatUuidV4(std::array<std::uint8_t, 16> random) {
    random[6] = static_cast<std::uint8_t>((random[6] & 0x0F) | 0x40);  // version 4: random
    random[8] = static_cast<std::uint8_t>((random[8] & 0x3F) | 0x80);  // variant 10xx: RFC 4122
    return uuidText(random);
}

std::string formatUuidV7(std::uint64_t unixMs, std::array<std::uint8_t, 16> random) {
    for (std::size_t i = 0; i < 6; ++i) random[i] = static_cast<std::uint8_t>(unixMs >> (8 * (5 - i)));  // 48 bits, big-endian
    random[6] = static_cast<std::uint8_t>((random[6] & 0x0F) | 0x70);  // version 7: time, then random
    random[8] = static_cast<std::uint8_t>((random[8] & 0x3F) | 0x80);  // variant 10xx
    return uuidText(random);
}

bool isUuid(std::string_view text) {
    // Only the shape is checked: ids from other tools (other versions, upper case) are still ids.
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (isUuidDash(i) ? text[i] != '-' : !isHexDigit(text[i])) return false;
    }
    return true;
}

std::string formatReferenceCode(std::array<std::uint8_t, 6> random) {
    // byte % 28 makes the first four characters of the alphabet slightly more likely
    // (10 in 256 instead of 9); harmless, since codes are looked up, not guessed for access.
    std::string code;
    code.reserve(7);
    for (std::size_t i = 0; i < random.size(); ++i) {
        if (i == 3) code.push_back('-');
        code.push_back(kReadableAlphabet[random[i] % kReadableAlphabet.size()]);
    }
    return code;
}

std::string normaliseReferenceCode(std::string_view typed) {
    std::string letters;
    for (char c : typed) {
        if (c == ' ' || c == '-' || c == '\t') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        // Look-alikes are not guessed back: for 0/O, 1/I/L and 8/B neither side is in the
        // alphabet, so a character outside it means a mistyped code, better asked again.
        if (kReadableAlphabet.find(c) == std::string_view::npos) return {};
        letters.push_back(c);
        if (letters.size() > 6) return {};
    }
    if (letters.size() != 6) return {};
    letters.insert(3, 1, '-');
    return letters;
}

}  // namespace buurtstem
