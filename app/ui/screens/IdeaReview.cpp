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
    // Where, and whether a contact goes along; never the contact itself, which only the team reads.
    const std::string_view placeName = draft.place.empty() ? std::string_view(ui.tr("idea.place.whole")) : draft.place;
    const std::string place = ui.format("idea.review.place", {{"place", placeName}});
    const char* contact = ui.tr(draft.hasContact() ? "idea.review.contact_given" : "idea.review.contact_none");
    const float notesHeight = measureText(ui.fonts.body, place, width).y + measureText(ui.fonts.body, contact, width).y +
                              measureText(ui.fonts.body, ui.tr("idea.review.public_note"), width).y + gap +
                              (problem ? measureText(ui.fonts.body, problem, width).y + gap : 0.0f);
    scrollingCard(ctx, CardContent{draft.theme, draft.title, draft.body, {}}, buttonsTop - notesHeight - 2 * gap);

    screenText(ctx, place);
    screenText(ctx, contact);
    screenText(ctx, ui.tr("idea.review.public_note"), true);
    if (problem) problemText(ctx, problem);

    ButtonSpec change;
    change.id = "idea.review.change";
    change.label = ui.tr("idea.review.change");
    change.icon = icon::Edit;
    ButtonSpec send;
    send.id = "idea.review.send";
    send.label = ui.tr("idea.review.send");
    send.icon = icon::Send;
    send.kind = ButtonKind::Primary;
    const ButtonPair tapped = bottomButtons(ctx, change, send);
    if (tapped.secondary) ctx.actions.back = true;
    if (tapped.primary) ctx.actions.submitIdea = true;
}

}  // namespace buurtstem::ui
