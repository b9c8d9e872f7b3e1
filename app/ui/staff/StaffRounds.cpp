// StaffRounds (Rondes): every budget round with its phase, ballots and codes, and how it comes
// out counted by its own rule, each project with why it was or was not chosen.
#include "StaffPanels.h"

#include "../Icons.h"
#include "../screens/Screens.h"
#include "../widgets/NumericPad.h"

#include <string>

namespace buurtstem::ui {

namespace {

const char* phaseKey(RoundPhase phase) {
    switch (phase) {
        case RoundPhase::Preparing: return "rounds.phase.preparing";
        case RoundPhase::Submissions: return "rounds.phase.submissions";
        case RoundPhase::Voting: return "rounds.phase.voting";
        case RoundPhase::Counting: return "rounds.phase.counting";
        case RoundPhase::Published: break;
    }
    return "rounds.phase.published";
}

void drawOutcome(Ui& ui, const StaffRound& row) {
    const BudgetRound& round = row.round;
    if (!row.outcome) {
        staffNote(ui, ui.tr("staff.rounds.not_counted"));
        return;
    }
    const tally::TallyResult& result = row.outcome->result;
    ImGui::PushTextWrapPos(0.0f);
    staffNote(ui, countingExplanation(ui, round, result));
    ImGui::PopTextWrapPos();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##projects", 4, flags)) return;
    ImGui::TableSetupColumn(ui.tr("staff.column.project"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(ui.tr("staff.column.cost"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn(ui.tr(result.byPoints ? "staff.column.points" : "staff.column.votes"), ImGuiTableColumnFlags_WidthStretch, 0.6f);
    ImGui::TableSetupColumn(ui.tr("staff.column.outcome"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableHeadersRow();
    for (const std::uint32_t index : tally::listingOrder(result)) {
        if (index >= round.projects.size() || index >= result.projects.size()) continue;
        const tally::ProjectOutcome& outcome = result.projects[index];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted((std::string(outcome.funded ? icon::Check : icon::NotChosen) + " " + round.projects[index].title).c_str());
        ImGui::PopTextWrapPos();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(formatEuroCents(round.projects[index].costCents).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(outcome.support));
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(projectExplanation(ui, round, result, index).c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::EndTable();
}

}  // namespace

void drawStaffRounds(StaffContext& ctx) {
    Ui& ui = ctx.ui;
    staffHeading(ui, ui.tr("staff.panel.rounds"));
    if (ctx.view.rounds.empty()) staffNote(ui, ui.tr("staff.rounds.none"));
    for (const StaffRound& row : ctx.view.rounds) {
        ImGui::PushID(row.round.id.c_str());
        const std::string title = row.round.name + "  —  " + ui.tr(phaseKey(row.phase));
        // Rounds with a count open by themselves the first time: that is what staff come for.
        ImGui::SetNextItemOpen(row.outcome.has_value() && row.phase >= RoundPhase::Counting, ImGuiCond_FirstUseEver);
        const bool open = ImGui::CollapsingHeader(title.c_str());
        registerStaffItem(ui, "#staff.round." + row.round.id, open);
        if (open) {
            ImGui::Indent();
            ImGui::TextUnformatted(ui.format("staff.rounds.summary",
                                             {{"budget", formatEuroCents(row.round.budgetCents)},
                                              {"ballots", std::to_string(row.ballots)},
                                              {"window", ui.format("rounds.window", {{"opens", dayMonthYear(ui, row.round.opensMs)},
                                                                                     {"closes", dayMonthYear(ui, row.round.closesMs)}})}})
                                       .c_str());
            if (row.codes.issued > 0)
                ImGui::TextUnformatted(ui.format("staff.rounds.codes", {{"issued", std::to_string(row.codes.issued)},
                                                                        {"used", std::to_string(row.codes.used)},
                                                                        {"voided", std::to_string(row.codes.voided)}})
                                           .c_str());
            drawOutcome(ui, row);
            ImGui::Unindent();
            ImGui::Spacing();
        }
        ImGui::PopID();
    }
}

}  // namespace buurtstem::ui
