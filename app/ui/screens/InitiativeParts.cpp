// Pieces the initiative's screens share (see InitiativeParts.h).
#include "InitiativeParts.h"

#include "../Icons.h"
#include "../widgets/NumericPad.h"
#include "../widgets/TouchButton.h"

#include <algorithm>

namespace buurtstem::ui {

std::vector<InitiativeIssue> initiativeIssues(const ScreenContext& ctx) {
    const InitiativeDraft draft{ctx.state.idea.draft, ctx.state.idea.steps.plan};
    return validateInitiative(draft, ctx.view.initiativeMaximumCents);
}

std::optional<InitiativeIssue> firstIssue(const std::vector<InitiativeIssue>& issues,
                                          std::initializer_list<InitiativeField> fields) {
    for (const InitiativeIssue& issue : issues)
        if (std::find(fields.begin(), fields.end(), issue.field) != fields.end()) return issue;
    return std::nullopt;
}

namespace {

const char* problemKey(const InitiativeIssue& issue) {
    using F = InitiativeField;
    using P = InitiativeProblem;
    if (issue.problem == P::InvalidText) return "idea.problem.invalid_text";
    switch (issue.field) {
        case F::Theme: return "idea.problem.theme_missing";
        case F::Title:
            return issue.problem == P::Missing    ? "idea.problem.title_missing"
                   : issue.problem == P::TooShort ? "idea.problem.title_short"
                                                  : "idea.problem.title_long";
        case F::Body: return issue.problem == P::Missing ? "initiative.problem.body_missing" : "idea.problem.body_long";
        case F::Place: break;
        case F::When: return issue.problem == P::Missing ? "initiative.problem.when_missing" : "initiative.problem.when_long";
        case F::Audience: return "initiative.problem.audience_missing";
        case F::Helpers: return "initiative.problem.helpers_many";
        case F::BudgetLineDescription:
            return issue.problem == P::Missing ? "initiative.problem.line_description_missing"
                                               : "initiative.problem.line_description_long";
        case F::BudgetLineAmount:
            return issue.problem == P::Missing ? "initiative.problem.line_amount_missing"
                                               : "initiative.problem.line_over_maximum";
        case F::BudgetTotal:
            return issue.problem == P::OverMaximum ? "initiative.problem.total_over_maximum"
                                                   : "initiative.problem.too_many_lines";
        case F::OwnMoney: return "initiative.problem.own_money_high";
        case F::OwnInKind: return "initiative.problem.in_kind_long";
        case F::ContactName:
            return issue.problem == P::Missing ? "initiative.problem.name_missing" : "idea.contact.problem.too_long";
        case F::ContactAddress:
            return issue.problem == P::Missing       ? "idea.contact.problem.no_address"
                   : issue.problem == P::Unreachable ? "initiative.problem.address_unreachable"
                                                     : "idea.contact.problem.too_long";
        case F::Consent: return "idea.contact.problem.no_consent";
    }
    return "idea.problem.invalid_text";
}

}  // namespace

std::string initiativeProblem(const Ui& ui, const InitiativeIssue& issue, std::int64_t maximumCents) {
    const char* key = problemKey(issue);
    if (issue.problem == InitiativeProblem::OverMaximum)
        return ui.format(key, {{"maximum", formatEuroShort(maximumCents)}});
    return ui.tr(key);
}

ScreenId stepFor(InitiativeField field) {
    using F = InitiativeField;
    switch (field) {
        case F::Theme: return ScreenId::IdeaTheme;
        case F::Title:
        case F::Body: return ScreenId::IdeaText;
        case F::Place: return ScreenId::IdeaPlace;
        case F::When:
        case F::Audience:
        case F::Helpers: return ScreenId::InitiativeWho;
        case F::BudgetLineDescription:
        case F::BudgetLineAmount:
        case F::BudgetTotal: return ScreenId::InitiativeBudget;
        case F::OwnMoney:
        case F::OwnInKind: return ScreenId::InitiativeSupport;
        case F::ContactName:
        case F::ContactAddress:
        case F::Consent: return ScreenId::IdeaContact;
    }
    return ScreenId::InitiativeReview;
}

const char* audienceLabelKey(Audience audience) {
    switch (audience) {
        case Audience::Children: return "initiative.audience.children";
        case Audience::YoungPeople: return "initiative.audience.young_people";
        case Audience::Adults: return "initiative.audience.adults";
        case Audience::Elderly: return "initiative.audience.elderly";
        case Audience::Families: return "initiative.audience.families";
        case Audience::Everyone: return "initiative.audience.everyone";
    }
    return "initiative.audience.everyone";
}

const char* partnerLabelKey(Partner partner) {
    switch (partner) {
        case Partner::Corporation: return "initiative.partner.corporation";
        case Partner::Municipality: return "initiative.partner.municipality";
        case Partner::Welfare: return "initiative.partner.welfare";
        case Partner::TenantsOrganisation: return "initiative.partner.tenants_organisation";
        case Partner::School: return "initiative.partner.school";
        case Partner::Clubs: return "initiative.partner.clubs";
    }
    return "initiative.partner.corporation";
}

int choiceGrid(ScreenContext& ctx, std::span<const ChoiceItem> items, int maxColumns, float rowHeight) {
    Ui& ui = ctx.ui;
    const float gap = ui.metrics.gap();
    const float width = ImGui::GetContentRegionAvail().x;
    // Labels do not wrap inside a choice: as many columns as the longest one leaves room for.
    float longest = 0;
    for (const ChoiceItem& item : items)
        longest = std::max(longest, measureText(ui.fonts.body, std::string(icon::Check) + "  " + item.label).x);
    const float cellMin = longest + ui.mm(10);
    int columns = std::max(1, maxColumns);
    while (columns > 1 && columns * cellMin + (columns - 1) * gap > width) --columns;
    const int rows = static_cast<int>((items.size() + columns - 1) / columns);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 cell((width - (columns - 1) * gap) / columns, rowHeight);
    int tapped = -1;
    for (std::size_t i = 0; i < items.size(); ++i) {
        ImGui::SetCursorScreenPos(gridCell(origin, static_cast<int>(i), columns, cell, gap));
        ButtonSpec spec;
        spec.id = items[i].id.c_str();
        spec.label = items[i].label;
        spec.icon = items[i].selected ? icon::Check : items[i].icon;
        spec.size = cell;
        spec.kind = ButtonKind::Choice;
        spec.selected = items[i].selected;
        if (touchButton(ui, spec)) tapped = static_cast<int>(i);
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + rows * (cell.y + gap)));
    ImGui::Dummy(ImVec2(0, 0));
    return tapped;
}

PlanFieldSpec amountField(const InitiativeSteps& steps, PlanField field, std::int64_t storedCents) {
    PlanFieldSpec spec;
    spec.placeholder = "€ 0,00";
    spec.focused = steps.focus == field;
    spec.value = spec.focused ? "€\u00a0" + steps.amountText : storedCents > 0 ? formatEuroCents(storedCents) : std::string();
    return spec;
}

float planFieldHeight(const Ui& ui, bool withProblem) {
    const float line = ui.fonts.body->FontSize;
    return line + ui.mm(1) + std::max(ui.metrics.touchMin(), line + ui.mm(6)) + (withProblem ? line + ui.mm(1) : 0.0f);
}

bool planField(ScreenContext& ctx, const PlanFieldSpec& spec) {
    Ui& ui = ctx.ui;
    const float width = spec.width > 0 ? spec.width : ImGui::GetContentRegionAvail().x;
    const float line = ui.fonts.body->FontSize;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* list = ImGui::GetWindowDrawList();
    drawText(list, ui.fonts.body, origin, ui.colours.text, spec.label, width);

    const ImVec2 boxMin(origin.x, origin.y + line + ui.mm(1));
    const ImVec2 boxMax(boxMin.x + width, boxMin.y + std::max(ui.metrics.touchMin(), line + ui.mm(6)));
    ImGui::SetCursorScreenPos(boxMin);
    const bool tapped = ImGui::InvisibleButton(spec.id, ImVec2(boxMax.x - boxMin.x, boxMax.y - boxMin.y));
    ui.widgets.add({spec.id, boxMin.x, boxMin.y, boxMax.x, boxMax.y, true, spec.focused});
    const Colour border = spec.problem ? ui.colours.danger : spec.focused ? ui.colours.selected : ui.colours.border;
    list->AddRectFilled(boxMin, boxMax, ui.colours.surface, ui.mm(1.5f));
    list->AddRect(boxMin, boxMax, border, ui.mm(1.5f), 0, spec.focused || spec.problem ? ui.mm(0.8f) : ui.mm(0.35f));
    const float pad = ui.mm(3);
    const bool empty = spec.value.empty();
    const std::string shown = empty ? std::string(spec.placeholder) : spec.value + (spec.focused ? "|" : "");
    const ImVec2 size = measureText(ui.fonts.body, shown);
    const float x = rightToLeft() ? boxMax.x - pad - std::min(size.x, width - 2 * pad) : boxMin.x + pad;
    list->PushClipRect(boxMin, boxMax, true);
    drawText(list, ui.fonts.body, ImVec2(x, boxMin.y + (boxMax.y - boxMin.y - size.y) * 0.5f),
             empty ? ui.colours.mutedText : ui.colours.text, shown);
    list->PopClipRect();
    float bottom = boxMax.y;
    if (spec.problem) {
        const std::string message = std::string(icon::Warning) + "  " + spec.problem;
        drawText(list, ui.fonts.body, ImVec2(origin.x, boxMax.y + ui.mm(0.5f)), ui.colours.danger, message, width);
        bottom += line + ui.mm(1);
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, bottom + ImGui::GetStyle().ItemSpacing.y));
    ImGui::Dummy(ImVec2(0, 0));
    return tapped;
}

bool nextButton(ScreenContext& ctx, const char* key, float minY) {
    Ui& ui = ctx.ui;
    const float width = ctx.contentSize.x;
    const float buttonWidth = std::min(width, ui.mm(80));
    const float x = rightToLeft() ? ctx.contentMin.x : ctx.contentMin.x + width - buttonWidth;
    const float top = ctx.contentMin.y + ctx.contentSize.y - ui.metrics.touchMain();
    ImGui::SetCursorScreenPos(ImVec2(x, std::max(minY, top)));
    const std::string label = std::string(rightToLeft() ? icon::Back : icon::Next) + "  " + ui.tr(key);
    ButtonSpec next;
    next.id = key;
    next.label = label.c_str();
    next.size = ImVec2(buttonWidth, ui.metrics.touchMain());
    next.kind = ButtonKind::Primary;
    return touchButton(ui, next);
}

}  // namespace buurtstem::ui
