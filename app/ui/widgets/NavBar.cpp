// The top bar: navigation at the left, accessibility and language at the right.
#include "NavBar.h"

#include "../Icons.h"
#include "TouchButton.h"

#include <algorithm>

namespace buurtstem::ui {

float navBarHeight(const Ui& ui) { return std::max(ui.mm(22.0f), ui.fonts.body->FontSize + ui.mm(14.0f)); }

NavBarResult navBar(Ui& ui, const NavBarSpec& spec) {
    NavBarResult result;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = navBarHeight(ui);
    const float pad = ui.mm(2.0f);
    const float buttonHeight = height - 2 * pad;
    const float gap = ui.metrics.gap();
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), ui.colours.barBackground);

    // A right-to-left interface mirrors the bar: Back and Home at the right, the switches at the
    // left. Positions are worked out left to right and mirrored here.
    const bool mirrored = rightToLeft();
    auto placeAt = [&](float left, float w) {
        ImGui::SetCursorScreenPos(ImVec2(mirrored ? origin.x + width - (left - origin.x) - w : left, origin.y + pad));
    };
    auto quiet = [&](const char* id, const char* icon, const char* label, float w, bool selected) {
        ButtonSpec b;
        b.id = id;
        b.icon = icon;
        b.label = label;
        b.size = ImVec2(w, buttonHeight);
        b.kind = ButtonKind::Quiet;
        b.selected = selected;
        return touchButton(ui, b);
    };
    auto widthFor = [&](const char* icon, const char* label) {
        std::string text = std::string(icon) + "  " + label;
        return std::max(ui.metrics.touchMin() * 1.6f, measureText(ui.fonts.body, text).x + ui.mm(8.0f));
    };

    // Left: Back and Home keep their places even when hidden, so nothing else jumps under a finger.
    float x = origin.x + pad;
    const char* backLabel = ui.tr("nav.back");
    const char* homeLabel = ui.tr("nav.home");
    const char* backIcon = mirrored ? icon::Next : icon::Back;  // back points the way the text came from
    const float backWidth = widthFor(backIcon, backLabel);
    const float homeWidth = widthFor(icon::Home, homeLabel);
    placeAt(x, backWidth);
    if (spec.showBack) result.back = quiet("nav.back", backIcon, backLabel, backWidth, false);
    x += backWidth + gap;
    placeAt(x, homeWidth);
    if (spec.showHome) result.home = quiet("nav.home", icon::Home, homeLabel, homeWidth, false);
    x += homeWidth + gap;

    // Right: language, large text, high contrast.
    const char* textLabel = ui.tr("nav.large_text");
    const char* contrastLabel = ui.tr("nav.contrast");
    const float languageWidth = widthFor(icon::Language, spec.languageName);
    const float textWidth = widthFor(icon::TextSize, textLabel);
    const float contrastWidth = widthFor(icon::Contrast, contrastLabel);
    float right = origin.x + width - pad;
    right -= contrastWidth;
    placeAt(right, contrastWidth);
    result.highContrast = quiet("nav.contrast", icon::Contrast, contrastLabel, contrastWidth, spec.highContrast);
    right -= textWidth + gap;
    placeAt(right, textWidth);
    result.largeText = quiet("nav.large_text", icon::TextSize, textLabel, textWidth, spec.largeText);
    right -= languageWidth + gap;
    placeAt(right, languageWidth);
    result.language = quiet("#nav.language", icon::Language, spec.languageName, languageWidth, false);

    // Title in the space between, when it fits.
    const float titleSpace = right - gap - x;
    if (spec.title && *spec.title && titleSpace > ui.mm(20.0f)) {
        const ImVec2 size = measureText(ui.fonts.heading, spec.title);
        if (size.x <= titleSpace) {
            // Centred in the free space, which mirrors with the buttons.
            const float left = x + (titleSpace - size.x) * 0.5f;
            const float tx = mirrored ? origin.x + width - (left - origin.x) - size.x : left;
            drawText(list, ui.fonts.heading, ImVec2(tx, origin.y + (height - size.y) * 0.5f), ui.colours.onBar, spec.title);
        }
    }

    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
    ImGui::Dummy(ImVec2(width, 0));
    return result;
}

}  // namespace buurtstem::ui
