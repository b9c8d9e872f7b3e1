// IdeaPlace: the step after the text — where is it? The whole neighbourhood (chosen until the
// resident taps a place) or one of the neighbourhood's named places, then Next.
#include "Screens.h"

#include "../Icons.h"
#include "../widgets/TouchButton.h"

#include <algorithm>

namespace buurtstem::ui {

namespace {

// A check mark on the chosen place, so the choice does not rest on colour alone.
std::string choiceLabel(const char* text, bool selected) {
    return selected ? std::string(icon::Check) + "  " + text : std::string(text);
}

}  // namespace

void drawIdeaPlace(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    IdeaDraft& draft = ctx.state.idea.draft;
    screenHeading(ctx, ui.tr("idea.place.heading"));
    screenText(ctx, ui.tr("idea.place.help"), true);
    ImGui::Dummy(ImVec2(0, ui.mm(1)));

    const float gap = ui.metrics.gap();
    const float width = ImGui::GetContentRegionAvail().x;
    const float buttonsTop = ctx.contentMin.y + ctx.contentSize.y - ui.metrics.touchMain();

    // The whole neighbourhood first and across the full width: most ideas are about no one spot.
    const bool whole = draft.place.empty();
    const std::string wholeLabel = choiceLabel(ui.tr("idea.place.whole"), whole);
    ButtonSpec wholeSpec;
    wholeSpec.id = "idea.place.whole";
    wholeSpec.label = wholeLabel.c_str();
    wholeSpec.size = ImVec2(width, ui.metrics.touchMain());
    wholeSpec.kind = ButtonKind::Choice;
    wholeSpec.selected = whole;
    if (touchButton(ui, wholeSpec)) draft.place.clear();
    ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y));

    // As many columns as the longest name allows (names do not wrap inside a button), at most four.
    const std::vector<std::string>& places = ctx.view.places;
    float longest = 0;
    for (const std::string& place : places)
        longest = std::max(longest, measureText(ui.fonts.body, choiceLabel(place.c_str(), true)).x);
    const float cellMin = longest + ui.mm(10);
    int columns = 4;
    while (columns > 1 && columns * cellMin + (columns - 1) * gap > width) --columns;
    const int rows = static_cast<int>((places.size() + columns - 1) / columns);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    // Rows share the height above Next, between a finger's minimum and a main button.
    const float spare = buttonsTop - gap - origin.y - (rows - 1) * gap;
    const float height = rows > 0 ? std::clamp(spare / rows, ui.metrics.touchMin(), ui.metrics.touchMain()) : 0.0f;
    const ImVec2 cell((width - (columns - 1) * gap) / columns, height);
    for (std::size_t i = 0; i < places.size(); ++i) {
        const bool selected = draft.place == places[i];
        const std::string id = "#idea.place." + std::to_string(i);
        const std::string label = choiceLabel(places[i].c_str(), selected);
        ImGui::SetCursorScreenPos(gridCell(origin, static_cast<int>(i), columns, cell, gap));
        ButtonSpec spec;
        spec.id = id.c_str();
        spec.label = label.c_str();
        spec.size = cell;
        spec.kind = ButtonKind::Choice;
        spec.selected = selected;
        if (touchButton(ui, spec)) draft.place = places[i];
    }
    const float gridBottom = origin.y + rows * (cell.y + gap);

    // Next at the bottom, on the reading side's far end, where the other steps have theirs.
    const float buttonWidth = std::min(width, ui.mm(80));
    const float x = rightToLeft() ? ctx.contentMin.x : ctx.contentMin.x + width - buttonWidth;
    ImGui::SetCursorScreenPos(ImVec2(x, std::max(gridBottom, buttonsTop)));
    const std::string nextLabel = std::string(rightToLeft() ? icon::Back : icon::Next) + "  " + ui.tr("idea.place.next");
    ButtonSpec next;
    next.id = "idea.place.next";
    next.label = nextLabel.c_str();
    next.size = ImVec2(buttonWidth, ui.metrics.touchMain());
    next.kind = ButtonKind::Primary;
    if (touchButton(ui, next)) ctx.actions.go = ScreenId::IdeaContact;
}

}  // namespace buurtstem::ui
