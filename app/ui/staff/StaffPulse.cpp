// StaffPulse (Buurtpeiling): the residents' own liveability barometer over time — per month the
// average score of each aspect, as lines drawn with ImGui's draw list and as numbers in a table.
#include "StaffPanels.h"

#include "../ThemeLook.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace buurtstem::ui {

namespace {

// The aspect's colour (its theme's) and marker: lines are told apart by shape and legend too.
Colour aspectColour(PulseAspect aspect) {
    switch (aspect) {
        case PulseAspect::Meeting: return themeColour(Theme::Meeting);
        case PulseAspect::Care: return themeColour(Theme::Care);
        case PulseAspect::LivingWell: return themeColour(Theme::LivingWell);
        case PulseAspect::Clean: return themeColour(Theme::Green);
        case PulseAspect::Safe: break;
    }
    return themeColour(Theme::CleanSafe);
}

void marker(ImDrawList* list, ImVec2 at, float r, PulseAspect aspect, Colour colour) {
    switch (aspect) {
        case PulseAspect::Meeting: list->AddCircleFilled(at, r, colour); break;
        case PulseAspect::Care: list->AddRectFilled(ImVec2(at.x - r, at.y - r), ImVec2(at.x + r, at.y + r), colour); break;
        case PulseAspect::LivingWell:
            list->AddTriangleFilled(ImVec2(at.x, at.y - r * 1.2f), ImVec2(at.x + r * 1.1f, at.y + r), ImVec2(at.x - r * 1.1f, at.y + r), colour);
            break;
        case PulseAspect::Clean:
            list->AddQuadFilled(ImVec2(at.x, at.y - r * 1.3f), ImVec2(at.x + r * 1.3f, at.y), ImVec2(at.x, at.y + r * 1.3f),
                                ImVec2(at.x - r * 1.3f, at.y), colour);
            break;
        case PulseAspect::Safe: list->AddCircle(at, r, colour, 0, 2.5f); break;
    }
}

std::string monthLabel(const PulseMonth& month) {
    char text[16];
    std::snprintf(text, sizeof text, "%02d-%04d", month.month, month.year);
    return text;
}

std::string average(const Ui& ui, double value) {
    const long tenths = std::lround(value * 10.0);
    return std::to_string(tenths / 10) + ui.tr("presenter.decimal_mark") + std::to_string(tenths % 10);
}

void drawChart(Ui& ui, const std::vector<PulseMonth>& months, ImVec2 size) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float axisWidth = ImGui::CalcTextSize("5").x + ImGui::GetStyle().ItemSpacing.x;
    const float lineHeight = ImGui::GetTextLineHeight();
    const ImVec2 min(origin.x + axisWidth, origin.y + lineHeight * 0.5f);
    const ImVec2 max(origin.x + size.x - lineHeight, origin.y + size.y - lineHeight * 1.6f);
    list->AddRectFilled(min, max, ui.colours.surface);
    const auto yOf = [&](double score) { return max.y - static_cast<float>((score - 1.0) / 4.0) * (max.y - min.y); };
    for (int score = 1; score <= 5; ++score) {
        const float y = yOf(score);
        list->AddLine(ImVec2(min.x, y), ImVec2(max.x, y), ui.colours.border, 1.0f);
        drawText(list, ui.fonts.small, ImVec2(origin.x, y - ui.fonts.small->FontSize * 0.5f), ui.colours.mutedText, std::to_string(score));
    }
    const std::size_t count = months.size();
    const auto xOf = [&](std::size_t i) {
        return count == 1 ? (min.x + max.x) * 0.5f : min.x + (max.x - min.x) * static_cast<float>(i) / static_cast<float>(count - 1);
    };
    // Month labels under the axis, as many as fit.
    const float labelWidth = ImGui::CalcTextSize("00-0000").x * 1.3f;
    const std::size_t every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(labelWidth * static_cast<float>(count) / (max.x - min.x))));
    for (std::size_t i = 0; i < count; i += every) {
        const std::string label = monthLabel(months[i]);
        const float width = measureText(ui.fonts.small, label).x;
        drawText(list, ui.fonts.small, ImVec2(xOf(i) - width * 0.5f, max.y + lineHeight * 0.3f), ui.colours.mutedText, label);
    }
    const float radius = ui.mm(1.3f);
    for (const PulseAspect aspect : kAllPulseAspects) {
        const Colour colour = aspectColour(aspect);
        std::optional<ImVec2> previous;
        for (std::size_t i = 0; i < count; ++i) {
            const std::size_t a = pulseIndex(aspect);
            if (months[i].count[a] == 0) {
                previous.reset();  // a month without answers breaks the line rather than inventing a value
                continue;
            }
            const ImVec2 at(xOf(i), yOf(months[i].average[a]));
            if (previous) list->AddLine(*previous, at, colour, 2.5f);
            marker(list, at, radius, aspect, colour);
            previous = at;
        }
    }
    ImGui::Dummy(size);
    // The legend: marker, colour and name together.
    for (const PulseAspect aspect : kAllPulseAspects) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        marker(list, ImVec2(at.x + radius * 1.5f, at.y + lineHeight * 0.5f), radius, aspect, aspectColour(aspect));
        ImGui::Dummy(ImVec2(radius * 3.5f, lineHeight));
        ImGui::SameLine();
        ImGui::TextUnformatted(ui.tr(pulseAspectKey(aspect)));
        ImGui::SameLine(0.0f, ImGui::GetStyle().ItemSpacing.x * 3.0f);
    }
    ImGui::NewLine();
}

}  // namespace

void drawStaffPulse(StaffContext& ctx) {
    Ui& ui = ctx.ui;
    const std::vector<PulseMonth>& months = ctx.view.pulseMonths;
    staffHeading(ui, ui.tr("staff.panel.pulse"));
    staffNote(ui, ui.format("staff.pulse.count", {{"count", std::to_string(ctx.view.pulseAnswers())}}));
    if (months.empty()) return;
    const float width = ImGui::GetContentRegionAvail().x;
    drawChart(ui, months, ImVec2(width, std::min(ImGui::GetContentRegionAvail().y * 0.5f, width * 0.35f)));
    ImGui::Spacing();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("##pulse_months", 1 + static_cast<int>(kPulseAspectCount), flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(ui.tr("staff.column.month"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
    for (const PulseAspect aspect : kAllPulseAspects) ImGui::TableSetupColumn(ui.tr(pulseAspectKey(aspect)), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    for (auto month = months.rbegin(); month != months.rend(); ++month) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(monthLabel(*month).c_str());
        for (const PulseAspect aspect : kAllPulseAspects) {
            ImGui::TableNextColumn();
            const std::size_t a = pulseIndex(aspect);
            if (month->count[a] == 0) continue;
            ImGui::TextUnformatted(ui.format("staff.pulse.cell", {{"average", average(ui, month->average[a])},
                                                                  {"count", std::to_string(month->count[a])}})
                                       .c_str());
        }
    }
    ImGui::EndTable();
}

}  // namespace buurtstem::ui
