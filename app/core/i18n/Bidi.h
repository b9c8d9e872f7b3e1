// Right-to-left text for display: Dear ImGui draws code points left to right, one glyph each,
// so Arabic must arrive already joined (presentation forms) and in visual order. FriBidi from
// Debian does both; this wraps it for one line of UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace buurtstem::i18n {

// True when the text holds a letter of a right-to-left script (Hebrew, Arabic and their
// presentation forms): only such text needs shaping.
bool hasRightToLeft(std::string_view utf8);

// One line in visual order, Arabic letters joined into their presentation forms. With
// `rightToLeftBase`, the line reads as part of a right-to-left interface (neutral characters
// such as icons and punctuation take the right-to-left side); otherwise the first strong
// character decides. Text without right-to-left letters comes back unchanged.
std::string visualLine(std::string_view logicalUtf8, bool rightToLeftBase);

}  // namespace buurtstem::i18n
