// PresenterHeard: "what we heard" on the projector, in three columns — the approved ideas per
// theme (icon, name and a bar in the theme's colour), what residents need to take part (the
// options most chosen in the meeting needs), and the pulse (the average score per question).
#include "Screens.h"

#include "../Icons.h"
#include "../ThemeLook.h"

#include <algorithm>
#include <span>
#include <string>
#include <vector>

namespace buurtstem::ui {

namespace {

// What an option of the meeting needs is called, in needOptions order; interpreter languages in
// their own names, as residents chose them.
constexpr const char* kMeetingKeys[] = {"needs.meeting.place_to_meet", "needs.meeting.activities", "needs.meeting.coffee_morning",
                                        "needs.meeting.neighbours_to_know"};
constexpr const char* kCareKeys[] = {"needs.care.help_at_home", "needs.care.someone_to_talk", "needs.care.health_info",
                                     "needs.care.informal_carers"};
constexpr const char* kLivingKeys[] = {"needs.living_well.repairs", "needs.living_well.safe_entrance", "needs.living_well.quiet",
                                       "needs.living_well.green"};
constexpr const char* kDayKeys[] = {"needs.day.mon", "needs.day.tue", "needs.day.wed", "needs.day.thu",
                                    "needs.day.fri", "needs.day.sat", "needs.day.sun"};
constexpr const char* kTimeKeys[] = {"needs.time.morning", "needs.time.afternoon", "needs.time.evening"};
constexpr const char* kHelpKeys[] = {"needs.help.childcare", "needs.help.wheelchair", "needs.help.hearing_loop",
                                     "needs.help.large_print", "needs.help.transport"};
constexpr const char* kInterpreterNames[] = {"Türkçe", "Polski", "Українська", "العربية", "English", ""};

struct NeedRow {
    std::string label;
    const char* icon;
    std::int64_t count;
};

const char* needIcon(NeedGroup group) {
    switch (group) {
        case NeedGroup::Meeting: return icon::Meeting;
        case NeedGroup::Care: return icon::Care;
        case NeedGroup::LivingWell: return icon::LivingWell;
        case NeedGroup::Days: return icon::Calendar;
        case NeedGroup::Times: return icon::Clock;
        case NeedGroup::Help: return icon::Support;
        case NeedGroup::Interpreter: break;
    }
    return icon::Comments;
}

// The options chosen at least once, most chosen first (equal counts keep the questions' order).
std::vector<NeedRow> needRows(const Ui& ui, const MeetingNeedSummary& needs) {
    std::vector<NeedRow> rows;
    for (const NeedGroup group : kAllNeedGroups)
        for (std::size_t option = 0; option < needOptions(group).size(); ++option)
            if (const std::int64_t count = needs.counts[needGroupIndex(group)][option]; count > 0)
                rows.push_back({needOptionLabel(ui, group, option), needIcon(group), count});
    std::stable_sort(rows.begin(), rows.end(), [](const NeedRow& a, const NeedRow& b) { return a.count > b.count; });
    return rows;
}

// "3,8": an average to one decimal, with the language's decimal mark.
std::string average(const Ui& ui, const PulseAspectTotal& total) {
    if (total.answers <= 0) return {};
    const std::int64_t tenths = (total.sum * 10 + total.answers / 2) / total.answers;
    return std::to_string(tenths / 10) + ui.tr("presenter.decimal_mark") + std::to_string(tenths % 10);
}

const char* pulseKey(PulseAspect aspect) {
    switch (aspect) {
        case PulseAspect::Meeting: return "pulse.aspect.meeting";
        case PulseAspect::Care: return "pulse.aspect.care";
        case PulseAspect::LivingWell: return "pulse.aspect.living_well";
        case PulseAspect::Clean: return "pulse.aspect.clean";
        case PulseAspect::Safe: break;
    }
    return "pulse.aspect.safe";
}

// A column's rows: icon and label on the start side, the number on the end side, a bar under them.
struct Row {
    std::string label;
    std::string value;
    double amount;
    double whole;
    Colour colour;
};

void drawRows(PresenterContext& ctx, float left, float right, float y, float bottom, const std::vector<Row>& rows) {
    Ui& ui = ctx.ui;
    ImDrawList* list = ImGui::GetWindowDrawList();
    if (rows.empty()) {
        presenterLine(list, ui.fonts.small, left, right, y, ui.colours.mutedText, ui.tr("presenter.heard.nothing_yet"));
        return;
    }
    const float barHeight = ui.mm(1.8f);
    const float rowHeight = ui.fonts.small->FontSize + ui.mm(0.6f) + barHeight + ui.mm(1.6f);
    for (const Row& row : rows) {
        if (y + rowHeight > bottom + ui.mm(2)) break;
        const float valueWidth = presenterLine(list, ui.fonts.small, left, right, y, ui.colours.text, row.value, true);
        if (rightToLeft())
            presenterLine(list, ui.fonts.small, left + valueWidth + ui.mm(2), right, y, ui.colours.text, row.label);
        else
            presenterLine(list, ui.fonts.small, left, right - valueWidth - ui.mm(2), y, ui.colours.text, row.label);
        const float barTop = y + ui.fonts.small->FontSize + ui.mm(0.6f);
        presenterBar(ctx, ImVec2(left, barTop), ImVec2(right, barTop + barHeight), row.amount, row.whole, row.colour);
        y += rowHeight;
    }
}

std::string withIcon(const char* iconText, const std::string& text) {
    return rightToLeft() ? text + "  " + iconText : std::string(iconText) + "  " + text;
}

}  // namespace

std::string needOptionLabel(const Ui& ui, NeedGroup group, std::size_t option) {
    const auto key = [&](std::span<const char* const> keys) { return option < keys.size() ? std::string(ui.tr(keys[option])) : std::string(); };
    switch (group) {
        case NeedGroup::Meeting: return key(kMeetingKeys);
        case NeedGroup::Care: return key(kCareKeys);
        case NeedGroup::LivingWell: return key(kLivingKeys);
        case NeedGroup::Days: return key(kDayKeys);
        case NeedGroup::Times: return key(kTimeKeys);
        case NeedGroup::Help: return key(kHelpKeys);
        case NeedGroup::Interpreter: break;
    }
    const std::string language = option < std::size(kInterpreterNames) && *kInterpreterNames[option]
                                     ? kInterpreterNames[option]
                                     : ui.tr("needs.interpreter.other");
    return ui.format("presenter.heard.interpreter", {{"language", language}});
}

void drawPresenterHeard(PresenterContext& ctx, ImVec2 min, ImVec2 max) {
    Ui& ui = ctx.ui;
    const PresenterView& view = ctx.view;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float top = presenterPanel(ctx, min, max, icon::Comments, ui.tr("presenter.heard.heading"));
    const float pad = ui.mm(4);
    const float gap = ui.mm(6);
    const float columnWidth = (max.x - min.x - 2 * pad - 2 * gap) / 3;
    const float bottom = max.y - pad;
    // Columns in reading order: from the right in a right-to-left language.
    const auto column = [&](int index) {
        const int place = rightToLeft() ? 2 - index : index;
        const float left = min.x + pad + static_cast<float>(place) * (columnWidth + gap);
        return std::pair(left, left + columnWidth);
    };
    // Each column's subheading in up to two lines; the rows of all three start under the tallest.
    std::int64_t ideas = 0, mostIdeas = 0;
    for (const std::int64_t count : view.ideasPerTheme) {
        ideas += count;
        mostIdeas = std::max(mostIdeas, count);
    }
    const std::string subheadings[3] = {ui.format("presenter.heard.ideas", {{"count", std::to_string(ideas)}}),
                                        ui.format("presenter.heard.needs", {{"count", std::to_string(view.needs.needs)}}),
                                        ui.format("presenter.heard.pulse", {{"count", std::to_string(view.pulse.pulses)}})};
    float subheadingHeight = 0;
    for (int i = 0; i < 3; ++i) {
        const auto [left, right] = column(i);
        subheadingHeight = std::max(subheadingHeight, presenterParagraph(list, ui.fonts.small, left, right, top, ui.colours.mutedText,
                                                                         subheadings[i], 2));
    }
    const float rowsTop = top + subheadingHeight + ui.mm(2.5f);

    {  // Ideas per theme
        const auto [left, right] = column(0);
        std::vector<Row> rows;
        for (std::size_t i = 0; i < kAllThemes.size(); ++i) {
            if (view.ideasPerTheme[i] <= 0) continue;
            rows.push_back({withIcon(themeIcon(kAllThemes[i]), ui.tr(themeLabelKey(kAllThemes[i]))), std::to_string(view.ideasPerTheme[i]),
                            static_cast<double>(view.ideasPerTheme[i]), static_cast<double>(mostIdeas), themeColour(kAllThemes[i])});
        }
        std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.amount > b.amount; });
        drawRows(ctx, left, right, rowsTop, bottom, rows);
    }
    {  // What residents need to take part
        const auto [left, right] = column(1);
        std::vector<Row> rows;
        for (const NeedRow& need : needRows(ui, view.needs))
            rows.push_back({withIcon(need.icon, need.label), std::to_string(need.count), static_cast<double>(need.count),
                            static_cast<double>(std::max<std::int64_t>(1, view.needs.needs)), ui.colours.primary});
        drawRows(ctx, left, right, rowsTop, bottom, rows);
    }
    {  // The pulse
        const auto [left, right] = column(2);
        std::vector<Row> rows;
        for (const PulseAspect aspect : kAllPulseAspects) {
            const PulseAspectTotal& total = view.pulse.total(aspect);
            const double mean = total.answers > 0 ? static_cast<double>(total.sum) / static_cast<double>(total.answers) : 0.0;
            const std::string score = average(ui, total);
            rows.push_back({ui.tr(pulseKey(aspect)), score.empty() ? "-" : ui.format("presenter.heard.score", {{"score", score}}), mean,
                            static_cast<double>(kPulseScoreMax), ui.colours.primary});
        }
        drawRows(ctx, left, right, rowsTop, bottom, rows);
    }
}

}  // namespace buurtstem::ui
