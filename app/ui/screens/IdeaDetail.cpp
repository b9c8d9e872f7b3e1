// IdeaDetail: one idea in full, with its date and reference code.
#include "Screens.h"

#include <string>

namespace buurtstem::ui {

void drawIdeaDetail(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Idea* idea = ctx.view.findIdea(ctx.state.selectedIdeaId);
    if (!idea) {
        // It may have been hidden by a facilitator since the list was shown.
        screenText(ctx, ui.tr("idea.detail.gone"));
        return;
    }
    if (idea->demo) problemText(ctx, ui.tr("idea.detail.demo_note"));
    const std::string footer = ui.format("idea.detail.footer", {{"date", ideaDate(ui, *idea)}, {"code", idea->reference}});
    scrollingCard(ctx, CardContent{idea->theme, idea->title, idea->body, footer}, ctx.contentMin.y + ctx.contentSize.y);
}

}  // namespace buurtstem::ui
