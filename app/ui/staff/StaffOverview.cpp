// StaffOverview (Overzicht): the neighbourhood in numbers — ideas, initiatives, needs, pulses,
// rounds, the kiosks and what is waiting for staff.
#include "StaffPanels.h"

#include <string>

namespace buurtstem::ui {

namespace {

void countRow(const Ui& ui, const char* labelKey, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(ui.tr(labelKey));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(value.c_str());
}

}  // namespace

void drawStaffOverview(StaffContext& ctx) {
    Ui& ui = ctx.ui;
    const StaffView& view = ctx.view;
    staffHeading(ui, ui.format("staff.overview.heading", {{"neighbourhood", view.neighbourhood}}));
    const auto number = [](std::int64_t n) { return std::to_string(n); };
    const auto statusLine = [&](IdeaKind kind) {
        return ui.format("staff.overview.by_status", {{"new", number(view.ideaCount(kind, IdeaStatus::New))},
                                                      {"approved", number(view.ideaCount(kind, IdeaStatus::Approved))}});
    };
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##overview", 2, flags, ImVec2(ui.fonts.body->FontSize * 40.0f, 0))) {
        ImGui::TableSetupColumn("##what", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("##count", ImGuiTableColumnFlags_WidthStretch, 1.2f);
        countRow(ui, "staff.overview.ideas", number(view.ideaCount(IdeaKind::Idea)) + "  (" + statusLine(IdeaKind::Idea) + ")");
        countRow(ui, "staff.overview.initiatives",
                 number(view.ideaCount(IdeaKind::Initiative)) + "  (" + statusLine(IdeaKind::Initiative) + ")");
        countRow(ui, "staff.overview.needs", number(view.needs.needs));
        countRow(ui, "staff.overview.pulses", number(view.pulse.pulses));
        countRow(ui, "staff.overview.rounds", number(static_cast<std::int64_t>(view.rounds.size())));
        countRow(ui, "staff.overview.contacts", number(view.contactsSealed));
        countRow(ui, "staff.overview.events", number(view.events));
        ImGui::EndTable();
    }
    ImGui::Spacing();
    staffHeading(ui, ui.tr("staff.overview.kiosks"));
    staffNotAvailable(ui);
}

}  // namespace buurtstem::ui
