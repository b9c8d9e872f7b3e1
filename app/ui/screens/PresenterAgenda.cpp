// PresenterAgenda: the evening's programme on the projector — every item with its minutes, the
// current one highlighted, and under the list how many minutes it has left (in the danger colour
// once it runs over) and what comes next.
#include "Screens.h"

#include "../Icons.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

void drawPresenterAgenda(PresenterContext& ctx, ImVec2 min, ImVec2 max) {
    Ui& ui = ctx.ui;
    const PresenterFeed& feed = ctx.view.feed;
    ImDrawList* list = ImGui::GetWindowDrawList();
    float y = presenterPanel(ctx, min, max, icon::Clock, ui.tr("presenter.agenda.heading"));
    const float pad = ui.mm(4);
    const float left = min.x + pad;
    const float right = max.x - pad;
    const AgendaClock clock = agendaClock(feed, ctx.nowMs);

    // The clock and what comes next take the bottom of the panel; the list fills what is left.
    const float clockHeight = ui.fonts.title->FontSize + ui.fonts.body->FontSize + ui.mm(4);
    const float listBottom = max.y - pad - clockHeight;
    const float rowHeight = ui.fonts.body->FontSize + ui.mm(3);
    const std::size_t fits = static_cast<std::size_t>(std::max(0.0f, (listBottom - y) / rowHeight));
    const std::size_t current = feed.currentItem.value_or(0);
    // A long programme shows the item before the current one and as many after it as fit.
    std::size_t first = 0;
    if (feed.agenda.size() > fits && current > 0) first = std::min(current - 1, feed.agenda.size() - std::min(fits, feed.agenda.size()));
    for (std::size_t i = first; i < feed.agenda.size() && i < first + fits; ++i) {
        const PresenterAgendaItem& item = feed.agenda[i];
        const bool isCurrent = clock.running && i == current;
        const bool done = clock.running && i < current;
        const ImVec2 rowMin(left - ui.mm(2), y);
        const ImVec2 rowMax(right + ui.mm(2), y + rowHeight - ui.mm(1));
        if (isCurrent) list->AddRectFilled(rowMin, rowMax, clock.overTime ? ui.colours.danger : ui.colours.primary, ui.mm(1.5f));
        const Colour colour = isCurrent ? ui.colours.onPrimary : done ? ui.colours.mutedText : ui.colours.text;
        const float textY = y + ui.mm(1);
        const std::string minutes = ui.format("presenter.agenda.minutes", {{"minutes", std::to_string(item.minutes)}});
        const float minutesWidth = presenterLine(list, ui.fonts.body, left, right, textY, colour, minutes, true);
        const std::string title = (done ? std::string(icon::Check) + "  " : std::string()) + item.title;
        if (rightToLeft())
            presenterLine(list, ui.fonts.body, left + minutesWidth + ui.mm(3), right, textY, colour, title);
        else
            presenterLine(list, ui.fonts.body, left, right - minutesWidth - ui.mm(3), textY, colour, title);
        y += rowHeight;
    }

    float clockY = max.y - pad - clockHeight;
    if (!clock.running) {
        presenterLine(list, ui.fonts.heading, left, right, clockY + ui.mm(2), ui.colours.mutedText, ui.tr("presenter.agenda.not_started"));
        return;
    }
    const std::string remaining =
        clock.overTime ? ui.format("presenter.agenda.over", {{"minutes", std::to_string(clock.minutesOver)}})
                       : ui.format("presenter.agenda.left", {{"minutes", std::to_string(clock.minutesLeft)}});
    const std::string timeText = rightToLeft() ? remaining + "  " + icon::Clock : std::string(icon::Clock) + "  " + remaining;
    presenterLine(list, ui.fonts.title, left, right, clockY, clock.overTime ? ui.colours.danger : ui.colours.selected, timeText);
    clockY += ui.fonts.title->FontSize + ui.mm(2);
    const std::string next = current + 1 < feed.agenda.size()
                                 ? ui.format("presenter.agenda.next", {{"title", feed.agenda[current + 1].title}})
                                 : std::string(ui.tr("presenter.agenda.last"));
    presenterLine(list, ui.fonts.body, left, right, clockY, ui.colours.mutedText, next);
}

}  // namespace buurtstem::ui
