// The kiosk's screens, one per file, each named after what the resident sees. A screen reads
// the view and its own draft, draws, and asks for the rest through Actions.
#pragma once

#include "../KioskState.h"
#include "../Ui.h"
#include "../widgets/DragScrollList.h"
#include "../widgets/OnScreenKeyboard.h"

namespace buurtstem::ui {

struct ScreenContext {
    Ui& ui;
    const KioskView& view;
    KioskState& state;
    Actions& actions;
    OnScreenKeyboard& keyboard;
    DragScrollList& ideaList;    // keeps its place while the resident opens and closes ideas
    DragScrollList& pageScroll;  // for a screen whose content may be taller than the screen; reset on every change of screen
    ImVec2 contentMin;   // top-left of the area below the top bar (padding included)
    ImVec2 contentSize;  // its size
};

void drawAttractScreen(ScreenContext& ctx);
void drawHomeScreen(ScreenContext& ctx);
void drawThemePicker(ScreenContext& ctx);
void drawIdeaForm(ScreenContext& ctx);
void drawIdeaPlace(ScreenContext& ctx);
void drawIdeaContact(ScreenContext& ctx);
void drawIdeaReview(ScreenContext& ctx);
void drawIdeaThanks(ScreenContext& ctx);
void drawIdeaList(ScreenContext& ctx);
void drawIdeaDetail(ScreenContext& ctx);
void drawPulseScreen(ScreenContext& ctx);
void drawPulseThanks(ScreenContext& ctx);
// Meeting needs (meedoen): the three questions, a note, the days and times, what helps to come, thanks.
void drawMeetingNeeds(ScreenContext& ctx);
void drawMeetingNeedsNote(ScreenContext& ctx);  // optional: a few words of their own
void drawMeetingNeedsPractical(ScreenContext& ctx);
void drawMeetingNeedsHelp(ScreenContext& ctx);
void drawMeetingNeedsThanks(ScreenContext& ctx);
// Overlay: the list of languages, each in its own name.
void drawLanguagePicker(ScreenContext& ctx);

// [SECTION] Small pieces several screens share

// A screen heading in the heading font, wrapped to the content width.
void screenHeading(ScreenContext& ctx, const char* text);
// A paragraph of body text, wrapped to the content width.
void screenText(ScreenContext& ctx, std::string_view text, bool muted = false);
// A translated message about a problem, in the danger colour with a warning icon.
void problemText(ScreenContext& ctx, const char* text);
// An idea as a card: theme line, title, text (and below it `footer`, e.g. the reference).
// cardHeight() says how tall drawCard() will be at `width`.
struct CardContent {
    Theme theme = Theme::Other;
    std::string_view title;
    std::string_view body;
    std::string_view footer;
};
float cardHeight(const Ui& ui, const CardContent& card, float width);
void drawCard(Ui& ui, ImDrawList* list, ImVec2 min, float width, const CardContent& card);
// Shows a card in ctx.pageScroll between the cursor and `bottom` (screen y), scrolled by dragging.
void scrollingCard(ScreenContext& ctx, const CardContent& card, float bottom);

// Where cell `index` of a grid starts: rows top to bottom, columns in reading order (from the
// right in a right-to-left interface).
ImVec2 gridCell(ImVec2 origin, int index, int columns, ImVec2 cellSize, float gap);

// A thank-you screen: a check mark and heading, what was saved, what happens next, and a Done
// button at the bottom that goes home. Keys are translation keys.
struct ThanksText {
    const char* heading;
    const char* saved;
    const char* nextHeading;
    const char* next;
    const char* done;  // also the button's id
};
void thanksScreen(ScreenContext& ctx, const ThanksText& text);

// "12 december 2026" style date of an idea, in the current language.
std::string ideaDate(const Ui& ui, const Idea& idea);

}  // namespace buurtstem::ui
