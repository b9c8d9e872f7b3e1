// Ui: what every screen and widget draws with — sizes in mm, fonts, colours, translations and
// the registry of touch targets. Screens get it by reference; it holds no resident data.
#pragma once

#include "../core/i18n/Catalog.h"
#include "Fonts.h"
#include "Metrics.h"
#include "Style.h"
#include "WidgetRegistry.h"

#include <imgui.h>

#include <string>
#include <string_view>

namespace buurtstem::ui {

struct Ui {
    Metrics metrics;
    FontSet fonts;
    Palette colours = makePalette(false);
    const i18n::Translator* translator = nullptr;
    WidgetRegistry widgets;
    double now = 0.0;  // seconds on the runner's clock, for this frame

    const char* tr(std::string_view key) const { return translator->tr(key); }
    std::string format(std::string_view key,
                       std::initializer_list<std::pair<std::string_view, std::string_view>> values) const {
        return translator->format(key, values);
    }
    float mm(float millimetres) const { return metrics.mm(millimetres); }
};

// [SECTION] Text drawing helpers shared by widgets and screens
// Text with right-to-left letters (Arabic) is joined, wrapped by words and put in visual order
// line by line, each line aligned to the right of its block; other text goes to ImGui as is.

// The interface language reads right to left: neutral characters (icons, punctuation) then
// take the right-to-left side. Set by KioskApp when the language changes.
void setRightToLeft(bool rightToLeft);
bool rightToLeft();

// Size of `text` in `font` wrapped at `wrapWidth` (0: no wrapping).
ImVec2 measureText(ImFont* font, std::string_view text, float wrapWidth = 0.0f);
// Draws wrapped text at the cursor, advances the cursor, returns the height used.
float textBlock(ImFont* font, std::string_view text, Colour colour, float wrapWidth);
// Draws text at an absolute position (no layout).
void drawText(ImDrawList* list, ImFont* font, ImVec2 pos, Colour colour, std::string_view text, float wrapWidth = 0.0f);
// `text` on one line of at most `width` pixels, cut short with an ellipsis when it is longer.
std::string fitOnOneLine(ImFont* font, const std::string& text, float width);

}  // namespace buurtstem::ui
