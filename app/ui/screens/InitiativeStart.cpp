// InitiativeStart: what a resident initiative is, what the resident will be asked, and the two
// ways on: start one (while proposals are open), or check one already sent by its code.
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
    // Which round a proposal goes into, or that none takes proposals now (the phases a facilitator sets).
    ImGui::Dummy(ImVec2(0, ui.mm(1)));
    if (ctx.view.submissionRound)
        screenText(ctx, ui.format("initiative.start.for_round", {{"round", ctx.view.submissionRound->name},
                                                                 {"date", dayMonthYear(ui, ctx.view.submissionRound->opensMs)}}));
    else if (!ctx.view.initiativesOpen)
        problemText(ctx, ui.tr("initiative.start.closed"));

    ButtonSpec check;
    check.id = "initiative.start.check";
    check.label = ui.tr(check.id);
    check.icon = icon::Search;
    ButtonSpec start;
    start.id = "initiative.start.begin";
    start.label = ui.tr(start.id);
    start.icon = icon::Initiative;
    start.kind = ButtonKind::Primary;
    start.enabled = ctx.view.initiativesOpen;
    const ButtonPair tapped = bottomButtons(ctx, check, start);
    if (tapped.secondary) ctx.actions.go = ScreenId::InitiativeCheck;
    if (tapped.primary) ctx.actions.startInitiative = true;
}

}  // namespace buurtstem::ui
