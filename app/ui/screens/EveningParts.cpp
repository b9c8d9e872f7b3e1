// Pieces the evening screens share (see EveningParts.h).
#include "EveningParts.h"

#include "../Icons.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <ctime>

namespace buurtstem::ui {

namespace {

struct FocusedText {
    std::string* text = nullptr;
    const char* labelKey = "";
    std::size_t max = 80;
    bool digits = false;  // dates, times, minutes, postcodes: the keyboard opens on its digits
};

FocusedText focusedText(EveningDesk& desk) {
    const std::size_t i = desk.index;
    switch (desk.focus) {
        case EveningField::None: return {};
        case EveningField::Title: return {&desk.plan.title, "evening.plan.title", kEveningTitleMax, false};
        case EveningField::Date: return {&desk.planDate, "evening.plan.date", 10, true};
        case EveningField::Time: return {&desk.planTime, "evening.plan.time", 5, true};
        case EveningField::Place: return {&desk.plan.place, "evening.plan.place", kEveningPlaceMax, false};
        case EveningField::ItemTitle:
            if (i < desk.plan.agenda.size()) return {&desk.plan.agenda[i].title, "evening.plan.item", kAgendaTitleMax, false};
            return {};
        case EveningField::ItemMinutes:
            if (i < desk.planMinutes.size()) return {&desk.planMinutes[i], "evening.plan.minutes", 3, true};
            return {};
        case EveningField::Postcode: return {&desk.postcode, "evening.checkin.postcode", 4, true};
        case EveningField::Question: return {&desk.question, "evening.vote.question", kDotVoteQuestionMax, false};
        case EveningField::Option:
            if (i < desk.options.size()) return {&desk.options[i], "evening.vote.option", kDotVoteOptionMax, false};
            return {};
        case EveningField::DecisionText: return {&desk.decision, "evening.minutes.decision", kMinutesTextMax, false};
        case EveningField::ActionWho: return {&desk.actionWho, "evening.minutes.who", kMinutesWhoMax, false};
        case EveningField::ActionWhat: return {&desk.actionWhat, "evening.minutes.what", kMinutesTextMax, false};
        case EveningField::ActionDue: return {&desk.actionDue, "evening.minutes.due", 10, true};
        case EveningField::NextDate: return {&desk.nextDate, "evening.plan.date", 10, true};
        case EveningField::NextTime: return {&desk.nextTime, "evening.plan.time", 5, true};
        case EveningField::NextPlace: return {&desk.nextPlace, "evening.plan.place", kEveningPlaceMax, false};
    }
    return {};
}

}  // namespace

bool eveningLocked(ScreenContext& ctx) {
    if (!ctx.state.facilitator.label.empty()) return false;
    screenText(ctx, ctx.ui.tr("facilitator.locked"));
    return true;
}

float buttonHeight(const Ui& ui) { return std::max(ui.metrics.touchMin(), ui.fonts.heading->FontSize + ui.mm(6)); }

bool eveningButton(ScreenContext& ctx, const char* key, const char* iconText, float width, float height, ButtonKind kind, bool enabled) {
    Ui& ui = ctx.ui;
    // One line, shortened with an ellipsis when a translation is long: the layout stays put.
    const float iconWidth = iconText ? measureText(ui.fonts.heading, std::string(iconText) + "  ").x : 0.0f;
    const std::string label = fitOnOneLine(ui.fonts.heading, ui.tr(key), width - ui.mm(8) - iconWidth);
    ButtonSpec spec;
    spec.id = key;
    spec.label = label.c_str();
    spec.icon = iconText;
    spec.size = ImVec2(width, height);
    spec.kind = kind;
    spec.enabled = enabled;
    return touchButton(ui, spec);
}

bool eveningMissing(ScreenContext& ctx) {
    if (ctx.view.currentEvening) return false;
    screenHeading(ctx, ctx.ui.tr("evening.none"));
    screenText(ctx, ctx.ui.tr("evening.none_note"), true);
    ImGui::Dummy(ImVec2(0, ctx.ui.metrics.gap()));
    if (eveningButton(ctx, "evening.plan_new", icon::Calendar, std::min(ImGui::GetContentRegionAvail().x, ctx.ui.mm(120)),
                      ctx.ui.metrics.touchMain(), ButtonKind::Primary))
        ctx.actions.editEvening = true;
    return true;
}

void eveningField(ScreenContext& ctx, EveningField field, std::size_t index, const char* id, const char* labelKey, std::string& value,
                  float width, const char* problem) {
    EveningDesk& desk = ctx.state.evening;
    PlanFieldSpec spec;
    spec.id = id;
    spec.label = ctx.ui.tr(labelKey);
    spec.value = value;
    spec.focused = desk.focus == field && desk.index == index;
    spec.problem = problem;
    spec.width = width;
    // Dates and times show how to write them until something is typed.
    const bool date = field == EveningField::Date || field == EveningField::ActionDue || field == EveningField::NextDate;
    const bool time = field == EveningField::Time || field == EveningField::NextTime;
    spec.placeholder = date ? "2026-12-31" : time ? "19:30" : "";
    if (planField(ctx, spec)) {
        desk.focus = field;
        desk.index = index;
        ctx.keyboard.reset();  // the field's own first layer: digits or letters
    }
}

bool eveningTyping(ScreenContext& ctx) {
    EveningDesk& desk = ctx.state.evening;
    const FocusedText focused = focusedText(desk);
    if (!focused.text) {
        desk.focus = EveningField::None;
        return false;
    }
    Ui& ui = ctx.ui;
    const float width = ImGui::GetContentRegionAvail().x;
    PlanFieldSpec spec;
    spec.id = "#evening.typing";
    spec.label = ui.tr(focused.labelKey);
    spec.value = *focused.text;
    spec.focused = true;
    planField(ctx, spec);
    const float bottom = ctx.contentMin.y + ctx.contentSize.y;
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, bottom - ctx.keyboard.height(ui)));
    KeyboardOptions options;
    options.maxCodePoints = focused.max;
    options.doneKey = "evening.keyboard.done";
    options.native = focused.digits ? KeyboardLayer::Numbers : lettersFor(ui.translator->language().code);
    if (ctx.keyboard.draw(ui, *focused.text, options, width) == KeyboardEvent::Done) desk.focus = EveningField::None;
    return true;
}

void eveningOutcome(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const EveningDesk& desk = ctx.state.evening;
    if (desk.problemKey) problemText(ctx, ui.tr(desk.problemKey));
    else if (desk.doneKey)
        textBlock(ui.fonts.body, std::string(icon::Check) + "  " + ui.tr(desk.doneKey), ui.colours.selected, ImGui::GetContentRegionAvail().x);
}

const char* eveningProblemKey(EveningProblem problem) {
    switch (problem) {
        case EveningProblem::TitleMissing: return "evening.problem.title_missing";
        case EveningProblem::TitleTooLong: return "evening.problem.too_long";
        case EveningProblem::BadDate: return "evening.problem.date";
        case EveningProblem::BadTime: return "evening.problem.time";
        case EveningProblem::PlaceMissing: return "evening.problem.place_missing";
        case EveningProblem::PlaceTooLong: return "evening.problem.too_long";
        case EveningProblem::AgendaEmpty: return "evening.problem.agenda_empty";
        case EveningProblem::AgendaTooLong: return "evening.problem.too_many";
        case EveningProblem::ItemTitleMissing: return "evening.problem.item_title";
        case EveningProblem::ItemTitleTooLong: return "evening.problem.too_long";
        case EveningProblem::ItemMinutes: return "evening.problem.item_minutes";
        case EveningProblem::QuestionMissing: return "evening.problem.question_missing";
        case EveningProblem::QuestionTooLong: return "evening.problem.too_long";
        case EveningProblem::OptionCount: return "evening.problem.option_count";
        case EveningProblem::OptionMissing: return "evening.problem.option_missing";
        case EveningProblem::OptionTooLong: return "evening.problem.too_long";
        case EveningProblem::OptionRepeated: return "evening.problem.option_repeated";
        case EveningProblem::TextMissing: return "evening.problem.text_missing";
        case EveningProblem::TextTooLong: return "evening.problem.too_long";
        case EveningProblem::WhoMissing: return "evening.problem.who_missing";
        case EveningProblem::WhoTooLong: return "evening.problem.too_long";
        case EveningProblem::TooManyItems: return "evening.problem.too_many";
        case EveningProblem::InvalidText: return "evening.problem.invalid_text";
    }
    return "evening.problem.invalid_text";
}

std::string localClock(std::uint64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm local{};
    char text[16] = "";
    if (localtime_r(&seconds, &local)) std::strftime(text, sizeof text, "%H:%M", &local);
    return text;
}

}  // namespace buurtstem::ui
