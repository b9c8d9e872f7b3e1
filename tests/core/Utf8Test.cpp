// UTF-8 editing per code point: what the on-screen keyboard relies on for Dutch, Turkish, Polish
// and Cyrillic text.
#include "app/core/Utf8.h"

#include <catch2/catch.hpp>

#include <vector>

namespace utf8 = buurtstem::utf8;

TEST_CASE("append encodes one to four bytes and decode reads them back", "[utf8]") {
    const std::vector<std::pair<char32_t, std::string>> samples = {
        {U'A', "A"},
        {0xE9, "\xC3\xA9"},             // é
        {0x142, "\xC5\x82"},            // ł
        {0x44F, "\xD1\x8F"},            // я
        {0x20AC, "\xE2\x82\xAC"},       // €
        {0x1F600, "\xF0\x9F\x98\x80"},  // 😀
        {0x10FFFF, "\xF4\x8F\xBF\xBF"},
    };
    for (const auto& [codePoint, bytes] : samples) {
        std::string text;
        utf8::append(text, codePoint);
        CHECK(text == bytes);
        std::size_t pos = 0;
        CHECK(utf8::decode(text, pos) == codePoint);
        CHECK(pos == bytes.size());
    }
}

TEST_CASE("append writes U+FFFD for values that are not characters", "[utf8]") {
    std::string text;
    utf8::append(text, 0xD800);
    utf8::append(text, 0x110000);
    CHECK(text == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("popBack removes whole code points", "[utf8]") {
    std::string text = "Caf\xC3\xA9";  // Café
    REQUIRE(utf8::popBack(text));
    CHECK(text == "Caf");

    text = "Mi\xC5\x82y";  // Miły
    REQUIRE(utf8::popBack(text));
    REQUIRE(utf8::popBack(text));
    CHECK(text == "Mi");

    text = "\xD0\xB4\xD1\x8F";  // дя
    REQUIRE(utf8::popBack(text));
    CHECK(text == "\xD0\xB4");

    text = "hi\xF0\x9F\x98\x80";  // hi😀
    REQUIRE(utf8::popBack(text));
    CHECK(text == "hi");

    text.clear();
    CHECK_FALSE(utf8::popBack(text));
}

TEST_CASE("popBack empties mixed text in as many steps as it has code points", "[utf8]") {
    std::string text = "a\xC3\xA9\xC5\x82\xD1\x8F\xE2\x82\xAC\xF0\x9F\x98\x80z";
    const std::size_t count = utf8::countCodePoints(text);
    CHECK(count == 7);
    std::size_t steps = 0;
    while (utf8::popBack(text)) {
        REQUIRE(utf8::isValid(text));
        ++steps;
    }
    CHECK(steps == count);
}

TEST_CASE("popBack removes a broken tail byte by byte, keeping the good character before it", "[utf8]") {
    std::string text = "\xC3\xA9\x80";  // é plus a stray continuation byte
    REQUIRE(utf8::popBack(text));
    CHECK(text == "\xC3\xA9");
    text = "a\xE2\x82";  // a truncated €
    REQUIRE(utf8::popBack(text));
    CHECK(text == "a\xE2");
    REQUIRE(utf8::popBack(text));
    CHECK(text == "a");
}

TEST_CASE("countCodePoints counts characters, not bytes", "[utf8]") {
    CHECK(utf8::countCodePoints("") == 0);
    CHECK(utf8::countCodePoints("abc") == 3);
    CHECK(utf8::countCodePoints("\xC3\x9Cn\xC3\xAF""c\xC3\xB6""d\xC3\xA9") == 7);  // Ünïcödé
    CHECK(utf8::countCodePoints("\xF0\x9F\x98\x80\xF0\x9F\x98\x80") == 2);
}

TEST_CASE("isValid accepts well-formed UTF-8 only", "[utf8]") {
    CHECK(utf8::isValid(""));
    CHECK(utf8::isValid("Ge\xC3\xAFnteresseerd"));
    CHECK(utf8::isValid("\xEF\xBF\xBD"));  // a real U+FFFD is fine
    CHECK(utf8::isValid("\xF4\x8F\xBF\xBF"));
    CHECK_FALSE(utf8::isValid("\xC3"));              // truncated
    CHECK_FALSE(utf8::isValid("\x80"));              // lone continuation
    CHECK_FALSE(utf8::isValid("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(utf8::isValid("\xE0\x80\xAF"));      // overlong '/'
    CHECK_FALSE(utf8::isValid("\xF0\x80\x80\xAF"));  // overlong '/'
    CHECK_FALSE(utf8::isValid("\xED\xA0\x80"));      // surrogate D800
    CHECK_FALSE(utf8::isValid("\xF4\x90\x80\x80"));  // beyond U+10FFFF
    CHECK_FALSE(utf8::isValid("\xFF"));
    CHECK_FALSE(utf8::isValid("ok\xC3("));
}

TEST_CASE("decode returns U+FFFD on bad input and always moves on", "[utf8]") {
    const std::string text = "\xE2\x82" "a\xC0\xAF\xED\xA0\x80";
    std::vector<char32_t> decoded;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t before = pos;
        decoded.push_back(utf8::decode(text, pos));
        REQUIRE(pos > before);
    }
    REQUIRE(decoded.size() >= 3);
    CHECK(decoded[0] == 0xFFFD);  // the truncated € is one replacement, not two
    CHECK(decoded[1] == U'a');
    for (std::size_t i = 2; i < decoded.size(); ++i) CHECK(decoded[i] == 0xFFFD);

    std::size_t end = text.size();
    CHECK(utf8::decode(text, end) == 0xFFFD);
}

TEST_CASE("toUpper covers the letters the keyboard offers", "[utf8]") {
    const std::vector<std::pair<char32_t, char32_t>> pairs = {
        {U'a', U'A'},     {U'z', U'Z'},     {U'A', U'A'},     {U'1', U'1'},     {U'-', U'-'},
        {0xE9, 0xC9},     // é É
        {0xE0, 0xC0},     // à À
        {0xFE, 0xDE},     // þ Þ
        {0xF7, 0xF7},     // ÷ has no case
        {0xDF, 0xDF},     // ß stays
        {0xFF, 0x178},    // ÿ Ÿ
        {0xE7, 0xC7},     // ç Ç
        {0x11F, 0x11E},   // ğ Ğ
        {0x15F, 0x15E},   // ş Ş
        {0x131, U'I'},    // dotless ı -> I
        {0x130, 0x130},   // İ stays
        {0x69, U'I'},     // i -> I (not İ: the keyboard is not in Turkish mode here)
        {0x105, 0x104},   // ą Ą
        {0x119, 0x118},   // ę Ę
        {0x107, 0x106},   // ć Ć
        {0x142, 0x141},   // ł Ł
        {0x141, 0x141},   // Ł stays
        {0x144, 0x143},   // ń Ń
        {0x15B, 0x15A},   // ś Ś
        {0x17A, 0x179},   // ź Ź
        {0x17C, 0x17B},   // ż Ż
        {0x17E, 0x17D},   // ž Ž
        {0x133, 0x132},   // ĳ Ĳ
        {0x151, 0x150},   // ő Ő
        {0x138, 0x138},   // ĸ has no capital
        {0x149, 0x149},   // ŉ has no capital
        {0x430, 0x410},   // а А
        {0x44F, 0x42F},   // я Я
        {0x42F, 0x42F},   // Я stays
        {0x451, 0x401},   // ё Ё
        {0x454, 0x404},   // є Є
        {0x456, 0x406},   // і І
        {0x457, 0x407},   // ї Ї
        {0x45F, 0x40F},   // џ Џ
        {0x491, 0x490},   // ґ Ґ
        {0x490, 0x490},   // Ґ stays
        {0x1F600, 0x1F600},
    };
    for (const auto& [lower, upper] : pairs) {
        INFO("U+" << std::hex << static_cast<std::uint32_t>(lower));
        CHECK(utf8::toUpper(lower) == upper);
    }
}

TEST_CASE("toUpper is idempotent and never lowers", "[utf8]") {
    for (char32_t c = 0; c < 0x500; ++c) {
        const char32_t upper = utf8::toUpper(c);
        INFO("U+" << std::hex << static_cast<std::uint32_t>(c));
        REQUIRE(utf8::toUpper(upper) == upper);
    }
}

TEST_CASE("trim removes ASCII white space at both ends only", "[utf8]") {
    CHECK(utf8::trim("  hallo \t\r\n") == "hallo");
    CHECK(utf8::trim("   ") == "");
    CHECK(utf8::trim("") == "");
    CHECK(utf8::trim("een  twee") == "een  twee");
    CHECK(utf8::trim("\xC2\xA0x\xC2\xA0") == "\xC2\xA0x\xC2\xA0");  // no-break space is text
}
