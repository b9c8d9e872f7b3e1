// ModerationHide: why an idea is hidden, one of a few fixed reasons or the facilitator's own words
// for "other" on the on-screen keyboard. Residents no longer see it; the reason stays for the staff.
#include "Screens.h"

#include "../Icons.h"
#include "../widgets/TextField.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

void drawModerationHide(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    if (ctx.state.facilitator.label.empty() || !ctx.view.moderated) {
        screenText(ctx, ui.tr("facilitator.locked"));
        return;
    }
    ModerationFlow& flow = ctx.state.moderation;
    screenHeading(ctx, ui.format("moderation.hide.heading", {{"title", ctx.view.moderated->title}}).c_str());
    if (flow.problemKey) problemText(ctx, ui.tr(flow.problemKey));

    // [Reasons] Two columns of choices.
    const float width = ctx.contentSize.x;
    const float gap = ui.metrics.gap();
    const int columns = 2;
    const float cellWidth = (width - gap) / columns;
    float cellHeight = ui.metrics.touchMin();
    for (HideReason reason : kAllHideReasons)
        cellHeight = std::max(cellHeight, measureText(ui.fonts.body, ui.tr(hideReasonLabelKey(reason)), cellWidth - ui.mm(8)).y + ui.mm(4));
    const ImVec2 origin(ctx.contentMin.x, ImGui::GetCursorScreenPos().y + ui.mm(1));
    for (int i = 0; i < static_cast<int>(kAllHideReasons.size()); ++i) {
        const HideReason reason = kAllHideReasons[static_cast<std::size_t>(i)];
        ImGui::SetCursorScreenPos(gridCell(origin, i, columns, ImVec2(cellWidth, cellHeight), gap));
        const std::string id = "#mod.reason." + std::string(hideReasonId(reason));
        ButtonSpec chip;
        chip.id = id.c_str();
        chip.label = ui.tr(hideReasonLabelKey(reason));
        chip.size = ImVec2(cellWidth, cellHeight);
        chip.kind = ButtonKind::Choice;
        chip.selected = flow.hideReason == reason;
        if (touchButton(ui, chip)) {
            flow.hideReason = reason;
            flow.problemKey = nullptr;
            flow.focus = reason == HideReason::Other ? ModerationField::HideNote : ModerationField::None;
        }
    }
    const int rows = (static_cast<int>(kAllHideReasons.size()) + columns - 1) / columns;
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, origin.y + static_cast<float>(rows) * (cellHeight + gap)));

    if (flow.hideReason != HideReason::Other) {
        ButtonSpec back;
        back.id = "moderation.back";
        back.label = ui.tr("moderation.back");
        back.icon = icon::Back;
        ButtonSpec hide;
        hide.id = "moderation.hide.confirm";
        hide.label = ui.tr("moderation.hide.confirm");
        hide.icon = icon::NotChosen;
        hide.kind = ButtonKind::Primary;
        hide.enabled = flow.hideReason.has_value();
        const ButtonPair tapped = bottomButtons(ctx, back, hide);
        if (tapped.secondary) ctx.actions.back = true;
        if (tapped.primary) ctx.actions.hideModerated = true;
        return;
    }

    // [Other] The facilitator's own words; the keyboard's own key hides.
    TextFieldSpec note;
    note.id = "#mod.hide.note";
    note.label = ui.tr("moderation.hide.note_label");
    note.placeholder = ui.tr("moderation.hide.note_placeholder");
    note.text = &flow.hideNote;
    note.focused = true;
    note.maxCodePoints = kHideNoteMax;
    textField(ui, note);
    const float keyboardTop = ctx.contentMin.y + ctx.contentSize.y - ctx.keyboard.height(ui);
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, keyboardTop));
    KeyboardOptions options;
    options.maxCodePoints = kHideNoteMax;
    options.doneKey = "moderation.hide.confirm";
    options.native = lettersFor(ui.translator->language().code);
    if (ctx.keyboard.draw(ui, flow.hideNote, options, width) == KeyboardEvent::Done) ctx.actions.hideModerated = true;
}

}  // namespace buurtstem::ui
