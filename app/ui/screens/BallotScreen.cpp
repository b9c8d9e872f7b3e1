// BallotScreen: the projects of the open round in a list that scrolls by dragging, filled in by
// tapping. Above the list, what is left (choices, budget or points); under it, why a tap was
// refused. A points ballot gives - and + for the project last tapped. Review at the bottom.
#include "BallotParts.h"

#include "../Icons.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

void drawBallot(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    VoteFlow& vote = ctx.state.vote;
    if (!ctx.view.openRound || !vote.codeAccepted) {
        screenText(ctx, ui.tr("vote.closed"));
        return;
    }
    const BudgetRound& round = *ctx.view.openRound;
    screenHeading(ctx, ui.tr(round.ballot == BallotType::Approval  ? "ballot.help.approval"
                             : round.ballot == BallotType::Budget  ? "ballot.help.budget"
                             : round.ballot == BallotType::Points  ? "ballot.help.points"
                                                                   : "ballot.help.ranking"));
    if (round.ballot == BallotType::Ranking) {
        // A ranking counts by place; the resident should know what the order is worth.
        const std::vector<std::int64_t> points = rankingPoints(round);
        if (!points.empty()) screenText(ctx, ui.format("ballot.help.ranking_points", {{"points", std::to_string(points.front())}}), true);
    }
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ui.metrics.gap();
    const std::string status = ballotStatusLine(ui, round, vote.ballot);
    textBlock(ui.fonts.heading, status, ui.colours.selected, width);

    const float bottom = ctx.contentMin.y + ctx.contentSize.y;
    const float buttonsTop = bottom - ui.metrics.touchMain();
    const bool mirrored = rightToLeft();
    if (ballotProjectList(ctx, round, {vote.ballot, vote.focus, vote.refusal}, "#ballot", buttonsTop - gap)) vote.saveProblemKey = nullptr;

    if (vote.saveProblemKey) problemText(ctx, ui.tr(vote.saveProblemKey));
    ButtonSpec review;
    review.id = "ballot.review";
    review.label = ui.tr(review.id);
    review.icon = rightToLeft() ? icon::Back : icon::Next;
    review.kind = ButtonKind::Primary;
    review.enabled = !vote.ballot.projects.empty();
    const float buttonWidth = std::min(width, ui.mm(90));
    review.size = ImVec2(buttonWidth, ui.metrics.touchMain());
    ImGui::SetCursorScreenPos(ImVec2(mirrored ? ctx.contentMin.x : ctx.contentMin.x + width - buttonWidth, buttonsTop));
    if (touchButton(ui, review)) ctx.actions.go = ScreenId::BallotReview;
}

}  // namespace buurtstem::ui
