// Right-to-left display lines: Arabic joined into presentation forms and put in visual order.
#include "app/core/Utf8.h"
#include "app/core/i18n/Bidi.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace buurtstem;

namespace {
std::vector<char32_t> codePoints(const std::string& text) {
    std::vector<char32_t> out;
    for (std::size_t pos = 0; pos < text.size();) out.push_back(utf8::decode(text, pos));
    return out;
}
}  // namespace

TEST_CASE("text without right-to-left letters is left alone", "[bidi]") {
    CHECK_FALSE(i18n::hasRightToLeft("Deel een idee · Türkçe · Українська"));
    CHECK(i18n::visualLine("Deel een idee", true) == "Deel een idee");
    CHECK(i18n::visualLine("", false).empty());
}

TEST_CASE("an Arabic word is joined and reversed for display", "[bidi]") {
    // "salam": seen, lam, alef, meem. Logical order starts with seen (U+0633).
    const std::string word = "\u0633\u0644\u0627\u0645";
    REQUIRE(i18n::hasRightToLeft(word));
    const std::vector<char32_t> visual = codePoints(i18n::visualLine(word, true));
    // Lam + alef become one ligature glyph, so four letters show as three glyphs.
    REQUIRE(visual.size() == 3);
    for (char32_t c : visual) CHECK((c >= 0xFE70 && c <= 0xFEFF));
    CHECK(visual.front() == 0xFEE1);  // meem, isolated form, now leftmost
    CHECK(visual[1] == 0xFEFC);       // lam-alef ligature, final form (seen joins it)
    CHECK(visual.back() == 0xFEB3);   // seen, initial form, now rightmost
}

TEST_CASE("Latin inside an Arabic line keeps its own order", "[bidi]") {
    const std::string line = "\u0634\u0643\u0631\u0627 Buurtstem";  // "thanks Buurtstem"
    const std::string visual = i18n::visualLine(line, true);
    // In a right-to-left line the Latin word comes first from the left, still readable.
    CHECK(visual.rfind("Buurtstem", 0) == 0);
    CHECK(codePoints(visual).size() == codePoints(line).size());
}
