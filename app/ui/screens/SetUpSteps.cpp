// The set-up's short steps: welcome (and the language to read it in), the neighbourhood's name,
// the languages residents are offered, the idle times, the maximum per initiative, and the
// summary with Finish. The places, the staff key and the facilitator have files of their own.
#include "Screens.h"

#include "../../core/Utf8.h"
#include "../Icons.h"
#include "../widgets/NumericPad.h"
#include "../widgets/TextField.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <iterator>
#include <string>

namespace buurtstem::ui {

float setUpButtonHeight(const Ui& ui, const char* iconText, std::string_view label, float width) {
    // TouchButton wraps a long label in large text: as tall as the label needs, 12 mm at least.
    return std::max(ui.metrics.touchMin(), measureText(ui.fonts.heading, std::string(iconText) + "  " + std::string(label), width - ui.mm(8)).y + ui.mm(6));
}

bool setUpAllowed(ScreenContext& ctx) {
    if (!ctx.view.hasFacilitator || !ctx.state.facilitator.label.empty()) return true;
    screenText(ctx, ctx.ui.tr("facilitator.locked"));
    return false;
}

void setUpHeading(ScreenContext& ctx, ScreenId step, const char* headingKey) {
    Ui& ui = ctx.ui;
    const auto at = std::find(kSetUpSteps.begin(), kSetUpSteps.end(), step);
    const std::string number = std::to_string(at - kSetUpSteps.begin() + 1);
    screenText(ctx, ui.format("setup.step", {{"step", number}, {"count", std::to_string(kSetUpSteps.size())}}), true);
    screenHeading(ctx, ui.tr(headingKey));
    ImGui::Dummy(ImVec2(0, ui.metrics.gap() * 0.5f));
}

ScreenId nextSetUpStep(ScreenId step) {
    const auto at = std::find(kSetUpSteps.begin(), kSetUpSteps.end(), step);
    return at == kSetUpSteps.end() || at + 1 == kSetUpSteps.end() ? step : *(at + 1);
}

bool setUpButtons(ScreenContext& ctx, ScreenId step, bool canGoOn) {
    Ui& ui = ctx.ui;
    ButtonSpec back;
    back.id = "setup.back";
    back.label = ui.tr("setup.back");
    back.icon = rightToLeft() ? icon::Next : icon::Back;
    back.kind = ButtonKind::Secondary;
    ButtonSpec next;
    next.id = "setup.next";
    next.label = ui.tr("setup.next");
    next.icon = rightToLeft() ? icon::Back : icon::Next;
    next.kind = ButtonKind::Primary;
    bool tappedWhileDisabled = false;
    next.enabled = canGoOn;
    next.tappedWhileDisabled = &tappedWhileDisabled;
    // On the first step of the first start there is nothing to go back to.
    back.enabled = !(step == ScreenId::SetUpWelcome && ctx.state.setUp.firstStart);
    const ButtonPair tapped = bottomButtons(ctx, back, next);
    if (tapped.secondary) ctx.actions.back = true;
    if (tapped.primary && canGoOn) ctx.actions.go = nextSetUpStep(step);
    return tapped.primary || tappedWhileDisabled;
}

// [SECTION] Welcome

void drawSetUpWelcome(ScreenContext& ctx) {
    if (!setUpAllowed(ctx)) return;
    Ui& ui = ctx.ui;
    const SetUpFlow& flow = ctx.state.setUp;
    setUpHeading(ctx, ScreenId::SetUpWelcome, flow.firstStart ? "setup.welcome.heading" : "setup.welcome.again_heading");
    screenText(ctx, ui.tr(flow.firstStart ? "setup.welcome.text" : "setup.welcome.again"));
    ImGui::Dummy(ImVec2(0, ui.metrics.gap()));
    screenText(ctx, ui.tr("setup.welcome.language"), true);

    // Every language, in its own name: the facilitator reads the steps in theirs.
    const float width = ctx.contentSize.x;
    const float gap = ui.metrics.gap();
    const int columns = width > ui.mm(240) ? 3 : 2;
    const ImVec2 cell((width - static_cast<float>(columns - 1) * gap) / static_cast<float>(columns), ui.metrics.touchMin());
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const std::string current = ui.translator->language().code;
    int index = 0;
    for (const i18n::Language& language : ui.translator->languages()) {
        ImGui::SetCursorScreenPos(gridCell(origin, index++, columns, cell, gap));
        const std::string id = "#setup.language." + language.code;
        ButtonSpec spec;
        spec.id = id.c_str();
        spec.label = language.nativeName.c_str();
        spec.size = cell;
        spec.kind = ButtonKind::Choice;
        spec.selected = language.code == current;
        spec.icon = spec.selected ? icon::Check : nullptr;
        if (touchButton(ui, spec)) ctx.actions.setLanguage = language.code;
    }
    const int rows = (index + columns - 1) / columns;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + static_cast<float>(rows) * (cell.y + gap)));
    setUpButtons(ctx, ScreenId::SetUpWelcome, true);
}

// [SECTION] Name

void drawSetUpName(ScreenContext& ctx) {
    if (!setUpAllowed(ctx)) return;
    Ui& ui = ctx.ui;
    SetUpFlow& flow = ctx.state.setUp;
    const float width = ctx.contentSize.x;
    const float keyboardTop = ctx.contentMin.y + ctx.contentSize.y - ctx.keyboard.height(ui);
    setUpHeading(ctx, ScreenId::SetUpName, "setup.name.heading");

    const bool valid = validateNeighbourhoodName(flow.name).ok();
    TextFieldSpec field;
    field.id = "#setup.name";
    field.label = ui.tr("setup.name.label");
    field.placeholder = ui.tr("setup.name.placeholder");
    field.text = &flow.name;
    field.focused = true;  // the only field: the keyboard always types here
    field.maxCodePoints = kNeighbourhoodNameMax;
    field.problem = flow.problemKey ? ui.tr(flow.problemKey) : nullptr;
    textField(ui, field);

    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, keyboardTop));
    KeyboardOptions options;
    options.maxCodePoints = kNeighbourhoodNameMax;
    options.doneKey = "setup.next";
    options.native = lettersFor(ui.translator->language().code);
    const KeyboardEvent event = ctx.keyboard.draw(ui, flow.name, options, width);
    if (event == KeyboardEvent::Edited) flow.problemKey = nullptr;
    if (event == KeyboardEvent::Done) {
        if (valid) {
            flow.problemKey = nullptr;
            ctx.actions.go = nextSetUpStep(ScreenId::SetUpName);
        } else {
            flow.problemKey = "setup.name.problem";
        }
    }
}

// [SECTION] Languages offered

namespace {

// A language in its own name ("Türkçe"); its code when the catalogue does not know it.
std::string languageName(const Ui& ui, std::string_view code) {
    const std::vector<i18n::Language> languages = ui.translator->languages();
    for (const i18n::Language& language : languages)
        if (language.code == code) return language.nativeName;
    return std::string(code);
}

}  // namespace

void drawSetUpLanguages(ScreenContext& ctx) {
    if (!setUpAllowed(ctx)) return;
    Ui& ui = ctx.ui;
    SetUpFlow& flow = ctx.state.setUp;
    setUpHeading(ctx, ScreenId::SetUpLanguages, "setup.languages.heading");
    screenText(ctx, ui.tr("setup.languages.text"));
    ImGui::Dummy(ImVec2(0, ui.metrics.gap() * 0.5f));

    const float width = ctx.contentSize.x;
    const float gap = ui.metrics.gap();
    const int columns = width > ui.mm(240) ? 3 : 2;
    const ImVec2 cell((width - static_cast<float>(columns - 1) * gap) / static_cast<float>(columns), ui.metrics.touchMin());
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    int index = 0;
    for (const std::string_view code : kKioskLanguages) {
        const std::string name = languageName(ui, code);
        std::vector<std::string>& chosen = flow.preferences.languages;
        const bool on = code == "nl" || std::find(chosen.begin(), chosen.end(), code) != chosen.end();
        ImGui::SetCursorScreenPos(gridCell(origin, index++, columns, cell, gap));
        const std::string id = "#setup.offer." + std::string(code);
        ButtonSpec spec;
        spec.id = id.c_str();
        spec.label = name.c_str();
        spec.icon = on ? icon::Ticked : icon::Unticked;
        spec.size = cell;
        spec.kind = ButtonKind::Choice;
        spec.selected = on;
        // Dutch is always offered: its tap changes nothing (drawn enabled, so its name stays readable).
        if (!touchButton(ui, spec) || code == "nl") continue;
        if (on)
            chosen.erase(std::remove(chosen.begin(), chosen.end(), code), chosen.end());
        else
            chosen.emplace_back(code);
        if (Result<std::vector<std::string>> normal = normaliseLanguages(chosen)) chosen = std::move(normal).value();
    }
    const int rows = (index + columns - 1) / columns;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + static_cast<float>(rows) * (cell.y + gap)));
    setUpButtons(ctx, ScreenId::SetUpLanguages, true);
}

// [SECTION] Idle times

namespace {

// One row of choices in seconds; says the one tapped.
template <std::size_t N>
void secondsChoices(ScreenContext& ctx, const char* idPrefix, const std::array<int, N>& choices, int& chosen) {
    Ui& ui = ctx.ui;
    const float width = ctx.contentSize.x;
    const float gap = ui.metrics.gap();
    const ImVec2 cell((width - static_cast<float>(N - 1) * gap) / static_cast<float>(N), ui.metrics.touchMin());
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    for (std::size_t i = 0; i < N; ++i) {
        ImGui::SetCursorScreenPos(gridCell(origin, static_cast<int>(i), static_cast<int>(N), cell, gap));
        const std::string id = std::string(idPrefix) + std::to_string(choices[i]);
        const std::string label = ui.format("setup.idle.seconds", {{"seconds", std::to_string(choices[i])}});
        ButtonSpec spec;
        spec.id = id.c_str();
        spec.label = label.c_str();
        spec.size = cell;
        spec.kind = ButtonKind::Choice;
        spec.selected = choices[i] == chosen;
        spec.icon = spec.selected ? icon::Check : nullptr;
        if (touchButton(ui, spec)) chosen = choices[i];
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + cell.y + gap));
}

}  // namespace

void drawSetUpIdle(ScreenContext& ctx) {
    if (!setUpAllowed(ctx)) return;
    Ui& ui = ctx.ui;
    SetUpFlow& flow = ctx.state.setUp;
    setUpHeading(ctx, ScreenId::SetUpIdle, "setup.idle.heading");
    screenText(ctx, std::string(icon::Clock) + "  " + ui.tr("setup.idle.ask"));
    secondsChoices(ctx, "#setup.ask.", kIdleAskChoices, flow.preferences.askAfterSeconds);
    screenText(ctx, std::string(icon::Clock) + "  " + ui.tr("setup.idle.start_over"));
    secondsChoices(ctx, "#setup.over.", kIdleStartOverChoices, flow.preferences.startOverSeconds);
    screenText(ctx, ui.tr("setup.idle.text"), true);
    setUpButtons(ctx, ScreenId::SetUpIdle, true);
}

// [SECTION] Maximum per initiative

void drawSetUpMaximum(ScreenContext& ctx) {
    if (!setUpAllowed(ctx)) return;
    Ui& ui = ctx.ui;
    SetUpFlow& flow = ctx.state.setUp;
    const float width = ctx.contentSize.x;
    const float gap = ui.metrics.gap();
    setUpHeading(ctx, ScreenId::SetUpMaximum, "setup.maximum.heading");
    screenText(ctx, ui.tr("setup.maximum.text"));

    const std::optional<std::int64_t> cents = parseEuroCents(flow.maximumText);
    const bool valid = cents && *cents > 0 && *cents <= kInitiativeMaximumCeilingCents;
    const std::string shown = cents ? formatEuroCents(*cents) : std::string("€ ") + flow.maximumText;
    textBlock(ui.fonts.heading, shown, ui.colours.text, width);
    if (flow.problemKey)
        problemText(ctx, ui.format(flow.problemKey, {{"max", formatEuroShort(kInitiativeMaximumCeilingCents)}}).c_str());

    // The pad on the reading side; its Next key goes on.
    const float padHeight = numericPadHeight(ui);
    const float padWidth = std::min(width, 4 * ui.mm(40) + 3 * gap);  // room for "Verder" on the Done key in large text
    const float bottom = ctx.contentMin.y + ctx.contentSize.y;
    const float top = std::max(ImGui::GetCursorScreenPos().y + gap, bottom - padHeight);
    ImGui::SetCursorScreenPos(ImVec2(rightToLeft() ? ctx.contentMin.x + width - padWidth : ctx.contentMin.x, top));
    NumericPadOptions options;
    options.maxCents = kInitiativeMaximumCeilingCents;
    options.doneKey = "setup.next";
    const PadEvent event = numericPad(ui, flow.maximumText, options, padWidth);
    if (event == PadEvent::Edited) flow.problemKey = nullptr;
    if (event == PadEvent::Done) {
        flow.problemKey = valid ? nullptr : "setup.maximum.problem";
        if (valid) ctx.actions.go = nextSetUpStep(ScreenId::SetUpMaximum);
    }
}

// [SECTION] Summary and Finish

void drawSetUpSummary(ScreenContext& ctx) {
    if (!setUpAllowed(ctx)) return;
    Ui& ui = ctx.ui;
    SetUpFlow& flow = ctx.state.setUp;
    const float width = ctx.contentSize.x;
    setUpHeading(ctx, ScreenId::SetUpSummary, "setup.summary.heading");

    std::string languages;
    for (const std::string& code : flow.preferences.languages) {
        languages += (languages.empty() ? "" : ", ") + languageName(ui, code);
    }
    std::string places;
    for (const Place& place : flow.places) places += (places.empty() ? "" : ", ") + place.name;
    const std::optional<std::int64_t> cents = parseEuroCents(flow.maximumText);
    std::string key = ui.tr("setup.summary.no_key");
    if (flow.key)
        key = keyFingerprint(*flow.key);
    else if (ctx.view.staffKey)
        key = keyFingerprint(*ctx.view.staffKey);
    std::string facilitator = ui.tr("setup.summary.facilitator_keep");
    if (flow.plan == SetUpFacilitatorPlan::Add && flow.stage == SetUpPinStage::Done) facilitator = utf8::trim(flow.label);
    if (flow.plan == SetUpFacilitatorPlan::ChangePin && flow.stage == SetUpPinStage::Done)
        facilitator = ui.format("setup.summary.pin_change", {{"name", ctx.state.facilitator.label}});
    const std::string idle = ui.format("setup.summary.idle_value", {{"ask", std::to_string(flow.preferences.askAfterSeconds)},
                                                                     {"over", std::to_string(flow.preferences.startOverSeconds)}});
    const std::pair<const char*, std::string> rows[] = {
        {"setup.summary.name", utf8::trim(flow.name)},
        {"setup.summary.places", places.empty() ? std::string("-") : places},
        {"setup.summary.languages", languages},
        {"setup.summary.idle", idle},
        {"setup.summary.maximum", cents ? formatEuroShort(*cents) : std::string("-")},
        {"setup.summary.staff_key", key},
        {"setup.summary.facilitator", facilitator},
    };

    // Label and value one under the other: long place lists and large text wrap instead of overlapping.
    const float bottom = ctx.contentMin.y + ctx.contentSize.y - ui.metrics.touchMain() - ui.metrics.gap();
    float problemHeight = 0;
    if (flow.problemKey) problemHeight = measureText(ui.fonts.body, std::string(icon::Warning) + "  " + ui.tr(flow.problemKey), width).y;
    ctx.pageScroll.begin(ui, "#setup.summary", ImVec2(width, std::max(ui.metrics.touchMin(), bottom - problemHeight - ImGui::GetCursorScreenPos().y)));
    ImDrawList* list = ImGui::GetWindowDrawList();
    for (const auto& [labelKey, value] : rows) {
        const float labelHeight = measureText(ui.fonts.body, ui.tr(labelKey), width).y;
        const float height = labelHeight + measureText(ui.fonts.body, value, width).y + ui.mm(2);
        ImVec2 min, max;
        bool held = false;
        const std::string id = std::string("#") + labelKey;
        ctx.pageScroll.row(ui, id.c_str(), height, &min, &max, &held);
        drawText(list, ui.fonts.body, min, ui.colours.mutedText, ui.tr(labelKey), width);
        drawText(list, ui.fonts.body, ImVec2(min.x, min.y + labelHeight), ui.colours.text, value, width);
    }
    ctx.pageScroll.end(ui);
    if (flow.problemKey) problemText(ctx, ui.tr(flow.problemKey));

    ButtonSpec back;
    back.id = "setup.back";
    back.label = ui.tr("setup.back");
    back.icon = rightToLeft() ? icon::Next : icon::Back;
    ButtonSpec finish;
    finish.id = "setup.finish";
    finish.label = ui.tr("setup.finish");
    finish.icon = icon::Check;
    finish.kind = ButtonKind::Primary;
    const ButtonPair tapped = bottomButtons(ctx, back, finish);
    if (tapped.secondary) ctx.actions.back = true;
    if (tapped.primary) ctx.actions.finishSetUp = true;
}

}  // namespace buurtstem::ui
