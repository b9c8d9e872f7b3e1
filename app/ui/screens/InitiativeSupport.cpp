// InitiativeSupport: what the residents bring themselves (money on the pad, help in kind on the
// keyboard) and which partners they would like to work with. All of it optional.
#include "InitiativeParts.h"

#include "../Icons.h"
#include "../widgets/NumericPad.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <array>
#include <string>

namespace buurtstem::ui {

void drawInitiativeSupport(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    InitiativeSteps& steps = ctx.state.idea.steps;
    InitiativePlan& plan = steps.plan;
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ui.metrics.gap();
    const float bottom = ctx.contentMin.y + ctx.contentSize.y;
    const std::int64_t maximum = ctx.view.initiativeMaximumCents;

    if (steps.focus == PlanField::None) screenHeading(ctx, ui.tr("initiative.support.heading"));
    const std::vector<InitiativeIssue> issues = steps.showProblems ? initiativeIssues(ctx) : std::vector<InitiativeIssue>{};
    const auto problemFor = [&](InitiativeField field) -> std::string {
        const std::optional<InitiativeIssue> issue = firstIssue(issues, {field});
        return issue ? initiativeProblem(ui, *issue, maximum) : std::string();
    };
    const std::string moneyProblem = problemFor(InitiativeField::OwnMoney);
    const std::string kindProblem = problemFor(InitiativeField::OwnInKind);
    const bool anyProblem = !moneyProblem.empty() || !kindProblem.empty();

    // Money beside help in kind: a small amount next to a few words.
    const float moneyWidth = std::min((width - gap) / 3, ui.mm(70));
    const float kindWidth = width - gap - moneyWidth;
    const float fieldHeight = planFieldHeight(ui, anyProblem);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const bool mirrored = rightToLeft();
    PlanFieldSpec money = amountField(steps, PlanField::OwnMoney, plan.ownMoneyCents);
    money.id = "#initiative.own_money";
    money.label = ui.tr("initiative.support.money_label");
    money.problem = moneyProblem.empty() ? nullptr : moneyProblem.c_str();
    money.width = moneyWidth;
    ImGui::SetCursorScreenPos(ImVec2(mirrored ? origin.x + width - moneyWidth : origin.x, origin.y));
    if (planField(ctx, money)) {
        steps.focus = PlanField::OwnMoney;
        steps.amountText = typedEuroCents(plan.ownMoneyCents);
    }
    PlanFieldSpec kind;
    kind.id = "#initiative.own_in_kind";
    kind.label = ui.tr("initiative.support.in_kind_label");
    kind.placeholder = ui.tr("initiative.support.in_kind_placeholder");
    kind.value = plan.ownInKind;
    kind.focused = steps.focus == PlanField::OwnInKind;
    kind.problem = kindProblem.empty() ? nullptr : kindProblem.c_str();
    kind.width = kindWidth;
    ImGui::SetCursorScreenPos(ImVec2(mirrored ? origin.x : origin.x + moneyWidth + gap, origin.y));
    if (planField(ctx, kind)) steps.focus = PlanField::OwnInKind;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + fieldHeight + gap));

    if (steps.focus == PlanField::OwnInKind) {
        ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, bottom - ctx.keyboard.height(ui)));
        KeyboardOptions options;
        options.maxCodePoints = kOwnInKindMax;
        options.native = lettersFor(ui.translator->language().code);
        if (ctx.keyboard.draw(ui, plan.ownInKind, options, width) == KeyboardEvent::Done) steps.focus = PlanField::None;
        return;
    }
    if (steps.focus == PlanField::OwnMoney) {
        const float padWidth = std::min(width * 0.6f, 4 * ui.mm(30) + 3 * gap);
        const float top = std::max(ImGui::GetCursorScreenPos().y, bottom - numericPadHeight(ui));
        ImGui::SetCursorScreenPos(ImVec2(mirrored ? ctx.contentMin.x + width - padWidth : ctx.contentMin.x, top));
        NumericPadOptions options;
        options.maxCents = kInitiativeMaximumCeilingCents;
        options.doneKey = "initiative.line.done";
        const PadEvent event = numericPad(ui, steps.amountText, options, padWidth);
        plan.ownMoneyCents = parseEuroCents(steps.amountText).value_or(0);
        if (event == PadEvent::Done) steps.focus = PlanField::None;
        return;
    }

    screenText(ctx, ui.tr("initiative.partners.label"));
    std::array<ChoiceItem, kAllPartners.size()> partners;
    for (std::size_t i = 0; i < kAllPartners.size(); ++i)
        partners[i] = {partnerLabelKey(kAllPartners[i]), ui.tr(partnerLabelKey(kAllPartners[i])), nullptr, plan.has(kAllPartners[i])};
    const float spare = bottom - ui.metrics.touchMain() - gap - ImGui::GetCursorScreenPos().y;
    const float rowHeight = std::clamp((spare - 2 * gap) / 3, ui.metrics.touchMin(), ui.metrics.touchMain());
    if (const int tapped = choiceGrid(ctx, partners, 3, rowHeight); tapped >= 0) plan.toggle(kAllPartners[tapped]);
    screenText(ctx, ui.tr("initiative.partners.help"), true);

    if (nextButton(ctx, "initiative.next", ImGui::GetCursorScreenPos().y)) {
        if (firstIssue(initiativeIssues(ctx), {InitiativeField::OwnMoney, InitiativeField::OwnInKind})) {
            steps.showProblems = true;
        } else {
            steps.showProblems = false;
            ctx.actions.go = ScreenId::IdeaContact;
        }
    }
}

}  // namespace buurtstem::ui
