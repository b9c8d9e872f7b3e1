// IdeaList: the approved ideas of the neighbourhood, newest first, in a list that scrolls by
// dragging, with a row of theme chips above it to show one theme only.
#include "Screens.h"

#include "../Icons.h"
#include "../ThemeLook.h"
#include "../widgets/NumericPad.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace buurtstem::ui {

namespace {

struct Chip {
    std::string id;     // "#ideas.filter.all", "#ideas.filter.green", ...
    const char* icon;
    const char* label;  // translated
    std::optional<Theme> theme;
    float width = 0;
};

// "All" and one chip per theme that has ideas, wrapped into as many rows as the width needs.
// Chips are as wide as their words: the eight themes of the demo then fit in two rows at
// 1280 px with large text, where equal widths would take three.
void themeFilter(ScreenContext& ctx, const std::vector<Theme>& themes) {
    Ui& ui = ctx.ui;
    std::vector<Chip> chips;
    chips.push_back({"#ideas.filter.all", icon::List, ui.tr("ideas.filter.all"), std::nullopt});
    for (Theme theme : themes)
        chips.push_back({"#ideas.filter." + std::string(themeId(theme)), themeIcon(theme), ui.tr(themeLabelKey(theme)), theme});

    const float gap = ui.mm(2);
    const float available = ImGui::GetContentRegionAvail().x;
    for (Chip& chip : chips) {
        const std::string text = std::string(chip.icon) + "  " + chip.label;
        chip.width = std::min(available, std::max(ui.metrics.touchMin(), measureText(ui.fonts.body, text).x + ui.mm(8)));
    }
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float height = ui.metrics.touchMin();
    float x = 0, y = 0;
    for (const Chip& chip : chips) {
        if (x > 0 && x + chip.width > available) {
            x = 0;
            y += height + gap;
        }
        // Right to left, the chips start at the right edge, like the text they belong to.
        const float left = rightToLeft() ? origin.x + available - x - chip.width : origin.x + x;
        ImGui::SetCursorScreenPos(ImVec2(left, origin.y + y));
        ButtonSpec spec;
        spec.id = chip.id.c_str();
        spec.icon = chip.icon;
        spec.label = chip.label;
        spec.size = ImVec2(chip.width, height);
        spec.kind = ButtonKind::Choice;
        spec.selected = ctx.state.ideaFilter == chip.theme;
        if (touchButton(ui, spec) && ctx.state.ideaFilter != chip.theme) {
            ctx.state.ideaFilter = chip.theme;
            ctx.ideaList.reset();  // another list: start at its top
        }
        x += chip.width + gap;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + y + height + ui.mm(3)));
    ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace

void drawIdeaList(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    std::vector<Theme> themes;  // that have ideas, in the order of the theme picker
    for (Theme theme : kAllThemes)
        if (std::any_of(ctx.view.ideas.begin(), ctx.view.ideas.end(), [&](const Idea& idea) { return idea.theme == theme; }))
            themes.push_back(theme);
    // A theme whose last idea was hidden meanwhile has no chip any more: show all again.
    if (ctx.state.ideaFilter && std::find(themes.begin(), themes.end(), *ctx.state.ideaFilter) == themes.end())
        ctx.state.ideaFilter.reset();
    std::vector<const Idea*> shown;
    for (const Idea& idea : ctx.view.ideas)
        if (!ctx.state.ideaFilter || idea.theme == *ctx.state.ideaFilter) shown.push_back(&idea);

    const std::string heading = ui.format("ideas.heading", {{"count", std::to_string(shown.size())}});
    screenHeading(ctx, heading.c_str());
    if (ctx.view.ideas.empty()) {
        screenText(ctx, ui.tr("ideas.empty"));
        return;
    }
    screenText(ctx, ui.tr("ideas.help"), true);
    ImGui::Dummy(ImVec2(0, ui.mm(1)));
    // With one theme only, a filter would have nothing to choose between.
    if (themes.size() > 1) themeFilter(ctx, themes);

    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ctx.contentMin.y + ctx.contentSize.y - ImGui::GetCursorScreenPos().y;
    const float pad = ui.mm(4);
    const float iconColumn = ui.fonts.title->FontSize + 2 * pad;
    const float inner = width - iconColumn - 2 * pad;
    const char* demoLabel = ui.tr("ideas.demo_badge");

    ctx.ideaList.begin(ui, "#ideas", ImVec2(width, height));
    ImDrawList* list = ImGui::GetWindowDrawList();
    for (const Idea* shownIdea : shown) {
        const Idea& idea = *shownIdea;
        // The support count as icon and number: no plural forms to get wrong in six languages.
        // An initiative says so first, with what it asks for.
        const std::string kind = idea.kind == IdeaKind::Initiative
                                     ? std::string(icon::Initiative) + " " + ui.tr("ideas.initiative_badge") + " " +
                                           formatEuroShort(idea.budgetCents) + "   ·   "
                                     : std::string();
        const std::string themeLine = kind + ui.tr(themeLabelKey(idea.theme)) + "   ·   " + icon::Support + " " +
                                      std::to_string(idea.supports) + (idea.demo ? "   ·   " : "");
        const float rowHeight = std::max(ui.metrics.touchMain(), 2 * pad + measureText(ui.fonts.heading, idea.title, inner).y +
                                                                     ui.mm(1) + ui.fonts.body->FontSize);
        ImVec2 min, max;
        bool held = false;
        const std::string id = "#idea." + idea.reference;
        if (ctx.ideaList.row(ui, id.c_str(), rowHeight, &min, &max, &held)) ctx.actions.openIdea = idea.id;
        if (max.y < ImGui::GetWindowPos().y || min.y > ImGui::GetWindowPos().y + height) continue;  // off screen

        // Rows are outlined, not filled: a list of filled cards covers most of the screen, and
        // every covered pixel costs a software renderer time (docs/PERFORMANCE.md).
        list->AddRect(min, max, ui.colours.border, ui.mm(2), 0, ui.mm(0.35f));
        if (held) list->AddRectFilled(min, max, ui.colours.pressed, ui.mm(2));
        // Mirrored right to left: the theme icon on the right, the text against it, the arrow
        // (pointing left) on the left.
        const bool mirrored = rightToLeft();
        const float iconWidth = measureText(ui.fonts.title, themeIcon(idea.theme)).x;
        drawText(list, ui.fonts.title, ImVec2(mirrored ? max.x - pad - iconWidth : min.x + pad, min.y + pad), ui.colours.selected,
                 themeIcon(idea.theme));
        const auto textX = [&](float textWidth) { return mirrored ? max.x - iconColumn - textWidth : min.x + iconColumn; };
        const ImVec2 titleSize = measureText(ui.fonts.heading, idea.title, inner);
        drawText(list, ui.fonts.heading, ImVec2(textX(titleSize.x), min.y + pad), ui.colours.text, idea.title, inner);
        const float lineY = min.y + pad + titleSize.y + ui.mm(1);
        // The demo mark comes after the line in reading order: to its left in a right-to-left
        // interface, where the line's trailing separator also ends up on the left.
        const float badgeWidth = idea.demo ? measureText(ui.fonts.body, demoLabel).x : 0.0f;
        const float lineWidth = measureText(ui.fonts.body, themeLine).x;
        const float lineStart = textX(lineWidth + badgeWidth);
        drawText(list, ui.fonts.body, ImVec2(mirrored ? lineStart + badgeWidth : lineStart, lineY), ui.colours.mutedText, themeLine);
        if (idea.demo)
            drawText(list, ui.fonts.body, ImVec2(mirrored ? lineStart : lineStart + lineWidth, lineY), ui.colours.danger, demoLabel);
        const char* arrow = mirrored ? icon::Back : icon::Next;
        const float arrowWidth = measureText(ui.fonts.heading, arrow).x;
        drawText(list, ui.fonts.heading, ImVec2(mirrored ? min.x + pad : max.x - pad - arrowWidth, min.y + pad),
                 ui.colours.mutedText, arrow);
    }
    ctx.ideaList.end(ui);
}

}  // namespace buurtstem::ui
