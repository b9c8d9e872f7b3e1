// MeetingNeedsScreen: the three steps of "what do you need to take part?" (meedoen) — the three
// questions (ontmoeting, zorg, fijn wonen), then days and time of day, then what helps to come
// (childcare, access, interpreter). Every answer is a toggle; every step may be skipped; Send on
// the last step needs one answer anywhere. Anonymous. Free text has its own step (MeetingNeedsNote).
#include "Screens.h"

#include "../Icons.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <span>
#include <string>
#include <vector>

namespace buurtstem::ui {

namespace {

// How an option shows: a translation key, or the language's own name (interpreter languages
// are shown as their speakers write them, like the language picker does), and an icon.
struct OptionLook {
    const char* text;
    bool translated;
    const char* icon;
};

// In the order of needOptions(group); checked when drawn.
constexpr OptionLook kMeetingLooks[] = {{"needs.meeting.place_to_meet", true, icon::Home},
                                        {"needs.meeting.activities", true, icon::Play},
                                        {"needs.meeting.coffee_morning", true, icon::Coffee},
                                        {"needs.meeting.neighbours_to_know", true, icon::Handshake}};
constexpr OptionLook kCareLooks[] = {{"needs.care.help_at_home", true, icon::Care},
                                     {"needs.care.someone_to_talk", true, icon::Comments},
                                     {"needs.care.health_info", true, icon::Stethoscope},
                                     {"needs.care.informal_carers", true, icon::Meeting}};
constexpr OptionLook kLivingLooks[] = {{"needs.living_well.repairs", true, icon::Wrench},
                                       {"needs.living_well.safe_entrance", true, icon::Lock},
                                       {"needs.living_well.quiet", true, icon::Quiet},
                                       {"needs.living_well.green", true, icon::Green}};
constexpr OptionLook kDayLooks[] = {{"needs.day.mon", true, icon::Calendar}, {"needs.day.tue", true, icon::Calendar},
                                    {"needs.day.wed", true, icon::Calendar}, {"needs.day.thu", true, icon::Calendar},
                                    {"needs.day.fri", true, icon::Calendar}, {"needs.day.sat", true, icon::Calendar},
                                    {"needs.day.sun", true, icon::Calendar}};
constexpr OptionLook kTimeLooks[] = {{"needs.time.morning", true, icon::Clock},
                                     {"needs.time.afternoon", true, icon::Clock},
                                     {"needs.time.evening", true, icon::Clock}};
constexpr OptionLook kHelpLooks[] = {{"needs.help.childcare", true, icon::Play},
                                     {"needs.help.wheelchair", true, icon::Wheelchair},
                                     {"needs.help.hearing_loop", true, icon::HearingLoop},
                                     {"needs.help.large_print", true, icon::TextSize},
                                     {"needs.help.transport", true, icon::Bus}};
constexpr OptionLook kInterpreterLooks[] = {{"Türkçe", false, icon::Interpreter},
                                            {"Polski", false, icon::Interpreter},
                                            {"Українська", false, icon::Interpreter},
                                            {"العربية", false, icon::Interpreter},
                                            {"English", false, icon::Interpreter},
                                            {"needs.interpreter.other", true, icon::Interpreter}};

std::span<const OptionLook> optionLooks(NeedGroup group) {
    switch (group) {
        case NeedGroup::Meeting: return kMeetingLooks;
        case NeedGroup::Care: return kCareLooks;
        case NeedGroup::LivingWell: return kLivingLooks;
        case NeedGroup::Days: return kDayLooks;
        case NeedGroup::Times: return kTimeLooks;
        case NeedGroup::Help: return kHelpLooks;
        case NeedGroup::Interpreter: break;
    }
    return kInterpreterLooks;
}

const char* groupHeadingKey(NeedGroup group) {
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

const char* groupIcon(NeedGroup group) {
    switch (group) {
        case NeedGroup::Meeting: return icon::Meeting;
        case NeedGroup::Care: return icon::Care;
        case NeedGroup::LivingWell: return icon::LivingWell;
        case NeedGroup::Days: return icon::Calendar;
        case NeedGroup::Times: return icon::Clock;
        case NeedGroup::Help: return icon::Info;
        case NeedGroup::Interpreter: break;
    }
    return icon::Interpreter;
}

std::string optionText(const Ui& ui, const OptionLook& look, bool selected) {
    // A check mark on a chosen option, so the choice does not rest on colour alone.
    return std::string(selected ? icon::Check : look.icon) + "  " + (look.translated ? ui.tr(look.text) : look.text);
}

std::string headingText(const Ui& ui, NeedGroup group) {
    return std::string(groupIcon(group)) + "  " + ui.tr(groupHeadingKey(group));
}

// A group's heading with its options in a grid under it.
struct GroupPlan {
    NeedGroup group = NeedGroup::Meeting;
    float width = 0;
    int columns = 1;
    int rows = 1;
    float cellHeight = 0;
    float headingHeight = 0;
    float height = 0;
};

GroupPlan planGroup(const Ui& ui, NeedGroup group, float width, int maxColumns) {
    const float gap = ui.metrics.gap();
    const float pad = ui.mm(3);  // TouchButton's inner margin on each side
    const std::span<const OptionLook> looks = optionLooks(group);
    const int count = static_cast<int>(looks.size());
    GroupPlan plan;
    plan.group = group;
    plan.width = width;
    // As many columns as keep every label on one line (a check mark is as wide as any icon);
    // in a single column, labels wrap.
    plan.columns = std::min(maxColumns, count);
    auto cellWidth = [&](int columns) { return (width - (columns - 1) * gap) / columns; };
    for (; plan.columns > 1; --plan.columns) {
        bool fits = true;
        for (const OptionLook& look : looks)
            fits = fits && measureText(ui.fonts.body, optionText(ui, look, false)).x <= cellWidth(plan.columns) - 2 * pad;
        if (fits) break;
    }
    float tallest = 0;
    for (const OptionLook& look : looks)
        tallest = std::max(tallest, measureText(ui.fonts.body, optionText(ui, look, false), cellWidth(plan.columns) - 2 * pad).y);
    plan.cellHeight = std::max(ui.metrics.touchMin(), tallest + ui.mm(4));
    plan.rows = (count + plan.columns - 1) / plan.columns;
    plan.headingHeight = measureText(ui.fonts.heading, headingText(ui, group), width).y;
    plan.height = plan.headingHeight + ui.mm(1.5f) + plan.rows * plan.cellHeight + (plan.rows - 1) * gap;
    return plan;
}

void drawGroup(ScreenContext& ctx, const GroupPlan& plan, ImVec2 origin) {
    Ui& ui = ctx.ui;
    const std::string heading = headingText(ui, plan.group);
    const ImVec2 headingSize = measureText(ui.fonts.heading, heading, plan.width);
    const float headingX = rightToLeft() ? origin.x + plan.width - headingSize.x : origin.x;
    drawText(ImGui::GetWindowDrawList(), ui.fonts.heading, ImVec2(headingX, origin.y), ui.colours.text, heading, plan.width);

    const std::span<const OptionLook> looks = optionLooks(plan.group);
    const std::span<const char* const> ids = needOptions(plan.group);
    IM_ASSERT(looks.size() == ids.size() && "one look per option, in needOptions order");
    const float gap = ui.metrics.gap();
    const ImVec2 cell((plan.width - (plan.columns - 1) * gap) / plan.columns, plan.cellHeight);
    const ImVec2 gridOrigin(origin.x, origin.y + plan.headingHeight + ui.mm(1.5f));
    for (std::size_t i = 0; i < looks.size() && i < ids.size(); ++i) {
        const bool selected = ctx.state.needs.isChosen(plan.group, i);
        const std::string id = std::string("#needs.") + needGroupId(plan.group) + "." + ids[i];
        const std::string label = optionText(ui, looks[i], selected);
        ImGui::SetCursorScreenPos(gridCell(gridOrigin, static_cast<int>(i), plan.columns, cell, gap));
        ButtonSpec spec;
        spec.id = id.c_str();
        spec.label = label.c_str();
        spec.size = cell;
        spec.kind = ButtonKind::Choice;
        spec.selected = selected;
        if (touchButton(ui, spec)) {
            ctx.state.needs.toggle(plan.group, i);
            ctx.state.needsProblemKey = nullptr;  // whatever went wrong, the resident is answering again
        }
    }
}

// The step's main button in the lower part of the screen, where a seated resident reaches it,
// with a line beside it: that the answers are anonymous, or what went wrong. Returns its top.
float bottomBar(ScreenContext& ctx, bool send) {
    Ui& ui = ctx.ui;
    const float left = ctx.contentMin.x;
    const float width = ctx.contentSize.x;
    const float bottom = ctx.contentMin.y + ctx.contentSize.y;
    const float gap = ui.metrics.gap();
    const bool mirrored = rightToLeft();
    auto place = [&](float x, float w) { return mirrored ? left + width - (x - left) - w : x; };

    const char* labelKey = send ? "needs.send" : "needs.next";
    // Forward points the way the text reads, as Back does in the top bar.
    const char* glyph = send ? icon::Send : rightToLeft() ? icon::Back : icon::Next;
    const std::string label = std::string(glyph) + "  " + ui.tr(labelKey);
    const float buttonWidth = std::min(width, std::max(ui.mm(80), measureText(ui.fonts.heading, label).x + ui.mm(16)));
    const bool problem = send && ctx.state.needsProblemKey != nullptr;
    const std::string side = problem ? std::string(icon::Warning) + "  " + ui.tr(ctx.state.needsProblemKey)
                                     : std::string(ui.tr("needs.anonymous"));
    const float sideWidth = width - buttonWidth - 2 * gap;
    const ImVec2 sideSize = measureText(ui.fonts.body, side, sideWidth);
    const float barHeight = std::max(ui.metrics.touchMain(), sideSize.y);
    const float barTop = bottom - barHeight;

    ImGui::SetCursorScreenPos(ImVec2(place(left, buttonWidth), barTop + (barHeight - ui.metrics.touchMain()) * 0.5f));
    bool tappedTooEarly = false;
    ButtonSpec button;
    button.id = labelKey;
    button.label = ui.tr(labelKey);
    button.icon = glyph;
    button.size = ImVec2(buttonWidth, ui.metrics.touchMain());
    button.kind = ButtonKind::Primary;
    if (send) {
        button.enabled = answeredCount(ctx.state.needs) > 0;
        button.tappedWhileDisabled = &tappedTooEarly;
    }
    if (touchButton(ui, button)) {
        if (send)
            ctx.actions.submitMeetingNeed = true;
        else
            ctx.actions.go = ctx.state.screen == ScreenId::MeetingNeeds ? ScreenId::MeetingNeedsNote
                                                                        : ScreenId::MeetingNeedsHelp;
    }
    if (tappedTooEarly) ctx.state.needsProblemKey = "needs.problem.none";

    const float sideX = place(left + buttonWidth + 2 * gap, sideWidth);
    const ImVec2 sidePos(mirrored ? sideX + sideWidth - sideSize.x : sideX, barTop + (barHeight - sideSize.y) * 0.5f);
    drawText(ImGui::GetWindowDrawList(), ui.fonts.body, sidePos, problem ? ui.colours.danger : ui.colours.mutedText,
             side, sideWidth);
    return barTop;
}

// One step: a heading, a help line when there is room for it, and its groups. `sideBySide`
// groups share the width; otherwise they are stacked. The groups sit right above the bar.
struct StepGroup {
    NeedGroup group;
    int maxColumns;
};

void drawStep(ScreenContext& ctx, const char* headingKey, const char* helpKey, std::span<const StepGroup> groups,
              bool sideBySide, bool send) {
    Ui& ui = ctx.ui;
    const float gap = ui.metrics.gap();
    const float width = ctx.contentSize.x;
    // The bar is drawn first, so the groups know where to stop; the heading starts at the top.
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float barTop = bottomBar(ctx, send);
    ImGui::SetCursorScreenPos(start);

    const int count = static_cast<int>(groups.size());
    // Side by side only while each group keeps a comfortable 60 mm.
    const bool across = sideBySide && (width - (count - 1) * 2 * gap) / count >= ui.mm(60);
    const float groupWidth = across ? (width - (count - 1) * 2 * gap) / count : width;
    std::vector<GroupPlan> plans;
    float blockHeight = 0;
    for (const StepGroup& g : groups) {
        plans.push_back(planGroup(ui, g.group, groupWidth, g.maxColumns));
        blockHeight = across ? std::max(blockHeight, plans.back().height)
                             : blockHeight + plans.back().height + (plans.size() > 1 ? 2 * gap : 0.0f);
    }

    screenHeading(ctx, ui.tr(headingKey));
    // The help line is an aid, not needed to answer: it goes first when room is short.
    const float helpHeight = measureText(ui.fonts.body, ui.tr(helpKey), width).y + ImGui::GetStyle().ItemSpacing.y;
    if (ImGui::GetCursorScreenPos().y + helpHeight + blockHeight + 2 * gap <= barTop) screenText(ctx, ui.tr(helpKey), true);

    // Groups side by side share one heading height and one option height, so their rows line up.
    if (across) {
        float heading = 0;
        float cell = 0;
        for (const GroupPlan& plan : plans) {
            heading = std::max(heading, plan.headingHeight);
            cell = std::max(cell, plan.cellHeight);
        }
        blockHeight = 0;
        for (GroupPlan& plan : plans) {
            const int groupRows = plan.rows;
            plan.height += heading - plan.headingHeight + (cell - plan.cellHeight) * static_cast<float>(groupRows);
            plan.headingHeight = heading;
            plan.cellHeight = cell;
            blockHeight = std::max(blockHeight, plan.height);
        }
    }
    // Room to spare makes the options taller, up to the size of a main action: easier to hit,
    // and the groups do not sit far below their question.
    const float room = barTop - 2 * gap - (ImGui::GetCursorScreenPos().y + gap) - blockHeight;
    if (room > 0) {
        int rows = 0;
        for (const GroupPlan& plan : plans) {
            const int groupRows = plan.rows;
            rows = across ? std::max(rows, groupRows) : rows + groupRows;
        }
        blockHeight = 0;
        for (GroupPlan& plan : plans) {
            const int groupRows = plan.rows;
            const float grow = std::min(std::max(0.0f, ui.metrics.touchMain() - plan.cellHeight), room / static_cast<float>(rows));
            plan.cellHeight += grow;
            plan.height += grow * static_cast<float>(groupRows);
            blockHeight = across ? std::max(blockHeight, plan.height) : blockHeight + plan.height + (blockHeight > 0 ? 2 * gap : 0.0f);
        }
    }
    const float top = std::max(ImGui::GetCursorScreenPos().y + gap, barTop - 2 * gap - blockHeight);
    float y = top;
    for (int i = 0; i < count; ++i) {
        if (across) {
            const ImVec2 at = gridCell(ImVec2(ctx.contentMin.x, top), i, count, ImVec2(groupWidth, blockHeight), 2 * gap);
            drawGroup(ctx, plans[i], at);
        } else {
            drawGroup(ctx, plans[i], ImVec2(ctx.contentMin.x, y));
            y += plans[i].height + 2 * gap;
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, std::max(top + blockHeight, barTop)));
    ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace

void drawMeetingNeeds(ScreenContext& ctx) {
    constexpr StepGroup groups[] = {{NeedGroup::Meeting, 1}, {NeedGroup::Care, 1}, {NeedGroup::LivingWell, 1}};
    drawStep(ctx, "needs.heading", "needs.intro", groups, true, false);
}

void drawMeetingNeedsPractical(ScreenContext& ctx) {
    constexpr StepGroup groups[] = {{NeedGroup::Days, 7}, {NeedGroup::Times, 3}};
    drawStep(ctx, "needs.practical.heading", "needs.practical.help", groups, false, false);
}

void drawMeetingNeedsHelp(ScreenContext& ctx) {
    constexpr StepGroup groups[] = {{NeedGroup::Help, 1}, {NeedGroup::Interpreter, 2}};
    drawStep(ctx, "needs.come.heading", "needs.come.help", groups, true, true);
}

}  // namespace buurtstem::ui
