// StaffOverview (Overzicht): the neighbourhood in numbers — ideas, initiatives per stage, needs,
// pulses, rounds, contacts — and the kiosks its data comes from.
#include "StaffPanels.h"

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
        ImGui::EndTable();
    }
    ImGui::Spacing();
    staffHeading(ui, ui.tr("staff.overview.kiosks"));
    if (ImGui::BeginTable("##kiosks", 2, flags, ImVec2(ui.fonts.body->FontSize * 48.0f, 0))) {
        ImGui::TableSetupColumn(ui.tr("staff.column.kiosk"), ImGuiTableColumnFlags_WidthStretch, 1.8f);
        ImGui::TableSetupColumn(ui.tr("staff.neighbourhood"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        for (const StaffKiosk& kiosk : view.kiosks) countRow(ui, kiosk.kioskId, kiosk.neighbourhood);
        ImGui::EndTable();
    }
    staffNote(ui, ui.tr("staff.overview.last_heard"));
    staffNotAvailable(ui);
}

}  // namespace buurtstem::ui
