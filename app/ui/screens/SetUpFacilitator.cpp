// The set-up's facilitator step. At the first start: the facilitator's name on the keyboard, then
// a PIN typed twice on the PIN pad. Later, from Instellingen: keep things as they are, add
// another facilitator, or change the signed-in facilitator's PIN (their old PIN first). "Not the
// same twice" and "too simple" are said plainly; the PIN is stored only by Finish.
#include "Screens.h"

#include "../../core/FacilitatorPin.h"
#include "../../core/Utf8.h"
#include "../Icons.h"
#include "../widgets/TextField.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

namespace {

// A 3 x 4 pad at the bottom of the screen (1-9, erase, 0, OK) editing `pin`; true when OK is tapped.
bool pinPad(ScreenContext& ctx, std::string& pin) {
    Ui& ui = ctx.ui;
    const float gap = ui.metrics.gap();
    const float width = ctx.contentSize.x;
    const float room = ctx.contentMin.y + ctx.contentSize.y - ImGui::GetCursorScreenPos().y - gap;
    const float key = std::clamp((room - 3 * gap) / 4, ui.metrics.touchMin(), ui.metrics.touchMain());
    const float keyWidth = std::min(ui.mm(30), (width - 2 * gap) / 3);
    const float padWidth = 3 * keyWidth + 2 * gap;
    const float left = ctx.contentMin.x + (width - padWidth) * 0.5f;
    const float top = ctx.contentMin.y + ctx.contentSize.y - 4 * key - 3 * gap;
    const char* labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", ""};
    bool ok = false;
    for (int i = 0; i < 12; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(left + static_cast<float>(i % 3) * (keyWidth + gap), top + static_cast<float>(i / 3) * (key + gap)));
        ButtonSpec spec;
        const std::string id = i == 9 ? "#setup.pin.erase" : i == 11 ? "#setup.pin.ok" : std::string("#setup.pin.") + labels[i];
        spec.id = id.c_str();
        spec.label = labels[i];  // erase and OK are their icons alone, as on the facilitator's PIN pad
        spec.icon = i == 9 ? icon::Backspace : i == 11 ? icon::Check : nullptr;
        spec.size = ImVec2(keyWidth, key);
        spec.kind = i == 11 ? ButtonKind::Primary : ButtonKind::Secondary;
        if (i == 11) spec.enabled = pin.size() >= kPinMinDigits;
        if (i < 9 || i == 10) spec.enabled = pin.size() < kPinMaxDigits;
        if (!touchButton(ui, spec)) continue;
        ctx.state.setUp.problemKey = nullptr;
        if (i == 9) {
            if (!pin.empty()) pin.pop_back();
        } else if (i == 11) {
            ok = true;
        } else {
            pin += labels[i];
        }
    }
    return ok;
}

void wipePins(SetUpFlow& flow) {
    flow.oldPin.clear();
    flow.pin.clear();
    flow.pinAgain.clear();
}

void choose(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    SetUpFlow& flow = ctx.state.setUp;
    const float width = ctx.contentSize.x;
    screenText(ctx, ui.tr("setup.facilitator.choose"));
    ImGui::Dummy(ImVec2(0, ui.metrics.gap() * 0.5f));
    const std::string change = ui.format("setup.facilitator.change", {{"name", ctx.state.facilitator.label}});
    struct Option {
        const char* id;
        const char* icon;
        std::string label;
        SetUpFacilitatorPlan plan;
    };
    const Option options[] = {{"setup.facilitator.keep", icon::Check, ui.tr("setup.facilitator.keep"), SetUpFacilitatorPlan::Keep},
                              {"setup.facilitator.add", icon::Plus, ui.tr("setup.facilitator.add"), SetUpFacilitatorPlan::Add},
                              {"setup.facilitator.change", icon::Lock, change, SetUpFacilitatorPlan::ChangePin}};
    for (const Option& option : options) {
        ButtonSpec spec;
        spec.id = option.id;
        spec.icon = option.icon;
        spec.label = option.label.c_str();
        spec.size = ImVec2(width, std::max(ui.metrics.touchMin(), measureText(ui.fonts.heading, option.label, width - ui.mm(20)).y + ui.mm(6)));
        spec.kind = ButtonKind::Choice;
        spec.selected = flow.plan == option.plan && option.plan == SetUpFacilitatorPlan::Keep;
        if (touchButton(ui, spec)) {
            flow.plan = option.plan;
            wipePins(flow);
            flow.label.clear();
            flow.problemKey = nullptr;
            flow.stage = option.plan == SetUpFacilitatorPlan::Add         ? SetUpPinStage::Label
                         : option.plan == SetUpFacilitatorPlan::ChangePin ? SetUpPinStage::OldPin
                                                                          : SetUpPinStage::Choose;
            if (option.plan == SetUpFacilitatorPlan::Add) flow.focus = SetUpField::Label;
        }
        ImGui::Dummy(ImVec2(0, ui.metrics.gap() * 0.5f));
    }
    setUpButtons(ctx, ScreenId::SetUpFacilitator, flow.plan == SetUpFacilitatorPlan::Keep);
}

void label(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    SetUpFlow& flow = ctx.state.setUp;
    TextFieldSpec field;
    field.id = "#setup.facilitator.label";
    field.label = ui.tr("setup.facilitator.label");
    field.placeholder = ui.tr("setup.facilitator.placeholder");
    field.text = &flow.label;
    field.focused = true;
    field.maxCodePoints = kFacilitatorLabelMax;
    field.problem = flow.problemKey ? ui.tr(flow.problemKey) : nullptr;
    textField(ui, field);
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, ctx.contentMin.y + ctx.contentSize.y - ctx.keyboard.height(ui)));
    KeyboardOptions options;
    options.maxCodePoints = kFacilitatorLabelMax;
    options.doneKey = "setup.next";
    options.native = lettersFor(ui.translator->language().code);
    const KeyboardEvent event = ctx.keyboard.draw(ui, flow.label, options, ctx.contentSize.x);
    if (event == KeyboardEvent::Edited) flow.problemKey = nullptr;
    if (event != KeyboardEvent::Done) return;
    if (!validateFacilitatorLabel(utf8::trim(flow.label))) {
        flow.problemKey = "setup.facilitator.label_problem";
        return;
    }
    flow.problemKey = nullptr;
    flow.stage = SetUpPinStage::NewPin;
}

}  // namespace

void drawSetUpFacilitator(ScreenContext& ctx) {
    if (!setUpAllowed(ctx)) return;
    Ui& ui = ctx.ui;
    SetUpFlow& flow = ctx.state.setUp;
    setUpHeading(ctx, ScreenId::SetUpFacilitator, "setup.facilitator.heading");
    const std::string name = flow.plan == SetUpFacilitatorPlan::ChangePin ? ctx.state.facilitator.label : utf8::trim(flow.label);
    switch (flow.stage) {
        case SetUpPinStage::Choose: choose(ctx); return;
        case SetUpPinStage::Label: label(ctx); return;
        case SetUpPinStage::OldPin:
            screenText(ctx, ui.tr("setup.pin.old"));
            pinDots(ctx, flow.oldPin.size(), ctx.contentSize.x);
            if (flow.problemKey) problemText(ctx, ui.tr(flow.problemKey));
            if (pinPad(ctx, flow.oldPin)) flow.stage = SetUpPinStage::NewPin;  // checked by Finish, with the new one
            return;
        case SetUpPinStage::NewPin:
            screenText(ctx, ui.format("setup.pin.new", {{"name", name}}));
            pinDots(ctx, flow.pin.size(), ctx.contentSize.x);
            if (flow.problemKey) problemText(ctx, ui.tr(flow.problemKey));
            if (pinPad(ctx, flow.pin)) {
                if (checkNewPin(flow.pin) != PinProblem::None) {
                    flow.pin.clear();
                    flow.problemKey = "setup.pin.too_simple";
                } else {
                    flow.stage = SetUpPinStage::Again;
                }
            }
            return;
        case SetUpPinStage::Again:
            screenText(ctx, ui.tr("setup.pin.again"));
            pinDots(ctx, flow.pinAgain.size(), ctx.contentSize.x);
            if (flow.problemKey) problemText(ctx, ui.tr(flow.problemKey));
            if (pinPad(ctx, flow.pinAgain)) {
                if (flow.pinAgain != flow.pin) {
                    flow.pin.clear();
                    flow.pinAgain.clear();
                    flow.problemKey = "setup.pin.mismatch";
                    flow.stage = SetUpPinStage::NewPin;
                } else {
                    flow.stage = SetUpPinStage::Done;
                }
            }
            return;
        case SetUpPinStage::Done: {
            textBlock(ui.fonts.body, std::string(icon::Check) + "  " + ui.format("setup.pin.done", {{"name", name}}), ui.colours.selected,
                      ctx.contentSize.x);
            ImGui::Dummy(ImVec2(0, ui.metrics.gap()));
            ButtonSpec again;
            again.id = "setup.pin.another";
            again.label = ui.tr("setup.pin.another");
            again.icon = icon::Edit;
            again.size = ImVec2(std::min(ctx.contentSize.x, ui.mm(120)), ui.metrics.touchMin());
            if (touchButton(ui, again)) {
                wipePins(flow);
                flow.stage = flow.plan == SetUpFacilitatorPlan::ChangePin ? SetUpPinStage::OldPin : SetUpPinStage::NewPin;
            }
            setUpButtons(ctx, ScreenId::SetUpFacilitator, true);
            return;
        }
    }
}

}  // namespace buurtstem::ui
