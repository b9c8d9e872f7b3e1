// EveningVote: a quick dot vote (stippenstem). Without an open vote the facilitator types the
// question and 2 to 8 options and starts it; while it is open, each option is a large button that
// adds one dot per tap, with its count, and Close ends it. The last closed vote's result stays below.
#include "EveningParts.h"

#include "../Icons.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

namespace {

void openVote(ScreenContext& ctx, const DotVote& vote) {
    Ui& ui = ctx.ui;
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ui.metrics.gap();
    screenHeading(ctx, vote.question.c_str());
    std::int64_t total = 0;
    for (std::int64_t dots : vote.dots) total += dots;
    screenText(ctx, ui.format("evening.vote.total", {{"count", std::to_string(total)}}), true);
    eveningOutcome(ctx);
    ImGui::Dummy(ImVec2(0, gap * 0.5f));
    // Two columns of big buttons; each tap is one dot.
    const int columns = vote.options.size() > 4 ? 2 : 1;
    const int rows = static_cast<int>((vote.options.size() + columns - 1) / columns);
    const float bottom = ctx.contentMin.y + ctx.contentSize.y - ui.metrics.touchMain() - gap;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float cellHeight = std::clamp((bottom - origin.y - (rows - 1) * gap) / rows, ui.metrics.touchMin(), ui.metrics.touchMain());
    const ImVec2 cell((width - (columns - 1) * gap) / columns, cellHeight);
    for (std::size_t i = 0; i < vote.options.size(); ++i) {
        ImGui::SetCursorScreenPos(gridCell(origin, static_cast<int>(i), columns, cell, gap));
        const std::string id = "#evening.vote.dot." + std::to_string(i);
        const std::string label = ui.format("evening.vote.option_dots", {{"option", vote.options[i]}, {"dots", std::to_string(vote.dots[i])}});
        ButtonSpec spec;
        spec.id = id.c_str();
        spec.label = label.c_str();
        spec.icon = icon::Plus;
        spec.size = cell;
        spec.kind = ButtonKind::Choice;
        if (touchButton(ui, spec)) ctx.actions.giveDot = i;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + rows * (cell.y + gap)));
    ButtonSpec back;
    back.id = "evening.vote.back";
    const std::string backLabel = ui.tr("evening.vote.back");
    back.label = backLabel.c_str();
    back.icon = rightToLeft() ? icon::Next : icon::Back;
    ButtonSpec close;
    close.id = "evening.vote.close";
    const std::string closeLabel = ui.tr("evening.vote.close");
    close.label = closeLabel.c_str();
    close.icon = icon::Check;
    close.kind = ButtonKind::Primary;
    const ButtonPair tapped = bottomButtons(ctx, back, close);
    if (tapped.secondary) ctx.actions.back = true;
    if (tapped.primary) ctx.actions.closeDotVote = true;
}

void newVote(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    EveningDesk& desk = ctx.state.evening;
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ui.metrics.gap();
    eveningOutcome(ctx);
    // The last result, one line, so the room still sees it while the next question is typed.
    if (!ctx.view.currentEvening->dotVotes.empty()) {
        const DotVote& last = ctx.view.currentEvening->dotVotes.back();
        std::string result = last.question + ":";
        for (std::size_t i = 0; i < last.options.size(); ++i) result += "  " + last.options[i] + " " + std::to_string(last.dots[i]);
        textBlock(ui.fonts.body, fitOnOneLine(ui.fonts.body, result, width), ui.colours.mutedText, width);
    }
    std::vector<std::string> trimmed;
    for (const std::string& option : desk.options) trimmed.push_back(option);
    const std::vector<EveningIssue> issues = desk.showProblems ? validateDotVote(desk.question, trimmed) : std::vector<EveningIssue>{};
    const auto problem = [&](std::initializer_list<EveningProblem> problems, std::size_t index) -> const char* {
        for (const EveningIssue& issue : issues)
            for (EveningProblem p : problems)
                if (issue.problem == p && issue.index == index) return ui.tr(eveningProblemKey(p));
        return nullptr;
    };
    eveningField(ctx, EveningField::Question, 0, "#evening.vote.question", "evening.vote.question", desk.question, width,
                 problem({EveningProblem::QuestionMissing, EveningProblem::QuestionTooLong, EveningProblem::InvalidText}, 0));
    ImGui::Dummy(ImVec2(0, gap * 0.5f));
    // The options in two columns.
    const float half = (width - gap) / 2;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float rowHeight = planFieldHeight(ui, desk.showProblems) + gap * 0.5f;
    for (std::size_t i = 0; i < desk.options.size(); ++i) {
        ImGui::SetCursorScreenPos(gridCell(origin, static_cast<int>(i), 2, ImVec2(half, rowHeight), gap));
        const std::string id = "#evening.vote.option." + std::to_string(i);
        const std::string label = ui.format("evening.vote.option_n", {{"n", std::to_string(i + 1)}});
        PlanFieldSpec spec;
        spec.id = id.c_str();
        spec.label = label.c_str();
        spec.value = desk.options[i];
        spec.focused = false;
        spec.problem = problem({EveningProblem::OptionMissing, EveningProblem::OptionTooLong, EveningProblem::OptionRepeated}, i);
        spec.width = half;
        if (planField(ctx, spec)) {
            desk.focus = EveningField::Option;
            desk.index = i;
            ctx.keyboard.reset();
        }
    }
    const int rows = static_cast<int>((desk.options.size() + 1) / 2);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + rows * (rowHeight + gap)));
    ButtonSpec add;
    add.id = "evening.vote.add_option";
    const std::string addLabel = ui.tr("evening.vote.add_option");
    add.label = addLabel.c_str();
    add.icon = icon::Plus;
    add.enabled = desk.options.size() < kDotVoteOptionsMax;
    ButtonSpec start;
    start.id = "evening.vote.begin";
    const std::string startLabel = ui.tr("evening.vote.begin");
    start.label = startLabel.c_str();
    start.icon = icon::Results;
    start.kind = ButtonKind::Primary;
    const ButtonPair tapped = bottomButtons(ctx, add, start);
    if (tapped.secondary) desk.options.emplace_back();
    if (tapped.primary) ctx.actions.openDotVote = true;
}

}  // namespace

void drawEveningVote(ScreenContext& ctx) {
    if (eveningLocked(ctx) || eveningMissing(ctx)) return;
    if (eveningTyping(ctx)) return;
    if (const DotVote* open = ctx.view.currentEvening->openDotVote())
        openVote(ctx, *open);
    else
        newVote(ctx);
}

}  // namespace buurtstem::ui
