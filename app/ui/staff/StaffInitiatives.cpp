// StaffInitiatives (Initiatieven): the residents' initiatives with what they ask for; one opened
// on the right shows its plan.
#include "StaffPanels.h"

#include "../Icons.h"
#include "../ThemeLook.h"
#include "../screens/InitiativeParts.h"
#include "../widgets/NumericPad.h"

#include <string>

namespace buurtstem::ui {

namespace {

const StaffIdea* selectedInitiative(const StaffContext& ctx) {
    for (const StaffIdea& row : ctx.view.ideas)
        if (row.idea.kind == IdeaKind::Initiative && row.idea.id == ctx.state.selectedInitiative) return &row;
    return nullptr;
}

void drawPlan(StaffContext& ctx, const StaffIdea& row) {
    Ui& ui = ctx.ui;
    staffHeading(ui, row.idea.reference + "  " + row.idea.title);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(row.idea.body.c_str());
    ImGui::Spacing();
    if (row.plan) ImGui::TextUnformatted(planSummary(ui, row.idea.place, *row.plan).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::Separator();
    staffHeading(ui, ui.tr("staff.initiatives.progress"));
    staffNotAvailable(ui);
}

}  // namespace

void drawStaffInitiatives(StaffContext& ctx) {
    Ui& ui = ctx.ui;
    staffHeading(ui, ui.tr("staff.panel.initiatives"));
    const StaffIdea* open = selectedInitiative(ctx);
    const float listWidth = open ? ImGui::GetContentRegionAvail().x * 0.55f : 0.0f;
    ImGui::BeginChild("##initiative_list", ImVec2(listWidth, 0), false);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##initiatives", 4, flags)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(ui.tr("staff.column.code"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
        ImGui::TableSetupColumn(ui.tr("staff.column.title"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn(ui.tr("staff.column.status"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(ui.tr("staff.column.requested"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        for (const StaffIdea& row : ctx.view.ideas) {
            if (row.idea.kind != IdeaKind::Initiative) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const bool selected = row.idea.id == ctx.state.selectedInitiative;
            ImGui::PushID(row.idea.id.c_str());
            if (ImGui::Selectable(row.idea.reference.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns))
                ctx.state.selectedInitiative = selected ? std::string() : row.idea.id;
            registerStaffItem(ui, "#staff.initiative." + row.idea.reference, selected);
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted((std::string(themeIcon(row.idea.theme)) + " " + row.idea.title).c_str());
            ImGui::PopTextWrapPos();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(ui.tr(ideaStatusKey(row.idea.status)));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(formatEuroCents(row.idea.budgetCents).c_str());
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
    if (!open) return;
    ImGui::SameLine();
    ImGui::BeginChild("##initiative_plan", ImVec2(0, 0), true);
    drawPlan(ctx, *open);
    ImGui::EndChild();
}

}  // namespace buurtstem::ui
