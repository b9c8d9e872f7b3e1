// The kiosk's screen state: which screen shows, what the resident is typing, and the view of
// stored data the screens read. Screens change drafts directly and ask for everything else
// (navigation, saving) through Actions; only KioskApp touches storage.
#pragma once

#include "../core/AuditLog.h"
#include "../core/Idea.h"
#include "../core/Initiative.h"
#include "../core/KioskSetup.h"
#include "../core/MeetingNeed.h"
#include "../core/round/BudgetRound.h"
#include "../core/round/RoundTally.h"
#include "../core/Pulse.h"
#include "../core/Place.h"
#include "../core/Similarity.h"

#include <array>
#include <filesystem>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem::ui {

enum class ScreenId { Attract, Home, IdeaTheme, IdeaText, IdeaPlace, IdeaContact, IdeaReview, IdeaThanks, IdeaList, IdeaDetail, Pulse, PulseThanks,
                      MeetingNeeds, MeetingNeedsPractical, MeetingNeedsHelp, MeetingNeedsThanks, MeetingNeedsNote,
                      InitiativeStart, InitiativeWho, InitiativeBudget, InitiativeSupport, InitiativeReview, InitiativeThanks,
                      InitiativeCheck, VoteCode, Ballot, BallotReview, BallotReceipt, RoundResults, ReceiptCheck,
                      FacilitatorPin, FacilitatorHome, AuditLog,
                      SetUpWelcome, SetUpName, SetUpPlaces, SetUpLanguages, SetUpIdle, SetUpMaximum, SetUpStaffKey,
                      SetUpFacilitator, SetUpSummary };

struct ScreenInfo {
    ScreenId id;
    const char* name;      // for `buurtstem screenshot --screen NAME`
    const char* titleKey;  // translation key of the title in the top bar
};

inline constexpr std::array<ScreenInfo, 42> kScreens = {{
    {ScreenId::Attract, "attract", "screen.attract.title"},
    {ScreenId::Home, "home", "screen.home.title"},
    {ScreenId::IdeaTheme, "idea-theme", "screen.idea_theme.title"},
    {ScreenId::IdeaText, "idea-text", "screen.idea_text.title"},
    {ScreenId::IdeaPlace, "idea-place", "screen.idea_place.title"},
    {ScreenId::IdeaContact, "idea-contact", "screen.idea_contact.title"},
    {ScreenId::IdeaReview, "idea-review", "screen.idea_review.title"},
    {ScreenId::IdeaThanks, "idea-thanks", "screen.idea_thanks.title"},
    {ScreenId::IdeaList, "ideas", "screen.ideas.title"},
    {ScreenId::IdeaDetail, "idea-detail", "screen.idea_detail.title"},
    {ScreenId::Pulse, "pulse", "screen.pulse.title"},
    {ScreenId::PulseThanks, "pulse-thanks", "screen.pulse_thanks.title"},
    {ScreenId::MeetingNeeds, "needs", "screen.needs.title"},
    {ScreenId::MeetingNeedsNote, "needs-note", "screen.needs_note.title"},
    {ScreenId::MeetingNeedsPractical, "needs-practical", "screen.needs_practical.title"},
    {ScreenId::MeetingNeedsHelp, "needs-help", "screen.needs_help.title"},
    {ScreenId::MeetingNeedsThanks, "needs-thanks", "screen.needs_thanks.title"},
    // An initiative shares the idea's theme, text, place and contact screens (IdeaFlow::initiative).
    {ScreenId::InitiativeStart, "initiative-start", "screen.initiative_start.title"},
    {ScreenId::InitiativeWho, "initiative-who", "screen.initiative_who.title"},
    {ScreenId::InitiativeBudget, "initiative-budget", "screen.initiative_budget.title"},
    {ScreenId::InitiativeSupport, "initiative-support", "screen.initiative_support.title"},
    {ScreenId::InitiativeReview, "initiative-review", "screen.initiative_review.title"},
    {ScreenId::InitiativeThanks, "initiative-thanks", "screen.initiative_thanks.title"},
    {ScreenId::InitiativeCheck, "initiative-check", "screen.initiative_check.title"},
    // Voting in an open budget round: the code, the ballot, the review, the receipt.
    {ScreenId::VoteCode, "vote-code", "screen.vote_code.title"},
    {ScreenId::Ballot, "ballot", "screen.ballot.title"},
    {ScreenId::BallotReview, "ballot-review", "screen.ballot_review.title"},
    {ScreenId::BallotReceipt, "ballot-receipt", "screen.ballot_receipt.title"},
    // The outcome of the round that closed last, with every project's explanation.
    {ScreenId::RoundResults, "results", "screen.results.title"},
    {ScreenId::ReceiptCheck, "receipt-check", "screen.receipt_check.title"},
    // Facilitators: the PIN pad (a long press in the top left corner of the start screens opens
    // it) and their own start screen.
    {ScreenId::FacilitatorPin, "facilitator-pin", "screen.facilitator_pin.title"},
    {ScreenId::FacilitatorHome, "facilitator", "screen.facilitator.title"},
    {ScreenId::AuditLog, "audit-log", "screen.audit_log.title"},
    // The set-up (instellingen): shown by itself while the kiosk has no facilitator, and from the
    // facilitator's start screen later. One step per screen, in this order.
    {ScreenId::SetUpWelcome, "setup-welcome", "screen.setup.title"},
    {ScreenId::SetUpName, "setup-name", "screen.setup.title"},
    {ScreenId::SetUpPlaces, "setup-places", "screen.setup.title"},
    {ScreenId::SetUpLanguages, "setup-languages", "screen.setup.title"},
    {ScreenId::SetUpIdle, "setup-idle", "screen.setup.title"},
    {ScreenId::SetUpMaximum, "setup-maximum", "screen.setup.title"},
    {ScreenId::SetUpStaffKey, "setup-key", "screen.setup.title"},
    {ScreenId::SetUpFacilitator, "setup-facilitator", "screen.setup.title"},
    {ScreenId::SetUpSummary, "setup-summary", "screen.setup.title"},
}};

// The set-up's steps in order, for Next and for "step 3 of 9".
inline constexpr std::array<ScreenId, 9> kSetUpSteps = {ScreenId::SetUpWelcome, ScreenId::SetUpName, ScreenId::SetUpPlaces,
                                                        ScreenId::SetUpLanguages, ScreenId::SetUpIdle, ScreenId::SetUpMaximum,
                                                        ScreenId::SetUpStaffKey, ScreenId::SetUpFacilitator, ScreenId::SetUpSummary};
bool isSetUpScreen(ScreenId id);

// The newest audit log entries the facilitator's log screen lists.
inline constexpr std::size_t kAuditEntriesShown = 200;

// Facilitator screens lock (back to the attract screen) after this long without a touch.
inline constexpr double kFacilitatorLockSeconds = 180.0;
// How long a finger rests in the top left corner of the attract or start screen to open the PIN pad.
inline constexpr double kFacilitatorPressSeconds = 2.0;
inline constexpr float kFacilitatorCornerMm = 20.0f;

const ScreenInfo& screenInfo(ScreenId id);
std::optional<ScreenId> screenByName(std::string_view name);

// The round that closed last and its count.
struct ClosedRound {
    BudgetRound round;
    std::int64_t ballots = 0;             // = 0
    std::optional<RoundOutcome> outcome;  // = nullopt // nullopt: it could not be counted (Equal Shares and nobody voted)
};

// What screens read from storage; refreshed after every write, never per frame.
struct KioskView {
    std::string neighbourhood;
    std::vector<Idea> ideas;  // approved ideas, newest first
    std::vector<std::string> places;  // the neighbourhood's named places, for "where is it?"
    SimilarIdeaIndex similarIdeas;  // the words of `ideas`, for "is there one like it?" while a resident types
    std::vector<std::optional<MapPoint>> placeSpots;  // where each of `places` is on the map; nullopt: in the list only
    std::string mapImage;  // the neighbourhood map's file name in the maps folder; "" = no map
    std::map<std::string, InitiativePlan> plans;  // the plan of every initiative in `ideas`, by idea id
    std::int64_t initiativeMaximumCents = kInitiativeDefaultMaximumCents;  // the facilitator's maximum per initiative
    std::optional<BudgetRound> openRound;  // = nullopt // the round residents can vote in now (the first, if several)
    std::optional<ClosedRound> closedRound;  // = nullopt // the round whose voting ended last, with its results
    bool hasFacilitator = false;       // = false // false: the kiosk shows the set-up until one is added
    std::vector<std::string> languagesOffered = {"nl", "en", "tr", "pl", "uk", "ar"};  // the resident's language picker shows these
    std::optional<KioskPreferences> preferences;  // = nullopt // as the set-up stored them; nullopt before it finished once
    std::optional<StaffKeyBytes> staffKey;  // = nullopt // contacts are sealed to it; none: contacts cannot be kept
    std::vector<AuditEntry> auditLog;  // newest first; read when a facilitator opens the log, not at every refresh
    AuditCheck auditCheck;             // the chain checked at the same moment
    const Idea* findIdea(std::string_view id) const;
    const InitiativePlan* findPlan(std::string_view ideaId) const;
};

// Which contact field the on-screen keyboard types into; None: the keyboard is put away.
enum class ContactField { None, Name, Address };

// Which field of an initiative's later steps the keyboard or the numeric pad edits; None: both put away.
enum class PlanField { None, When, LineDescription, LineAmount, OwnMoney, OwnInKind };

// The parts of an initiative beyond the idea: the budget editor and the contribution step.
struct InitiativeSteps {
    InitiativePlan plan;
    PlanField focus = PlanField::None;   // = None
    std::size_t line = 0;                // = 0 // the budget line being edited, while focus is a Line* field
    std::string amountText;              // the amount as typed on the pad ("125,50"), for the focused amount
    bool showProblems = false;           // = false // set once the resident tried to go on from the current step
};

// Voting in the open round: the code typed, the ballot being filled in, what was refused.
struct VoteFlow {
    std::string typedCode;               // as typed, any case, with or without dashes
    const char* codeProblemKey = nullptr;  // why the code was not accepted (unknown, used, wait)
    bool codeAccepted = false;           // = false // the ballot is open for this code
    BallotDraft ballot;
    std::optional<std::uint32_t> focus;  // = nullopt // the project a points ballot's - and + act on
    BallotRefusal refusal = BallotRefusal::None;  // the last tap that was refused, said under the list
    const char* saveProblemKey = nullptr;  // the vote could not be saved
    std::string receipt;                 // shown on the receipt screen
};

// A facilitator's way in: the PIN being typed, why the last one did not open, and who is in.
struct FacilitatorAccess {
    std::string typedPin;                // digits only; never stored
    const char* problemKey = nullptr;    // wrong PIN, wait, cannot check
    double waitUntil = 0;                // = 0 // ui seconds until a PIN may be tried again
    std::string label;                   // the facilitator whose PIN opened the screens; "" = locked
    const char* confirmKey = nullptr;    // the action waiting for a second tap ("facilitator.quit", ...)
    const char* doneKey = nullptr;       // what the last action did, said on the facilitator's start screen
};

// Which text field of the set-up the keyboard types into; None: put away.
enum class SetUpField { None, Name, Place, Label };
// Where the facilitator step is: what to do (in the later set-up), the label, then the PINs.
enum class SetUpPinStage { Choose, Label, OldPin, NewPin, Again, Done };
enum class SetUpFacilitatorPlan { Keep, Add, ChangePin };

// The set-up's draft: read from storage when it opens, stored only by Finish.
struct SetUpFlow {
    bool firstStart = false;             // = false // no facilitator yet: the kiosk opened the set-up by itself
    std::string name;                    // the neighbourhood's name
    std::vector<Place> places;           // in the residents' order, with their spots when the neighbourhood has a map
    std::string map;                     // the map picture's file name; kept for the places that keep their names
    std::string placeTyped;              // a new place being typed
    std::optional<std::size_t> selectedPlace;  // = nullopt // the place whose up, down and remove buttons show
    SetUpField focus = SetUpField::None; // = None
    KioskPreferences preferences;        // languages offered and idle times
    std::string maximumText;             // the maximum per initiative as typed on the pad ("5000")
    std::vector<std::filesystem::path> keyFiles;  // candidate key files found in the data folder and on USB sticks
    std::optional<std::size_t> keyFile;  // = nullopt // the file tapped
    std::optional<StaffKeyBytes> key;    // = nullopt // its key, when it is one
    const char* keyProblemKey = nullptr; // why the tapped file is not a key
    bool keySkipped = false;             // = false // go on without a (new) staff key
    SetUpFacilitatorPlan plan = SetUpFacilitatorPlan::Add;  // = Add
    SetUpPinStage stage = SetUpPinStage::Label;  // = Label
    std::string label;                   // the new facilitator's name
    std::string oldPin;                  // digits only; never stored, wiped after Finish
    std::string pin;
    std::string pinAgain;
    const char* problemKey = nullptr;    // said on the current step
};

// "Was my vote counted?": the receipt typed on the results screen and the answer.
struct ReceiptCheck {
    std::string typed;                   // as typed, any case, with or without the dash
    bool looked = false;                 // = false // the resident asked; `counted` is the answer
    bool counted = false;                // = false // a ballot of the closed round has this receipt
};

// "Check my initiative": the code typed and what was found.
struct ReferenceCheck {
    std::string typed;                   // as typed, any case, with or without the dash
    bool looked = false;                 // = false // the resident asked; `found` is the answer
    std::optional<Idea> found;           // nullopt: no idea or initiative has this code
};

struct IdeaFlow {
    IdeaDraft draft;
    IdeaField focus = IdeaField::Title;  // which field the keyboard types into
    bool showProblems = false;           // = false // set once the resident tried to go on
    ContactField contactFocus = ContactField::None;  // = None // the contact step opens with the keyboard away
    bool showContactProblem = false;     // = false // set once the resident tried to go on from the contact step
    const char* saveProblemKey = nullptr;  // translated message when saving failed
    std::string submittedReference;      // shown on the thank-you screen
    bool initiative = false;             // = false // an initiative: the shared steps lead on to the plan's steps
    InitiativeSteps steps;               // the plan, when `initiative`
};

// True when the resident has entered anything of an initiative's plan.
bool planHasInput(const InitiativePlan& plan);

struct KioskState {
    ScreenId screen = ScreenId::Attract;
    std::vector<ScreenId> history;  // for Back
    IdeaFlow idea;
    std::string selectedIdeaId;     // the idea shown on IdeaDetail
    std::optional<Theme> ideaFilter;  // = nullopt (all themes) // the theme chip chosen above the list of ideas
    std::set<std::string> supportedIdeaIds;  // ideas supported in this visit: once each, until the idle reset
    const char* supportProblemKey = nullptr;  // message under "I support this" when saving failed
    PulseDraft pulse;               // the faces tapped so far
    bool pulseGiven = false;        // = false // sent in this visit: one pulse per visit, until the idle reset
    const char* pulseProblemKey = nullptr;  // message under the faces: nothing chosen yet, or cannot save
    ReferenceCheck check;           // "check my initiative"
    ReceiptCheck receipt;           // "was my vote counted?"
    FacilitatorAccess facilitator;  // wiped with everything else by the idle reset: that locks
    SetUpFlow setUp;                // the set-up's draft, while it shows
    VoteFlow vote;                  // the ballot of the open round; wiped by the idle reset
    MeetingNeedDraft needs;         // what the resident chose in the meeting-needs steps so far
    const char* needsProblemKey = nullptr;  // message beside Send: nothing chosen yet, or cannot save
    std::size_t needsNoteQuestion = 0;  // = 0 (meeting) // which of kNeedQuestions the keyboard types a note for
    bool needsGiven = false;        // = false // sent in this visit: once per visit like the pulse, until the idle reset
    bool languagePickerOpen = false;
    bool largeText = false;
    bool highContrast = false;

    bool hasDraft() const {
        return !idea.draft.title.empty() || !idea.draft.body.empty() || idea.draft.themeChosen || !idea.draft.place.empty() ||
               idea.draft.hasContact() || idea.draft.contactConsent || answeredCount(pulse) > 0 ||
               answeredCount(needs) > 0 || planHasInput(idea.steps.plan) || !check.typed.empty() ||
               !vote.typedCode.empty() || !vote.ballot.projects.empty();
    }
};

// What a screen can ask for. KioskApp carries these out after the frame is drawn.
struct Actions {
    std::optional<ScreenId> go;  // push the current screen and show this one
    bool back = false;
    bool home = false;
    bool startIdea = false;      // a fresh draft, then the theme screen
    bool startInitiative = false;  // a fresh initiative draft, then the theme screen
    bool submitInitiative = false;
    bool checkReference = false;   // look up state.check.typed
    bool checkReceipt = false;     // look up state.receipt.typed among the closed round's ballots
    bool tryPin = false;           // check state.facilitator.typedPin
    bool lockFacilitator = false;  // facilitator: lock, back to the attract screen
    bool closeRound = false;       // facilitator: end voting in the open round now
    bool quit = false;             // facilitator: close Buurtstem
    bool openAuditLog = false;     // facilitator: read and check the audit log, and show it
    bool openSetUp = false;        // facilitator: the set-up (instellingen) with the stored values
    bool findKeyFiles = false;     // set-up: look for key files again
    std::optional<std::size_t> chooseKeyFile;  // set-up: read this one of state.setUp.keyFiles
    bool finishSetUp = false;      // set-up: store everything
    bool checkVotingCode = false;  // check state.vote.typedCode for the open round
    bool castBallot = false;       // confirm state.vote.ballot
    bool submitIdea = false;
    bool submitPulse = false;
    bool submitMeetingNeed = false;
    bool restart = false;        // leave the attract screen
    std::optional<std::string> openIdea;  // show this idea's detail
    std::optional<std::string> supportIdea;  // "I support this" on this idea
    std::optional<std::string> setLanguage;
    bool toggleLargeText = false;
    bool toggleHighContrast = false;
    bool openLanguagePicker = false;
    bool closeLanguagePicker = false;
};

}  // namespace buurtstem::ui
