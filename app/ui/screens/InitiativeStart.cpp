// InitiativeStart: what a resident initiative is, what the resident will be asked, and the two
// ways on: start one, or check one already sent by its code.
#include "Screens.h"

#include "../Icons.h"
#include "../widgets/NumericPad.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

void drawInitiativeStart(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    screenHeading(ctx, ui.tr("initiative.start.heading"));
    const std::string maximum = formatEuroShort(ctx.view.initiativeMaximumCents);
    screenText(ctx, ui.format("initiative.start.what", {{"maximum", maximum}}));
    ImGui::Dummy(ImVec2(0, ui.mm(2)));
    screenHeading(ctx, ui.tr("initiative.start.you_need"));
    // What the steps ask, each with its icon, so the list reads without many words.
    const std::pair<const char*, const char*> needs[] = {
        {icon::Idea, "initiative.start.need_plan"},
        {icon::Euro, "initiative.start.need_budget"},
        {icon::Comments, "initiative.start.need_contact"},
    };
    for (const auto& [glyph, key] : needs) screenText(ctx, std::string(glyph) + "  " + ui.tr(key));
    ImGui::Dummy(ImVec2(0, ui.mm(1)));
    screenText(ctx, ui.tr("initiative.start.after"), true);

    const float width = ctx.contentSize.x;
    const float gap = ui.metrics.gap();
    const float buttonsTop = ctx.contentMin.y + ctx.contentSize.y - ui.metrics.touchMain();
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, std::max(ImGui::GetCursorScreenPos().y, buttonsTop)));
    const float buttonWidth = (width - gap) / 2;
    ButtonSpec check;
    check.id = "initiative.start.check";
    check.label = ui.tr(check.id);
    check.icon = icon::Search;
    check.size = ImVec2(buttonWidth, ui.metrics.touchMain());
    ButtonSpec start;
    start.id = "initiative.start.begin";
    start.label = ui.tr(start.id);
    start.icon = icon::Initiative;
    start.size = ImVec2(buttonWidth, ui.metrics.touchMain());
    start.kind = ButtonKind::Primary;
    // Start where the reading ends, as Next on every step.
    const bool mirrored = rightToLeft();
    const bool firstTapped = touchButton(ui, mirrored ? start : check);
    ImGui::SameLine(0, gap);
    const bool secondTapped = touchButton(ui, mirrored ? check : start);
    if (mirrored ? secondTapped : firstTapped) ctx.actions.go = ScreenId::InitiativeCheck;
    if (mirrored ? firstTapped : secondTapped) ctx.actions.startInitiative = true;
}

}  // namespace buurtstem::ui
