// InitiativeWho: when it happens (a few words on the keyboard), for whom (choices), and how
// many neighbours help organise it (a counter with - and +). Next checks these three.
#include "InitiativeParts.h"

#include "../Icons.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <array>
#include <string>

namespace buurtstem::ui {

namespace {

// - count + on one row, the count large between two finger-sized buttons.
void helpersCounter(ScreenContext& ctx, int& helpers) {
    Ui& ui = ctx.ui;
    const float size = ui.metrics.touchMain();
    const float countWidth = ui.mm(30);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float rowWidth = 2 * size + countWidth;
    // Fewer on the left and more on the right, or the other way round when reading from the right.
    const float start = rightToLeft() ? origin.x + width - rowWidth : origin.x;
    const bool mirrored = rightToLeft();
    ButtonSpec minus;
    minus.id = "#initiative.helpers.minus";
    minus.label = "";
    minus.icon = icon::Minus;
    minus.size = ImVec2(size, size);
    minus.enabled = helpers > 0;
    ButtonSpec plus;
    plus.id = "#initiative.helpers.plus";
    plus.label = "";
    plus.icon = icon::Plus;
    plus.size = ImVec2(size, size);
    plus.enabled = helpers < kHelpersMax;
    ImGui::SetCursorScreenPos(ImVec2(start, origin.y));
    if (touchButton(ui, mirrored ? plus : minus)) helpers += mirrored ? 1 : -1;
    const std::string count = std::to_string(helpers);
    const ImVec2 countSize = measureText(ui.fonts.title, count);
    drawText(ImGui::GetWindowDrawList(), ui.fonts.title,
             ImVec2(start + size + (countWidth - countSize.x) * 0.5f, origin.y + (size - countSize.y) * 0.5f),
             ui.colours.text, count);
    ui.widgets.add({"#initiative.helpers.count", start + size, origin.y, start + size + countWidth, origin.y + size, false, false});
    ImGui::SetCursorScreenPos(ImVec2(start + size + countWidth, origin.y));
    if (touchButton(ui, mirrored ? minus : plus)) helpers += mirrored ? -1 : 1;
    helpers = std::clamp(helpers, 0, kHelpersMax);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + size + ui.metrics.gap()));
    ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace

void drawInitiativeWho(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    InitiativeSteps& steps = ctx.state.idea.steps;
    InitiativePlan& plan = steps.plan;
    const float width = ImGui::GetContentRegionAvail().x;
    const std::vector<InitiativeIssue> issues = steps.showProblems ? initiativeIssues(ctx) : std::vector<InitiativeIssue>{};
    const auto problemFor = [&](InitiativeField field) -> std::string {
        const std::optional<InitiativeIssue> issue = firstIssue(issues, {field});
        return issue ? initiativeProblem(ui, *issue, ctx.view.initiativeMaximumCents) : std::string();
    };
    const std::string whenProblem = problemFor(InitiativeField::When);

    PlanFieldSpec when;
    when.id = "#initiative.when";
    when.label = ui.tr("initiative.when.label");
    when.placeholder = ui.tr("initiative.when.placeholder");
    when.value = plan.when;
    when.focused = steps.focus == PlanField::When;
    when.problem = whenProblem.empty() ? nullptr : whenProblem.c_str();
    if (planField(ctx, when)) steps.focus = PlanField::When;

    // While typing, the keyboard takes the lower part; its Next puts it away again.
    if (steps.focus == PlanField::When) {
        const float bottom = ctx.contentMin.y + ctx.contentSize.y;
        ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, bottom - ctx.keyboard.height(ui)));
        KeyboardOptions options;
        options.maxCodePoints = kInitiativeWhenMax;
        options.native = lettersFor(ui.translator->language().code);
        if (ctx.keyboard.draw(ui, plan.when, options, width) == KeyboardEvent::Done) steps.focus = PlanField::None;
        return;
    }

    ImGui::Dummy(ImVec2(0, ui.mm(1)));
    screenText(ctx, ui.tr("initiative.audience.label"));
    std::array<ChoiceItem, kAllAudiences.size()> audiences;
    for (std::size_t i = 0; i < kAllAudiences.size(); ++i)
        audiences[i] = {audienceLabelKey(kAllAudiences[i]), ui.tr(audienceLabelKey(kAllAudiences[i])), nullptr, plan.has(kAllAudiences[i])};
    if (const int tapped = choiceGrid(ctx, audiences, 3, ui.metrics.touchMin()); tapped >= 0) plan.toggle(kAllAudiences[tapped]);
    if (const std::string problem = problemFor(InitiativeField::Audience); !problem.empty()) problemText(ctx, problem.c_str());

    ImGui::Dummy(ImVec2(0, ui.mm(1)));
    screenText(ctx, ui.tr("initiative.helpers.label"));
    helpersCounter(ctx, plan.helpers);
    if (const std::string problem = problemFor(InitiativeField::Helpers); !problem.empty()) problemText(ctx, problem.c_str());

    if (nextButton(ctx, "initiative.next", ImGui::GetCursorScreenPos().y)) {
        const std::vector<InitiativeIssue> all = initiativeIssues(ctx);
        if (firstIssue(all, {InitiativeField::When, InitiativeField::Audience, InitiativeField::Helpers})) {
            steps.showProblems = true;
        } else {
            steps.showProblems = false;
            ctx.actions.go = ScreenId::InitiativeBudget;
        }
    }
}

}  // namespace buurtstem::ui
