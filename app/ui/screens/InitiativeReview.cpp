// InitiativeReview: the whole plan as it will be sent, then Send. When a rule is still broken
// (the maximum may have changed meanwhile), the problem shows and one tap leads to its step.
#include "InitiativeParts.h"

#include "../Icons.h"
#include "../widgets/NumericPad.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

namespace {

// Arabic separates a list with its own comma, so the separator is translated too.
std::string joined(const Ui& ui, const std::vector<const char*>& keys) {
    const char* separator = ui.tr("list.separator");
    std::string text;
    for (const char* key : keys) {
        if (!text.empty()) text += separator;
        text += ui.tr(key);
    }
    return text;
}

}  // namespace

// Also used by InitiativeDetail: the plan as lines of text under the initiative's card.
std::string planSummary(const Ui& ui, const std::string& place, const InitiativePlan& plan) {
    std::vector<const char*> audience;
    for (Audience a : plan.audience) audience.push_back(audienceLabelKey(a));
    std::vector<const char*> partners;
    for (Partner p : plan.partners) partners.push_back(partnerLabelKey(p));
    const std::string_view where = place.empty() ? std::string_view(ui.tr("idea.place.whole")) : std::string_view(place);
    std::string text;
    text += ui.format("initiative.summary.when", {{"when", plan.when}}) + "\n";
    text += ui.format("idea.review.place", {{"place", where}}) + "\n";
    text += ui.format("initiative.summary.audience", {{"audience", joined(ui, audience)}}) + "\n";
    text += ui.format("initiative.summary.helpers", {{"count", std::to_string(plan.helpers)}}) + "\n\n";
    text += std::string(ui.tr("initiative.summary.costs")) + "\n";
    if (plan.budget.empty()) text += std::string(ui.tr("initiative.summary.no_costs")) + "\n";
    for (const BudgetLine& line : plan.budget) text += "  " + line.description + ": " + formatEuroCents(line.amountCents) + "\n";
    text += ui.format("initiative.summary.total", {{"total", formatEuroCents(budgetTotalCents(plan))}}) + "\n\n";
    if (plan.ownMoneyCents > 0)
        text += ui.format("initiative.summary.own_money", {{"amount", formatEuroCents(plan.ownMoneyCents)}}) + "\n";
    if (!plan.ownInKind.empty()) text += ui.format("initiative.summary.in_kind", {{"what", plan.ownInKind}}) + "\n";
    if (!partners.empty()) text += ui.format("initiative.summary.partners", {{"partners", joined(ui, partners)}}) + "\n";
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

void drawInitiativeReview(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    IdeaFlow& flow = ctx.state.idea;
    const IdeaDraft& draft = flow.draft;
    screenHeading(ctx, ui.tr("initiative.review.heading"));

    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ui.metrics.gap();
    const float buttonsTop = ctx.contentMin.y + ctx.contentSize.y - ui.metrics.touchMain();
    const std::vector<InitiativeIssue> issues = initiativeIssues(ctx);
    std::string problem;
    if (!issues.empty()) problem = initiativeProblem(ui, issues.front(), ctx.view.initiativeMaximumCents);
    else if (flow.saveProblemKey) problem = ui.tr(flow.saveProblemKey);
    const char* contact = ui.tr("initiative.review.contact_given");
    const float notesHeight = measureText(ui.fonts.body, contact, width).y +
                              measureText(ui.fonts.body, ui.tr("initiative.review.public_note"), width).y + gap +
                              (problem.empty() ? 0.0f : measureText(ui.fonts.body, std::string(icon::Warning) + "  " + problem, width).y + gap);

    const std::string body = draft.body + "\n\n" + planSummary(ui, draft.place, flow.steps.plan);
    scrollingCard(ctx, CardContent{draft.theme, draft.title, body, {}}, buttonsTop - notesHeight - 2 * gap);
    screenText(ctx, contact);
    screenText(ctx, ui.tr("initiative.review.public_note"), true);
    if (!problem.empty()) problemText(ctx, problem.c_str());

    ButtonSpec change;
    // With a problem, the left button leads straight to the step that fixes it.
    change.id = issues.empty() ? "idea.review.change" : "initiative.review.fix";
    change.label = ui.tr(change.id);
    change.icon = icon::Edit;
    ButtonSpec send;
    send.id = "initiative.review.send";
    send.label = ui.tr(send.id);
    send.icon = icon::Send;
    send.kind = ButtonKind::Primary;
    send.enabled = issues.empty();
    const ButtonPair tapped = bottomButtons(ctx, change, send);
    if (tapped.secondary) {
        if (issues.empty()) {
            ctx.actions.back = true;
        } else {
            flow.steps.showProblems = true;
            ctx.actions.go = stepFor(issues.front().field);
        }
    }
    if (tapped.primary && issues.empty()) ctx.actions.submitInitiative = true;
}

}  // namespace buurtstem::ui
