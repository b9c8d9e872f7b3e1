// IdeaReview: the resident sees the idea as it will be stored, and sends it or goes back to change it.
#include "Screens.h"

#include <algorithm>

#include "../Icons.h"
#include "../widgets/TouchButton.h"

namespace buurtstem::ui {

void drawIdeaReview(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const IdeaDraft& draft = ctx.state.idea.draft;
    screenHeading(ctx, ui.tr("idea.review.heading"));
    screenText(ctx, ui.tr("idea.review.help"), true);

    // Buttons at the bottom, where they are on every step; the card scrolls above them.
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ui.metrics.gap();
    const float buttonsTop = ctx.contentMin.y + ctx.contentSize.y - ui.metrics.touchMain();
    const char* problem = ctx.state.idea.saveProblemKey ? ui.tr(ctx.state.idea.saveProblemKey) : nullptr;
    const float notesHeight = measureText(ui.fonts.body, ui.tr("idea.review.public_note"), width).y + gap +
                              (problem ? measureText(ui.fonts.body, problem, width).y + gap : 0.0f);
    scrollingCard(ctx, CardContent{draft.theme, draft.title, draft.body, {}}, buttonsTop - notesHeight - 2 * gap);

    screenText(ctx, ui.tr("idea.review.public_note"), true);
    if (problem) problemText(ctx, problem);

    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, std::max(ImGui::GetCursorScreenPos().y, buttonsTop)));
    const float buttonWidth = (width - gap) / 2;
    ButtonSpec change;
    change.id = "idea.review.change";
    change.label = ui.tr("idea.review.change");
    change.icon = icon::Edit;
    change.size = ImVec2(buttonWidth, ui.metrics.touchMain());
    if (touchButton(ui, change)) ctx.actions.back = true;
    ImGui::SameLine(0, gap);
    ButtonSpec send;
    send.id = "idea.review.send";
    send.label = ui.tr("idea.review.send");
    send.icon = icon::Send;
    send.size = ImVec2(buttonWidth, ui.metrics.touchMain());
    send.kind = ButtonKind::Primary;
    if (touchButton(ui, send)) ctx.actions.submitIdea = true;
}

}  // namespace buurtstem::ui
