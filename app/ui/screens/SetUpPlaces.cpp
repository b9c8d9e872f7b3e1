// The set-up's places step: the streets and places residents choose "where is it?" from, typed
// on the on-screen keyboard, in the residents' order. A tapped place can move up or down or go.
// A neighbourhood map stays as it is (read-only here): places that keep their names keep their
// spots, a new place is in the list only.
#include "Screens.h"

#include "../../core/Utf8.h"
#include "../Icons.h"
#include "../widgets/TextField.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

namespace {

// Adds the typed place; false (and a problem said) when it is empty, too long or already there.
bool addTypedPlace(SetUpFlow& flow) {
    const std::string name = utf8::trim(flow.placeTyped);
    if (name.empty()) return true;  // nothing typed: nothing to add
    const bool known = std::any_of(flow.places.begin(), flow.places.end(), [&](const Place& p) { return p.name == name; });
    if (known || utf8::countCodePoints(name) > kPlaceNameMax || flow.places.size() >= kMaxPlaces) {
        flow.problemKey = "setup.places.problem";
        return false;
    }
    flow.places.push_back(Place{name, std::nullopt});
    flow.placeTyped.clear();
    flow.selectedPlace.reset();
    flow.problemKey = nullptr;
    return true;
}

}  // namespace

void drawSetUpPlaces(ScreenContext& ctx) {
    if (!setUpAllowed(ctx)) return;
    Ui& ui = ctx.ui;
    SetUpFlow& flow = ctx.state.setUp;
    const float width = ctx.contentSize.x;
    const float gap = ui.metrics.gap();
    const bool typing = flow.focus == SetUpField::Place;
    setUpHeading(ctx, ScreenId::SetUpPlaces, "setup.places.heading");
    if (!typing) screenText(ctx, ui.tr("setup.places.text"), true);
    const std::size_t spots =
        static_cast<std::size_t>(std::count_if(flow.places.begin(), flow.places.end(), [](const Place& p) { return p.onMap.has_value(); }));
    if (!flow.map.empty() && spots > 0 && !typing)
        screenText(ctx, std::string(icon::Info) + "  " + ui.format("setup.places.map", {{"map", flow.map}, {"count", std::to_string(spots)}}));

    // [New place] Tapping the field brings the keyboard; its own key adds the place.
    TextFieldSpec field;
    field.id = "#setup.place.new";
    field.label = ui.tr("setup.places.new");
    field.placeholder = ui.tr("setup.places.placeholder");
    field.text = &flow.placeTyped;
    field.focused = typing;
    field.problem = flow.problemKey ? ui.tr(flow.problemKey) : nullptr;
    if (textField(ui, field)) {
        flow.focus = SetUpField::Place;
        flow.selectedPlace.reset();
    }
    ImGui::Dummy(ImVec2(0, gap * 0.5f));

    // [Bottom] The keyboard while typing; else the selected place's buttons and Back / Next.
    const float bottom = ctx.contentMin.y + ctx.contentSize.y;
    const float keyboardHeight = ctx.keyboard.height(ui);
    const float third = (width - 2 * gap) / 3;
    float controlHeight = ui.metrics.touchMin();
    for (const char* key : {"setup.places.up", "setup.places.down", "setup.places.remove"})
        controlHeight = std::max(controlHeight, setUpButtonHeight(ui, icon::Remove, ui.tr(key), third));
    const float controlsHeight = controlHeight + gap + ui.metrics.touchMain() + gap;
    const float listBottom = typing ? bottom - keyboardHeight - gap : bottom - controlsHeight - gap;

    // [List] Numbered as residents see it; a place on the map says so.
    const float listTop = ImGui::GetCursorScreenPos().y;
    if (flow.places.empty()) {
        screenText(ctx, ui.tr("setup.places.empty"), true);
    } else if (listBottom - listTop >= ui.metrics.touchMin()) {
        ctx.pageScroll.begin(ui, "#setup.places.list", ImVec2(width, listBottom - listTop));
        ImDrawList* list = ImGui::GetWindowDrawList();
        const float pad = ui.mm(3);
        for (std::size_t i = 0; i < flow.places.size(); ++i) {
            const Place& place = flow.places[i];
            std::string text = std::to_string(i + 1) + ".  " + place.name;
            if (place.onMap) text += "   " + std::string(icon::Check) + " " + ui.tr("setup.places.on_map");
            const float height = std::max(ui.metrics.touchMin(), measureText(ui.fonts.body, text, width - 2 * pad).y + 2 * pad);
            const std::string id = "#setup.place." + std::to_string(i);
            ImVec2 min, max;
            bool held = false;
            if (ctx.pageScroll.row(ui, id.c_str(), height, &min, &max, &held)) {
                flow.selectedPlace = flow.selectedPlace == i ? std::nullopt : std::optional<std::size_t>(i);
                flow.focus = SetUpField::None;
            }
            const bool selected = flow.selectedPlace == i;
            if (selected || held)
                list->AddRectFilled(min, max, held ? ui.colours.pressed : (ui.colours.selected & 0x00FFFFFFu) | 0x30000000u, ui.mm(2));
            list->AddRect(min, max, selected ? ui.colours.selected : ui.colours.border, ui.mm(2), 0, ui.mm(selected ? 0.8f : 0.35f));
            const float textHeight = measureText(ui.fonts.body, text, width - 2 * pad).y;
            drawText(list, ui.fonts.body, ImVec2(min.x + pad, min.y + (height - textHeight) * 0.5f), ui.colours.text, text, width - 2 * pad);
        }
        ctx.pageScroll.end(ui);
    }

    if (typing) {
        ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, bottom - keyboardHeight));
        KeyboardOptions options;
        options.maxCodePoints = kPlaceNameMax;
        options.doneKey = "setup.places.add";
        options.native = lettersFor(ui.translator->language().code);
        const KeyboardEvent event = ctx.keyboard.draw(ui, flow.placeTyped, options, width);
        if (event == KeyboardEvent::Edited) flow.problemKey = nullptr;
        if (event == KeyboardEvent::Done && addTypedPlace(flow)) flow.focus = SetUpField::None;
        return;
    }

    // Up, down and remove act on the tapped place.
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, bottom - controlsHeight));
    const std::optional<std::size_t> selected = flow.selectedPlace && *flow.selectedPlace < flow.places.size() ? flow.selectedPlace : std::nullopt;
    struct Control {
        const char* id;
        const char* icon;
        bool enabled;
    };
    const Control controls[] = {{"setup.places.up", icon::Shift, selected && *selected > 0},
                                {"setup.places.down", icon::Minus, selected && *selected + 1 < flow.places.size()},
                                {"setup.places.remove", icon::Remove, selected.has_value()}};
    const ImVec2 controlsOrigin = ImGui::GetCursorScreenPos();
    for (int i = 0; i < 3; ++i) {
        ImGui::SetCursorScreenPos(gridCell(controlsOrigin, i, 3, ImVec2(third, controlHeight), gap));
        ButtonSpec spec;
        spec.id = controls[i].id;
        spec.label = ui.tr(controls[i].id);
        spec.icon = controls[i].icon;
        spec.size = ImVec2(third, controlHeight);
        spec.enabled = controls[i].enabled;
        if (!touchButton(ui, spec) || !selected) continue;
        const std::size_t at = *selected;
        if (i == 0) {
            std::swap(flow.places[at], flow.places[at - 1]);
            flow.selectedPlace = at - 1;
        } else if (i == 1) {
            std::swap(flow.places[at], flow.places[at + 1]);
            flow.selectedPlace = at + 1;
        } else {
            flow.places.erase(flow.places.begin() + static_cast<std::ptrdiff_t>(at));
            flow.selectedPlace.reset();
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, controlsOrigin.y + controlHeight + gap));
    setUpButtons(ctx, ScreenId::SetUpPlaces, true);
}

}  // namespace buurtstem::ui
