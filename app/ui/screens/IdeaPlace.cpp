// IdeaPlace: the step after the text — where is it? The whole neighbourhood (chosen until the
// resident taps a place) or one of the neighbourhood's named places, then Next. With a
// neighbourhood map the places are tapped on the map or in the list beside it; without one (or
// when its picture cannot be read) they are a grid of buttons.
#include "Screens.h"

#include "../Icons.h"
#include "../widgets/TouchButton.h"
#include "../widgets/PlaceMap.h"

#include <algorithm>
#include <cmath>

namespace buurtstem::ui {

namespace {

// A check mark on the chosen place, so the choice does not rest on colour alone.
std::string choiceLabel(const char* text, bool selected) {
    return selected ? std::string(icon::Check) + "  " + text : std::string(text);
}

// The whole neighbourhood across the full width, then the places as a grid of buttons.
// Returns where the grid ends.
float wholeAndGrid(ScreenContext& ctx, float buttonsTop) {
    Ui& ui = ctx.ui;
    IdeaDraft& draft = ctx.state.idea.draft;
    const float gap = ui.metrics.gap();
    const float width = ImGui::GetContentRegionAvail().x;

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
    return origin.y + rows * (cell.y + gap);
}

// Scrolls the list just enough to show row `index` (rows of `rowHeight` and a gap, in a view of
// `viewHeight`): a place tapped on the map is then also seen chosen in the list.
void showRow(DragScrollList& list, std::size_t index, float rowHeight, float gap, float viewHeight) {
    const float top = static_cast<float>(index) * (rowHeight + gap);
    if (top < list.scrollOffset())
        list.setScrollOffset(top);
    else if (top + rowHeight > list.scrollOffset() + viewHeight)
        list.setScrollOffset(top + rowHeight - viewHeight);
}

// The map at the start of the reading side, and beside it the whole neighbourhood and the
// places by their numbers on the map, in a list that scrolls when they do not all fit (large
// text, small screens). Returns where they end.
float mapAndList(ScreenContext& ctx, float bottom) {
    Ui& ui = ctx.ui;
    IdeaDraft& draft = ctx.state.idea.draft;
    const std::vector<std::string>& places = ctx.view.places;
    const float gap = ui.metrics.gap();
    const float pad = ui.mm(3);
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    // Rows share the height beside the map, between a finger's minimum and a comfortable size.
    // When they do not all fit, the last one in view must show at least in part, or nothing
    // would tell that there is more below: rows then grow until half of one shows.
    const float wholeHeight = ui.metrics.touchMin() + ui.mm(4);
    const float listHeight = std::max(ui.metrics.touchMin(), bottom - origin.y - wholeHeight - gap);
    const float count = static_cast<float>(std::max<std::size_t>(places.size(), 1));
    const float step = ui.metrics.touchMin() + gap;
    const float inView = (listHeight + gap) / step;  // rows of the minimum height that fit
    float rowHeight = ui.metrics.touchMin();
    if (count <= inView)
        rowHeight = std::clamp((listHeight + gap) / count - gap, ui.metrics.touchMin(), ui.mm(16));
    else if (inView - std::floor(inView) < 0.3f)
        rowHeight = listHeight / (std::max(1.0f, std::floor(inView) - 0.5f)) - gap;
    const float numberSize = std::min(rowHeight - ui.mm(3), ui.fonts.body->FontSize + ui.mm(2));
    const float checkWidth = measureText(ui.fonts.body, icon::Check).x;

    // The list as wide as its longest line, within limits; the map takes the rest at its own
    // proportions, and what it leaves goes to the list.
    const char* wholeText = ui.tr("idea.place.whole");
    float longest = measureText(ui.fonts.body, choiceLabel(wholeText, true)).x + 2 * pad;
    for (const std::string& place : places)
        longest = std::max(longest, numberSize + measureText(ui.fonts.body, place).x + checkWidth + 4 * pad);
    float listWidth = std::clamp(longest, ui.mm(55), width * 0.45f);
    const ImVec2 mapSize = placeMapSize(ctx.map.texture, ImVec2(width - listWidth - gap, bottom - origin.y));
    listWidth = std::max(listWidth, width - mapSize.x - gap);
    const float mapX = rightToLeft() ? origin.x + width - mapSize.x : origin.x;
    const float listX = rightToLeft() ? origin.x : origin.x + width - listWidth;

    int selected = -1;
    for (std::size_t i = 0; i < places.size(); ++i)
        if (draft.place == places[i]) selected = static_cast<int>(i);

    const float listTop = origin.y + wholeHeight + gap;

    ImGui::SetCursorScreenPos(ImVec2(mapX, origin.y));
    PlaceMapSpec map;
    map.id = "#idea.place.map";
    map.size = mapSize;
    map.texture = ctx.map.texture;
    map.names = &places;
    map.spots = &ctx.view.placeSpots;
    map.selected = selected;
    map.wholeChosen = draft.place.empty();
    const int tapped = placeMap(ui, map);
    if (tapped >= 0) {
        draft.place = places[static_cast<std::size_t>(tapped)];
        showRow(ctx.pageScroll, static_cast<std::size_t>(tapped), rowHeight, gap, listHeight);
    }

    ImGui::SetCursorScreenPos(ImVec2(listX, origin.y));
    const std::string wholeLabel = choiceLabel(wholeText, draft.place.empty());
    ButtonSpec whole;
    whole.id = "idea.place.whole";
    whole.label = wholeLabel.c_str();
    whole.size = ImVec2(listWidth, wholeHeight);
    whole.kind = ButtonKind::Choice;
    whole.selected = draft.place.empty();
    if (touchButton(ui, whole)) draft.place.clear();

    // Each place with the number its marker shows, in a row that scrolls with a finger.
    ImGui::SetCursorScreenPos(ImVec2(listX, listTop));
    ctx.pageScroll.begin(ui, "#idea.place.list", ImVec2(listWidth, listHeight));
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float rounding = ui.mm(2.5f);
    for (std::size_t i = 0; i < places.size(); ++i) {
        const bool chosen = draft.place == places[i];
        const std::string id = "#idea.place." + std::to_string(i);
        ImVec2 min, max;
        bool held = false;
        if (ctx.pageScroll.row(ui, id.c_str(), rowHeight, &min, &max, &held)) draft.place = places[i];
        if (max.y < listTop || min.y > listTop + listHeight) continue;  // scrolled out of sight
        list->AddRectFilled(min, max, chosen ? ui.colours.primary : ui.colours.surface, rounding);
        list->AddRect(min, max, chosen ? ui.colours.selected : ui.colours.border, rounding, 0,
                      chosen ? ui.mm(1.0f) : std::max(1.0f, ui.mm(0.35f)));
        if (held) list->AddRectFilled(min, max, ui.colours.pressed, rounding);
        const float middle = (min.y + max.y) * 0.5f;
        const Colour text = chosen ? ui.colours.onPrimary : ui.colours.text;

        // The number as on the map: a white disc with a ring, at the start of the reading side.
        const float discX = rightToLeft() ? max.x - pad - numberSize * 0.5f : min.x + pad + numberSize * 0.5f;
        list->AddCircleFilled(ImVec2(discX, middle), numberSize * 0.5f, ui.colours.surface);
        list->AddCircle(ImVec2(discX, middle), numberSize * 0.5f - ui.mm(0.3f), ui.colours.selected, 0, ui.mm(0.5f));
        const std::string number = std::to_string(i + 1);
        const ImVec2 numberExtent = measureText(ui.fonts.body, number);
        drawText(list, ui.fonts.body, ImVec2(discX - numberExtent.x * 0.5f, middle - numberExtent.y * 0.5f), ui.colours.text,
                 number);

        // The name after it, and a check mark at the end for the chosen one (not colour alone).
        const float nameRoom = listWidth - numberSize - checkWidth - 4 * pad;
        const std::string name = fitOnOneLine(ui.fonts.body, places[i], nameRoom);
        const ImVec2 nameExtent = measureText(ui.fonts.body, name);
        const float nameX = rightToLeft() ? max.x - 2 * pad - numberSize - nameExtent.x : min.x + 2 * pad + numberSize;
        drawText(list, ui.fonts.body, ImVec2(nameX, middle - nameExtent.y * 0.5f), text, name);
        if (chosen) {
            const float checkX = rightToLeft() ? min.x + pad : max.x - pad - checkWidth;
            drawText(list, ui.fonts.body, ImVec2(checkX, middle - ui.fonts.body->FontSize * 0.5f), text, icon::Check);
        }
    }
    ctx.pageScroll.end(ui);
    return bottom;
}

}  // namespace

void drawIdeaPlace(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    screenHeading(ctx, ui.tr("idea.place.heading"));
    screenText(ctx, ui.tr(ctx.map.shown ? "idea.place.help_map" : "idea.place.help"), true);
    ImGui::Dummy(ImVec2(0, ui.mm(1)));

    const float gap = ui.metrics.gap();
    const float width = ImGui::GetContentRegionAvail().x;
    const float buttonsTop = ctx.contentMin.y + ctx.contentSize.y - ui.metrics.touchMain();

    const float gridBottom = ctx.map.shown ? mapAndList(ctx, buttonsTop - gap) : wholeAndGrid(ctx, buttonsTop);

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
    if (touchButton(ui, next)) ctx.actions.go = ctx.state.idea.initiative ? ScreenId::InitiativeWho : ScreenId::IdeaContact;
}

}  // namespace buurtstem::ui
