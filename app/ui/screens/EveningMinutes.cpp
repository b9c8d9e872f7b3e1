// EveningMinutes: the minutes (notulen) while the evening runs, in three parts chosen at the top:
// decisions (each may be linked to one of the neighbourhood's initiatives or ideas), action items
// (who, what, by when) and the next evening (day, time, place). Each Add saves at once.
#include "EveningParts.h"

#include "../Icons.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <array>
#include <string>

namespace buurtstem::ui {

namespace {

// A button of `buttonWidth` on the side the text starts from: the right in a right-to-left interface.
bool addButton(ScreenContext& ctx, const char* key, const char* iconText, bool enabled) {
    Ui& ui = ctx.ui;
    const float width = ImGui::GetContentRegionAvail().x;
    const float buttonWidth = std::min(width, ui.mm(110));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (rightToLeft()) ImGui::SetCursorScreenPos(ImVec2(at.x + width - buttonWidth, at.y));
    const bool tapped = eveningButton(ctx, key, iconText, buttonWidth, buttonHeight(ui), ButtonKind::Primary, enabled);
    ImGui::SetCursorScreenPos(ImVec2(at.x, ImGui::GetCursorScreenPos().y));
    return tapped;
}

// What is already noted in this part, one line each, newest last; as much as fits above `bottom`.
void notedLines(ScreenContext& ctx, const std::vector<std::string>& lines, float bottom) {
    Ui& ui = ctx.ui;
    const float width = ImGui::GetContentRegionAvail().x;
    if (lines.empty()) {
        screenText(ctx, ui.tr("evening.minutes.none_yet"), true);
        return;
    }
    const float line = ui.fonts.body->FontSize * 1.3f;
    const std::size_t room = static_cast<std::size_t>(std::max(1.0f, (bottom - ImGui::GetCursorScreenPos().y) / line));
    const std::size_t first = lines.size() > room ? lines.size() - room : 0;
    for (std::size_t i = first; i < lines.size(); ++i)
        textBlock(ui.fonts.body, fitOnOneLine(ui.fonts.body, std::to_string(i + 1) + ". " + lines[i], width), ui.colours.text, width);
}

void decisions(ScreenContext& ctx, const EveningSummary& evening) {
    Ui& ui = ctx.ui;
    EveningDesk& desk = ctx.state.evening;
    const float width = ImGui::GetContentRegionAvail().x;
    eveningField(ctx, EveningField::DecisionText, 0, "#evening.minutes.decision", "evening.minutes.decision", desk.decision, width);
    // Link to an initiative (or else an idea) of the neighbourhood: the most supported first.
    textBlock(ui.fonts.body, ui.tr("evening.minutes.link"), ui.colours.mutedText, width);
    std::vector<const Idea*> linkable;
    for (const Idea& idea : ctx.view.ideas)
        if (idea.kind == IdeaKind::Initiative) linkable.push_back(&idea);
    std::stable_sort(linkable.begin(), linkable.end(), [](const Idea* a, const Idea* b) { return a->supports > b->supports; });
    if (linkable.size() > 4) linkable.resize(4);
    std::vector<ChoiceItem> items;
    for (std::size_t i = 0; i < linkable.size(); ++i)
        items.push_back({"#evening.minutes.link." + std::to_string(i), linkable[i]->title.c_str(), icon::Initiative, desk.decisionIdeaId == linkable[i]->id});
    if (const int tapped = choiceGrid(ctx, items, 2, ui.metrics.touchMin()); tapped >= 0) {
        const std::string& id = linkable[static_cast<std::size_t>(tapped)]->id;
        desk.decisionIdeaId = desk.decisionIdeaId == id ? std::string() : id;
    }
    if (addButton(ctx, "evening.minutes.add_decision", icon::Plus, !desk.decision.empty()))
        ctx.actions.addDecision = true;
    ImGui::Dummy(ImVec2(0, ui.metrics.gap() * 0.5f));
    std::vector<std::string> lines;
    for (const Decision& d : evening.minutes.decisions) {
        std::string text = d.text;
        if (const Idea* idea = ctx.view.findIdea(d.ideaId)) text += "  (" + idea->title + ")";
        lines.push_back(text);
    }
    notedLines(ctx, lines, ctx.contentMin.y + ctx.contentSize.y);
}

void actions(ScreenContext& ctx, const EveningSummary& evening) {
    Ui& ui = ctx.ui;
    EveningDesk& desk = ctx.state.evening;
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ui.metrics.gap();
    const float third = (width - 2 * gap) / 3;
    const ImVec2 row = ImGui::GetCursorScreenPos();
    const bool mirrored = rightToLeft();
    const auto at = [&](float x, float w) { return mirrored ? row.x + width - x - w : row.x + x; };
    ImGui::SetCursorScreenPos(ImVec2(at(0, third), row.y));
    eveningField(ctx, EveningField::ActionWho, 0, "#evening.minutes.who", "evening.minutes.who", desk.actionWho, third);
    ImGui::SetCursorScreenPos(ImVec2(at(third + gap, third), row.y));
    eveningField(ctx, EveningField::ActionWhat, 0, "#evening.minutes.what", "evening.minutes.what", desk.actionWhat, third);
    ImGui::SetCursorScreenPos(ImVec2(at(2 * (third + gap), third), row.y));
    eveningField(ctx, EveningField::ActionDue, 0, "#evening.minutes.due", "evening.minutes.due", desk.actionDue, third);
    ImGui::SetCursorScreenPos(ImVec2(row.x, ImGui::GetCursorScreenPos().y + gap * 0.5f));
    if (addButton(ctx, "evening.minutes.add_action", icon::Plus, !desk.actionWho.empty() && !desk.actionWhat.empty()))
        ctx.actions.addAction = true;
    ImGui::Dummy(ImVec2(0, gap * 0.5f));
    std::vector<std::string> lines;
    for (const ActionItem& a : evening.minutes.actions)
        lines.push_back(a.who + ": " + a.what + (a.due ? "  (" + formatIsoDate(*a.due) + ")" : ""));
    notedLines(ctx, lines, ctx.contentMin.y + ctx.contentSize.y);
}

void nextEvening(ScreenContext& ctx, const EveningSummary& evening) {
    Ui& ui = ctx.ui;
    EveningDesk& desk = ctx.state.evening;
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ui.metrics.gap();
    if (const std::optional<NextEvening>& next = evening.minutes.next)
        textBlock(ui.fonts.body, std::string(icon::Calendar) + "  " + formatIsoDate(next->date) + "  " + formatClock(next->startMinute) + "  " + next->place,
                  ui.colours.text, width);
    const float quarter = (width - 2 * gap) / 4;
    const ImVec2 row = ImGui::GetCursorScreenPos();
    const bool mirrored = rightToLeft();
    const auto at = [&](float x, float w) { return mirrored ? row.x + width - x - w : row.x + x; };
    ImGui::SetCursorScreenPos(ImVec2(at(0, quarter), row.y));
    eveningField(ctx, EveningField::NextDate, 0, "#evening.minutes.next_date", "evening.plan.date", desk.nextDate, quarter);
    ImGui::SetCursorScreenPos(ImVec2(at(quarter + gap, quarter), row.y));
    eveningField(ctx, EveningField::NextTime, 0, "#evening.minutes.next_time", "evening.plan.time", desk.nextTime, quarter);
    ImGui::SetCursorScreenPos(ImVec2(at(2 * (quarter + gap), 2 * quarter), row.y));
    if (desk.nextPlace.empty() && desk.focus != EveningField::NextPlace) desk.nextPlace = evening.evening.place;
    eveningField(ctx, EveningField::NextPlace, 0, "#evening.minutes.next_place", "evening.plan.place", desk.nextPlace, 2 * quarter);
    ImGui::SetCursorScreenPos(ImVec2(row.x, ImGui::GetCursorScreenPos().y + gap * 0.5f));
    if (addButton(ctx, "evening.minutes.save_next", icon::Check, !desk.nextDate.empty()))
        ctx.actions.saveNextEvening = true;
}

}  // namespace

void drawEveningMinutes(ScreenContext& ctx) {
    if (eveningLocked(ctx) || eveningMissing(ctx)) return;
    if (eveningTyping(ctx)) return;
    Ui& ui = ctx.ui;
    EveningDesk& desk = ctx.state.evening;
    const EveningSummary& evening = *ctx.view.currentEvening;
    const std::array<ChoiceItem, 3> parts = {{
        {"evening.minutes.decisions", ui.tr("evening.minutes.decisions"), icon::Check, desk.minutesPart == MinutesPart::Decisions},
        {"evening.minutes.actions", ui.tr("evening.minutes.actions"), icon::List, desk.minutesPart == MinutesPart::Actions},
        {"evening.minutes.next", ui.tr("evening.minutes.next"), icon::Calendar, desk.minutesPart == MinutesPart::Next},
    }};
    if (const int tapped = choiceGrid(ctx, parts, 3, ui.metrics.touchMin()); tapped >= 0) {
        desk.minutesPart = static_cast<MinutesPart>(tapped);
        desk.problemKey = nullptr;
        desk.doneKey = nullptr;
    }
    eveningOutcome(ctx);
    switch (desk.minutesPart) {
        case MinutesPart::Decisions: decisions(ctx, evening); break;
        case MinutesPart::Actions: actions(ctx, evening); break;
        case MinutesPart::Next: nextEvening(ctx, evening); break;
    }
}

}  // namespace buurtstem::ui
