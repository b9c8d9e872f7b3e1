// StaffPulse (Pulse): the residents' own liveability barometer, the average score per aspect
// with how many answered.
#include "StaffPanels.h"

#include <string>

namespace buurtstem::ui {

void drawStaffPulse(StaffContext& ctx) {
    Ui& ui = ctx.ui;
    const PulseSummary& pulse = ctx.view.pulse;
    staffHeading(ui, ui.tr("staff.panel.pulse"));
    staffNote(ui, ui.format("staff.pulse.count", {{"count", std::to_string(pulse.pulses)}}));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##pulse_totals", 3, flags, ImVec2(ui.fonts.body->FontSize * 32.0f, 0))) {
        ImGui::TableSetupColumn(ui.tr("staff.column.aspect"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn(ui.tr("staff.column.average"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(ui.tr("staff.column.answers"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        for (const PulseAspect aspect : kAllPulseAspects) {
            const PulseAspectTotal& total = pulse.total(aspect);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(ui.tr(pulseAspectKey(aspect)));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(pulseAverage(ui, total).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%lld", static_cast<long long>(total.answers));
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    staffHeading(ui, ui.tr("staff.pulse.trend"));
    staffNotAvailable(ui);
}

}  // namespace buurtstem::ui
