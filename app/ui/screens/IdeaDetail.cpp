// IdeaDetail: one idea in full, with its date and reference code, and "I support this" below it:
// once per idea per visit, explained as a signal to the neighbourhood team, not a vote.
#include "InitiativeParts.h"

#include "../Icons.h"
#include "../widgets/TouchButton.h"

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

    // The support block sits under the card; the card scrolls in what is left above it, so the
    // button never leaves the screen however long the idea is.
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ui.metrics.gap();
    const std::string count =
        std::string(icon::Support) + "  " + ui.format("idea.support.count", {{"count", std::to_string(idea->supports)}});
    const char* explain = ui.tr("idea.support.explain");
    const char* problem = ctx.state.supportProblemKey ? ui.tr(ctx.state.supportProblemKey) : nullptr;
    const std::string problemLine = problem ? std::string(icon::Warning) + "  " + problem : std::string();
    float blockHeight = gap + measureText(ui.fonts.body, count, width).y + measureText(ui.fonts.body, explain, width).y +
                        gap + ui.metrics.touchMain();
    if (problem) blockHeight += measureText(ui.fonts.body, problemLine, width).y;

    const std::string footer = ui.format("idea.detail.footer", {{"date", ideaDate(ui, *idea)}, {"code", idea->reference}});
    // An initiative shows its plan under the text: when, where, for whom and what it costs.
    const InitiativePlan* plan = ctx.view.findPlan(idea->id);
    const std::string body = plan ? idea->body + "\n\n" + planSummary(ui, idea->place, *plan) : idea->body;
    scrollingCard(ctx, CardContent{idea->theme, idea->title, body, footer},
                  ctx.contentMin.y + ctx.contentSize.y - blockHeight);

    ImGui::Dummy(ImVec2(0, gap));
    textBlock(ui.fonts.body, count, ui.colours.text, width);
    textBlock(ui.fonts.body, explain, ui.colours.mutedText, width);
    ImGui::Dummy(ImVec2(0, gap));
    const bool supported = ctx.state.supportedIdeaIds.count(idea->id) > 0;
    ButtonSpec spec;
    // Another id once done, so a test (and the end-to-end script) can see the state by id.
    spec.id = supported ? "idea.support.done" : "idea.support";
    spec.label = ui.tr(spec.id);
    spec.icon = supported ? icon::Check : icon::Support;
    spec.size = ImVec2(width, ui.metrics.touchMain());
    // Done shows as a chosen option: clearly different from the main action it was, and still
    // readable, where a disabled button would look greyed out as if something were wrong.
    spec.kind = supported ? ButtonKind::Choice : ButtonKind::Primary;
    spec.selected = supported;
    if (touchButton(ui, spec) && !supported) ctx.actions.supportIdea = idea->id;
    if (problem) textBlock(ui.fonts.body, problemLine, ui.colours.danger, width);
}

}  // namespace buurtstem::ui
