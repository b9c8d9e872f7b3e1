// Every character of every translation exists in the fonts the kiosk builds, after right-to-left
// text is joined into the presentation forms that are actually drawn. A missing glyph would
// show as a box or a question mark to the residents who read that language.
#include "Harness.h"

#include "app/core/Utf8.h"
#include "app/core/i18n/Bidi.h"
#include "app/ui/Fonts.h"

#include <catch2/catch.hpp>

using namespace buurtstem;

namespace {

// Code points of `font` that are missing for `text`, as "U+XXXX" for the message.
std::string missingGlyphs(ImFont* font, const std::string& text, bool rightToLeft) {
    const std::string shown = i18n::visualLine(text, rightToLeft);
    std::string missing;
    for (std::size_t pos = 0; pos < shown.size();) {
        const char32_t c = utf8::decode(shown, pos);
        if (c < 0x20 || c > 0xFFFF) continue;
        if (!font->FindGlyphNoFallback(static_cast<ImWchar>(c))) {
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X ", static_cast<unsigned>(c));
            missing += code;
        }
    }
    return missing;
}

}  // namespace

TEST_CASE("every translated string can be drawn with the kiosk's fonts", "[i18n][fonts]") {
    ImGuiContext* context = ImGui::CreateContext();
    ui::FontFiles files = ui::FontFiles::fromEnvironment();
    files.arabic = true;
    Result<ui::FontSet> fonts = ui::buildFonts(*ImGui::GetIO().Fonts, ui::Metrics{}, files);
    REQUIRE(fonts.ok());

    const i18n::Translator translations = test::shippedTranslations();
    REQUIRE(translations.languages().size() == 6);
    for (const i18n::Language& language : translations.languages()) {
        const i18n::Catalog* catalog = translations.catalog(language.code);
        REQUIRE(catalog);
        for (const std::string& key : catalog->keys()) {
            const std::string& text = *catalog->find(key);
            INFO(language.code << " " << key << ": " << text);
            CHECK(missingGlyphs(fonts->body, text, language.rightToLeft).empty());
            CHECK(missingGlyphs(fonts->heading, text, language.rightToLeft).empty());
            CHECK(missingGlyphs(fonts->small, text, language.rightToLeft).empty());
        }
        // The few strings drawn in the title size, whose glyph set is smaller.
        for (const char* key : {"app.name", "idea.thanks.heading"}) {
            INFO(language.code << " " << key);
            CHECK(missingGlyphs(fonts->title, *catalog->find(key), language.rightToLeft).empty());
        }
    }
    ImGui::DestroyContext(context);
}

TEST_CASE("the language list shows each language in its own name", "[i18n]") {
    const i18n::Translator translations = test::shippedTranslations();
    std::vector<std::string> names;
    for (const i18n::Language& language : translations.languages()) names.push_back(language.nativeName);
    CHECK(names == std::vector<std::string>{"Nederlands", "English", "Türkçe", "Polski", "Українська", "العربية"});
    CHECK(translations.catalog("ar")->language().rightToLeft);
    CHECK_FALSE(translations.catalog("tr")->language().rightToLeft);
}
