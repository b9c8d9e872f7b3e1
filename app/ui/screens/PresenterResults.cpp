// PresenterResults: the open round's live results on the projector — a bar per project for its
// votes (or points) so far, and the budget line: the projects above it are the ones the round's
// own rule would choose if voting ended now, and the line says how much of the budget they use.
#include "Screens.h"

#include "../Icons.h"
#include "../widgets/NumericPad.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

namespace {

// The budget line across the panel, with what is chosen so far said on it.
void budgetLine(PresenterContext& ctx, float left, float right, float y, const PresenterResults& results) {
    Ui& ui = ctx.ui;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const std::string text =
        results.insideLine == 0
            ? std::string(ui.tr("presenter.results.line_empty"))
            : ui.format("presenter.results.line",
                        {{"chosen", formatEuroShort(results.chosenCents)}, {"budget", formatEuroShort(results.budgetCents)}});
    ImFont* font = ui.fonts.small;
    const float textWidth = std::min(measureText(font, text).x, (right - left) * 0.7f);
    const float middle = y + font->FontSize * 0.5f;
    const float thickness = ui.mm(0.9f);
    // The line runs on both sides of its words, which sit at the end of the line.
    const float textLeft = rightToLeft() ? left + ui.mm(4) : right - ui.mm(4) - textWidth;
    list->AddLine(ImVec2(left, middle), ImVec2(textLeft - ui.mm(2), middle), ui.colours.danger, thickness);
    list->AddLine(ImVec2(textLeft + textWidth + ui.mm(2), middle), ImVec2(right, middle), ui.colours.danger, thickness);
    presenterLine(list, font, textLeft, textLeft + textWidth, y, ui.colours.danger, text);
}

}  // namespace

void drawPresenterResults(PresenterContext& ctx, ImVec2 min, ImVec2 max) {
    Ui& ui = ctx.ui;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const std::optional<PresenterResults>& results = ctx.view.results;
    const std::string heading = results ? ui.format("presenter.results.heading", {{"round", results->roundName}})
                                        : std::string(ui.tr("presenter.results.title"));
    float y = presenterPanel(ctx, min, max, icon::Check, heading);
    const float pad = ui.mm(4);
    const float left = min.x + pad;
    const float right = max.x - pad;
    if (!results) {
        presenterLine(list, ui.fonts.body, left, right, y + ui.mm(2), ui.colours.mutedText, ui.tr("presenter.results.none"));
        return;
    }
    presenterLine(list, ui.fonts.body, left, right, y, ui.colours.mutedText,
                  ui.format("presenter.results.summary",
                            {{"count", std::to_string(results->ballots)}, {"budget", formatEuroShort(results->budgetCents)}}));
    y += ui.fonts.body->FontSize + ui.mm(3);

    // One line per project: title and cost, then the bar with its count. The line takes a row of its own.
    const float rowHeight = ui.fonts.body->FontSize + ui.mm(2.5f);
    const float lineHeight = ui.fonts.small->FontSize + ui.mm(2);
    const float bottom = max.y - pad;
    std::size_t fits = static_cast<std::size_t>(std::max(0.0f, (bottom - y - lineHeight) / rowHeight));
    const std::size_t total = results->projects.size();
    const bool cut = fits < total;
    if (cut && fits > 0) --fits;  // room for "+ N more"
    std::int64_t most = 0;
    for (const PresenterProject& project : results->projects) most = std::max(most, project.support);

    const float titleWidth = (right - left) * 0.42f;
    const float costWidth = (right - left) * 0.14f;
    const float countWidth = measureText(ui.fonts.body, "0000").x;
    for (std::size_t i = 0; i < total && i < fits; ++i) {
        if (i == results->insideLine) {
            budgetLine(ctx, left, right, y, *results);
            y += lineHeight;
        }
        const PresenterProject& project = results->projects[i];
        const Colour colour = project.chosen ? ui.colours.text : ui.colours.mutedText;
        const std::string title = project.chosen ? std::string(icon::Check) + " " + project.title : project.title;
        const std::string cost = formatEuroShort(project.costCents);
        const std::string count = std::to_string(project.support);
        const float barHeight = ui.fonts.body->FontSize * 0.7f;
        const float barTop = y + (ui.fonts.body->FontSize - barHeight) * 0.5f;
        if (!rightToLeft()) {
            presenterLine(list, ui.fonts.body, left, left + titleWidth - ui.mm(2), y, colour, title);
            presenterLine(list, ui.fonts.body, left + titleWidth, left + titleWidth + costWidth - ui.mm(2), y, colour, cost, true);
            const float barLeft = left + titleWidth + costWidth + ui.mm(2);
            const float barRight = right - countWidth - ui.mm(2);
            presenterBar(ctx, ImVec2(barLeft, barTop), ImVec2(barRight, barTop + barHeight), static_cast<double>(project.support),
                         static_cast<double>(most), project.chosen ? ui.colours.primary : ui.colours.border);
            presenterLine(list, ui.fonts.body, barRight + ui.mm(2), right, y, colour, count, true);
        } else {
            presenterLine(list, ui.fonts.body, right - titleWidth + ui.mm(2), right, y, colour, title);
            presenterLine(list, ui.fonts.body, right - titleWidth - costWidth + ui.mm(2), right - titleWidth, y, colour, cost, true);
            const float barRight = right - titleWidth - costWidth - ui.mm(2);
            const float barLeft = left + countWidth + ui.mm(2);
            presenterBar(ctx, ImVec2(barLeft, barTop), ImVec2(barRight, barTop + barHeight), static_cast<double>(project.support),
                         static_cast<double>(most), project.chosen ? ui.colours.primary : ui.colours.border);
            presenterLine(list, ui.fonts.body, left, barLeft - ui.mm(2), y, colour, count, true);
        }
        y += rowHeight;
    }
    if (results->insideLine >= std::min(fits, total)) {  // not drawn between the rows shown
        budgetLine(ctx, left, right, y, *results);
        y += lineHeight;
    }
    if (cut)
        presenterLine(list, ui.fonts.small, left, right, y, ui.colours.mutedText,
                      ui.format("presenter.results.more", {{"count", std::to_string(total - std::min(fits, total))}}));
}

}  // namespace buurtstem::ui
