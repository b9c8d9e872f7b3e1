// EveningRun: the facilitator runs a residents' evening. On the reading side a very large
// "+1 in" button (a tap per person at the door) with the count, and an optional street or postcode
// for the next tap; on the other side the agenda with the item that runs and since when, and the
// ways on: dot vote, minutes, change the plan, make the report (and where it was written).
#include "EveningParts.h"

#include "../Icons.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>
#include <vector>

namespace buurtstem::ui {

namespace {

void checkInColumn(ScreenContext& ctx, const EveningSummary& evening, float width) {
    Ui& ui = ctx.ui;
    EveningDesk& desk = ctx.state.evening;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ButtonSpec in;
    in.id = "evening.checkin.in";
    const std::string label = ui.tr("evening.checkin.in");
    in.label = label.c_str();
    in.icon = nullptr;  // the label starts with its own "+1"
    in.size = ImVec2(width, ui.metrics.touchMain() * 2);
    in.kind = ButtonKind::Primary;
    if (touchButton(ui, in)) ctx.actions.eveningCheckIn = true;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + in.size.y + ui.metrics.gap()));
    const std::string count = ui.format("evening.checkin.count", {{"count", std::to_string(evening.checkInCount)}});
    textBlock(ui.fonts.title, count, ui.colours.text, width);

    // Street or postcode for the next tap: asked when someone wants to say it, never required.
    textBlock(ui.fonts.body, ui.tr("evening.checkin.where"), ui.colours.mutedText, width);
    eveningField(ctx, EveningField::Postcode, 0, "#evening.checkin.postcode", "evening.checkin.postcode", desk.postcode, width);
    // The neighbourhood's places as streets, two to a row, as many rows as fit.
    const float gap = ui.metrics.gap();
    const float bottom = ctx.contentMin.y + ctx.contentSize.y;
    const ImVec2 grid = ImGui::GetCursorScreenPos();
    const ImVec2 cell((width - gap) / 2, ui.metrics.touchMin());
    for (std::size_t i = 0; i < ctx.view.places.size(); ++i) {
        const ImVec2 at = gridCell(grid, static_cast<int>(i), 2, cell, gap);
        if (at.y + cell.y > bottom) break;
        ImGui::SetCursorScreenPos(at);
        const std::string id = "#evening.checkin.street." + std::to_string(i);
        const std::string& street = ctx.view.places[i];
        const bool chosen = desk.street == street;
        const std::string label = fitOnOneLine(ui.fonts.body, street, cell.x - ui.mm(chosen ? 14 : 6));
        ButtonSpec spec;
        spec.id = id.c_str();
        spec.label = label.c_str();
        spec.icon = chosen ? icon::Check : nullptr;
        spec.size = cell;
        spec.kind = ButtonKind::Choice;
        spec.selected = chosen;
        if (touchButton(ui, spec)) {
            desk.street = chosen ? std::string() : street;
            desk.postcode.clear();
        }
    }
}

void agendaColumn(ScreenContext& ctx, const EveningSummary& evening, float width) {
    Ui& ui = ctx.ui;
    const Evening& e = evening.evening;
    const float gap = ui.metrics.gap();
    const float bottom = ctx.contentMin.y + ctx.contentSize.y;
    // The buttons keep their place at the bottom; the agenda takes what is left above them.
    const float button = buttonHeight(ui);
    const bool saidWhere = !ctx.state.evening.reportWhere.empty() && ctx.state.evening.doneKey &&
                           std::string_view(ctx.state.evening.doneKey).starts_with("evening.report.");
    const float whereHeight = saidWhere ? measureText(ui.fonts.small, ctx.state.evening.reportWhere, width).y + gap * 0.5f : 0.0f;
    const float buttonsTop = bottom - 3 * button - 2 * gap - whereHeight;

    textBlock(ui.fonts.heading, ui.tr("evening.agenda"), ui.colours.text, width);
    int minute = e.startMinute;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float sinceHeight = evening.runningItem ? ui.fonts.body->FontSize * 1.3f : 0.0f;
    for (std::size_t i = 0; i < e.agenda.size(); ++i) {
        const bool running = evening.runningItem == i;
        const std::string line = fitOnOneLine(ui.fonts.body,
                                              formatClock(minute % (24 * 60)) + "  " + e.agenda[i].title + "  (" +
                                                  ui.format("evening.minutes_short", {{"minutes", std::to_string(e.agenda[i].minutes)}}) + ")",
                                              width - ui.mm(4));
        minute += e.agenda[i].minutes;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float height = ui.fonts.body->FontSize + ui.mm(2);
        if (at.y + height + sinceHeight > buttonsTop - gap) break;  // the rest of a long agenda is on the plan
        if (running) {
            list->AddRectFilled(at, ImVec2(at.x + width, at.y + height), ui.colours.surface, ui.mm(1));
            list->AddRect(at, ImVec2(at.x + width, at.y + height), ui.colours.selected, ui.mm(1), 0, ui.mm(0.6f));
        }
        const float textWidth = measureText(ui.fonts.body, line).x;
        drawText(list, ui.fonts.body, ImVec2(rightToLeft() ? at.x + width - ui.mm(2) - textWidth : at.x + ui.mm(2), at.y + ui.mm(1)),
                 running ? ui.colours.text : ui.colours.mutedText, line);
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + height));
    }
    if (evening.runningItem)
        textBlock(ui.fonts.body,
                  fitOnOneLine(ui.fonts.body, ui.format("evening.running_since", {{"time", localClock(evening.runningSinceMs)}}), width),
                  ui.colours.text, width);

    const float x = ImGui::GetCursorScreenPos().x;
    ImGui::SetCursorScreenPos(ImVec2(x, std::max(buttonsTop, ImGui::GetCursorScreenPos().y + gap * 0.5f)));
    // Start the first item, or go on to the next; after the last there is nothing to start.
    const std::size_t next = evening.runningItem ? *evening.runningItem + 1 : 0;
    const float firstTop = ImGui::GetCursorScreenPos().y;
    if (eveningButton(ctx, evening.runningItem ? "evening.next_item" : "evening.start_item", rightToLeft() ? icon::Back : icon::Next, width, button, ButtonKind::Secondary,
                      next < e.agenda.size()))
        ctx.actions.startAgendaItem = next;
    ImGui::SetCursorScreenPos(ImVec2(x, firstTop + button));
    const float half = (width - gap) / 2;
    const bool mirrored = rightToLeft();
    const auto pair = [&](const char* first, const char* firstIcon, const char* second, const char* secondIcon, ButtonKind secondKind) {
        const float y = ImGui::GetCursorScreenPos().y + gap;
        ImGui::SetCursorScreenPos(ImVec2(mirrored ? x + half + gap : x, y));
        const bool a = eveningButton(ctx, first, firstIcon, half, button);
        ImGui::SetCursorScreenPos(ImVec2(mirrored ? x : x + half + gap, y));
        const bool b = eveningButton(ctx, second, secondIcon, half, button, secondKind);
        ImGui::SetCursorScreenPos(ImVec2(x, y + button));
        return std::pair{a, b};
    };
    const DotVote* open = evening.openDotVote();
    const auto [vote, minutes] = pair(open ? "evening.vote.open_now" : "evening.vote.start", icon::Results, "evening.minutes", icon::Edit,
                                      ButtonKind::Secondary);
    if (vote) ctx.actions.go = ScreenId::EveningVote;
    if (minutes) ctx.actions.go = ScreenId::EveningMinutes;
    const auto [edit, report] = pair("evening.edit", icon::Calendar, "evening.report.make", icon::Send, ButtonKind::Primary);
    if (edit) ctx.actions.editEvening = true;
    if (report) ctx.actions.makeEveningReport = true;
    if (saidWhere) {
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + gap * 0.5f));
        textBlock(ui.fonts.small, ctx.state.evening.reportWhere, ui.colours.mutedText, width);
    }
}

}  // namespace

void drawEveningRun(ScreenContext& ctx) {
    if (eveningLocked(ctx) || eveningMissing(ctx)) return;
    if (eveningTyping(ctx)) return;
    Ui& ui = ctx.ui;
    const EveningSummary& evening = *ctx.view.currentEvening;
    const Evening& e = evening.evening;
    const float width = ImGui::GetContentRegionAvail().x;
    screenHeading(ctx, e.title.c_str());
    textBlock(ui.fonts.body, formatIsoDate(e.date) + "  " + formatClock(e.startMinute) + "   " + e.place, ui.colours.mutedText, width);
    eveningOutcome(ctx);
    ImGui::Dummy(ImVec2(0, ui.metrics.gap() * 0.5f));

    // Two columns: check-in on the side the text starts from, the agenda on the other.
    const float gap = ui.mm(8);
    const float left = (width - gap) * 0.45f;
    const float right = width - gap - left;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const bool mirrored = rightToLeft();
    const float checkInX = mirrored ? top.x + right + gap : top.x;
    const float agendaX = mirrored ? top.x : top.x + left + gap;
    const float height = ctx.contentMin.y + ctx.contentSize.y - top.y;
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground;
    ImGui::SetCursorScreenPos(ImVec2(checkInX, top.y));
    ImGui::BeginChild("##evening.checkin", ImVec2(left, height), false, flags);
    // Half a millimetre narrower than each column, so the buttons' right borders are not clipped.
    checkInColumn(ctx, evening, left - ui.mm(0.5f));
    ImGui::EndChild();
    ImGui::SetCursorScreenPos(ImVec2(agendaX, top.y));
    ImGui::BeginChild("##evening.agenda", ImVec2(right, height), false, flags);
    agendaColumn(ctx, evening, right - ui.mm(0.5f));
    ImGui::EndChild();
}

}  // namespace buurtstem::ui
