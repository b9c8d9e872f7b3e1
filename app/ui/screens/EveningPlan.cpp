// EveningPlan: the facilitator plans an evening: title, day, start time, place, and the agenda
// items each with its minutes (add and remove). Each field opens the keyboard (digits first for
// the day, the time and the minutes); Save checks everything and says what is missing.
#include "EveningParts.h"

#include "../Icons.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace buurtstem::ui {

namespace {

// The first problem of a field, translated, when the facilitator tried to save.
const char* problemFor(ScreenContext& ctx, const std::vector<EveningIssue>& issues, std::initializer_list<EveningProblem> problems,
                       std::size_t index = 0) {
    for (const EveningIssue& issue : issues)
        for (EveningProblem p : problems)
            if (issue.problem == p && issue.index == index) return ctx.ui.tr(eveningProblemKey(p));
    return nullptr;
}

}  // namespace

void drawEveningPlan(ScreenContext& ctx) {
    if (eveningLocked(ctx)) return;
    if (eveningTyping(ctx)) return;
    Ui& ui = ctx.ui;
    EveningDesk& desk = ctx.state.evening;
    Evening& plan = desk.plan;
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ui.metrics.gap();

    // The issues of the plan as typed; shown once Save was tapped.
    Evening checked = trimEvening(plan);
    checked.date = parseIsoDate(desk.planDate).value_or(CivilDate{0, 0, 0});
    checked.startMinute = parseClock(desk.planTime).value_or(-1);
    for (std::size_t i = 0; i < checked.agenda.size() && i < desk.planMinutes.size(); ++i) {
        const std::string& typed = desk.planMinutes[i];
        checked.agenda[i].minutes = !typed.empty() && typed.size() <= 3 && typed.find_first_not_of("0123456789") == std::string::npos ? std::stoi(typed) : 0;
    }
    const std::vector<EveningIssue> issues = desk.showProblems ? validateEvening(checked) : std::vector<EveningIssue>{};
    eveningOutcome(ctx);

    const float half = (width - gap) / 2;
    const float quarter = (half - gap) / 2;
    const ImVec2 row1 = ImGui::GetCursorScreenPos();
    const bool mirrored = rightToLeft();
    const auto at = [&](float x, float w) { return mirrored ? row1.x + width - x - w : row1.x + x; };
    ImGui::SetCursorScreenPos(ImVec2(at(0, half), row1.y));
    eveningField(ctx, EveningField::Title, 0, "#evening.plan.title", "evening.plan.title", plan.title, half,
                 problemFor(ctx, issues, {EveningProblem::TitleMissing, EveningProblem::TitleTooLong, EveningProblem::InvalidText}));
    float bottom = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(ImVec2(at(half + gap, quarter), row1.y));
    eveningField(ctx, EveningField::Date, 0, "#evening.plan.date", "evening.plan.date", desk.planDate, quarter,
                 problemFor(ctx, issues, {EveningProblem::BadDate}));
    bottom = std::max(bottom, ImGui::GetCursorScreenPos().y);
    ImGui::SetCursorScreenPos(ImVec2(at(half + 2 * gap + quarter, quarter), row1.y));
    eveningField(ctx, EveningField::Time, 0, "#evening.plan.time", "evening.plan.time", desk.planTime, quarter,
                 problemFor(ctx, issues, {EveningProblem::BadTime}));
    bottom = std::max(bottom, ImGui::GetCursorScreenPos().y);
    ImGui::SetCursorScreenPos(ImVec2(row1.x, bottom + gap * 0.5f));
    eveningField(ctx, EveningField::Place, 0, "#evening.plan.place", "evening.plan.place", plan.place, width,
                 problemFor(ctx, issues, {EveningProblem::PlaceMissing, EveningProblem::PlaceTooLong}));
    ImGui::Dummy(ImVec2(0, gap * 0.5f));
    textBlock(ui.fonts.heading, ui.format("evening.plan.agenda", {{"minutes", std::to_string(checked.totalMinutes())}}), ui.colours.text, width);
    if (const char* problem = problemFor(ctx, issues, {EveningProblem::AgendaEmpty})) problemText(ctx, problem);

    // The agenda in a list that scrolls by dragging: each item its title, its minutes and a remove button.
    const float buttonsTop = ctx.contentMin.y + ctx.contentSize.y - ui.metrics.touchMain() - gap;
    const float rowHeight = planFieldHeight(ui, desk.showProblems) + gap * 0.5f;
    // Whole rows only, so no field starts half hidden under the list's edge.
    const float room = buttonsTop - ImGui::GetCursorScreenPos().y;
    const float wholeRows = std::max(1.0f, std::floor((room + ui.metrics.gap()) / (rowHeight + ui.metrics.gap())));
    const float listHeight = wholeRows * (rowHeight + ui.metrics.gap()) - ui.metrics.gap();
    const float listTop = ImGui::GetCursorScreenPos().y;
    ctx.pageScroll.begin(ui, "#evening.plan.agenda", ImVec2(width, listHeight));
    std::optional<std::size_t> remove;
    desk.planMinutes.resize(plan.agenda.size());
    const float minutesWidth = ui.mm(40);
    const float removeWidth = std::max(ui.metrics.touchMin(), ui.fonts.body->FontSize + ui.mm(6));  // square, as tall as a field
    const float titleWidth = width - minutesWidth - removeWidth - 2 * gap;
    for (std::size_t i = 0; i < plan.agenda.size(); ++i) {
        ImVec2 min, max;
        bool held = false;
        const std::string rowId = "#evening.plan.row." + std::to_string(i);
        ctx.pageScroll.row(ui, rowId.c_str(), rowHeight, &min, &max, &held);
        // Only whole rows take touches: a field half under the list's edge would be hard to hit.
        if (min.y < listTop - 0.5f || max.y - gap * 0.5f > listTop + listHeight + 0.5f) continue;
        const ImVec2 keep = ImGui::GetCursorScreenPos();
        const auto x = [&](float offset, float w) { return mirrored ? min.x + width - offset - w : min.x + offset; };
        const std::string titleId = "#evening.plan.item." + std::to_string(i);
        const std::string minutesId = "#evening.plan.minutes." + std::to_string(i);
        const std::string removeId = "#evening.plan.remove." + std::to_string(i);
        ImGui::SetCursorScreenPos(ImVec2(x(0, titleWidth), min.y));
        eveningField(ctx, EveningField::ItemTitle, i, titleId.c_str(), "evening.plan.item", plan.agenda[i].title, titleWidth,
                     problemFor(ctx, issues, {EveningProblem::ItemTitleMissing, EveningProblem::ItemTitleTooLong}, i));
        ImGui::SetCursorScreenPos(ImVec2(x(titleWidth + gap, minutesWidth), min.y));
        eveningField(ctx, EveningField::ItemMinutes, i, minutesId.c_str(), "evening.plan.minutes", desk.planMinutes[i], minutesWidth,
                     problemFor(ctx, issues, {EveningProblem::ItemMinutes}, i));
        ImGui::SetCursorScreenPos(ImVec2(x(titleWidth + minutesWidth + 2 * gap, removeWidth), min.y + ui.fonts.body->FontSize + ui.mm(1)));
        ButtonSpec bin;
        bin.id = removeId.c_str();
        bin.label = "";
        bin.icon = icon::Remove;
        bin.size = ImVec2(removeWidth, removeWidth);
        bin.enabled = plan.agenda.size() > 1;
        if (touchButton(ui, bin)) remove = i;
        ImGui::SetCursorScreenPos(keep);
    }
    ctx.pageScroll.end(ui);
    if (remove) {
        plan.agenda.erase(plan.agenda.begin() + static_cast<std::ptrdiff_t>(*remove));
        desk.planMinutes.erase(desk.planMinutes.begin() + static_cast<std::ptrdiff_t>(*remove));
    }

    ButtonSpec add;
    add.id = "evening.plan.add_item";
    const std::string addLabel = ui.tr("evening.plan.add_item");
    add.label = addLabel.c_str();
    add.icon = icon::Plus;
    ButtonSpec save;
    save.id = "evening.plan.save";
    const std::string saveLabel = ui.tr("evening.plan.save");
    save.label = saveLabel.c_str();
    save.icon = icon::Check;
    save.kind = ButtonKind::Primary;
    add.enabled = plan.agenda.size() < kAgendaItemsMax;
    const ButtonPair tapped = bottomButtons(ctx, add, save);
    if (tapped.secondary) {
        plan.agenda.push_back({"", 10});
        desk.planMinutes.push_back("10");
    }
    if (tapped.primary) ctx.actions.saveEvening = true;
}

}  // namespace buurtstem::ui
