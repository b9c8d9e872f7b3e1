// InitiativeBudget: what the initiative costs, one line per cost. The list shows each line and
// the total against the facilitator's maximum; tapping a line (or "Add a cost") opens it with
// the keyboard for what it is for and the numeric pad for the amount.
#include "InitiativeParts.h"

#include "../Icons.h"
#include "../widgets/NumericPad.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

namespace {

std::optional<InitiativeIssue> lineIssue(const std::vector<InitiativeIssue>& issues, std::size_t line, InitiativeField field) {
    for (const InitiativeIssue& issue : issues)
        if (issue.field == field && issue.line == line) return issue;
    return std::nullopt;
}

void openLine(InitiativeSteps& steps, std::size_t line, PlanField field) {
    steps.line = line;
    steps.focus = field;
    steps.amountText = typedEuroCents(steps.plan.budget[line].amountCents);
}

// The line being edited: what it is for and its amount side by side, the keyboard or the pad below.
void lineEditor(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    InitiativeSteps& steps = ctx.state.idea.steps;
    BudgetLine& line = steps.plan.budget[steps.line];
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ui.metrics.gap();
    const std::int64_t maximum = ctx.view.initiativeMaximumCents;

    const std::string heading = ui.format("initiative.budget.line_heading", {{"number", std::to_string(steps.line + 1)}});
    screenHeading(ctx, heading.c_str());

    const std::vector<InitiativeIssue> issues = steps.showProblems ? initiativeIssues(ctx) : std::vector<InitiativeIssue>{};
    const auto problem = [&](InitiativeField field) {
        const std::optional<InitiativeIssue> issue = lineIssue(issues, steps.line, field);
        return issue ? initiativeProblem(ui, *issue, maximum) : std::string();
    };
    const std::string descriptionProblem = problem(InitiativeField::BudgetLineDescription);
    const std::string amountProblem = problem(InitiativeField::BudgetLineAmount);
    const bool anyProblem = !descriptionProblem.empty() || !amountProblem.empty();

    const float fieldWidth = (width - gap) / 2;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float fieldHeight = planFieldHeight(ui, anyProblem);
    PlanFieldSpec description;
    description.id = "#initiative.line.description";
    description.label = ui.tr("initiative.line.description_label");
    description.placeholder = ui.tr("initiative.line.description_placeholder");
    description.value = line.description;
    description.focused = steps.focus == PlanField::LineDescription;
    description.problem = descriptionProblem.empty() ? nullptr : descriptionProblem.c_str();
    description.width = fieldWidth;
    ImGui::SetCursorScreenPos(gridCell(origin, 0, 2, ImVec2(fieldWidth, fieldHeight), gap));
    if (planField(ctx, description)) steps.focus = PlanField::LineDescription;

    PlanFieldSpec amount = amountField(steps, PlanField::LineAmount, line.amountCents);
    amount.id = "#initiative.line.amount";
    amount.label = ui.tr("initiative.line.amount_label");
    amount.problem = amountProblem.empty() ? nullptr : amountProblem.c_str();
    amount.width = fieldWidth;
    ImGui::SetCursorScreenPos(gridCell(origin, 1, 2, ImVec2(fieldWidth, fieldHeight), gap));
    if (planField(ctx, amount)) openLine(steps, steps.line, PlanField::LineAmount);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + fieldHeight + gap));

    const float bottom = ctx.contentMin.y + ctx.contentSize.y;
    if (steps.focus == PlanField::LineDescription) {
        ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, bottom - ctx.keyboard.height(ui)));
        KeyboardOptions options;
        options.maxCodePoints = kBudgetLineDescriptionMax;
        options.native = lettersFor(ui.translator->language().code);
        if (ctx.keyboard.draw(ui, line.description, options, width) == KeyboardEvent::Done)
            openLine(steps, steps.line, PlanField::LineAmount);
        return;
    }

    // The pad on the reading side, "Remove this cost" beside it where it cannot be hit by mistake.
    const float padHeight = numericPadHeight(ui);
    const float padWidth = std::min(width * 0.6f, 4 * ui.mm(30) + 3 * gap);
    const float top = std::max(ImGui::GetCursorScreenPos().y, bottom - padHeight);
    const float padX = rightToLeft() ? ctx.contentMin.x + width - padWidth : ctx.contentMin.x;
    ImGui::SetCursorScreenPos(ImVec2(padX, top));
    NumericPadOptions options;
    options.maxCents = kInitiativeMaximumCeilingCents;
    options.doneKey = "initiative.line.done";
    const PadEvent event = numericPad(ui, steps.amountText, options, padWidth);
    line.amountCents = parseEuroCents(steps.amountText).value_or(0);
    if (event == PadEvent::Done) {
        if (line.description.empty() && line.amountCents == 0) {
            // Nothing typed: the line was never there.
            steps.plan.budget.erase(steps.plan.budget.begin() + static_cast<std::ptrdiff_t>(steps.line));
            steps.focus = PlanField::None;
            steps.showProblems = false;
        } else {
            const std::vector<InitiativeIssue> all = initiativeIssues(ctx);
            const auto describe = lineIssue(all, steps.line, InitiativeField::BudgetLineDescription);
            const auto cost = lineIssue(all, steps.line, InitiativeField::BudgetLineAmount);
            if (describe || cost) {
                steps.showProblems = true;
                if (describe) steps.focus = PlanField::LineDescription;
            } else {
                steps.focus = PlanField::None;
                steps.showProblems = false;
            }
        }
        return;
    }

    const float sideWidth = width - padWidth - gap;
    const float sideX = rightToLeft() ? ctx.contentMin.x : ctx.contentMin.x + padWidth + gap;
    ImGui::SetCursorScreenPos(ImVec2(sideX, top + padHeight - ui.metrics.touchMin()));
    ButtonSpec remove;
    remove.id = "initiative.line.remove";
    remove.label = ui.tr(remove.id);
    remove.icon = icon::Remove;
    remove.size = ImVec2(std::min(sideWidth, ui.mm(90)), ui.metrics.touchMin());
    if (sideWidth >= ui.metrics.touchMin() && touchButton(ui, remove)) {
        steps.plan.budget.erase(steps.plan.budget.begin() + static_cast<std::ptrdiff_t>(steps.line));
        steps.focus = PlanField::None;
        steps.showProblems = false;
    }
}

// The total and a bar of how much of the maximum it takes.
void totalLine(ScreenContext& ctx, const std::string& text, bool over, std::int64_t total, std::int64_t maximum) {
    Ui& ui = ctx.ui;
    const float width = ImGui::GetContentRegionAvail().x;
    textBlock(ui.fonts.heading, text, over ? ui.colours.danger : ui.colours.text, width);
    amountBar(ui, width, total, maximum);
}

}  // namespace

void drawInitiativeBudget(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    InitiativeSteps& steps = ctx.state.idea.steps;
    std::vector<BudgetLine>& lines = steps.plan.budget;
    if (steps.focus != PlanField::None && steps.line < lines.size() &&
        (steps.focus == PlanField::LineDescription || steps.focus == PlanField::LineAmount)) {
        lineEditor(ctx);
        return;
    }
    const std::int64_t maximum = ctx.view.initiativeMaximumCents;
    screenHeading(ctx, ui.tr("initiative.budget.heading"));
    screenText(ctx, ui.format("initiative.budget.help", {{"maximum", formatEuroShort(maximum)}}), true);

    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ui.metrics.gap();
    const float line = ui.fonts.body->FontSize;
    const std::vector<InitiativeIssue> issues = steps.showProblems ? initiativeIssues(ctx) : std::vector<InitiativeIssue>{};
    std::string problem;
    if (const auto issue = firstIssue(issues, {InitiativeField::BudgetLineDescription, InitiativeField::BudgetLineAmount})) {
        problem = ui.format("initiative.budget.line_problem",
                            {{"number", std::to_string(issue->line + 1)}, {"problem", initiativeProblem(ui, *issue, maximum)}});
    } else if (const auto total = firstIssue(issues, {InitiativeField::BudgetTotal})) {
        problem = initiativeProblem(ui, *total, maximum);
    }

    // Laid out from the bottom up: Add and Next, a problem if any, the total with its bar; the
    // list takes what is left under the heading and scrolls when the lines do not fit.
    const std::string totalText = ui.format(
        "initiative.budget.total", {{"total", formatEuroCents(budgetTotalCents(steps.plan))}, {"maximum", formatEuroShort(maximum)}});
    const float buttonsTop = ctx.contentMin.y + ctx.contentSize.y - ui.metrics.touchMain();
    const float problemHeight = problem.empty() ? 0.0f : measureText(ui.fonts.body, std::string(icon::Warning) + "  " + problem, width).y;
    const float totalHeight = measureText(ui.fonts.heading, totalText, width).y + ui.mm(4);
    const float totalTop = buttonsTop - gap - problemHeight - totalHeight;
    const float rowHeight = std::max(ui.metrics.touchMin(), line + ui.mm(6));
    ImGui::Dummy(ImVec2(0, ui.mm(1)));
    if (lines.empty()) {
        screenText(ctx, ui.tr("initiative.budget.empty"), true);
    } else {
        const float room = std::max(rowHeight, totalTop - gap - ImGui::GetCursorScreenPos().y);
        const float listHeight = std::min(room, lines.size() * (rowHeight + gap) - gap);
        ctx.pageScroll.begin(ui, "#initiative.budget.lines", ImVec2(width, listHeight));
        ImDrawList* list = ImGui::GetWindowDrawList();
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string id = "#initiative.budget.line." + std::to_string(i);
            ImVec2 min, max;
            bool held = false;
            if (ctx.pageScroll.row(ui, id.c_str(), rowHeight, &min, &max, &held)) openLine(steps, i, PlanField::LineDescription);
            const bool broken = lineIssue(issues, i, InitiativeField::BudgetLineDescription) ||
                                lineIssue(issues, i, InitiativeField::BudgetLineAmount);
            list->AddRectFilled(min, max, held ? ui.colours.secondary : ui.colours.surface, ui.mm(1.5f));
            list->AddRect(min, max, broken ? ui.colours.danger : ui.colours.border, ui.mm(1.5f), 0,
                          broken ? ui.mm(0.8f) : ui.mm(0.35f));
            const float pad = ui.mm(3);
            const std::string amount = formatEuroCents(lines[i].amountCents);
            const std::string what = std::string(icon::Edit) + "  " + (lines[i].description.empty() ? "…" : lines[i].description);
            const float amountWidth = measureText(ui.fonts.body, amount).x;
            const float textY = min.y + (max.y - min.y - line) * 0.5f;
            const bool mirrored = rightToLeft();
            list->PushClipRect(min, max, true);
            drawText(list, ui.fonts.body, ImVec2(mirrored ? min.x + pad : max.x - pad - amountWidth, textY), ui.colours.text, amount);
            const float whatWidth = measureText(ui.fonts.body, what).x;
            drawText(list, ui.fonts.body, ImVec2(mirrored ? max.x - pad - whatWidth : min.x + pad, textY), ui.colours.text, what);
            list->PopClipRect();
        }
        ctx.pageScroll.end(ui);
    }

    // The total right under the lines, as on a receipt.
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, ImGui::GetCursorScreenPos().y + gap));
    totalLine(ctx, totalText, budgetTotalCents(steps.plan) > maximum, budgetTotalCents(steps.plan), maximum);
    if (!problem.empty()) problemText(ctx, problem.c_str());

    // As wide as its words need (they do not wrap), within half the row.
    const std::string addText = std::string(icon::Plus) + "  " + ui.tr("initiative.budget.add");
    const float buttonWidth =
        std::min((width - gap) / 2, std::max(ui.mm(80), measureText(ui.fonts.heading, addText).x + ui.mm(12)));
    ImGui::SetCursorScreenPos(ImVec2(rightToLeft() ? ctx.contentMin.x + width - buttonWidth : ctx.contentMin.x,
                                     std::max(ImGui::GetCursorScreenPos().y, buttonsTop)));
    const float rowY = ImGui::GetCursorScreenPos().y;
    ButtonSpec add;
    add.id = "initiative.budget.add";
    add.label = ui.tr(add.id);
    add.icon = icon::Plus;
    add.size = ImVec2(buttonWidth, ui.metrics.touchMain());
    add.enabled = lines.size() < kBudgetLinesMax;
    if (touchButton(ui, add)) {
        lines.push_back({});
        openLine(steps, lines.size() - 1, PlanField::LineDescription);
        steps.showProblems = false;
    }
    if (nextButton(ctx, "initiative.next", rowY)) {
        if (firstIssue(initiativeIssues(ctx), {InitiativeField::BudgetLineDescription, InitiativeField::BudgetLineAmount,
                                               InitiativeField::BudgetTotal})) {
            steps.showProblems = true;
        } else {
            steps.showProblems = false;
            ctx.actions.go = ScreenId::InitiativeSupport;
        }
    }
}

}  // namespace buurtstem::ui
