// HomeScreen: large tiles for what a resident can do here. Only what works is shown.
#include "Screens.h"

#include "../Icons.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

namespace buurtstem::ui {

namespace {

struct Tile {
    const char* id;
    const char* icon;
    std::string label;
    std::string detail;
};

float tileHeight(const Ui& ui, const Tile& tile, float width, bool withDetail) {
    const float inner = width - 2 * ui.mm(3);
    return ui.mm(6) + ui.fonts.title->FontSize + ui.mm(1.5f) + measureText(ui.fonts.heading, tile.label, inner).y +
           (withDetail ? ui.mm(1) + measureText(ui.fonts.body, tile.detail, inner).y : 0.0f) + ui.mm(4);
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
        {"home.tile.initiative", icon::Initiative, ui.tr("home.tile.initiative"),
         ui.tr(ctx.view.initiativesOpen ? "home.tile.initiative.detail" : "home.tile.initiative.closed")},
        {"home.tile.ideas", icon::List, ui.tr("home.tile.ideas"), ui.format("home.tile.ideas.detail", {{"count", count}})},
        // Once per visit (pulse and needs): after sending, the tile says thanks with a check mark and does nothing.
        {"home.tile.pulse", pulseGiven ? icon::Check : icon::Pulse, ui.tr("home.tile.pulse"),
         ui.tr(pulseGiven ? "home.tile.pulse.done" : "home.tile.pulse.detail")},
        {"home.tile.needs", needsGiven ? icon::Check : icon::Handshake, ui.tr("home.tile.needs"),
         ui.tr(needsGiven ? "home.tile.needs.done" : "home.tile.needs.detail")},
    };
    // Voting first and across the whole top row while a round is open: it runs for a few weeks only.
    std::vector<Tile> shownTiles;
    if (ctx.view.openRound)
        shownTiles.push_back({"home.tile.vote", icon::Ticked, ui.tr("home.tile.vote"),
                              ui.format("home.tile.vote.detail", {{"round", ctx.view.openRound->name}})});
    // The results of the round that closed last, right after voting: what the neighbourhood decided.
    if (ctx.view.publishedRound)
        shownTiles.push_back({"home.tile.results", icon::Results, ui.tr("home.tile.results"),
                              ui.tr("home.tile.results.detail")});
    shownTiles.insert(shownTiles.end(), std::begin(tiles), std::end(tiles));
    const int tileCount = static_cast<int>(shownTiles.size());
    const float gap = ui.metrics.gap();
    const ImVec2 available = ImGui::GetContentRegionAvail();
    // All in one row when each tile can be 110 mm wide (the labels then stay on one or two
    // lines); with seven or more tiles (a vote and its results) four side by side at 70 mm;
    // else three at 75 mm, two at 70 mm, else one above the other.
    const int columns = available.x >= tileCount * ui.mm(110) + (tileCount - 1) * gap ? tileCount
                        : tileCount > 6 && available.x >= 4 * ui.mm(70) + 3 * gap ? 4
                        : available.x >= 3 * ui.mm(75) + 2 * gap               ? 3
                        : available.x >= 2 * ui.mm(70) + gap                    ? 2
                                                                                : 1;
    const int rows = (tileCount + columns - 1) / columns;
    const float width = (available.x - (columns - 1) * gap) / columns;
    const float room = (available.y - (rows - 1) * gap) / rows;
    // The details go when the tiles would not fit with them (large text on a small screen).
    const auto tallest = [&](bool withDetail) {
        float tallest = 0;
        for (const Tile& tile : shownTiles) tallest = std::max(tallest, tileHeight(ui, tile, width, withDetail));
        return tallest;
    };
    const bool withDetail = tallest(true) <= std::max(room, ui.metrics.touchMain() * 2.5f);
    const float height = std::max(std::clamp(room, ui.metrics.touchMain() * 2.5f, ui.mm(90)), tallest(withDetail));

    // The tiles sit at the bottom of the screen, within reach from a wheelchair; the welcome
    // stays at the top where the eye starts.
    const float gridHeight = rows * height + (rows - 1) * gap;
    const ImVec2 origin(ImGui::GetCursorScreenPos().x,
                        std::max(ImGui::GetCursorScreenPos().y, ctx.contentMin.y + ctx.contentSize.y - gridHeight));
    // The tiles of a shorter last row share the whole row rather than leave a hole beside them.
    const int lastRowCount = tileCount - (rows - 1) * columns;
    const float lastRowWidth = (available.x - (lastRowCount - 1) * gap) / lastRowCount;
    for (int i = 0; i < tileCount; ++i) {
        const bool lastRow = i / columns == rows - 1;
        const ImVec2 size(lastRow ? lastRowWidth : width, height);
        const ImVec2 at = lastRow ? gridCell(origin, i - (rows - 1) * columns + (rows - 1) * lastRowCount, lastRowCount, size, gap)
                                  : gridCell(origin, i, columns, size, gap);
        ImGui::SetCursorScreenPos(at);
        ButtonSpec spec;
        spec.id = shownTiles[i].id;
        spec.icon = shownTiles[i].icon;
        spec.label = shownTiles[i].label.c_str();
        spec.detail = withDetail ? shownTiles[i].detail.c_str() : nullptr;
        spec.size = size;
        spec.kind = ButtonKind::Tile;
        const std::string_view id = shownTiles[i].id;
        spec.enabled = (id != "home.tile.pulse" || !pulseGiven) && (id != "home.tile.needs" || !needsGiven);
        if (touchButton(ui, spec)) {
            if (id == "home.tile.vote")
                ctx.actions.go = ScreenId::VoteCode;
            else if (id == "home.tile.results")
                ctx.actions.go = ScreenId::RoundResults;
            else if (id == "home.tile.idea")
                ctx.actions.startIdea = true;
            else if (id == "home.tile.initiative")
                ctx.actions.go = ScreenId::InitiativeStart;
            else if (id == "home.tile.ideas")
                ctx.actions.go = ScreenId::IdeaList;
            else if (id == "home.tile.pulse")
                ctx.actions.go = ScreenId::Pulse;
            else
                ctx.actions.go = ScreenId::MeetingNeeds;
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + rows * (height + gap)));
    ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace buurtstem::ui
