// StaffInitiatives (Initiatieven): the pipeline, grouped by stage from submitted to accounted for,
// with what each asked for, was granted and spent. One opened on the right shows its plan, and
// staff set its stage, amounts and a note there.
#include "StaffPanels.h"

#include "../Icons.h"
#include "../ThemeLook.h"
#include "../screens/InitiativeParts.h"
#include "../widgets/NumericPad.h"

#include <string>

namespace buurtstem::ui {

namespace {

const InitiativeRow* selectedInitiative(const StaffContext& ctx) {
    for (const InitiativeRow& row : ctx.view.pipeline)
        if (row.idea.id == ctx.state.selectedInitiative) return &row;
    return nullptr;
}

void drawProgressForm(StaffContext& ctx) {
    Ui& ui = ctx.ui;
    StaffState& state = ctx.state;
    const float labelWidth = ui.fonts.body->FontSize * 8.0f;
    const float fieldWidth = ui.fonts.body->FontSize * 12.0f;
    const auto label = [&](const char* key) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(ui.tr(key));
        ImGui::SameLine(labelWidth);
    };
    label("staff.progress.stage");
    ImGui::SetNextItemWidth(fieldWidth);
    if (ImGui::BeginCombo("##stage", ui.tr(pipelineStageKey(state.editStage)))) {
        for (const PipelineStage stage : kAllPipelineStages) {
            if (ImGui::Selectable(ui.tr(pipelineStageKey(stage)), stage == state.editStage)) state.editStage = stage;
            registerStaffItem(ui, "#staff.progress.stage." + std::string(pipelineStageId(stage)), stage == state.editStage);
        }
        ImGui::EndCombo();
    }
    registerStaffItem(ui, "#staff.progress.stage");
    label("staff.progress.granted");
    ImGui::SetNextItemWidth(fieldWidth);
    ImGui::InputTextWithHint("##granted", "0", state.editGranted.data(), state.editGranted.size());
    registerStaffItem(ui, "#staff.progress.granted");
    label("staff.progress.spent");
    ImGui::SetNextItemWidth(fieldWidth);
    ImGui::InputTextWithHint("##spent", "0", state.editSpent.data(), state.editSpent.size());
    registerStaffItem(ui, "#staff.progress.spent");
    label("staff.progress.note");
    ImGui::InputTextMultiline("##note", state.editNote.data(), state.editNote.size(),
                              ImVec2(-1.0f, ImGui::GetTextLineHeight() * 3.5f));
    registerStaffItem(ui, "#staff.progress.note");
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + labelWidth);
    if (staffButton(ui, "staff.progress.save", std::string(icon::Check) + "  " + ui.tr("staff.progress.save"))) ctx.actions.saveProgress = true;
}

void drawPlan(StaffContext& ctx, const InitiativeRow& row) {
    Ui& ui = ctx.ui;
    staffHeading(ui, row.idea.reference + "  " + row.idea.title);
    if (row.progress.updatedMs > 0)
        staffNote(ui, ui.format("staff.progress.updated", {{"date", dayMonthYear(ui, row.progress.updatedMs)}}));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(row.idea.body.c_str());
    ImGui::Spacing();
    ImGui::TextUnformatted(planSummary(ui, row.idea.place, row.plan).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::Separator();
    staffHeading(ui, ui.tr("staff.initiatives.progress"));
    drawProgressForm(ctx);
}

void drawStage(StaffContext& ctx, PipelineStage stage) {
    Ui& ui = ctx.ui;
    std::int64_t requested = 0, granted = 0, spent = 0, count = 0;
    for (const InitiativeRow& row : ctx.view.pipeline) {
        if (row.progress.stage != stage) continue;
        ++count;
        requested += row.idea.budgetCents;
        granted += row.progress.grantedCents;
        spent += row.progress.spentCents;
    }
    const std::string heading = std::string(ui.tr(pipelineStageKey(stage))) + "  (" + std::to_string(count) + ")";
    ImGui::PushID(static_cast<int>(stage));
    // Every stage shows, the empty ones too: the pipeline reads as a whole.
    ImGui::Spacing();
    ImGui::PushFont(ui.fonts.heading);
    ImGui::TextUnformatted(heading.c_str());
    ImGui::PopFont();
    registerStaffItem(ui, "#staff.stage." + std::string(pipelineStageId(stage)));
    ImGui::Separator();
    if (count > 0) {
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
        if (ImGui::BeginTable("##stage", 5, flags)) {
            ImGui::TableSetupColumn(ui.tr("staff.column.code"), ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("MMM-MMM").x);
            ImGui::TableSetupColumn(ui.tr("staff.column.title"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
            ImGui::TableSetupColumn(ui.tr("staff.column.requested"), ImGuiTableColumnFlags_WidthStretch, 1.1f);
            ImGui::TableSetupColumn(ui.tr("staff.column.granted"), ImGuiTableColumnFlags_WidthStretch, 1.1f);
            ImGui::TableSetupColumn(ui.tr("staff.column.spent"), ImGuiTableColumnFlags_WidthStretch, 1.1f);
            ImGui::TableHeadersRow();
            for (const InitiativeRow& row : ctx.view.pipeline) {
                if (row.progress.stage != stage) continue;
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                const bool selected = row.idea.id == ctx.state.selectedInitiative;
                ImGui::PushID(row.idea.id.c_str());
                if (ImGui::Selectable(row.idea.reference.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns))
                    ctx.actions.selectInitiative = selected ? std::string() : row.idea.id;
                registerStaffItem(ui, "#staff.initiative." + row.idea.reference, selected);
                ImGui::PopID();
                ImGui::TableNextColumn();
                ImGui::PushTextWrapPos(0.0f);
                ImGui::TextUnformatted((std::string(themeIcon(row.idea.theme)) + " " + staffShown(row.idea.title)).c_str());
                ImGui::PopTextWrapPos();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(formatEuroCents(row.idea.budgetCents).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(formatEuroCents(row.progress.grantedCents).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(formatEuroCents(row.progress.spentCents).c_str());
            }
            // The stage's sums under its rows.
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(ui.tr("staff.initiatives.total"));
            for (const std::int64_t cents : {requested, granted, spent}) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(formatEuroCents(cents).c_str());
            }
            ImGui::EndTable();
        }
    }
    ImGui::PopID();
}

}  // namespace

void drawStaffInitiatives(StaffContext& ctx) {
    Ui& ui = ctx.ui;
    staffHeading(ui, ui.tr("staff.panel.initiatives"));
    const InitiativeRow* open = selectedInitiative(ctx);
    const float listWidth = open ? ImGui::GetContentRegionAvail().x * 0.55f : 0.0f;
    ImGui::BeginChild("##pipeline", ImVec2(listWidth, 0), false);
    if (ctx.view.pipeline.empty()) staffNote(ui, ui.tr("staff.initiatives.none"));
    for (const PipelineStage stage : kAllPipelineStages) drawStage(ctx, stage);
    ImGui::EndChild();
    if (!open) return;
    ImGui::SameLine();
    ImGui::BeginChild("##initiative_plan", ImVec2(0, 0), true);
    drawPlan(ctx, *open);
    ImGui::EndChild();
}

}  // namespace buurtstem::ui
