// StaffOverview (Overzicht): the neighbourhood in numbers — ideas, initiatives per stage, needs,
// pulses, rounds, contacts — and the kiosks its data comes from, with when each was last heard from.
#include "StaffPanels.h"

#include "../Icons.h"
#include "../screens/Screens.h"

#include <string>

namespace buurtstem::ui {

namespace {

void countRow(const Ui& ui, const std::string& label, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(label.c_str());
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopTextWrapPos();
    (void)ui;
}

// Per kiosk of the neighbourhood: its last bundle and event, how many events, and whether staff
// should look (silent for a month, reported lost). The state is words and an icon, not colour alone.
void drawKiosks(Ui& ui, const StaffView& view) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##kiosks", 6, flags)) return;
    ImGui::TableSetupColumn(ui.tr("staff.column.kiosk"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(ui.tr("staff.neighbourhood"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(ui.tr("staff.column.last_bundle"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(ui.tr("staff.column.last_event"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn(ui.tr("staff.column.event_total"), ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableSetupColumn(ui.tr("staff.column.status"), ImGuiTableColumnFlags_WidthStretch, 1.8f);
    ImGui::TableHeadersRow();
    const auto cell = [](const std::string& text) {
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(staffShown(text).c_str());
        ImGui::PopTextWrapPos();
    };
    for (const KioskActivity& kiosk : view.kiosks) {
        if (!view.neighbourhood.empty() && kiosk.neighbourhood != view.neighbourhood) continue;
        ImGui::TableNextRow();
        // The id's first block is enough to tell kiosks apart; the Bundles panel shows it whole.
        cell(kiosk.kioskId.substr(0, 8));
        cell(kiosk.neighbourhood);
        cell(kiosk.lastImportMs > 0 ? dayMonthYear(ui, kiosk.lastImportMs) : std::string(ui.tr("staff.kiosk.never")));
        cell(kiosk.lastSeq > 0 ? ui.format("staff.kiosk.last_event", {{"date", dayMonthYear(ui, kiosk.lastEventMs)},
                                                                     {"seq", std::to_string(kiosk.lastSeq)}})
                               : std::string(ui.tr("staff.kiosk.never")));
        cell(std::to_string(kiosk.events));
        ImGui::TableNextColumn();
        std::string state;
        bool warn = true;
        if (kiosk.withdrawn) {
            state = ui.format("staff.kiosk.lost", {{"date", dayMonthYear(ui, kiosk.withdrawn->withdrawnMs)}});
        } else if (kioskSilent(kiosk, view.nowMs)) {
            state = kiosk.lastEventMs == 0
                        ? std::string(ui.tr("staff.kiosk.silent_empty"))
                        : ui.format("staff.kiosk.silent", {{"days", std::to_string((view.nowMs - kiosk.lastEventMs) / 86'400'000)}});
        } else {
            warn = false;
            state = ui.tr(kiosk.own ? "staff.kiosk.own" : "staff.kiosk.ok");
        }
        if (warn) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui.colours.danger));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(((warn ? std::string(icon::Warning) + "  " : std::string()) + staffShown(state)).c_str());
        ImGui::PopTextWrapPos();
        if (warn) ImGui::PopStyleColor();
        registerStaffItem(ui, "#staff.kiosk." + kiosk.kioskId);
    }
    ImGui::EndTable();
}

}  // namespace

void drawStaffOverview(StaffContext& ctx) {
    Ui& ui = ctx.ui;
    const StaffView& view = ctx.view;
    const std::string name = view.neighbourhood.empty() ? std::string(ui.tr("staff.neighbourhood.all")) : view.neighbourhood;
    staffHeading(ui, ui.format("staff.overview.heading", {{"neighbourhood", name}}));
    const auto number = [](std::int64_t n) { return std::to_string(n); };
    const auto statusLine = [&](IdeaKind kind) {
        return ui.format("staff.overview.by_status", {{"new", number(view.ideaCount(kind, IdeaStatus::New))},
                                                      {"approved", number(view.ideaCount(kind, IdeaStatus::Approved))},
                                                      {"hidden", number(view.ideaCount(kind, IdeaStatus::Hidden))}});
    };
    std::string stages;
    for (const PipelineStage stage : kAllPipelineStages) {
        if (!stages.empty()) stages += ", ";
        stages += std::string(ui.tr(pipelineStageKey(stage))) + " " + number(view.stageCount(stage));
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##overview", 2, flags, ImVec2(ui.fonts.body->FontSize * 48.0f, 0))) {
        ImGui::TableSetupColumn("##what", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("##count", ImGuiTableColumnFlags_WidthStretch, 1.8f);
        countRow(ui, ui.tr("staff.overview.ideas"), number(view.ideaCount(IdeaKind::Idea)) + "  (" + statusLine(IdeaKind::Idea) + ")");
        countRow(ui, ui.tr("staff.overview.initiatives"),
                 number(view.ideaCount(IdeaKind::Initiative)) + "  (" + statusLine(IdeaKind::Initiative) + ")");
        countRow(ui, ui.tr("staff.overview.stages"), stages);
        countRow(ui, ui.tr("staff.overview.needs"), number(view.needs.needs));
        countRow(ui, ui.tr("staff.overview.pulses"), number(view.pulseAnswers()));
        countRow(ui, ui.tr("staff.overview.rounds"), number(static_cast<std::int64_t>(view.rounds.size())));
        countRow(ui, ui.tr("staff.overview.contacts"), number(view.contactsSealed));
        countRow(ui, ui.tr("staff.overview.events"), number(view.events));
        countRow(ui, ui.tr("staff.overview.conflicts"),
                 number(static_cast<std::int64_t>(view.conflicts.gaps.size() + view.conflicts.quarantined.size() +
                                                  view.conflicts.codes.size())));
        ImGui::EndTable();
    }
    ImGui::Spacing();
    staffHeading(ui, ui.tr("staff.overview.kiosks"));
    staffNote(ui, ui.tr("staff.overview.last_heard"));
    drawKiosks(ui, view);
}

}  // namespace buurtstem::ui
