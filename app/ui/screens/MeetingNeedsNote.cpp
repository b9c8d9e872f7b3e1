// MeetingNeedsNote: the optional step after the three questions (meedoen) — a few words of the
// resident's own on one of them, typed on the on-screen keyboard. Skip drops them; Next keeps them.
#include "Screens.h"

#include "../Icons.h"
#include "../widgets/TextField.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <iterator>
#include <string>

namespace buurtstem::ui {

namespace {

// In kNeedQuestions order; the same headings and icons as the questions on the step before, so
// the resident recognises which question the words belong to.
struct QuestionLook {
    const char* id;  // test id of the tab
    const char* headingKey;
    const char* icon;
};
constexpr QuestionLook kQuestionLooks[] = {{"#needs.note.meeting", "needs.group.meeting", icon::Meeting},
                                           {"#needs.note.care", "needs.group.care", icon::Care},
                                           {"#needs.note.living_well", "needs.group.living_well", icon::LivingWell}};
static_assert(std::size(kQuestionLooks) == kNeedQuestions.size(), "one tab per question that takes free text");

std::string tabText(const Ui& ui, const QuestionLook& look) { return std::string(look.icon) + "  " + ui.tr(look.headingKey); }

}  // namespace

void drawMeetingNeedsNote(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    KioskState& state = ctx.state;
    const std::size_t question = std::min(state.needsNoteQuestion, kNeedQuestions.size() - 1);
    std::string& note = state.needs.notes[question];

    const float width = ctx.contentSize.x;
    const float gap = ui.metrics.gap();
    const float lineHeight = ui.fonts.body->FontSize;
    const float keyboardHeight = ctx.keyboard.height(ui);
    const float keyboardTop = ctx.contentMin.y + ctx.contentSize.y - keyboardHeight;

    screenHeading(ctx, ui.tr("needs.note.heading"));

    // [Tabs] Which question the words are for; one row, labels wrap rather than shrink the targets.
    const float pad = ui.mm(3);  // TouchButton's inner margin on each side
    const int count = static_cast<int>(std::size(kQuestionLooks));
    const float tabWidth = (width - (count - 1) * gap) / count;
    float tabHeight = ui.metrics.touchMin();
    for (const QuestionLook& look : kQuestionLooks)
        tabHeight = std::max(tabHeight, measureText(ui.fonts.body, tabText(ui, look), tabWidth - 2 * pad).y + ui.mm(4));

    // Skip sits in a row above the keyboard with the reminder not to write a name beside it.
    const std::string skipLabel = ui.tr("needs.note.skip");
    const float skipWidth = std::min(width / 2, std::max(ui.mm(50), measureText(ui.fonts.heading, skipLabel).x + ui.mm(12)));
    const float hintWidth = width - skipWidth - 2 * gap;
    const ImVec2 hintSize = measureText(ui.fonts.body, ui.tr("needs.note.help"), hintWidth);
    const float rowHeight = std::max(ui.metrics.touchMin(), hintSize.y);

    // The text box takes what is left, from one line to four: the note is short (200 letters).
    const float labelHeight = lineHeight + ui.mm(1) + gap;
    const float tabsTop = ImGui::GetCursorScreenPos().y + ui.mm(1);
    const float left = keyboardTop - gap - rowHeight - gap - labelHeight - gap - (tabsTop + tabHeight + gap);
    const float fieldHeight = std::clamp(left, lineHeight + ui.mm(6), 4 * lineHeight + ui.mm(6));

    for (int i = 0; i < count; ++i) {
        const QuestionLook& look = kQuestionLooks[i];
        const std::string label = tabText(ui, look);
        ImGui::SetCursorScreenPos(gridCell(ImVec2(ctx.contentMin.x, tabsTop), i, count, ImVec2(tabWidth, tabHeight), gap));
        ButtonSpec tab;
        tab.id = look.id;
        tab.label = label.c_str();
        tab.size = ImVec2(tabWidth, tabHeight);
        tab.kind = ButtonKind::Choice;
        tab.selected = static_cast<std::size_t>(i) == question;
        if (touchButton(ui, tab)) state.needsNoteQuestion = static_cast<std::size_t>(i);
    }
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, tabsTop + tabHeight + gap));

    TextFieldSpec field;
    field.id = "#needs.note";
    field.label = ui.tr("needs.note.label");
    field.placeholder = ui.tr("needs.note.placeholder");
    field.text = &note;
    field.height = fieldHeight;
    field.focused = true;  // the only field: the keyboard always types here
    field.maxCodePoints = kNeedNoteMax;
    textField(ui, field);

    const float rowTop = std::max(ImGui::GetCursorScreenPos().y, keyboardTop - gap - rowHeight);
    const bool mirrored = rightToLeft();
    const float skipX = mirrored ? ctx.contentMin.x + width - skipWidth : ctx.contentMin.x;
    ImGui::SetCursorScreenPos(ImVec2(skipX, rowTop + (rowHeight - ui.metrics.touchMin()) * 0.5f));
    ButtonSpec skip;
    skip.id = "needs.note.skip";
    skip.label = skipLabel.c_str();
    skip.size = ImVec2(skipWidth, ui.metrics.touchMin());
    skip.kind = ButtonKind::Secondary;
    bool goOn = false;
    if (touchButton(ui, skip)) {
        // Skip means "nothing of my own": words typed here are not sent. Back keeps them instead.
        for (std::string& text : state.needs.notes) text.clear();
        goOn = true;
    }
    const float hintX = mirrored ? ctx.contentMin.x + hintWidth - hintSize.x : ctx.contentMin.x + skipWidth + 2 * gap;
    drawText(ImGui::GetWindowDrawList(), ui.fonts.body, ImVec2(hintX, rowTop + (rowHeight - hintSize.y) * 0.5f),
             ui.colours.mutedText, ui.tr("needs.note.help"), hintWidth);

    // The keyboard's own Next key goes on, as on the idea form.
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, keyboardTop));
    KeyboardOptions options;
    options.maxCodePoints = kNeedNoteMax;
    options.doneKey = "osk.next";
    options.native = lettersFor(ui.translator->language().code);
    if (ctx.keyboard.draw(ui, note, options, width) == KeyboardEvent::Done) goOn = true;
    if (goOn) ctx.actions.go = ScreenId::MeetingNeedsPractical;
}

}  // namespace buurtstem::ui
