// ModerationMerge: the approved idea a duplicate joins, the most similar first. Its supports are
// added there and both reference codes lead there; a second tap confirms, naming both codes.
#include "Screens.h"

#include "../Icons.h"
#include "../ThemeLook.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <limits>
#include <string>

namespace buurtstem::ui {

void drawModerationMerge(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    if (ctx.state.facilitator.label.empty() || !ctx.view.moderated) {
        screenText(ctx, ui.tr("facilitator.locked"));
        return;
    }
    ModerationFlow& flow = ctx.state.moderation;
    const Idea& from = *ctx.view.moderated;
    screenHeading(ctx, ui.format("moderation.merge.heading", {{"title", from.title}}).c_str());
    if (flow.problemKey) problemText(ctx, ui.tr(flow.problemKey));

    // Approved ideas sharing words with this one first, best first; then the rest, newest first.
    std::vector<const Idea*> candidates;
    for (const SimilarIdea& similar : ctx.view.similarIdeas.find(from.title, from.body, std::numeric_limits<std::size_t>::max(), 0.0))
        if (similar.index < ctx.view.ideas.size() && ctx.view.ideas[similar.index].id != from.id) candidates.push_back(&ctx.view.ideas[similar.index]);
    for (const Idea& idea : ctx.view.ideas)
        if (idea.id != from.id && std::find(candidates.begin(), candidates.end(), &idea) == candidates.end()) candidates.push_back(&idea);

    const float width = ImGui::GetContentRegionAvail().x;
    const float pad = ui.mm(3);
    const float inner = width - 2 * pad;
    const float listBottom = ctx.contentMin.y + ctx.contentSize.y - ui.metrics.touchMain() - ui.metrics.gap();
    ctx.pageScroll.begin(ui, "#mod.merge", ImVec2(width, std::max(ui.metrics.touchMin(), listBottom - ImGui::GetCursorScreenPos().y)));
    ImDrawList* list = ImGui::GetWindowDrawList();
    const Idea* chosen = nullptr;
    for (const Idea* idea : candidates) {
        const bool selected = idea->id == flow.mergeInto;
        if (selected) chosen = idea;
        const std::string head = std::string(selected ? icon::Ticked : icon::Unticked) + "  " + idea->title;
        const std::string line = std::string(themeIcon(idea->theme)) + "  " + idea->reference + "   " +
                                 ui.format("moderation.supports", {{"count", std::to_string(idea->supports)}});
        const float headHeight = measureText(ui.fonts.heading, head, inner).y;
        const float height = std::max(ui.metrics.touchMin(), 2 * pad + headHeight + ui.mm(1) + measureText(ui.fonts.body, line, inner).y);
        const std::string id = "#mod.merge." + idea->reference;
        ImVec2 min, max;
        bool held = false;
        if (ctx.pageScroll.row(ui, id.c_str(), height, &min, &max, &held)) {
            flow.mergeInto = idea->id;
            flow.confirmMerge = false;
        }
        list->AddRect(min, max, selected ? ui.colours.selected : ui.colours.border, ui.mm(2), 0, selected ? ui.mm(0.8f) : ui.mm(0.35f));
        if (held) list->AddRectFilled(min, max, ui.colours.pressed, ui.mm(2));
        const auto block = [&](ImFont* font, Colour colour, const std::string& text, float y) {
            const ImVec2 size = measureText(font, text, inner);
            drawText(list, font, ImVec2(rightToLeft() ? min.x + pad + inner - size.x : min.x + pad, y), colour, text, inner);
        };
        block(ui.fonts.heading, ui.colours.text, head, min.y + pad);
        block(ui.fonts.body, ui.colours.mutedText, line, min.y + pad + headHeight + ui.mm(1));
    }
    ctx.pageScroll.end(ui);

    ButtonSpec back;
    back.id = "moderation.back";
    back.label = ui.tr("moderation.back");
    back.icon = icon::Back;
    const std::string confirm =
        chosen ? ui.format("moderation.merge.confirm", {{"from", from.reference}, {"into", chosen->reference}}) : std::string();
    ButtonSpec merge;
    merge.id = "moderation.merge.do";
    merge.label = flow.confirmMerge && chosen ? confirm.c_str() : ui.tr("moderation.merge.do");
    merge.icon = icon::Partners;
    merge.kind = ButtonKind::Primary;
    merge.enabled = chosen != nullptr;
    const ButtonPair tapped = bottomButtons(ctx, back, merge);
    if (tapped.secondary) ctx.actions.back = true;
    if (tapped.primary) {
        if (flow.confirmMerge)
            ctx.actions.mergeModerated = true;
        else
            flow.confirmMerge = true;  // a merge cannot be undone: a second tap, with both codes said
    }
}

}  // namespace buurtstem::ui
