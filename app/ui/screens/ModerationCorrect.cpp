// ModerationCorrect: the spelling of an idea's title and text put right on the on-screen keyboard.
// The resident's own text stays, shown here as the original; residents see the correction.
#include "Screens.h"

#include "../widgets/TextField.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

void drawModerationCorrect(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    if (ctx.state.facilitator.label.empty() || !ctx.view.moderated) {
        screenText(ctx, ui.tr("facilitator.locked"));
        return;
    }
    ModerationFlow& flow = ctx.state.moderation;
    const ModerationRecord& record = ctx.view.moderatedRecord;
    const float width = ctx.contentSize.x;
    const std::string original = std::string(ui.tr("moderation.original")) + " " +
                                 record.originalTitle.value_or(ctx.view.moderated->title);
    textBlock(ui.fonts.body, original, ui.colours.mutedText, width);
    if (flow.problemKey) problemText(ctx, ui.tr(flow.problemKey));

    const float lineHeight = ui.fonts.body->FontSize;
    const float keyboardHeight = ctx.keyboard.height(ui);
    const float labelHeight = lineHeight + ui.mm(1) + ui.metrics.gap();
    const float titleHeight = lineHeight + ui.mm(6);
    const float left = ImGui::GetContentRegionAvail().y - keyboardHeight - 2 * labelHeight - titleHeight - 3 * ui.metrics.gap();
    const float bodyHeight = std::clamp(left, lineHeight + ui.mm(6), 6 * lineHeight + ui.mm(6));

    TextFieldSpec title;
    title.id = "#mod.correct.title";
    title.label = ui.tr("moderation.correct.title");
    title.placeholder = "";
    title.text = &flow.title;
    title.height = titleHeight;
    title.focused = flow.focus != ModerationField::Body;
    title.maxCodePoints = kIdeaTitleMax;
    if (textField(ui, title)) flow.focus = ModerationField::Title;
    TextFieldSpec body;
    body.id = "#mod.correct.body";
    body.label = ui.tr("moderation.correct.body");
    body.placeholder = "";
    body.text = &flow.body;
    body.height = bodyHeight;
    body.focused = flow.focus == ModerationField::Body;
    body.maxCodePoints = kIdeaBodyMax;
    if (textField(ui, body)) flow.focus = ModerationField::Body;

    // The keyboard's own key saves both fields.
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, ctx.contentMin.y + ctx.contentSize.y - keyboardHeight));
    const bool onBody = flow.focus == ModerationField::Body;
    KeyboardOptions options;
    options.maxCodePoints = onBody ? kIdeaBodyMax : kIdeaTitleMax;
    options.doneKey = "moderation.save";
    options.native = lettersFor(ui.translator->language().code);
    if (ctx.keyboard.draw(ui, onBody ? flow.body : flow.title, options, width) == KeyboardEvent::Done) ctx.actions.correctModerated = true;
}

}  // namespace buurtstem::ui
