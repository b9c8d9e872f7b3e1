// HomeScreen: large tiles for what a resident can do here. Only what works is shown.
#include "Screens.h"

#include "../Icons.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <iterator>
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
    const bool pulseGiven = ctx.state.pulseGiven;
    const bool needsGiven = ctx.state.needsGiven;
    const Tile tiles[] = {
        {"home.tile.idea", icon::Idea, ui.tr("home.tile.idea"), ui.tr("home.tile.idea.detail")},
        {"home.tile.ideas", icon::List, ui.tr("home.tile.ideas"), ui.format("home.tile.ideas.detail", {{"count", count}})},
        // Once per visit (pulse and needs): after sending, the tile says thanks with a check mark and does nothing.
        {"home.tile.pulse", pulseGiven ? icon::Check : icon::Pulse, ui.tr("home.tile.pulse"),
         ui.tr(pulseGiven ? "home.tile.pulse.done" : "home.tile.pulse.detail")},
        {"home.tile.needs", needsGiven ? icon::Check : icon::Handshake, ui.tr("home.tile.needs"),
         ui.tr(needsGiven ? "home.tile.needs.done" : "home.tile.needs.detail")},
    };
    constexpr int kTiles = static_cast<int>(std::size(tiles));
    const float gap = ui.metrics.gap();
    const ImVec2 available = ImGui::GetContentRegionAvail();
    // All in one row when each tile can be 110 mm wide (the labels then stay on one or two
    // lines), else two side by side when each can be 70 mm, else one above the other.
    const int columns = available.x >= kTiles * ui.mm(110) + (kTiles - 1) * gap ? kTiles
                        : available.x >= 2 * ui.mm(70) + gap                    ? 2
                                                                                : 1;
    const int rows = (kTiles + columns - 1) / columns;
    const float width = (available.x - (columns - 1) * gap) / columns;
    float height = std::clamp((available.y - (rows - 1) * gap) / rows, ui.metrics.touchMain() * 2.5f, ui.mm(90));
    for (const Tile& tile : tiles) height = std::max(height, tileHeight(ui, tile, width));

    // The tiles sit at the bottom of the screen, within reach from a wheelchair; the welcome
    // stays at the top where the eye starts.
    const float gridHeight = rows * height + (rows - 1) * gap;
    const ImVec2 origin(ImGui::GetCursorScreenPos().x,
                        std::max(ImGui::GetCursorScreenPos().y, ctx.contentMin.y + ctx.contentSize.y - gridHeight));
    for (int i = 0; i < kTiles; ++i) {
        ImVec2 size(width, height);
        ImVec2 at = gridCell(origin, i, columns, size, gap);
        // A tile alone in the last row takes the whole row rather than leave a hole beside it.
        const bool alone = i == kTiles - 1 && i % columns == 0 && columns > 1;
        if (alone) {
            size.x = available.x;
            at.x = origin.x;
        }
        ImGui::SetCursorScreenPos(at);
        ButtonSpec spec;
        spec.id = tiles[i].id;
        spec.icon = tiles[i].icon;
        spec.label = tiles[i].label.c_str();
        spec.detail = tiles[i].detail.c_str();
        spec.size = size;
        spec.kind = ButtonKind::Tile;
        spec.enabled = (i != 2 || !pulseGiven) && (i != 3 || !needsGiven);
        if (touchButton(ui, spec)) {
            if (i == 0)
                ctx.actions.startIdea = true;
            else if (i == 1)
                ctx.actions.go = ScreenId::IdeaList;
            else if (i == 2)
                ctx.actions.go = ScreenId::Pulse;
            else
                ctx.actions.go = ScreenId::MeetingNeeds;
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + rows * (height + gap)));
    ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace buurtstem::ui
