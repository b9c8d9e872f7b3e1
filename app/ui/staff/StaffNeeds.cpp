// StaffNeeds (Behoeften): what residents need to take part, per question the options with how
// many chose them and a bar, then their own notes; for planning the next evening.
#include "StaffPanels.h"

#include "../screens/Screens.h"

#include <string>

namespace buurtstem::ui {

namespace {

const char* groupKey(NeedGroup group) {
    switch (group) {
        case NeedGroup::Meeting: return "needs.group.meeting";
        case NeedGroup::Care: return "needs.group.care";
        case NeedGroup::LivingWell: return "needs.group.living_well";
        case NeedGroup::Days: return "needs.group.days";
        case NeedGroup::Times: return "needs.group.times";
        case NeedGroup::Help: return "needs.group.help";
        case NeedGroup::Interpreter: break;
    }
    return "needs.group.interpreter";
}

}  // namespace

void drawStaffNeeds(StaffContext& ctx) {
    Ui& ui = ctx.ui;
    const MeetingNeedSummary& needs = ctx.view.needs;
    staffHeading(ui, ui.tr("staff.panel.needs"));
    staffNote(ui, ui.format("staff.needs.count", {{"count", std::to_string(needs.needs)}}));
    if (needs.needs == 0) return;
    const float columnWidth = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 2.0f) / 3.0f;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    int column = 0;
    for (const NeedGroup group : kAllNeedGroups) {
        if (column > 0) ImGui::SameLine();
        ImGui::BeginGroup();
        ImGui::PushFont(ui.fonts.body);
        ImGui::TextUnformatted(ui.tr(groupKey(group)));
        ImGui::PopFont();
        ImGui::PushID(static_cast<int>(group));
        if (ImGui::BeginTable("##group", 2, flags, ImVec2(columnWidth, 0))) {
            ImGui::TableSetupColumn("##option", ImGuiTableColumnFlags_WidthStretch, 3.0f);
            ImGui::TableSetupColumn("##count", ImGuiTableColumnFlags_WidthStretch, 1.4f);
            for (std::size_t option = 0; option < needOptions(group).size(); ++option) {
                const std::int64_t count = needs.counts[needGroupIndex(group)][option];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(staffShown(needOptionLabel(ui, group, option)).c_str());
                ImGui::TableNextColumn();
                // A bar for its share of all needs, with the number beside it: not the bar alone.
                const ImVec2 at = ImGui::GetCursorScreenPos();
                const float width = ImGui::GetContentRegionAvail().x * 0.6f;
                const float height = ImGui::GetTextLineHeight() * 0.6f;
                const float top = at.y + (ImGui::GetTextLineHeight() - height) * 0.5f;
                ImDrawList* list = ImGui::GetWindowDrawList();
                list->AddRectFilled(ImVec2(at.x, top), ImVec2(at.x + width, top + height), ui.colours.secondary);
                list->AddRectFilled(ImVec2(at.x, top),
                                    ImVec2(at.x + width * static_cast<float>(count) / static_cast<float>(needs.needs), top + height),
                                    ui.colours.primary);
                ImGui::SetCursorScreenPos(ImVec2(at.x + width + ImGui::GetStyle().ItemInnerSpacing.x, at.y));
                ImGui::Text("%lld", static_cast<long long>(count));
            }
            ImGui::EndTable();
        }
        ImGui::PopID();
        ImGui::EndGroup();
        column = (column + 1) % 3;
    }
    ImGui::Spacing();
    staffHeading(ui, ui.tr("staff.needs.notes"));
    if (needs.notes.empty()) staffNote(ui, ui.tr("staff.needs.no_notes"));
    ImGui::PushTextWrapPos(0.0f);
    for (const MeetingNeedNote& note : needs.notes)
        ImGui::BulletText("%s: %s", ui.tr(groupKey(note.question)), staffShown(note.text).c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace buurtstem::ui
