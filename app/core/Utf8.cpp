// Code-point level UTF-8 editing for the on-screen keyboard and for validating what residents type.
#include "Utf8.h"

namespace buurtstem::utf8 {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool isContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Length of the sequence a lead byte announces; 0 for bytes that can never start one
// (continuation bytes, C0/C1 which could only be overlong, F5..FF beyond U+10FFFF).
std::size_t sequenceLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

// The second byte carries the remaining range checks: it is what rules out overlong forms
// (E0, F0), surrogates (ED) and values past U+10FFFF (F4), as the Unicode standard's table 3-7.
bool secondByteFits(unsigned char lead, unsigned char second) {
    switch (lead) {
        case 0xE0: return second >= 0xA0 && second <= 0xBF;
        case 0xED: return second >= 0x80 && second <= 0x9F;
        case 0xF0: return second >= 0x90 && second <= 0xBF;
        case 0xF4: return second >= 0x80 && second <= 0x8F;
        default: return isContinuation(second);
    }
}

// Decodes one code point; on bad input skips the longest prefix that could have begun a valid
// sequence (at least one byte), so one broken character gives one U+FFFD, not several.
char32_t decodeChecked(std::string_view text, std::size_t& pos, bool& valid) {
    valid = false;
    if (pos >= text.size()) return kReplacement;
    const auto lead = static_cast<unsigned char>(text[pos]);
    const std::size_t length = sequenceLength(lead);
    if (length == 0) {
        ++pos;
        return kReplacement;
    }
    if (length == 1) {
        ++pos;
        valid = true;
        return lead;
    }
    char32_t codePoint = lead & (0xFF >> (length + 1));
    for (std::size_t i = 1; i < length; ++i) {
        if (pos + i >= text.size()) {
            pos += i;
            return kReplacement;
        }
        const auto byte = static_cast<unsigned char>(text[pos + i]);
        if (i == 1 ? !secondByteFits(lead, byte) : !isContinuation(byte)) {
            pos += i;
            return kReplacement;
        }
        codePoint = (codePoint << 6) | (byte & 0x3F);
    }
    pos += length;
    valid = true;
    return codePoint;
}

// Latin Extended-A mostly pairs capital and small letter as neighbours; which one comes first
// flips twice in the block, around ĸ (U+0138) and ŉ (U+0149), which have no capital.
char32_t latinExtendedAUpper(char32_t c) {
    if (c == 0x131) return U'I';     // dotless ı (Turkish) -> I
    if (c == 0x17F) return U'S';     // long s
    if (c == 0x138 || c == 0x149) return c;
    if (c == 0xFF) return 0x178;     // ÿ's capital Ÿ sits in this block
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return (c % 2 == 1) ? c - 1 : c;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 0) ? c - 1 : c;
    return c;
}

}  // namespace

void append(std::string& text, char32_t codePoint) {
    if (codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) codePoint = kReplacement;
    if (codePoint < 0x80) {
        text.push_back(static_cast<char>(codePoint));
    } else if (codePoint < 0x800) {
        text.push_back(static_cast<char>(0xC0 | (codePoint >> 6)));
        text.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
    } else if (codePoint < 0x10000) {
        text.push_back(static_cast<char>(0xE0 | (codePoint >> 12)));
        text.push_back(static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F)));
        text.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
    } else {
        text.push_back(static_cast<char>(0xF0 | (codePoint >> 18)));
        text.push_back(static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F)));
        text.push_back(static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F)));
        text.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
    }
}

bool popBack(std::string& text) {
    if (text.empty()) return false;
    std::size_t start = text.size() - 1;
    while (start > 0 && text.size() - start < 4 && isContinuation(static_cast<unsigned char>(text[start]))) --start;
    // Only a complete sequence goes as a whole; a broken tail is removed byte by byte so
    // backspace never eats a good character together with a stray byte before it.
    std::size_t pos = start;
    bool valid = false;
    decodeChecked(text, pos, valid);
    if (valid && pos == text.size()) {
        text.resize(start);
    } else {
        text.pop_back();
    }
    return true;
}

std::size_t countCodePoints(std::string_view text) {
    std::size_t count = 0;
    bool valid = false;
    for (std::size_t pos = 0; pos < text.size(); ++count) decodeChecked(text, pos, valid);
    return count;
}

bool isValid(std::string_view text) {
    bool valid = true;
    for (std::size_t pos = 0; pos < text.size() && valid;) decodeChecked(text, pos, valid);
    return valid;
}

char32_t toUpper(char32_t c) {
    if (c >= U'a' && c <= U'z') return c - 0x20;
    if (c < 0x80) return c;
    // Latin-1: à..þ sit 0x20 above À..Þ; ÷ has no case and ß keeps its form (ẞ is rare).
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 0x20;
    if (c == 0xFF || (c >= 0x100 && c <= 0x17F)) return latinExtendedAUpper(c);
    // Cyrillic: а..я are 0x20 above А..Я, ѐ..џ (Ukrainian є, і, ї among them) 0x50 above Ѐ..Џ.
    if (c >= 0x430 && c <= 0x44F) return c - 0x20;
    if (c >= 0x450 && c <= 0x45F) return c - 0x50;
    // Cyrillic extensions (Ukrainian ґ among them) pair capital-small, capital on even.
    if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF)) return (c % 2 == 1) ? c - 1 : c;
    return c;
}

char32_t decode(std::string_view text, std::size_t& pos) {
    bool valid = false;
    return decodeChecked(text, pos, valid);
}

std::string trim(std::string_view text) {
    constexpr std::string_view kSpace = " \t\n\r\v\f";
    const std::size_t first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) return {};
    const std::size_t last = text.find_last_not_of(kSpace);
    return std::string(text.substr(first, last - first + 1));
}

bool hasControlCharacters(std::string_view text, bool allowLineBreaks) {
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (allowLineBreaks && (c == '\n' || c == '\r' || c == '\t')) continue;
        if (byte < 0x20 || byte == 0x7F) return true;
    }
    return false;
}

}  // namespace buurtstem::utf8
