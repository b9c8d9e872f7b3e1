// BallotReview: the choices as they will be counted (with rank, points or cost), then Confirm.
// BallotReceipt: the vote is counted; a receipt code proves it without saying what was chosen.
#include "Screens.h"

#include "../Icons.h"
#include "../widgets/NumericPad.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

void drawBallotReview(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    VoteFlow& vote = ctx.state.vote;
    if (!ctx.view.openRound || !vote.codeAccepted) {
        screenText(ctx, ui.tr("vote.closed"));
        return;
    }
    const BudgetRound& round = *ctx.view.openRound;
    screenHeading(ctx, ui.tr("ballot.review.heading"));
    std::string lines;
    for (std::size_t i = 0; i < vote.ballot.projects.size(); ++i) {
        const RoundProject& project = round.projects[vote.ballot.projects[i]];
        if (round.ballot == BallotType::Ranking) lines += std::to_string(i + 1) + ".  ";
        else if (round.ballot == BallotType::Points) lines += ui.format("ballot.review.points", {{"points", std::to_string(vote.ballot.points[i])}}) + "  ";
        else lines += std::string(icon::Check) + "  ";
        lines += project.title + "  (" + formatEuroShort(project.costCents) + ")\n";
    }
    if (round.ballot == BallotType::Budget)
        lines += "\n" + ui.format("ballot.review.total", {{"total", formatEuroShort(ballotCostCents(round, vote.ballot))},
                                                        {"budget", formatEuroShort(round.budgetCents)}});
    while (!lines.empty() && lines.back() == '\n') lines.pop_back();

    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ui.metrics.gap();
    const float buttonsTop = ctx.contentMin.y + ctx.contentSize.y - ui.metrics.touchMain();
    const char* note = ui.tr("ballot.review.note");
    const char* problem = vote.saveProblemKey ? ui.tr(vote.saveProblemKey) : nullptr;
    const float notesHeight = measureText(ui.fonts.body, note, width).y + gap +
                              (problem ? measureText(ui.fonts.body, std::string(icon::Warning) + "  " + problem, width).y + gap : 0.0f);
    scrollingCard(ctx, CardContent{round.projects[vote.ballot.projects.empty() ? 0 : vote.ballot.projects[0]].theme, round.name, lines, {}},
                  buttonsTop - notesHeight - 2 * gap);
    screenText(ctx, note, true);
    if (problem) problemText(ctx, problem);

    ButtonSpec change;
    change.id = "ballot.review.change";
    change.label = ui.tr(change.id);
    change.icon = icon::Edit;
    ButtonSpec confirm;
    confirm.id = "ballot.review.confirm";
    confirm.label = ui.tr(confirm.id);
    confirm.icon = icon::Send;
    confirm.kind = ButtonKind::Primary;
    const ButtonPair tapped = bottomButtons(ctx, change, confirm);
    if (tapped.secondary) ctx.actions.back = true;
    if (tapped.primary) ctx.actions.castBallot = true;
}

void drawBallotReceipt(ScreenContext& ctx) {
    referenceThanksScreen(ctx, {{"ballot.receipt.heading", "ballot.receipt.saved", "idea.thanks.next_heading", "ballot.receipt.next",
                                 "idea.thanks.done"},
                                "ballot.receipt.code_label", ctx.state.vote.receipt});
}

}  // namespace buurtstem::ui
