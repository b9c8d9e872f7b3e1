// HomeScreen: large tiles for what a resident can do here. Only what works is shown.
#include "Screens.h"

#include "../Icons.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

namespace {

struct Tile {
    const char* id;
    const char* icon;
    std::string label;
    std::string detail;
};

float tileHeight(const Ui& ui, const Tile& tile, float width) {
    const float inner = width - 2 * ui.mm(3);
    return ui.mm(6) + ui.fonts.title->FontSize + ui.mm(1.5f) + measureText(ui.fonts.heading, tile.label, inner).y +
           ui.mm(1) + measureText(ui.fonts.body, tile.detail, inner).y + ui.mm(4);
}

}  // namespace

void drawHomeScreen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const std::string welcome = ctx.view.neighbourhood.empty()
                                    ? std::string(ui.tr("home.welcome_plain"))
                                    : ui.format("home.welcome", {{"neighbourhood", ctx.view.neighbourhood}});
    screenHeading(ctx, welcome.c_str());
    screenText(ctx, ui.tr("home.what_to_do"));
    ImGui::Dummy(ImVec2(0, ui.mm(2)));

    const std::string count = std::to_string(ctx.view.ideas.size());
    const Tile tiles[] = {
        {"home.tile.idea", icon::Idea, ui.tr("home.tile.idea"), ui.tr("home.tile.idea.detail")},
        {"home.tile.ideas", icon::List, ui.tr("home.tile.ideas"), ui.format("home.tile.ideas.detail", {{"count", count}})},
    };
    const float gap = ui.metrics.gap();
    const float available = ImGui::GetContentRegionAvail().x;
    // Side by side when each tile can be at least 70 mm wide, else one above the other.
    const int columns = available >= 2 * ui.mm(70) + gap ? 2 : 1;
    const float width = (available - (columns - 1) * gap) / columns;
    float height = std::clamp(ImGui::GetContentRegionAvail().y * 0.5f, ui.metrics.touchMain() * 2.5f, ui.mm(90));
    for (const Tile& tile : tiles) height = std::max(height, tileHeight(ui, tile, width));

    for (int i = 0; i < 2; ++i) {
        if (i % columns != 0) ImGui::SameLine(0, gap);
        ButtonSpec spec;
        spec.id = tiles[i].id;
        spec.icon = tiles[i].icon;
        spec.label = tiles[i].label.c_str();
        spec.detail = tiles[i].detail.c_str();
        spec.size = ImVec2(width, height);
        spec.kind = ButtonKind::Tile;
        if (touchButton(ui, spec)) {
            if (i == 0)
                ctx.actions.startIdea = true;
            else
                ctx.actions.go = ScreenId::IdeaList;
        }
    }
}

}  // namespace buurtstem::ui
