// Fonts: Noto Sans (Latin, Latin Extended-A/B, Cyrillic) with Font Awesome icons merged in,
// built by FreeType at the few sizes the screens use, scaled for large-text mode.
#pragma once

#include "../core/Result.h"
#include "Metrics.h"

#include <filesystem>

struct ImFont;
struct ImFontAtlas;

namespace buurtstem::ui {

struct FontFiles {
    std::filesystem::path regular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";  // fonts-noto-core
    std::filesystem::path bold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";        // fonts-noto-core
    std::filesystem::path icons = "/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf";  // fonts-font-awesome
    std::filesystem::path arabicRegular = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf";  // fonts-noto-core
    std::filesystem::path arabicBold = "/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf";        // fonts-noto-core
    bool arabic = false;  // = false // merge the Arabic letters and presentation forms (only when a language needs them)

    // The Debian paths, or files of the same names in $BUURTSTEM_FONT_DIR when that is set.
    static FontFiles fromEnvironment();
};

struct FontSet {
    ImFont* small = nullptr;    // hints, badges (5 mm)
    ImFont* body = nullptr;     // running text, keys (6.5 mm)
    ImFont* heading = nullptr;  // screen titles, button labels (9 mm, bold)
    ImFont* title = nullptr;    // tiles' icons, the attract screen (13 mm, bold)
};

// Checks that the font files exist, before any window opens. Errors: MissingAsset.
Result<void> checkFontFiles(const FontFiles& files);

// Clears `atlas` and builds the four fonts. Errors: MissingAsset naming the missing file and
// the Debian package that ships it.
Result<FontSet> buildFonts(ImFontAtlas& atlas, const Metrics& metrics, const FontFiles& files);

}  // namespace buurtstem::ui
