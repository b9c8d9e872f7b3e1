// The kiosk's screen state: which screen shows, what the resident is typing, and the view of
// stored data the screens read. Screens change drafts directly and ask for everything else
// (navigation, saving) through Actions; only KioskApp touches storage.
#pragma once

#include "../core/AuditLog.h"
#include "../core/Evening.h"
#include "../core/Idea.h"
#include "../core/Initiative.h"
#include "../core/KioskSetup.h"
#include "../core/MeetingNeed.h"
#include "../core/Moderation.h"
#include "../core/round/BudgetRound.h"
#include "../core/round/PaperBallots.h"
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
                      FacilitatorPin, FacilitatorHome, AuditLog, FacilitatorRounds,
                      EveningRun, EveningPlan, EveningVote, EveningMinutes,
                      PaperBatches, PaperEntry, PaperCompare,
                      ModerationQueue, ModerationItem, ModerationHide, ModerationCorrect, ModerationMerge, ModerationClassify,

                      SetUpWelcome, SetUpName, SetUpPlaces, SetUpLanguages, SetUpIdle, SetUpMaximum, SetUpStaffKey,
                      SetUpFacilitator, SetUpSummary };

struct ScreenInfo {
    ScreenId id;
    const char* name;      // for `buurtstem screenshot --screen NAME`
    const char* titleKey;  // translation key of the title in the top bar
};

inline constexpr std::array<ScreenInfo, 56> kScreens = {{
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
    {ScreenId::FacilitatorRounds, "rounds", "screen.rounds.title"},
    // A residents' evening: run it (check-ins, agenda, report), plan it, its dot vote, its minutes.
    {ScreenId::EveningRun, "evening", "screen.evening.title"},
    {ScreenId::EveningPlan, "evening-plan", "screen.evening_plan.title"},
    {ScreenId::EveningVote, "evening-vote", "screen.evening_vote.title"},
    {ScreenId::EveningMinutes, "evening-minutes", "screen.evening_minutes.title"},
    // Paper ballots: choose the round and the batch, type the ballots, compare the two entries.
    {ScreenId::PaperBatches, "paper-batches", "screen.paper_batches.title"},
    {ScreenId::PaperEntry, "paper-entry", "screen.paper_entry.title"},
    {ScreenId::PaperCompare, "paper-compare", "screen.paper_compare.title"},
    // Moderation (beoordelen): the queue of new ideas and initiatives, one item, and what can be
    // done with it.
    {ScreenId::ModerationQueue, "moderation-queue", "screen.moderation_queue.title"},
    {ScreenId::ModerationItem, "moderation-item", "screen.moderation_item.title"},
    {ScreenId::ModerationHide, "moderation-hide", "screen.moderation_hide.title"},
    {ScreenId::ModerationCorrect, "moderation-correct", "screen.moderation_correct.title"},
    {ScreenId::ModerationMerge, "moderation-merge", "screen.moderation_merge.title"},
    {ScreenId::ModerationClassify, "moderation-classify", "screen.moderation_classify.title"},
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
// Behind the facilitator's PIN (the PIN pad itself included): no idle question, a lock after kFacilitatorLockSeconds.
bool isFacilitatorScreen(ScreenId id);
std::optional<ScreenId> screenByName(std::string_view name);

// The round whose results were published last, and its count.
struct PublishedRound {
    BudgetRound round;
    std::int64_t ballots = 0;             // = 0
    std::optional<RoundOutcome> outcome;  // = nullopt // nullopt: it could not be counted (Equal Shares and nobody voted)
};

// A round as the facilitator's rounds screen lists it.
struct RoundStatus {
    BudgetRound round;
    RoundPhase phase = RoundPhase::Preparing;  // = Preparing // at the last refresh
    std::int64_t ballots = 0;                  // = 0
};

// A new idea or initiative waiting for a facilitator, with the listed words it holds.
struct QueuedIdea {
    Idea idea;
    std::vector<std::string> flagged;  // = {} // words of the moderation lists found in its title or text
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
    std::optional<PublishedRound> publishedRound;  // = nullopt // the round whose results were published last (of those that closed last)
    std::vector<RoundStatus> rounds;     // every round, by opening time, for the facilitator
    std::optional<BudgetRound> submissionRound;  // = nullopt // the first round taking residents' initiatives now
    bool initiativesOpen = true;         // = true // residents may propose an initiative: no rounds at all, or one takes proposals
    std::vector<BudgetRound> paperRounds;   // rounds paper ballots can be entered for (opened); read when a facilitator opens them
    std::vector<PaperBatch> paperBatches;   // the batches of the round chosen for paper ballots
    bool hasFacilitator = false;       // = false // false: the kiosk shows the set-up until one is added
    std::vector<std::string> languagesOffered = {"nl", "en", "tr", "pl", "uk", "ar"};  // the resident's language picker shows these
    std::optional<KioskPreferences> preferences;  // = nullopt // as the set-up stored them; nullopt before it finished once
    std::optional<StaffKeyBytes> staffKey;  // = nullopt // contacts are sealed to it; none: contacts cannot be kept
    std::vector<AuditEntry> auditLog;  // newest first; read when a facilitator opens the log, not at every refresh
    AuditCheck auditCheck;             // the chain checked at the same moment
    bool presenterShown = false;       // = false // the presenter window is open (a setting of this run, not stored)
    // The residents' evening that runs now (KioskStore::currentEveningId: today's, else the next,
    // else the last), for the facilitator's evening screens and the presenter screen. Its plan and
    // agenda are currentEvening->evening; the agenda item that runs is runningItem, since
    // runningSinceMs (the store's clock); people in: checkInCount; the dot vote dots go to now:
    // openDotVote(), its options and counts in options and dots. nullopt: no evening planned.
    std::optional<EveningSummary> currentEvening;
    std::string eveningReportFolder;   // where "Make report" writes: the data folder's reports/ ("" in memory: a temporary folder)
    std::vector<QueuedIdea> moderationQueue;  // new ideas and initiatives, oldest first
    std::optional<Idea> moderated;            // = nullopt // the item open for moderation, whatever its status
    ModerationRecord moderatedRecord;         // what facilitators decided about it so far
    std::vector<std::string> moderatedFlags;  // listed words in it
    const Idea* findIdea(std::string_view id) const;
    const InitiativePlan* findPlan(std::string_view ideaId) const;
};

// Which field of the evening screens the on-screen keyboard types into; None: put away.
enum class EveningField { None, Title, Date, Time, Place, ItemTitle, ItemMinutes, Postcode, Question, Option,
                          DecisionText, ActionWho, ActionWhat, ActionDue, NextDate, NextTime, NextPlace };
enum class MinutesPart { Decisions, Actions, Next };

// The facilitator's drafts on the evening screens: the plan being edited, the check-in's street
// or postcode, a new dot vote, and the next lines of the minutes. Texts as typed.
struct EveningDesk {
    Evening plan;                        // the plan on EveningPlan (a copy of the current one, or a new one)
    std::string planDate, planTime;      // "2026-11-28", "19:30"
    std::vector<std::string> planMinutes;  // each agenda item's minutes, parallel to plan.agenda
    EveningField focus = EveningField::None;  // = None
    std::size_t index = 0;               // = 0 // the agenda item or option `focus` is about
    bool showProblems = false;           // = false // set once the facilitator tried to save
    std::string street;                  // = "" // the street for the next check-in, from the places
    std::string postcode;                // = "" // the postcode for the next check-in, as typed
    std::string question;                // a new dot vote
    std::vector<std::string> options = {"", ""};
    MinutesPart minutesPart = MinutesPart::Decisions;  // = Decisions
    std::string decision, decisionIdeaId;
    std::string actionWho, actionWhat, actionDue;
    std::string nextDate, nextTime = "19:30", nextPlace;
    const char* problemKey = nullptr;    // what the last action could not do
    const char* doneKey = nullptr;       // what the last action did
    std::string reportWhere;             // the files "Make report" wrote, said on screen
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
    std::string confirmRound;            // the round that action is for, when it is a round's
    const char* doneKey = nullptr;       // what the last action did, said on the facilitator's start screen
};

// Paper ballots (papieren stemmen): a facilitator types one batch, ballot by ballot.
struct PaperFlow {
    std::string roundId;                 // the round chosen; "" = choose one first
    std::string batch;                   // the batch's name, typed or picked
    bool naming = false;                 // = false // the keyboard types a new batch's name
    std::vector<BallotDraft> ballots;    // typed so far, in the order of the stack
    std::size_t current = 0;             // = 0 // the ballot on screen; ballots.size() for a new one
    BallotDraft draft;                   // the ballot on screen
    std::optional<std::uint32_t> focus;  // = nullopt // the project a points ballot's - and + act on
    BallotRefusal refusal = BallotRefusal::None;
    bool correction = false;             // = false // correcting this facilitator's own stored entry
    const char* problemKey = nullptr;    // why the batch could not be saved or opened
    std::optional<PaperBatch> result;    // = nullopt // the batch as it stands after saving
};

// Which field of the moderation screens the keyboard or the numeric pad edits; None: put away.
enum class ModerationField { None, Title, Body, HideNote, Cost, Feasibility };

// A facilitator moderating one item: what is chosen and typed on its screens before it is saved.
struct ModerationFlow {
    std::string ideaId;                        // the item open on the moderation screens
    std::optional<HideReason> hideReason;      // = nullopt // chosen on the hide screen
    std::string hideNote;                      // typed for Other
    std::string title;                         // the correction being typed
    std::string body;
    std::string mergeInto;                     // the approved idea chosen to merge into
    Classification classification;             // as set on the classify screen
    std::string costText;                      // the cost estimate as typed on the pad ("1250,50")
    ModerationField focus = ModerationField::None;  // = None
    const char* problemKey = nullptr;          // why the last save did not go through
    const char* doneKey = nullptr;             // what the last action did, said on the queue and the item
    bool confirmMerge = false;                 // = false // merge was tapped once; a second tap merges
    std::size_t classifyTab = 0;               // = 0 (theme) // which part of the classification shows
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
    ModerationFlow moderation;      // the item a facilitator is moderating
    SetUpFlow setUp;                // the set-up's draft, while it shows
    VoteFlow vote;                  // the ballot of the open round; wiped by the idle reset
    EveningDesk evening;            // the facilitator's evening drafts; wiped by the idle reset (which locks)
    PaperFlow paper;                // a facilitator's paper ballot entry; wiped (locked) with the rest
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

// A facilitator's change of a round's phase, asked for on the rounds screen.
struct RoundPhaseRequest {
    std::string roundId;
    PhaseChange change = PhaseChange::OpenSubmissions;
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
    std::optional<RoundPhaseRequest> roundPhase;  // facilitator: open or close proposals or voting, publish results
    bool quit = false;             // facilitator: close Buurtstem
    bool openAuditLog = false;     // facilitator: read and check the audit log, and show it
    bool togglePresenter = false;  // facilitator: open or close the presenter window (projector)
    bool openEvening = false;      // facilitator: the evening screen
    bool editEvening = false;      // facilitator: plan the current evening (or a new one when there is none)
    bool saveEvening = false;      // facilitator: save state.evening.plan
    bool eveningCheckIn = false;   // facilitator: +1 in, with state.evening's street or postcode
    std::optional<std::size_t> startAgendaItem;  // facilitator: this agenda item runs from now
    bool openDotVote = false;      // facilitator: start state.evening's question and options
    std::optional<std::size_t> giveDot;  // facilitator: one dot to this option of the open vote
    bool closeDotVote = false;
    bool addDecision = false;      // facilitator: add state.evening.decision to the minutes
    bool addAction = false;        // facilitator: add the action item typed
    bool saveNextEvening = false;  // facilitator: the next evening's date, time and place
    bool makeEveningReport = false;  // facilitator: the PDF and .ics into the reports folder
    bool openPaper = false;        // facilitator: paper ballots, starting with the round (or its batches)
    std::optional<std::string> choosePaperRound;  // facilitator: the round paper ballots are for
    std::optional<std::string> openPaperBatch;    // facilitator: enter this batch (again), or correct one's own entry
    bool startPaperBatch = false;  // facilitator: a new batch named state.paper.batch
    bool savePaperBatch = false;   // facilitator: the batch is complete (or the correction done): store and compare
    std::optional<std::size_t> correctPaperBallot;  // facilitator: open one's own entry at this ballot to correct it
    bool openModerationQueue = false;        // facilitator: the new ideas and initiatives waiting
    std::optional<std::string> openModeration;  // facilitator: moderate this idea
    bool approveModerated = false;           // facilitator: approve state.moderation's item
    bool hideModerated = false;              // ... hide it with the chosen reason
    bool correctModerated = false;           // ... save the corrected title and text
    bool mergeModerated = false;             // ... merge it into state.moderation.mergeInto
    bool classifyModerated = false;          // ... save the classification
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
