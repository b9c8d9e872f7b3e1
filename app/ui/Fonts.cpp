// Font atlas building with Debian's FreeType builder for Dear ImGui.
#include "Fonts.h"

#include "Icons.h"

#include <imgui.h>
#include <imgui_freetype.h>

#include <cmath>
#include <cstdlib>
#include <system_error>
#include <vector>

namespace buurtstem::ui {

FontFiles FontFiles::fromEnvironment() {
    FontFiles files;
    if (const char* dir = std::getenv("BUURTSTEM_FONT_DIR"); dir && *dir) {
        const std::filesystem::path folder(dir);
        files.regular = folder / files.regular.filename();
        files.bold = folder / files.bold.filename();
        files.icons = folder / files.icons.filename();
        files.arabicRegular = folder / files.arabicRegular.filename();
        files.arabicBold = folder / files.arabicBold.filename();
    }
    return files;
}

namespace {

// Latin with Extended-A/B (Dutch, Turkish, Polish), Cyrillic (Ukrainian), punctuation, €.
constexpr ImWchar kTextRanges[] = {
    0x0020, 0x024F,  // Basic Latin, Latin-1, Latin Extended-A and -B
    0x0400, 0x052F,  // Cyrillic and Cyrillic Supplement
    0x2010, 0x205E,  // dashes, quotes, bullets, ellipsis
    0x20AC, 0x20AC,  // euro sign
    0x2190, 0x2193,  // arrows
    0,
};

// The title size shows names, codes and headings: Latin with Extended-A and basic Cyrillic
// suffice, and at 13 mm every glyph left out saves atlas memory.
constexpr ImWchar kTitleRanges[] = {
    0x0020, 0x017F,  // Basic Latin, Latin-1, Latin Extended-A
    0x0400, 0x045F,  // Cyrillic
    0x0490, 0x0491,  // Ukrainian ghe with upturn
    0x2010, 0x2026,  // dashes, quotes, ellipsis
    0x20AC, 0x20AC,  // euro sign
    0,
};

// Arabic letters and the presentation forms FriBidi joins them into (see core/i18n/Bidi.h).
// Arabic itself needs only Forms-B (lam-alef included); Forms-A serves Persian and Urdu
// letters and would double the Arabic glyphs in the atlas. tests/ui/GlyphTest.cpp checks
// that every translated string still has all its glyphs.
constexpr ImWchar kArabicRanges[] = {
    0x0600, 0x06FF,  // Arabic
    0xFE70, 0xFEFF,  // Arabic Presentation Forms-B
    0,
};

Result<void> requireFile(const std::filesystem::path& file, const char* package) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(file, ec)) return {};
    const char* fontDir = std::getenv("BUURTSTEM_FONT_DIR");
    const std::string hint = fontDir && *fontDir ? std::string("BUURTSTEM_FONT_DIR is set to ") + fontDir +
                                                       "; unset it to use the Debian fonts"
                                                 : std::string("install the Debian package ") + package;
    return makeError(ErrorCode::MissingAsset, "font not found: " + file.string() + " (" + hint + ")");
}

}  // namespace

Result<void> checkFontFiles(const FontFiles& files) {
    for (auto check : {requireFile(files.regular, "fonts-noto-core"), requireFile(files.bold, "fonts-noto-core"),
                       requireFile(files.icons, "fonts-font-awesome")})
        if (!check) return check.error();
    if (files.arabic)
        for (auto check : {requireFile(files.arabicRegular, "fonts-noto-core"), requireFile(files.arabicBold, "fonts-noto-core")})
            if (!check) return check.error();
    return {};
}

Result<FontSet> buildFonts(ImFontAtlas& atlas, const Metrics& metrics, const FontFiles& files) {
    if (Result<void> check = checkFontFiles(files); !check) return check.error();

    // The atlas keeps a pointer to the ranges until it is built again: static storage.
    static ImVector<ImWchar> iconRanges;
    if (iconRanges.empty()) {
        ImFontGlyphRangesBuilder builder;
        for (unsigned short codePoint : icon::kAllCodePoints) builder.AddChar(codePoint);
        builder.BuildRanges(&iconRanges);
    }

    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;

    auto add = [&](const std::filesystem::path& file, const std::filesystem::path& arabicFile, float sizeMm,
                   const ImWchar* ranges) -> ImFont* {
        const float px = std::round(metrics.mm(sizeMm) * metrics.textScale);
        ImFontConfig text;
        text.OversampleH = 1;  // FreeType hints; oversampling only costs atlas memory
        text.OversampleV = 1;
        ImFont* font = atlas.AddFontFromFileTTF(file.c_str(), px, &text, ranges);
        ImFontConfig icons;
        icons.MergeMode = true;
        icons.OversampleH = 1;
        icons.OversampleV = 1;
        icons.GlyphMinAdvanceX = px * 1.1f;  // icons share one width so labels line up
        icons.GlyphOffset = ImVec2(0, px * 0.06f);
        atlas.AddFontFromFileTTF(files.icons.c_str(), px * 0.9f, &icons, iconRanges.Data);
        if (files.arabic) {
            ImFontConfig arabic;
            arabic.MergeMode = true;
            arabic.OversampleH = 1;
            arabic.OversampleV = 1;
            // Arabic letters are drawn small on Noto's em; at 1.2 times they read as large as the Latin.
            arabic.GlyphOffset = ImVec2(0, -px * 0.12f);
            atlas.AddFontFromFileTTF(arabicFile.c_str(), px * 1.2f, &arabic, kArabicRanges);
        }
        return font;
    };

    FontSet set;
    set.body = add(files.regular, files.arabicRegular, 6.5f, kTextRanges);  // first font added is ImGui's default
    set.small = add(files.regular, files.arabicRegular, 5.0f, kTextRanges);
    set.heading = add(files.bold, files.arabicBold, 9.0f, kTextRanges);
    set.title = add(files.bold, files.arabicBold, 13.0f, kTitleRanges);
    if (!set.body || !set.small || !set.heading || !set.title || !atlas.Build())
        return makeError(ErrorCode::MissingAsset, "the fonts could not be built (unreadable font file?)");
    return set;
}

}  // namespace buurtstem::ui
