// UTF-8 helpers for text edited on the on-screen keyboard: residents type Dutch, Turkish, Polish
// and Cyrillic, so editing works per code point, never per byte.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace buurtstem::utf8 {

void append(std::string& text, char32_t codePoint);
// Removes the last code point (a whole multi-byte sequence). Returns false when empty.
bool popBack(std::string& text);
std::size_t countCodePoints(std::string_view text);
bool isValid(std::string_view text);
// Upper-cases the Latin, Latin Extended and Cyrillic letters the keyboard offers (for shift).
char32_t toUpper(char32_t codePoint);
// Decodes the code point starting at text[pos]; advances pos. Returns U+FFFD on bad input.
char32_t decode(std::string_view text, std::size_t& pos);
// Trims ASCII white space at both ends.
std::string trim(std::string_view text);
// True when `text` holds a control character (below U+0020, or DEL). One-line fields allow none:
// they are shown in lists and exported one per line; free text may keep line breaks and tabs.
bool hasControlCharacters(std::string_view text, bool allowLineBreaks);

}  // namespace buurtstem::utf8
