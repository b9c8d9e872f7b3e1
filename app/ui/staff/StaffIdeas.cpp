// StaffIdeas (Ideeën): every idea and initiative with its support, theme, Leefbaarometer
// dimension and partners, filtered by status, theme and words.
#include "StaffPanels.h"

#include "../Icons.h"
#include "../ThemeLook.h"
#include "../screens/InitiativeParts.h"
#include "../screens/Screens.h"

#include <string>

namespace buurtstem::ui {

namespace {

constexpr std::array<std::pair<StaffIdeaStatusFilter, const char*>, 4> kStatusFilters = {{
    {StaffIdeaStatusFilter::All, "staff.ideas.status_all"},
    {StaffIdeaStatusFilter::New, "staff.status.new"},
    {StaffIdeaStatusFilter::Approved, "staff.status.approved"},
    {StaffIdeaStatusFilter::Hidden, "staff.status.hidden"},
}};

void drawFilters(StaffContext& ctx) {
    Ui& ui = ctx.ui;
    StaffState& state = ctx.state;
    const float field = ui.fonts.body->FontSize * 14.0f;
    ImGui::SetNextItemWidth(field);
    ImGui::InputTextWithHint("##filter", ui.tr("staff.ideas.search"), state.ideaFilterText.data(), state.ideaFilterText.size());
    registerStaffItem(ui, "#staff.ideas.search");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field * 0.7f);
    const char* statusLabel = ui.tr(kStatusFilters[static_cast<std::size_t>(state.ideaStatus)].second);
    if (ImGui::BeginCombo("##status", statusLabel)) {
        for (const auto& [filter, key] : kStatusFilters) {
            if (ImGui::Selectable(ui.tr(key), state.ideaStatus == filter)) state.ideaStatus = filter;
            registerStaffItem(ui, std::string("#staff.ideas.status.") + key, state.ideaStatus == filter);
        }
        ImGui::EndCombo();
    }
    registerStaffItem(ui, "#staff.ideas.status");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field * 0.7f);
    if (ImGui::BeginCombo("##theme", state.ideaTheme ? ui.tr(themeLabelKey(*state.ideaTheme)) : ui.tr("staff.ideas.theme_all"))) {
        if (ImGui::Selectable(ui.tr("staff.ideas.theme_all"), !state.ideaTheme)) state.ideaTheme.reset();
        for (const Theme theme : kAllThemes) {
            if (ImGui::Selectable(ui.tr(themeLabelKey(theme)), state.ideaTheme == theme)) state.ideaTheme = theme;
            registerStaffItem(ui, "#staff.ideas.theme." + std::string(themeId(theme)), state.ideaTheme == theme);
        }
        ImGui::EndCombo();
    }
    registerStaffItem(ui, "#staff.ideas.theme");
}

std::string partnersText(const Ui& ui, const StaffIdea& row) {
    std::string text;
    const auto add = [&](Partner partner) {
        if (!text.empty()) text += ", ";
        text += ui.tr(partnerLabelKey(partner));
    };
    if (row.moderation.classification)
        for (const Partner partner : row.moderation.classification->partners) add(partner);
    return text;
}

}  // namespace

void drawStaffIdeas(StaffContext& ctx) {
    Ui& ui = ctx.ui;
    staffHeading(ui, ui.tr("staff.panel.ideas"));
    drawFilters(ctx);
    const std::vector<std::size_t> shown = filterStaffIdeas(ctx.view, ctx.state);
    staffNote(ui, ui.format("staff.ideas.count", {{"shown", std::to_string(shown.size())},
                                                   {"total", std::to_string(ctx.view.ideas.size())}}));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##ideas", 8, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(ui.tr("staff.column.code"), ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("MMM-MMM").x);
    ImGui::TableSetupColumn(ui.tr("staff.column.title"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(ui.tr("staff.column.status"), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn(ui.tr("staff.column.theme"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(ui.tr("staff.column.support"), ImGuiTableColumnFlags_WidthStretch, 0.6f);
    ImGui::TableSetupColumn(ui.tr("staff.column.dimension"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn(ui.tr("staff.column.partners"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn(ui.tr("staff.column.date"), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableHeadersRow();
    for (const std::size_t index : shown) {
        const StaffIdea& row = ctx.view.ideas[index];
        const Idea& idea = row.idea;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(idea.reference.c_str());
        ImGui::TableNextColumn();
        const std::string title = std::string(idea.kind == IdeaKind::Initiative ? icon::Initiative : icon::Idea) + " " + staffShown(idea.title);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(title.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::IsItemHovered() && !idea.body.empty()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ui.fonts.body->FontSize * 30.0f);
            ImGui::TextUnformatted(idea.body.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(ui.tr(ideaStatusKey(idea.status)));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted((std::string(themeIcon(idea.theme)) + " " + ui.tr(themeLabelKey(idea.theme))).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%d", idea.supports);
        ImGui::TableNextColumn();
        if (row.moderation.classification && row.moderation.classification->dimension) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(ui.tr(dimensionLabelKey(*row.moderation.classification->dimension)));
            ImGui::PopTextWrapPos();
        }
        ImGui::TableNextColumn();
        const std::string partners = partnersText(ui, row);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(partners.c_str());
        ImGui::PopTextWrapPos();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(ideaDate(ui, idea).c_str());
    }
    ImGui::EndTable();
}

}  // namespace buurtstem::ui
