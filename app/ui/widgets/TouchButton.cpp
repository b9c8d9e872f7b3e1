// Big touch button: an invisible ImGui button for the hit test, drawn by hand for full control.
#include "TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

namespace {

struct Look {
    Colour fill, text, border;
};

Look lookFor(const Ui& ui, const ButtonSpec& spec) {
    const Palette& c = ui.colours;
    switch (spec.kind) {
        case ButtonKind::Primary:
            // A disabled main action steps back to an outline: muted text on the primary fill
            // would be unreadable, above all in high contrast (light grey on yellow).
            return spec.enabled ? Look{c.primary, c.onPrimary, c.primary} : Look{c.surface, c.mutedText, c.border};
        case ButtonKind::Tile:
            return spec.selected ? Look{c.primary, c.onPrimary, c.selected} : Look{c.surface, c.text, c.border};
        case ButtonKind::Choice:
            return spec.selected ? Look{c.primary, c.onPrimary, c.selected} : Look{c.surface, c.text, c.border};
        case ButtonKind::Quiet:
            return spec.selected ? Look{c.onBar, c.barBackground, c.onBar} : Look{c.barBackground, c.onBar, c.onBar};
        case ButtonKind::Secondary: break;
    }
    return {c.secondary, c.onSecondary, c.border};
}

}  // namespace

bool touchButton(Ui& ui, const ButtonSpec& spec) {
    ImVec2 size = spec.size;
    if (size.x <= 0) size.x = std::max(ImGui::GetContentRegionAvail().x, ui.metrics.touchMin());
    if (size.y <= 0) size.y = ui.metrics.touchMin();
    IM_ASSERT(size.x >= ui.metrics.touchMin() - 0.5f && size.y >= ui.metrics.touchMin() - 0.5f &&
              "touch targets are at least 12 mm in both directions");

    ImGui::PushID(spec.id);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    bool tapped = ImGui::InvisibleButton("##touch", size);
    const bool held = ImGui::IsItemActive() && ImGui::IsItemHovered();
    ImGui::PopID();
    if (!spec.enabled) {
        if (tapped && spec.tappedWhileDisabled) *spec.tappedWhileDisabled = true;
        tapped = false;
    }
    ui.widgets.add({spec.id, min.x, min.y, max.x, max.y, spec.enabled, spec.selected});

    const Look look = lookFor(ui, spec);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float rounding = ui.mm(2.5f);
    list->AddRectFilled(min, max, look.fill, rounding);
    const float borderWidth = spec.selected ? ui.mm(1.0f) : std::max(1.0f, ui.mm(0.35f));
    if (spec.kind != ButtonKind::Primary || !spec.enabled)
        list->AddRect(min, max, look.border, rounding, 0, borderWidth);
    if (held && spec.enabled) list->AddRectFilled(min, max, ui.colours.pressed, rounding);

    const Colour textColour = spec.enabled ? look.text : ui.colours.mutedText;
    const float pad = ui.mm(3.0f);
    const float innerWidth = size.x - 2 * pad;

    if (spec.kind == ButtonKind::Tile) {
        // Icon large on top, the label bold, then the short line, as one block centred in the
        // tile: readable from a step away.
        const float iconHeight = spec.icon ? measureText(ui.fonts.title, spec.icon).y + ui.mm(1.5f) : 0.0f;
        const float labelHeight = measureText(ui.fonts.heading, spec.label, innerWidth).y;
        const float detailHeight = spec.detail ? ui.mm(1.0f) + measureText(ui.fonts.body, spec.detail, innerWidth).y : 0.0f;
        float y = min.y + std::max(pad, (size.y - iconHeight - labelHeight - detailHeight) * 0.5f);
        // A right-to-left interface starts each line at the tile's right edge.
        auto startX = [&](ImFont* font, std::string_view text) {
            return rightToLeft() ? max.x - pad - measureText(font, text, innerWidth).x : min.x + pad;
        };
        const Colour iconColour = spec.selected ? look.text : ui.colours.selected;
        if (spec.icon) drawText(list, ui.fonts.title, ImVec2(startX(ui.fonts.title, spec.icon), y), iconColour, spec.icon);
        y += iconHeight;
        drawText(list, ui.fonts.heading, ImVec2(startX(ui.fonts.heading, spec.label), y), textColour, spec.label, innerWidth);
        y += labelHeight + ui.mm(1.0f);
        if (spec.detail)
            drawText(list, ui.fonts.body, ImVec2(startX(ui.fonts.body, spec.detail), y),
                     spec.selected ? look.text : ui.colours.mutedText, spec.detail, innerWidth);
        return tapped;
    }

    // Icon and label centred as one line (wrapped when it does not fit).
    ImFont* font = spec.kind == ButtonKind::Quiet || spec.kind == ButtonKind::Choice ? ui.fonts.body : ui.fonts.heading;
    std::string text;
    if (spec.icon) {
        text = spec.icon;
        if (spec.label && *spec.label) text += "  ";
    }
    if (spec.label) text += spec.label;
    const ImVec2 textSize = measureText(font, text, innerWidth);
    const ImVec2 pos(min.x + std::max(pad, (size.x - textSize.x) * 0.5f), min.y + (size.y - textSize.y) * 0.5f);
    drawText(list, font, pos, textColour, text, innerWidth);
    return tapped;
}

}  // namespace buurtstem::ui
