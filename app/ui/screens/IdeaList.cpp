// IdeaList: what neighbours have shared, newest first, in a list that scrolls by dragging.
#include "Screens.h"

#include "../Icons.h"
#include "../ThemeLook.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

void drawIdeaList(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const std::string heading = ui.format("ideas.heading", {{"count", std::to_string(ctx.view.ideas.size())}});
    screenHeading(ctx, heading.c_str());
    if (ctx.view.ideas.empty()) {
        screenText(ctx, ui.tr("ideas.empty"));
        return;
    }
    screenText(ctx, ui.tr("ideas.help"), true);

    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ctx.contentMin.y + ctx.contentSize.y - ImGui::GetCursorScreenPos().y;
    const float pad = ui.mm(4);
    const float iconColumn = ui.fonts.title->FontSize + 2 * pad;
    const float inner = width - iconColumn - 2 * pad;
    const char* demoLabel = ui.tr("ideas.demo_badge");

    ctx.ideaList.begin(ui, "#ideas", ImVec2(width, height));
    ImDrawList* list = ImGui::GetWindowDrawList();
    for (const Idea& idea : ctx.view.ideas) {
        const std::string themeLine = std::string(ui.tr(themeLabelKey(idea.theme))) + (idea.demo ? "   ·   " : "");
        const float rowHeight = std::max(ui.metrics.touchMain(), 2 * pad + measureText(ui.fonts.heading, idea.title, inner).y +
                                                                     ui.mm(1) + ui.fonts.body->FontSize);
        ImVec2 min, max;
        bool held = false;
        const std::string id = "#idea." + idea.reference;
        if (ctx.ideaList.row(ui, id.c_str(), rowHeight, &min, &max, &held)) ctx.actions.openIdea = idea.id;
        if (max.y < ImGui::GetWindowPos().y || min.y > ImGui::GetWindowPos().y + height) continue;  // off screen

        // Rows are outlined, not filled: a list of filled cards covers most of the screen, and
        // every covered pixel costs a software renderer time (docs/PERFORMANCE.md).
        list->AddRect(min, max, ui.colours.border, ui.mm(2), 0, ui.mm(0.35f));
        if (held) list->AddRectFilled(min, max, ui.colours.pressed, ui.mm(2));
        drawText(list, ui.fonts.title, ImVec2(min.x + pad, min.y + pad), ui.colours.selected, themeIcon(idea.theme));
        const float x = min.x + iconColumn;
        drawText(list, ui.fonts.heading, ImVec2(x, min.y + pad), ui.colours.text, idea.title, inner);
        const float lineY = min.y + pad + measureText(ui.fonts.heading, idea.title, inner).y + ui.mm(1);
        drawText(list, ui.fonts.body, ImVec2(x, lineY), ui.colours.mutedText, themeLine);
        if (idea.demo) {
            const float bx = x + measureText(ui.fonts.body, themeLine).x;
            drawText(list, ui.fonts.body, ImVec2(bx, lineY), ui.colours.danger, demoLabel);
        }
        drawText(list, ui.fonts.heading, ImVec2(max.x - pad - measureText(ui.fonts.heading, icon::Next).x, min.y + pad),
                 ui.colours.mutedText, icon::Next);
    }
    ctx.ideaList.end(ui);
}

}  // namespace buurtstem::ui
