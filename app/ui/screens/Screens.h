// The kiosk's screens, one per file, each named after what the resident sees. A screen reads
// the view and its own draft, draws, and asks for the rest through Actions.
#pragma once

#include "../KioskState.h"
#include "../PresenterFeed.h"
#include "../Ui.h"
#include "../widgets/DragScrollList.h"
#include "../widgets/OnScreenKeyboard.h"
#include "../../platform/Textures.h"

#include <optional>

namespace buurtstem::ui {

// The neighbourhood map as KioskApp found it for the place step.
struct MapPicture {
    bool shown = false;  // = false // a map with places on it to draw; false: no map, or its picture cannot be read (the list alone)
    std::optional<platform::Texture> texture;  // = nullopt // none without a GPU (headless tests): a plain placeholder
};

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
    MapPicture map = {};  // = not shown // the neighbourhood map, filled for the place step only
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
// Initiative (bewonersinitiatief): what it is and how to check one, then the plan's own steps
// after the shared theme, text and place steps, then the shared contact step, review, thanks.
void drawInitiativeStart(ScreenContext& ctx);
void drawInitiativeWho(ScreenContext& ctx);      // when, for whom, how many neighbours help
void drawInitiativeBudget(ScreenContext& ctx);   // the budget lines and their total
void drawInitiativeSupport(ScreenContext& ctx);  // what the residents bring, which partners they want
void drawInitiativeReview(ScreenContext& ctx);
void drawInitiativeThanks(ScreenContext& ctx);
void drawInitiativeCheck(ScreenContext& ctx);    // "check my initiative" by its code
// Voting in the open budget round: the voting code, the ballot (approval, budget, points or
// ranking), the review, and the receipt.
void drawVoteCode(ScreenContext& ctx);
void drawBallot(ScreenContext& ctx);
void drawBallotReview(ScreenContext& ctx);
void drawBallotReceipt(ScreenContext& ctx);
void drawRoundResults(ScreenContext& ctx);  // the round that closed last (RoundResults.cpp)
void drawReceiptCheck(ScreenContext& ctx);
void drawFacilitatorPin(ScreenContext& ctx);   // Facilitator.cpp
// The PIN digits typed so far as dots, centred in `width` (the PIN pad and the set-up's PIN step).
void pinDots(ScreenContext& ctx, std::size_t typed, float width);
void drawFacilitatorHome(ScreenContext& ctx);
void drawAuditLog(ScreenContext& ctx);
void drawFacilitatorRounds(ScreenContext& ctx);  // every round's phase, and changing it
// A residents' evening (Evening*.cpp): run it, plan it, its dot vote, its minutes.
void drawEveningRun(ScreenContext& ctx);
void drawEveningPlan(ScreenContext& ctx);
void drawEveningVote(ScreenContext& ctx);
void drawEveningMinutes(ScreenContext& ctx);
// Paper ballots, for facilitators (PaperBallots.cpp): the round and its batches, typing a batch,
// and comparing its two entries.
void drawPaperBatches(ScreenContext& ctx);
void drawPaperEntry(ScreenContext& ctx);
void drawPaperCompare(ScreenContext& ctx);  // "was my vote counted?" by the receipt (RoundResults.cpp)
// Moderation (beoordelen), one file each: the queue, one item with its actions, and the screens
// for a reason to hide, a spelling correction, the idea to merge into, and the classification.
void drawModerationQueue(ScreenContext& ctx);
void drawModerationItem(ScreenContext& ctx);
void drawModerationHide(ScreenContext& ctx);
void drawModerationCorrect(ScreenContext& ctx);
void drawModerationMerge(ScreenContext& ctx);
void drawModerationClassify(ScreenContext& ctx);
// Translation keys of a Leefbaarometer dimension and of a reason to hide (ModerationItem.cpp).
const char* dimensionLabelKey(LiveabilityDimension dimension);
const char* hideReasonLabelKey(HideReason reason);  // "was my vote counted?" by the receipt (RoundResults.cpp)
void drawAuditLog(ScreenContext& ctx);  // "was my vote counted?" by the receipt (RoundResults.cpp)
// The set-up (instellingen), one step per screen (SetUpSteps.cpp, SetUpPlaces.cpp,
// SetUpStaffKey.cpp, SetUpFacilitator.cpp): shown while the kiosk has no facilitator, and later
// to the facilitator signed in. Nothing is stored before Finish on the summary.
void drawSetUpWelcome(ScreenContext& ctx);
void drawSetUpName(ScreenContext& ctx);
void drawSetUpPlaces(ScreenContext& ctx);
void drawSetUpLanguages(ScreenContext& ctx);
void drawSetUpIdle(ScreenContext& ctx);
void drawSetUpMaximum(ScreenContext& ctx);
void drawSetUpStaffKey(ScreenContext& ctx);
void drawSetUpFacilitator(ScreenContext& ctx);
void drawSetUpSummary(ScreenContext& ctx);
// Whether the set-up may show: while the kiosk has no facilitator, or to one signed in. Says
// "locked" otherwise.
bool setUpAllowed(ScreenContext& ctx);
// The height of a set-up button `width` wide with this icon and label: its label may wrap.
float setUpButtonHeight(const Ui& ui, const char* iconText, std::string_view label, float width);
// "Step 3 of 9" and the step's heading.
void setUpHeading(ScreenContext& ctx, ScreenId step, const char* headingKey);
// The step after `step`, for Next.
ScreenId nextSetUpStep(ScreenId step);
// Back and Next at the bottom of a step; Next goes on to the next step when `canGoOn`. Says
// whether Next was tapped (also when it could not go on, so the step can say why).
bool setUpButtons(ScreenContext& ctx, ScreenId step, bool canGoOn);
// Why a project of a counted round was or was not chosen, in the current language.
std::string projectExplanation(const Ui& ui, const BudgetRound& round, const tally::TallyResult& result, std::uint32_t project);
// How the round's votes were counted, in the current language.
std::string countingExplanation(const Ui& ui, const BudgetRound& round, const tally::TallyResult& result);
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

// "Looks like an idea that is already there" under the idea's text fields (SimilarIdeas.cpp):
// the approved ideas like the draft that fit in `room` pixels, the height of one row, and the
// rows themselves at the cursor, each with a button that opens the idea to support it instead.
std::vector<SimilarIdea> similarIdeasFitting(const ScreenContext& ctx, float room);
float similarIdeaRowHeight(const Ui& ui);
void drawSimilarIdeas(ScreenContext& ctx, const std::vector<SimilarIdea>& similar);

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
// The same with the reference code, large and boxed, under what was saved (ideas, initiatives).
struct ReferenceThanksText : ThanksText {
    const char* codeLabel;  // "this is your idea's code ..."
    std::string_view code;  // "K7P-3QX"
};
void referenceThanksScreen(ScreenContext& ctx, const ReferenceThanksText& text);

// Two buttons of equal width side by side at the bottom of the screen (or below the cursor when
// the content reaches lower): `secondary` on the side the text starts from, `primary` where it
// ends, as on every step. The specs' sizes are set here. Says which one was tapped.
struct ButtonPair {
    bool secondary = false;
    bool primary = false;
};
struct ButtonSpec;
ButtonPair bottomButtons(ScreenContext& ctx, ButtonSpec secondary, ButtonSpec primary);

// The on-screen keyboard at the bottom of the screen for typing a code (voting code, reference,
// receipt): Latin letters and digits in every language. Says whether the text changed and
// whether Done was tapped.
struct CodeKeys {
    bool edited = false;
    bool done = false;
};
CodeKeys codeKeyboard(ScreenContext& ctx, std::string& text, int maxCodePoints, const char* doneKey);

// "12 december 2026" style date of an idea, in the current language.
std::string ideaDate(const Ui& ui, const Idea& idea);
// The same for a moment in milliseconds since the Unix epoch (its day in UTC).
std::string dayMonthYear(const Ui& ui, std::uint64_t ms);

// A bar across `width` at the cursor, filled for `amount` of `whole` (from the right in a
// right-to-left interface); in the danger colour when the amount is more than the whole.
void amountBar(Ui& ui, float width, std::int64_t amount, std::int64_t whole);

// [SECTION] The presenter screen: a second window for the projector at a residents' evening.
// Nothing on it is touched (no widget is registered); large type, drawn straight into the
// window's draw list, each panel in the rectangle it is given.

struct PresenterContext {
    Ui& ui;
    const PresenterView& view;
    std::uint64_t nowMs = 0;  // the store's clock, for the agenda's timer
};

void drawPresenter(PresenterContext& ctx, ImVec2 size);  // the panels laid out (Presenter.cpp)
void drawPresenterAgenda(PresenterContext& ctx, ImVec2 min, ImVec2 max);
void drawPresenterResults(PresenterContext& ctx, ImVec2 min, ImVec2 max);
void drawPresenterHeard(PresenterContext& ctx, ImVec2 min, ImVec2 max);
// What an option of the meeting needs is called (PresenterHeard.cpp); an interpreter by its language.
std::string needOptionLabel(const Ui& ui, NeedGroup group, std::size_t option);
void drawPresenterDotVote(PresenterContext& ctx, ImVec2 min, ImVec2 max);

// Shared by the panels: a panel's card and heading; returns where its content starts (screen y).
float presenterPanel(PresenterContext& ctx, ImVec2 min, ImVec2 max, const char* iconText, const std::string& heading);
// One line of text between `left` and `right` at `y`, cut short to fit, on the side a line
// starts from (the right in a right-to-left interface), or the other side with `atEnd`.
// Returns the text's width.
float presenterLine(ImDrawList* list, ImFont* font, float left, float right, float y, Colour colour, const std::string& text,
                    bool atEnd = false);
// Text wrapped between `left` and `right` at `y` in at most `maxLines` lines (a longer one is
// cut short on one line), on the side lines start from. Returns the height used.
float presenterParagraph(ImDrawList* list, ImFont* font, float left, float right, float y, Colour colour, const std::string& text,
                         int maxLines);
// A bar from the start side filled for `value` of `whole` (none filled when whole is 0).
void presenterBar(PresenterContext& ctx, ImVec2 min, ImVec2 max, double value, double whole, Colour fill);

}  // namespace buurtstem::ui
