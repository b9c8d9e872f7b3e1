// PresenterDotVote: the live dot vote (stippen plakken) on the projector — the question and a
// bar per option with its dots, the most dotted option in the main colour.
#include "Screens.h"

#include "../Icons.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

void drawPresenterDotVote(PresenterContext& ctx, ImVec2 min, ImVec2 max) {
    Ui& ui = ctx.ui;
    if (!ctx.view.feed.dotVote) return;
    const PresenterDotVote& vote = *ctx.view.feed.dotVote;
    ImDrawList* list = ImGui::GetWindowDrawList();
    float y = presenterPanel(ctx, min, max, icon::Support, ui.tr("presenter.dots.heading"));
    const float pad = ui.mm(4);
    const float left = min.x + pad;
    const float right = max.x - pad;
    const float bottom = max.y - pad;

    // The question in up to two lines: the options need the room.
    y += presenterParagraph(list, ui.fonts.body, left, right, y, ui.colours.text, vote.question, 2) + ui.mm(3);

    int most = 0;
    for (const PresenterDotOption& option : vote.options) most = std::max(most, option.dots);
    const float barHeight = ui.mm(3);
    const float rowHeight = ui.fonts.small->FontSize + ui.mm(1) + barHeight + ui.mm(2.5f);
    for (const PresenterDotOption& option : vote.options) {
        if (y + rowHeight > bottom + ui.mm(2)) break;
        const bool leading = most > 0 && option.dots == most;
        const std::string count = std::to_string(option.dots);
        const float countWidth = presenterLine(list, ui.fonts.small, left, right, y, ui.colours.text, count, true);
        if (rightToLeft())
            presenterLine(list, ui.fonts.small, left + countWidth + ui.mm(2), right, y, ui.colours.text, option.label);
        else
            presenterLine(list, ui.fonts.small, left, right - countWidth - ui.mm(2), y, ui.colours.text, option.label);
        const float barTop = y + ui.fonts.small->FontSize + ui.mm(1);
        presenterBar(ctx, ImVec2(left, barTop), ImVec2(right, barTop + barHeight), option.dots, std::max(most, 1),
                     leading ? ui.colours.primary : ui.colours.border);
        y += rowHeight;
    }
}

}  // namespace buurtstem::ui
