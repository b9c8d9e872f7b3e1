// KioskStore: the kiosk's database. Every change goes through one write path that appends an
// insert-only event (unique per kiosk id and sequence number, with a UUID and an HLC stamp) and
// applies its effect to the read tables in the same transaction. The read tables can always be
// rebuilt from the events alone.
#pragma once

#include "../app/core/AuditLog.h"
#include "../app/core/Bundle.h"
#include "../app/core/Evening.h"
#include "../app/core/Event.h"
#include "../app/core/Idea.h"
#include "../app/core/Initiative.h"
#include "../app/core/InitiativeProgress.h"
#include "../app/core/KioskSetup.h"
#include "../app/core/MeetingNeed.h"
#include "../app/core/Moderation.h"
#include "../app/core/Place.h"
#include "../app/core/Pulse.h"
#include "../app/core/Result.h"
#include "../app/core/round/BudgetRound.h"
#include "../app/core/round/PaperBallots.h"

#include "RoundShare.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem::storage {

inline constexpr int kSchemaVersion = 19;  // PRAGMA user_version this build writes
// The newest schema whose events this build's bundles and round shares may hold, in their
// headers. It rises with kSchemaVersion only for a step that changes what events hold: a step
// that only changes how the tables are kept must not make an office that has not upgraded yet
// refuse the bundles of a kiosk that has.
inline constexpr int kEventsSchemaVersion = 17;
static_assert(kEventsSchemaVersion <= kSchemaVersion);
inline constexpr const char* kDatabaseFileName = "buurtstem.sqlite";
// Written next to the database by addDemoNeighbourhood, so the demo's sealed contacts can be
// opened in tests and demonstrations. A real kiosk never holds the staff's secret key.
inline constexpr const char* kDemoStaffSecretKeyFileName = "demo-staff-secret.key";
inline constexpr const char* kDemoVotingCodesFileName = "demo-voting-codes.txt";
inline constexpr const char* kDemoFacilitatorPinFileName = "demo-facilitator-pin.txt";
inline constexpr std::size_t kStaffKeyBytes = 32;  // crypto_box_PUBLICKEYBYTES and SECRETKEYBYTES
using StaffKey = std::array<std::uint8_t, kStaffKeyBytes>;

// Milliseconds since the Unix epoch; replaceable in tests.
using WallClock = std::function<std::uint64_t()>;

struct StoreOptions {
    WallClock clock;               // = system clock when empty
    std::int64_t maxPageCount = 0; // = 0 (no limit) // caps the database file (PRAGMA max_page_count);
                                   // tests use it to run into a full disk
    bool mapForReading = false;    // = false // read through a memory map (PRAGMA mmap_size): the
                                   // office's long lists read a third faster. An I/O error while
                                   // reading then stops the program instead of returning an error,
                                   // so kiosks and every writer leave it off
    std::size_t largeMergeBytes = std::size_t{16} << 20;  // = 16 MiB // bundles from this size on
                                   // merge under the rollback journal instead of WAL (importBundles)
};

// One initiative as staff follow it (KioskStore::initiativePipeline).
struct InitiativeRow {
    Idea idea;                      // as residents see it (corrected text), whatever its status
    InitiativePlan plan;
    InitiativeProgress progress;    // stage derived (submitted, reviewed) until staff set one
    ModerationRecord moderation;
    std::string mergedIntoReference;  // = "" // the reference of moderation.mergedInto, when merged
    std::string kioskId;            // the kiosk it was submitted at
    std::string neighbourhood;      // the latest name that kiosk gave; "" when it gave none
};

// The pulse of one local month (Europe/Amsterdam on a Dutch kiosk), per aspect.
struct PulseMonth {
    int year = 1970;                                          // = 1970
    int month = 1;                                            // = 1 // 1..12
    std::array<double, kPulseAspectCount> average{};          // = all 0 // of the answers; 0 without any
    std::array<std::int64_t, kPulseAspectCount> count{};      // = all 0 // pulses that scored the aspect
};

class KioskStore {
public:
    // Opens (or creates) <dataDir>/buurtstem.sqlite: WAL, synchronous=FULL, foreign keys on,
    // busy timeout; runs pending migrations, and after an upgrade rebuilds the read tables, so
    // events an older build kept but did not understand take effect. Errors: NotADatabase (file is not SQLite or is
    // corrupt; it is left untouched), NewerSchema (user_version above kSchemaVersion; left
    // untouched), DataDirUnusable, StorageFailure.
    static Result<std::unique_ptr<KioskStore>> open(const std::filesystem::path& databaseFile,
                                                    StoreOptions options = {});
    // A private in-memory database, for tests and screenshots.
    static Result<std::unique_ptr<KioskStore>> openInMemory(StoreOptions options = {});

    ~KioskStore();
    KioskStore(const KioskStore&) = delete;
    KioskStore& operator=(const KioskStore&) = delete;

    const std::string& kioskId() const;
    int schemaVersion() const;

    // [SECTION] Writes (each one event, one transaction)
    // Validates, assigns id and reference code, records idea.submitted. A contact is sealed to
    // the staff's public key first: only the sealed box is stored, never the name or address.
    // Errors: InvalidInput (also "no staff key" when there is a contact and no key is set),
    // StorageFull, StorageReadOnly, StorageFailure. Nothing is stored on error.
    Result<Idea> submitIdea(const IdeaDraft& draft, bool demo = false);
    // Validates against initiativeMaximumCents(), assigns id and reference code, seals the
    // contact (required here) and records initiative.submitted. The initiative is an Idea of kind
    // Initiative from then on: it waits for approval like an idea, and shows in visibleIdeas()
    // once approved. Errors: InvalidInput (also "no staff key"), StorageFull, StorageReadOnly,
    // StorageFailure. Nothing is stored on error.
    Result<Idea> submitInitiative(const InitiativeDraft& draft, bool demo = false);
    // Records neighbourhood.initiative_maximum_set: the most one initiative may ask for.
    // Errors: InvalidInput (not above 0, or above kInitiativeMaximumCeilingCents), StorageFull,
    // StorageReadOnly, StorageFailure.
    Result<void> setInitiativeMaximum(std::int64_t cents);
    // Records pulse.given with the draft's scores (0 = skipped). Errors: InvalidInput (nothing
    // answered, or a score outside 0..5), StorageFull, StorageReadOnly, StorageFailure. Nothing
    // is stored on error.
    Result<void> givePulse(const PulseDraft& draft);
    // Records meeting_need.given with the draft's choices and trimmed notes. Errors: InvalidInput
    // (nothing answered, a bad note or choice), StorageFull, StorageReadOnly, StorageFailure.
    // Nothing is stored on error.
    Result<void> giveMeetingNeed(const MeetingNeedDraft& draft);
    // Records idea.approved: residents see the idea from now on. For tests now and the
    // moderation screen later. Errors: NotFound (no such idea; nothing stored), StorageFull,
    // StorageReadOnly, StorageFailure.
    Result<void> approveIdea(const std::string& ideaId);
    // Records idea.supported (one "I support this") and returns the idea with its new count.
    // Once per visit is the screen's rule; storage counts every tap it is given. Errors: NotFound
    // (no approved idea with this id; nothing stored), StorageFull, StorageReadOnly, StorageFailure.
    Result<Idea> supportIdea(const std::string& ideaId);
    // Records neighbourhood.named: the neighbourhood this kiosk serves (no longer the demo).
    // Errors: InvalidInput (empty after trimming, longer than kNeighbourhoodNameMax code points, or
    // more than one line), StorageFull, StorageReadOnly, StorageFailure.
    Result<void> setNeighbourhoodName(const std::string& name);
    // Records neighbourhood.places_set: the named places residents choose from. Errors:
    // InvalidInput (an empty, repeated or unreadable name), StorageFull, StorageReadOnly, StorageFailure.
    // The list replaces the earlier one and, having no map, also the earlier map.
    Result<void> setPlaces(const std::vector<std::string>& places);
    // Records neighbourhood.places_set with the neighbourhood map: the places in the order residents
    // see them, each with its spot on the map or none (then it is in the list only), and the map
    // image's file name in the assets' maps folder ("" for no map, when no place has a spot).
    // Errors: InvalidInput (a name as for setPlaces, a map name isValidMapImageName refuses, a spot
    // off the map or without a map), StorageFull, StorageReadOnly, StorageFailure.
    Result<void> setPlacesOnMap(const std::vector<Place>& places, const std::string& mapImage);
    // Stores the key contacts are sealed to (a kiosk setting, not an event: see Migrations.cpp).
    // Errors: StorageFull, StorageReadOnly, StorageFailure.
    Result<void> setStaffPublicKey(const StaffKey& publicKey);
    // The settings the set-up chose for this kiosk (languages offered, idle times); nullopt until
    // it finished once. A kiosk setting, not an event (kiosk_settings, migration 12).
    std::optional<KioskPreferences> kioskPreferences() const;
    // Errors: InvalidInput (validatePreferences), StorageFull, StorageReadOnly, StorageFailure.
    Result<void> setKioskPreferences(const KioskPreferences& preferences);
    // Fills an empty kiosk with the demo neighbourhood (name, places, ideas and initiatives already
    // approved) and a demo staff key pair: the public key is stored, the secret key written to
    // <data dir>/demo-staff-secret.key (mode 0600; not for in-memory stores). Returns the
    // number of ideas added, initiatives included (they are listed as ideas); 0 when the kiosk
    // already holds ideas, a name or a maximum per initiative (the demo never mixes into real data).
    Result<int> addDemoNeighbourhood();
    // A staff key pair for a kiosk filled with made-up data (`buurtstem simulate`), made as the
    // demo makes its own: the public key is stored, the secret key written to
    // <data dir>/demo-staff-secret.key (mode 0600; not for in-memory stores). Returns false and
    // changes nothing when the kiosk has a staff key already. Errors: StorageFull,
    // StorageReadOnly, StorageFailure.
    Result<bool> addDemoStaffKey();

    // [SECTION] Moderation (beoordelen), each one event; approveIdea is above
    // Records idea.hidden: residents no longer see the idea. `note` is required for Other and
    // refused otherwise. Errors: InvalidInput (validateHide), NotFound (no such idea, or it was
    // merged), StorageFull, StorageReadOnly, StorageFailure.
    Result<void> hideIdea(const std::string& ideaId, HideReason reason, const std::string& note = "");
    // Records idea.corrected with the trimmed text and returns the idea as residents now see it.
    // The text as submitted is kept (moderation()). Errors: InvalidInput (the title and text rules
    // of validateIdea), NotFound, StorageFull, StorageReadOnly, StorageFailure.
    Result<Idea> correctIdea(const std::string& ideaId, const std::string& title, const std::string& body);
    // Records idea.merged: `fromId` joins the approved idea `intoId`, its supports are added there,
    // both reference codes lead there (ideaByReference) and `fromId` no longer shows. Returns the
    // idea merged into. Errors: InvalidInput (the same idea, or `intoId` not approved), NotFound
    // (either idea unknown or already merged), StorageFull, StorageReadOnly, StorageFailure.
    Result<Idea> mergeIdea(const std::string& fromId, const std::string& intoId);
    // Records idea.classified (the theme is changed for residents too; partners are put in list
    // order). Errors: InvalidInput (validateClassification), NotFound, StorageFull,
    // StorageReadOnly, StorageFailure.
    Result<void> classifyIdea(const std::string& ideaId, const Classification& classification);
    // New ideas and initiatives waiting for a facilitator, oldest first.
    std::vector<Idea> moderationQueue() const;
    // Any idea by its id, whatever its status; nullopt when unknown.
    std::optional<Idea> idea(const std::string& ideaId) const;
    // What facilitators decided about the idea (empty when nothing).
    ModerationRecord moderation(const std::string& ideaId) const;

    // [SECTION] Staff: the initiative pipeline and the office's reads
    // Records initiative.progress_set: the whole progress of one initiative (updatedMs is set from
    // the event's clock). Errors: InvalidInput (validateProgress; the detail lists every problem),
    // NotFound (no idea with this id, or it is an idea, not an initiative), StorageFull,
    // StorageReadOnly, StorageFailure. Nothing is stored on error.
    Result<void> setInitiativeProgress(const InitiativeProgress& progress);
    // The progress of one initiative as initiativePipeline derives it; nullopt for an unknown id or an idea.
    std::optional<InitiativeProgress> initiativeProgress(const std::string& ideaId) const;
    // Every initiative, whatever its status, by created hlc then id. Until staff set a stage it is
    // submitted, or reviewed once a facilitator approved, hid or classified it. Reads a fixed
    // number of queries, however many initiatives there are.
    std::vector<InitiativeRow> initiativePipeline() const;
    // The same rows one at a time, for lists too long to hold (the office's export of 100,000):
    // `visit` may take the row's strings. False on a storage failure (lastReadError() says why),
    // after the rows visited so far.
    bool eachInitiative(const std::function<void(InitiativeRow&)>& visit) const;
    // Every idea and initiative, whatever its status (merged ones too), by created hlc then id.
    std::vector<Idea> allIdeas() const;
    // Every idea with what facilitators decided, its kiosk and its kiosk's neighbourhood, in the
    // order of allIdeas(); a fixed number of queries, for exports. `sealedContacts`, when given,
    // is filled in parallel with the base64 sealed contact ("" for none), for staff who hold the key.
    struct IdeaRow {
        Idea idea;
        ModerationRecord moderation;
        std::string mergedIntoReference;  // = "" // the reference of moderation.mergedInto, when merged
        std::string kioskId;
        std::string neighbourhood;
    };
    std::vector<IdeaRow> ideaRows(std::vector<std::string>* sealedContacts = nullptr) const;
    // The same rows one at a time, for lists too long to hold (the office's export of 200,000 ideas):
    // `visit` gets the row and its base64 sealed contact ("" for none, and always "" unless
    // `withSealedContacts`), and may take their strings. False on a storage failure
    // (lastReadError() says why), after the rows visited so far.
    bool eachIdeaRow(const std::function<void(IdeaRow&, std::string& sealedContact)>& visit, bool withSealedContacts = false) const;
    // Kiosk id -> the latest neighbourhood name that kiosk gave (neighbourhood.named), for every
    // kiosk whose events this database holds and that named one.
    std::map<std::string, std::string> kioskNeighbourhoods() const;
    // The pulse trend: per local month, oldest first, months without a pulse left out. With a
    // neighbourhood, only pulses given at kiosks whose latest name is that one.
    std::vector<PulseMonth> pulseByMonth(const std::string& neighbourhood = "") const;
    // The meeting-needs summary of the kiosks whose latest name is `neighbourhood` ("" = all).
    MeetingNeedSummary meetingNeedSummary(const std::string& neighbourhood) const;
    // The newest event's clock (ms since the epoch), 0 without events: a moment that depends only
    // on the data, for files that must come out the same every time.
    std::uint64_t newestEventMs() const;

    // [SECTION] Facilitators (kiosk settings, not events)
    bool hasFacilitator() const;
    std::vector<std::string> facilitatorLabels() const;  // oldest first
    // Adds a facilitator with a PIN, kept only as its Argon2id hash. Errors: InvalidInput (the
    // label or PIN rules of app/core/FacilitatorPin.h, a label or PIN another facilitator has),
    // StorageFull, StorageReadOnly, StorageFailure.
    Result<void> addFacilitator(const std::string& label, std::string_view pin);
    // Gives the facilitator `label` a new PIN, when `oldPin` is theirs. Errors: NotFound (no such
    // facilitator), InvalidInput (the old PIN is wrong, the new one breaks the rules or is another
    // facilitator's), StorageFull, StorageReadOnly, StorageFailure. Nothing changes on error.
    Result<void> changeFacilitatorPin(const std::string& label, std::string_view oldPin, std::string_view newPin);
    enum class PinOutcome { Unlocked, Wrong, Wait, NoFacilitator, StorageProblem };
    struct PinAttempt {
        PinOutcome outcome = PinOutcome::Wrong;  // = Wrong
        std::string label;                       // Unlocked: whose PIN it was
        std::uint64_t waitMs = 0;                // = 0 // Wrong, Wait: until the next PIN may be tried
    };
    // Checks a typed PIN against every facilitator's. Wrong PINs in a row are counted in the
    // database (pinWaitMs in app/core/FacilitatorPin.h); while a wait runs, no PIN is checked.
    // A right PIN clears the count. StorageProblem when the count cannot be read or written:
    // then nothing opens.
    PinAttempt tryPin(std::string_view pin);
    std::uint64_t pinWait() const;  // milliseconds until a PIN may be tried; 0 now
    // The demo's facilitator "Demo" with a random PIN: returned, and for a kiosk on disk also
    // written to <data dir>/demo-facilitator-pin.txt (mode 0600). "" when there is a facilitator
    // already. Errors: those of addFacilitator.
    Result<std::string> addDemoFacilitator();

    // [SECTION] Budget rounds (budgetronde)
    // Validates and records round.saved (a new id when round.id is empty). The first save also
    // makes the key the round's voting codes are hashed with, a setting of this kiosk. Errors:
    // InvalidInput (validateRound, or the round has ballots and more than its closing time
    // changed: what residents voted on stays), StorageFull, StorageReadOnly, StorageFailure.
    // Nothing is stored on error.
    Result<BudgetRound> saveRound(BudgetRound round);
    std::vector<BudgetRound> rounds() const;  // by opening time
    std::optional<BudgetRound> round(const std::string& roundId) const;
    // The rounds whose voting window holds this moment (the store's clock), by opening time.
    std::vector<BudgetRound> openRounds() const;
    // This moment by the store's clock (milliseconds since the Unix epoch): what opens and closes rounds.
    std::uint64_t clockMs() const;
    // The rounds whose voting has ended, the most recently ended first (published or not).
    std::vector<BudgetRound> closedRounds() const;
    // Ends voting now: changeRoundPhase with CloseVotingNow. Errors: those of changeRoundPhase.
    Result<BudgetRound> closeRound(const std::string& roundId);
    // A facilitator's change of phase (app/core/round/BudgetRound.h: changePhase says what fits
    // when): round.phases_set, and for opening or ending voting now round.saved with the window
    // opening or closing at this moment. Returns the round as it now is. Errors: NotFound, InvalidInput (the change
    // does not fit the round's phase; the detail says why), StorageFull, StorageReadOnly,
    // StorageFailure. Nothing is stored on error.
    Result<BudgetRound> changeRoundPhase(const std::string& roundId, PhaseChange change);
    // Draws `count` new voting codes and records only their keyed hashes (voting_codes.issued).
    // The plain codes are returned once, for printing; nothing keeps them. Errors: NotFound (no
    // such round, or this kiosk has no key for it), InvalidInput (count 0 or above 10,000, or a
    // round voted at an evening), StorageFull, StorageReadOnly, StorageFailure.
    Result<std::vector<std::string>> issueVotingCodes(const std::string& roundId, std::size_t count);
    enum class CodeState { NotACode, Unknown, Valid, Used, Voided };
    // What a typed code is for this round, for the kiosk's plain message before a ballot opens.
    CodeState votingCodeState(const std::string& roundId, std::string_view typedCode) const;
    // Records voting_code.voided (a lost card). Errors: NotFound (not a code of this round),
    // InvalidInput (already used or voided), StorageFull, StorageReadOnly, StorageFailure.
    Result<void> voidVotingCode(const std::string& roundId, std::string_view typedCode);
    // How many codes the round has had, for the facilitator's overview. Zeros for an unknown round.
    struct CodeCounts {
        std::int64_t issued = 0;  // = 0 // every code ever issued, the used and voided ones included
        std::int64_t used = 0;    // = 0 // a ballot was cast with it
        std::int64_t voided = 0;  // = 0 // a lost card, or cards that were never printed
    };
    CodeCounts votingCodeCounts(const std::string& roundId) const;
    // Records ballot.cast and returns its receipt code. Checks that the round exists (NotFound),
    // is open at this moment, that the ballot fits the round (validateBallot), and for a round
    // by codes that the code is valid here; an evening's round takes no code (the facilitator
    // unlocks each ballot on the screen). These are InvalidInput with the reason in the detail.
    // The code is marked used in the same transaction. Nothing is stored on error.
    Result<std::string> castBallot(const std::string& roundId, const BallotDraft& ballot, std::string_view typedCode);
    // The round's ballots: the kiosk's and those of paper batches whose two entries agree.
    std::int64_t ballotCount(const std::string& roundId) const;
    // Whether one of the round's ballots carries this receipt (typed in any case, with or without
    // the dash) and counts: a resident sees their vote was counted, and nothing of what they chose.
    // A ballot whose code was also used at another kiosk counts as the round's sameCode says.
    bool receiptCounted(const std::string& roundId, std::string_view typedReceipt) const;
    // The demo's budget rounds: one that closed just now with 40 demo ballots and its results
    // published, one after the open one taking residents' proposals, and one open from yesterday
    // for 90 days, voted with codes, with 24 codes: returned,
    // and for a kiosk on disk also written to <data dir>/demo-voting-codes.txt (mode 0600) so a
    // visitor can try voting. Adds nothing (an empty list) when the kiosk already has a round.
    // Errors: StorageFull, StorageReadOnly, StorageFailure.
    Result<std::vector<std::string>> addDemoRound();
    // The round's ballots as indexes into its projects (for the tally and exports): the kiosk's in
    // the order of their receipt codes (not the order in which they were cast), then the ballots
    // of every agreed paper batch, by batch name and in entry order. `onPaper`, when given, is
    // filled in parallel: true for a paper ballot.
    std::vector<BallotDraft> roundBallots(const std::string& roundId, std::vector<bool>* onPaper = nullptr) const;

    // [SECTION] Paper ballots (papieren stemmen)
    // Records paper_batch.entered: the facilitator's entry of a batch of paper ballots, in the order
    // typed. A new entry is the batch's first, or its second when another facilitator entered it
    // first; a correction replaces the facilitator's own entry (paperEntryNumber). Paper ballots are
    // entered once the round has opened, while it is open or after it closed. Returns the batch as
    // it stands now (waiting, agreed, or with its mismatches). Errors: NotFound (no such round; a
    // correction without an own entry), InvalidInput (validatePaperEntry, the round has not
    // opened, the same facilitator twice, a batch entered twice already), StorageFull,
    // StorageReadOnly, StorageFailure. Nothing is stored on error.
    Result<PaperBatch> enterPaperBatch(const std::string& roundId, const std::string& batch, const std::string& facilitator,
                                       const std::vector<BallotDraft>& ballots, bool correction);
    // The round's paper batches by name, each compared (PaperBatch::state). Empty for an unknown round.
    std::vector<PaperBatch> paperBatches(const std::string& roundId) const;

    // [SECTION] Residents' evenings (bewonersavond)
    // Trims, validates and records evening.saved (a new id when evening.id is empty); the latest
    // save replaces the plan. Errors: InvalidInput (validateEvening; detail from describeIssues),
    // StorageFull, StorageReadOnly, StorageFailure. Nothing is stored on error.
    Result<Evening> saveEvening(Evening evening);
    std::vector<Evening> evenings() const;  // by day and start time
    // The plan with its check-ins, running item, dot votes and minutes; nullopt for an unknown id.
    std::optional<EveningSummary> eveningSummary(const std::string& eveningId) const;
    // The evening a facilitator runs now: the first of today (the store's clock, local day), else
    // the next one to come, else the last one held. nullopt when there is none.
    std::optional<std::string> currentEveningId() const;
    // Records evening.checked_in: one person in, with a street, a postcode or neither. Errors:
    // NotFound (no such evening), InvalidInput (validateCheckIn), and the storage errors.
    Result<void> checkIn(const std::string& eveningId, const CheckIn& checkIn);
    // Records evening.item_started for agenda item `item` (0-based) at the store's clock.
    // Errors: NotFound (no such evening or item), and the storage errors.
    Result<void> startAgendaItem(const std::string& eveningId, std::size_t item);
    // Records evening.dot_vote_opened after trimming the texts; an open vote of the evening is
    // closed first (evening.dot_vote_closed), so dots always go to one vote. Errors: NotFound,
    // InvalidInput (validateDotVote), and the storage errors.
    Result<DotVote> openDotVote(const std::string& eveningId, const std::string& question, const std::vector<std::string>& options);
    // Records evening.dot_given. Errors: NotFound (no such vote or option), InvalidInput (the
    // vote is closed), and the storage errors.
    Result<void> giveDot(const std::string& voteId, std::size_t option);
    // Records evening.dot_vote_closed. Errors: NotFound, InvalidInput (already closed), storage errors.
    Result<void> closeDotVote(const std::string& voteId);
    // Trims, validates and records evening.minutes_saved: the whole minutes, replacing earlier
    // ones. Errors: NotFound, InvalidInput (validateMinutes), and the storage errors.
    Result<Minutes> saveMinutes(const std::string& eveningId, Minutes minutes);
    // The demo's evening tonight at 19:30 in the demo's buurtkamer, with its agenda (welkom,
    // uitslag begroting, ideeën uit de buurt, stippenstem, rondvraag). Returns its id; "" when
    // the kiosk already has an evening. Errors: those of saveEvening.
    Result<std::string> addDemoEvening();

    // [SECTION] Audit log
    // Appends one facilitator action to the audit log (kept on this kiosk, not an event): the next
    // number, this moment by the store's clock, the previous entry's hash, and its own hash
    // (AuditLog.h has the bytes it covers), in one transaction. Errors: InvalidInput
    // (validateAuditDraft), StorageFull, StorageReadOnly, StorageFailure. Nothing is stored on error.
    Result<AuditEntry> appendAudit(const AuditDraft& draft);
    // Runs `body` as one write transaction: the store's writes it makes join that transaction, so a
    // facilitator's change and its audit entry are stored together or not at all (a power cut
    // between two transactions would keep the change without its entry). On error, whatever
    // `body` or the transaction returns, nothing of it is stored.
    Result<void> inOneTransaction(std::string_view what, const std::function<Result<void>()>& body);
    // At most `newestCount` entries, the newest first.
    std::vector<AuditEntry> auditLog(std::size_t newestCount) const;
    // Recomputes every hash and link, from entry 1 on, and says where the chain first breaks. A
    // whole chain cannot show that entries were taken off its end (see AuditChainWalk). When the
    // log cannot be read: not ok, no entry named, and lastReadError() says why.
    AuditCheck checkAuditLog() const;

    // [SECTION] Reads (derived from events)
    // Ideas residents may see (approved ones only), newest first.
    std::vector<Idea> visibleIdeas() const;
    // Any idea or initiative, whatever its status ("check my initiative" shows new and hidden ones too).
    std::optional<Idea> ideaByReference(const std::string& reference) const;
    // The plan of an initiative (nullopt for an idea or an unknown id). Never the contact.
    std::optional<InitiativePlan> initiativePlan(const std::string& ideaId) const;
    // The facilitator's maximum per initiative; kInitiativeDefaultMaximumCents until one is set.
    std::int64_t initiativeMaximumCents() const;
    std::int64_t ideaCount() const;
    std::string neighbourhoodName() const;
    // The neighbourhood's named places, in the order they were set.
    std::vector<std::string> places() const;
    // The same places with their spots on the neighbourhood map (nullopt: in the list only).
    std::vector<Place> placesWithPositions() const;
    // The map image's file name in the assets' maps folder; "" when the neighbourhood has no map.
    std::string mapImage() const;
    std::optional<StaffKey> staffPublicKey() const;
    // Counts and sums of every stored pulse (this kiosk's and imported ones), per aspect.
    PulseSummary pulseSummary() const;
    // How many stored needs chose each option, and every note, oldest first (for the facilitator).
    MeetingNeedSummary meetingNeedSummary() const;

    // [SECTION] Event log
    std::vector<Event> events(std::int64_t afterSeq = 0) const;  // this kiosk's, by seq
    std::int64_t eventCount() const;
    // Drops and recomputes every read table from the events, in one transaction.
    Result<void> rebuildReadTables();

    // [SECTION] Sync (bundles between kiosks and the office; docs/sync.md)
    // This kiosk's Ed25519 public key: it signs every bundle the kiosk writes.
    BundleKey identityPublicKey() const;
    struct Bundle {
        std::string bytes;   // the whole file
        BundleHeader header;
        std::string hash;    // hex BLAKE2b of the bytes
    };
    // This kiosk's events after the acknowledged seq (all: from seq 1), signed and sealed to the
    // staff key. Writes nothing; rememberBundle once the file is safely written. Errors: NotFound
    // ("no staff key": set it up first), StorageFailure.
    Result<Bundle> exportBundle(bool all) const;
    // The next bundle names this one as its previous. Errors: the storage errors.
    Result<void> rememberBundle(const Bundle& bundle);
    // Reads an acknowledgement from the office and, when it is for this kiosk and made with the
    // staff's key, exports from then on start after its seq. Returns that seq. Errors:
    // InvalidInput (not one, another kiosk's, another key's), NotFound (no staff key), storage errors.
    Result<std::int64_t> acceptAcknowledgement(std::string_view bytes);
    std::int64_t acknowledgedSeq() const;  // 0 until the office acknowledged something
    // At the office: an acknowledgement for every trusted kiosk, up to the seq from which on the
    // hub misses none of its events. Pairs of kiosk id and the file's bytes.
    Result<std::vector<std::pair<std::string, std::string>>> makeAcknowledgements(const StaffKey& staffSecretKey) const;
    struct NamedBundle {
        std::string name;   // the file, for messages
        std::string bytes;
    };
    // Checks every bundle (size, magic, signature, trusted kiosk key, versions, the seal with the
    // staff's secret key, each event) and only then, in one transaction, stores the events that
    // are new, moves two versions of one event to quarantine, and brings the read tables up to
    // date. The same bundles in any order and any number of times give the same read tables.
    // A kiosk seen for the first time is refused unless trustNew. Errors: InvalidInput (the
    // detail names the file and what is wrong), storage errors. Nothing is stored on error.
    // Taken by value: the sealed events are opened where they lie, so a merge holds each bundle
    // once; a caller done with its bundles moves them in.
    Result<SyncReport> importBundles(std::vector<NamedBundle> bundles, const StaffKey& staffSecretKey, bool trustNew);
    std::vector<SeqGap> syncGaps() const;                   // seqs no bundle brought yet, per kiosk
    std::vector<QuarantinedEvent> quarantinedEvents() const;  // both versions of each, by kiosk and seq
    std::vector<CodeConflict> codeConflicts() const;        // codes with more than one ballot
    // What is open for staff after merging: the three lists above.
    struct SyncConflicts {
        std::vector<SeqGap> gaps;
        std::vector<QuarantinedEvent> quarantined;
        std::vector<CodeConflict> codes;  // only the unresolved ones
    };
    SyncConflicts conflicts() const;
    // Records ballot.duplicate_resolved: which ballot of a code used more than once counts
    // ("" for none) in a round with DuplicateCodePolicy::StaffReview. Errors: NotFound (no
    // such conflict, or the ballot is not one of it), storage errors.
    Result<void> resolveCodeConflict(const std::string& roundId, const std::string& codeHash, const std::string& keepBallotId);
    // At the office: a kiosk reported lost or stolen. From now on every bundle naming it or signed
    // with its key is refused ("reported lost on DATE"). What it sent stays; with fromSeq its
    // events from that seq on are set aside (kept, counted nowhere) and the read tables rebuilt.
    // Written to the audit log as `by` in the same transaction. Once reported, a kiosk can only
    // have more set aside (a lower or a first fromSeq). Errors: NotFound (no trusted kiosk with
    // that id), InvalidInput (this database's own kiosk, fromSeq below 1, nothing more to
    // withdraw), storage errors. Nothing changes on error.
    Result<WithdrawnKiosk> withdrawKioskTrust(const std::string& kioskId, std::optional<std::int64_t> fromSeq,
                                              const std::string& by);
    std::vector<WithdrawnKiosk> withdrawnKiosks() const;  // by kiosk id
    // Every kiosk whose events or key this database holds, this one's own too, by kiosk id: what
    // the office last heard from it (staff view's Overzicht, `sync status`).
    std::vector<KioskActivity> kioskActivity() const;

    // [SECTION] One round at two kiosks (storage/RoundShare.h; docs/sync.md)
    // The file that gives the kiosk with `recipientKey` this kiosk's round `roundId` (its events and
    // its voting-code key, sealed to that kiosk). Writes nothing. Errors: NotFound (no such round),
    // InvalidInput (made at another kiosk, or the key is this kiosk's own), storage errors.
    Result<std::string> shareRound(const std::string& roundId, const BundleKey& recipientKey, RoundShareSummary& summary) const;
    // Checks a file from shareRound made for this kiosk and stores what it does not hold yet; the
    // round's codes then work here too. Errors: InvalidInput (the detail starts with what is wrong:
    // "not a shared round", "truncated", "tampered", "future version", "made here", "foreign",
    // "damaged", "conflict"), storage errors. Nothing is stored on error.
    Result<RoundShareSummary> receiveRound(std::string_view bytes);

    // Reads return an empty result when storage fails; this says why (nullopt after a good read).
    std::optional<Error> lastReadError() const;

private:
    Result<void> addDemoClosedRound();  // the first part of addDemoRound
    Result<void> addDemoNextRound(std::uint64_t opensMs);  // the round after the open one, taking proposals

    struct Impl;
    explicit KioskStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace buurtstem::storage
