// SimilarIdeas: under the text fields of the idea step, the approved ideas that look like the
// one being typed, each with "Support this one instead?". The resident may rather add support to
// an idea that is already there than send the same wish twice; the draft stays as typed.
#include "Screens.h"

#include "../Icons.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

namespace {

float rowInset(const Ui& ui) { return ui.mm(1.5f); }

}  // namespace

float similarIdeaRowHeight(const Ui& ui) { return ui.metrics.touchMin() + 2 * rowInset(ui) + ui.metrics.gap(); }

std::vector<SimilarIdea> similarIdeasFitting(const ScreenContext& ctx, float room) {
    const IdeaDraft& draft = ctx.state.idea.draft;
    std::vector<SimilarIdea> found = ctx.view.similarIdeas.find(draft.title, draft.body);
    const float row = similarIdeaRowHeight(ctx.ui);
    const std::size_t fitting = room > 0 ? static_cast<std::size_t>(room / row) : 0;
    if (found.size() > fitting) found.resize(fitting);
    return found;
}

void drawSimilarIdeas(ScreenContext& ctx, const std::vector<SimilarIdea>& similar) {
    Ui& ui = ctx.ui;
    const float width = ImGui::GetContentRegionAvail().x;
    const float inset = rowInset(ui);
    const float pad = ui.mm(3);
    ImDrawList* list = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < similar.size(); ++i) {
        const Idea* idea = ctx.view.findIdea(similar[i].ideaId);
        if (!idea) continue;
        // The field above ends with the item spacing (a gap), and so does each row.
        const ImVec2 min = ImGui::GetCursorScreenPos();
        const ImVec2 max(min.x + width, min.y + ui.metrics.touchMin() + 2 * inset);
        // Outlined in the colour of a chosen option: a hint, not a warning, and not a filled
        // block that would draw the eye away from the text being typed.
        list->AddRectFilled(min, max, ui.colours.surface, ui.mm(2));
        list->AddRect(min, max, ui.colours.selected, ui.mm(2), 0, ui.mm(0.5f));

        // The button at the end of the line in reading order; once supported in this visit it says so.
        const bool supported = ctx.state.supportedIdeaIds.count(idea->id) > 0;
        const char* label = ui.tr(supported ? "idea.support.done" : "idea.similar.open");
        const char* buttonIcon = supported ? icon::Check : icon::Support;
        const float buttonWidth = std::clamp(measureText(ui.fonts.body, std::string(buttonIcon) + "  " + label).x + ui.mm(8),
                                             ui.metrics.touchMin(), width * 0.5f);
        const float buttonX = rightToLeft() ? min.x + inset : max.x - inset - buttonWidth;
        ImGui::SetCursorScreenPos(ImVec2(buttonX, min.y + inset));
        const std::string id = "#idea.similar." + std::to_string(i);
        ButtonSpec open;
        open.id = id.c_str();
        open.label = label;
        open.icon = buttonIcon;
        open.size = ImVec2(buttonWidth, ui.metrics.touchMin());
        open.kind = ButtonKind::Choice;
        open.selected = supported;
        if (touchButton(ui, open)) ctx.actions.openIdea = idea->id;

        // "Looks like: <title>" in the rest of the line, from the reading side.
        const float textWidth = width - buttonWidth - 2 * inset - 2 * pad;
        const std::string like =
            std::string(icon::Idea) + "  " + ui.format("idea.similar.like", {{"title", idea->title}});
        const std::string line = fitOnOneLine(ui.fonts.body, like, textWidth);
        const ImVec2 size = measureText(ui.fonts.body, line);
        const float textX = rightToLeft() ? max.x - pad - size.x : min.x + pad;
        drawText(list, ui.fonts.body, ImVec2(textX, min.y + (max.y - min.y - size.y) * 0.5f), ui.colours.text, line);

        ImGui::SetCursorScreenPos(min);
        ImGui::Dummy(ImVec2(width, max.y - min.y));
    }
}

}  // namespace buurtstem::ui
