// Event: one change a kiosk made, recorded once and never altered. Everything the screens show is
// derived from these; kiosks' logs merge at the staff's office by (kioskId, seq) and uuid.
#pragma once

#include "Hlc.h"
#include "Idea.h"
#include "round/BudgetRound.h"
#include "Initiative.h"
#include "MeetingNeed.h"
#include "Place.h"
#include "Pulse.h"
#include "Result.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem {

struct Event {
    std::string kioskId;      // UUID of the kiosk that made it
    std::int64_t seq = 0;     // 1, 2, 3 ... per kiosk, no gaps
    std::string uuid;         // globally unique id of this event
    HlcStamp hlc;             // hybrid logical clock stamp
    std::string type;         // one of the kEvent* names below
    std::string payload;      // JSON of the type's payload struct
};

// An event read in place: its texts are views into bytes that outlive it (an opened bundle's
// plaintext, or an Event's strings). An import of a million events handles them this way,
// without four strings of their own each to allocate and free.
struct EventView {
    std::string_view kioskId;
    std::int64_t seq = 0;
    std::string_view uuid;
    HlcStamp hlc;
    std::string_view type;
    std::string_view payload;

    EventView() = default;
    // Not explicit: an Event reads as a view wherever one is taken, as a std::string does.
    EventView(const Event& e)
        : kioskId(e.kioskId), seq(e.seq), uuid(e.uuid), hlc(e.hlc), type(e.type), payload(e.payload) {}
    Event toEvent() const { return {std::string(kioskId), seq, std::string(uuid), hlc, std::string(type), std::string(payload)}; }
};
// Views of each of `events`, which must outlive them.
inline std::vector<EventView> viewsOf(const std::vector<Event>& events) { return {events.begin(), events.end()}; }

inline constexpr std::string_view kEventIdeaSubmitted = "idea.submitted";
inline constexpr std::string_view kEventNeighbourhoodNamed = "neighbourhood.named";
inline constexpr std::string_view kEventPulseGiven = "pulse.given";
inline constexpr std::string_view kEventMeetingNeedGiven = "meeting_need.given";
inline constexpr std::string_view kEventIdeaApproved = "idea.approved";
inline constexpr std::string_view kEventIdeaSupported = "idea.supported";
inline constexpr std::string_view kEventPlacesSet = "neighbourhood.places_set";
inline constexpr std::string_view kEventInitiativeSubmitted = "initiative.submitted";
inline constexpr std::string_view kEventInitiativeMaximumSet = "neighbourhood.initiative_maximum_set";
inline constexpr std::string_view kEventRoundSaved = "round.saved";
inline constexpr std::string_view kEventVotingCodesIssued = "voting_codes.issued";
inline constexpr std::string_view kEventVotingCodeVoided = "voting_code.voided";
inline constexpr std::string_view kEventBallotCast = "ballot.cast";
inline constexpr std::string_view kEventRoundPhasesSet = "round.phases_set";

// Payload of kEventIdeaSubmitted.
struct IdeaSubmitted {
    std::string ideaId;
    std::string reference;
    Theme theme = Theme::Other;
    std::string title;
    std::string body;
    bool demo = false;
    // Both optional in the JSON: absent in payloads of builds before schema 4, and left out
    // when empty, so an idea without them is stored exactly as before.
    std::string place;          // = "" // empty: the whole neighbourhood
    std::string sealedContact;  // = "" // base64 of crypto_box_seal("name\ncontact") to the staff key
    // Optional in the JSON, written only when true (schema 9 on): a demo idea that, unlike the
    // others, still waits for a facilitator, so the demo's moderation queue is not empty.
    bool waiting = false;       // = false
};

// Payload of kEventInitiativeSubmitted: the idea's fields and the plan, in one flat JSON object
// ("when", "audience" and "partners" as lists of ids, "budget" as a list of {description,
// amountCents}). The contact is required for an initiative, so sealedContact is never empty.
struct InitiativeSubmitted {
    IdeaSubmitted idea;
    InitiativePlan plan;  // text trimmed, choices in list order
};

// Payload of kEventInitiativeMaximumSet: the most one initiative may ask for, in euro cents.
// Replaces any earlier maximum.
struct InitiativeMaximumSet {
    std::int64_t cents = kInitiativeDefaultMaximumCents;  // = kInitiativeDefaultMaximumCents
};

// Payload of kEventPlacesSet: the neighbourhood's named places, in the order residents see them,
// and the map they lie on. Replaces any earlier list and map: positions only mean something on
// the image they were set on, so both travel in one event, e.g.
// {"places":["Kastanjeplein","Buurtkamer"],"map":"kastanjebuurt.png",
//  "positions":[{"place":"Kastanjeplein","x":480,"y":395}]}
struct PlacesSet {
    std::vector<std::string> places;
    // Both optional in the JSON: absent in payloads of builds before schema 6, and left out when
    // empty, so a list without a map is written exactly as before.
    std::string map;                       // = "" // file name of the map image in the assets' maps folder; "" = no map
    std::vector<PlacePosition> positions;  // = {} // places on the map, in any order; a place without one is in the list only
};

// Payload of kEventNeighbourhoodNamed: the neighbourhood this kiosk serves.
struct NeighbourhoodNamed {
    std::string name;
    bool demo = false;
};

// Payload of kEventPulseGiven: one resident's scores, keyed by aspect id, 0 for a skipped line.
// It holds only the scores — no idea, visit or language — so nothing in it points to a resident.
struct PulseGiven {
    std::array<int, kPulseAspectCount> scores{};  // in kAllPulseAspects order
};

// Payload of kEventIdeaApproved: a facilitator read the idea and residents may now see it.
struct IdeaApproved {
    std::string ideaId;
};

// Payload of kEventIdeaSupported: one "I support this" tap. Only the idea, nothing about who
// tapped: it is a signal to the neighbourhood team, not a vote tied to a person.
struct IdeaSupported {
    std::string ideaId;
};

// Payload of kEventMeetingNeedGiven: one resident's choices by group as lists of option ids,
// the interpreter language ("none" when not needed) and the three notes. Like a pulse, nothing
// in it names the resident or links to a visit, an idea or a language setting.
struct MeetingNeedGiven {
    MeetingNeedDraft need;  // notes already trimmed
};

// Payload of kEventRoundSaved: a budget round as set up (or changed before its first ballot). The
// key its voting codes are hashed with is a setting of the kiosk, never in an event: whoever has
// the key and the hashes could try every code.
struct RoundSaved {
    BudgetRound round;
};

// Payload of kEventRoundPhasesSet: what a facilitator opened or published for a round (the
// voting window itself is in round.saved). The latest one holds.
struct RoundPhasesSet {
    std::string roundId;
    RoundPhases phases;
};

// Payload of kEventVotingCodesIssued: a batch of codes for a round, as keyed hashes.
struct VotingCodesIssued {
    std::string roundId;
    std::vector<std::string> hashes;  // 64 hex characters each, no repeats
};

// Payload of kEventVotingCodeVoided: a facilitator withdrew one code (a lost card).
struct VotingCodeVoided {
    std::string roundId;
    std::string hash;
};

// Payload of kEventBallotCast: one confirmed ballot. The projects by id, in the ballot's order
// (favourite first for a ranking), with points for a points ballot. `codeHash` is the voting
// code that was used ("" when a facilitator unlocked the ballot at an evening): it marks the code
// used here and lets a merge find a code used at two kiosks. The receipt is a readable code the
// resident keeps to see that the ballot was counted; it says nothing about the choices.
struct BallotCast {
    std::string roundId;
    std::string ballotId;  // UUID
    std::string receipt;   // "K7P-3QX" style
    std::string codeHash;  // = "" // see above
    std::vector<std::string> projectIds;
    std::vector<int> points;  // = {} // parallel to projectIds on a points ballot
};

std::string encodePayload(const IdeaSubmitted& payload);
std::string encodePayload(const NeighbourhoodNamed& payload);
std::string encodePayload(const PulseGiven& payload);
std::string encodePayload(const IdeaApproved& payload);
std::string encodePayload(const IdeaSupported& payload);
std::string encodePayload(const PlacesSet& payload);
// Refuses an empty or repeated place name; a map name isValidMapImageName refuses; positions
// without a map, outside 0..kMapScale, for a place not in the list, or twice for one place.
Result<PlacesSet> decodePlacesSet(std::string_view json);
Result<IdeaSubmitted> decodeIdeaSubmitted(std::string_view json);
Result<NeighbourhoodNamed> decodeNeighbourhoodNamed(std::string_view json);
// Refuses a payload that validatePulse would refuse: a score outside 0..5, or nothing answered.
Result<PulseGiven> decodePulseGiven(std::string_view json);
// Refuses unknown or repeated option ids, more than one interpreter language, a missing field
// and anything validateMeetingNeed would refuse.
std::string encodePayload(const MeetingNeedGiven& payload);
Result<MeetingNeedGiven> decodeMeetingNeedGiven(std::string_view json);
// Both refuse an empty ideaId.
Result<IdeaApproved> decodeIdeaApproved(std::string_view json);
Result<IdeaSupported> decodeIdeaSupported(std::string_view json);
// Refuses an empty ideaId, reference or sealedContact, an unknown theme, an unknown or repeated
// audience or partner id, and helpers or an amount below zero. The texts' lengths and the
// maximum are the submitting kiosk's business: they are checked before the event is recorded.
std::string encodePayload(const InitiativeSubmitted& payload);
Result<InitiativeSubmitted> decodeInitiativeSubmitted(std::string_view json);
// Refuses a maximum that is not above 0 or is above kInitiativeMaximumCeilingCents.
std::string encodePayload(const InitiativeMaximumSet& payload);
Result<InitiativeMaximumSet> decodeInitiativeMaximumSet(std::string_view json);
// Refuses a round validateRound refuses.
std::string encodePayload(const RoundSaved& payload);
std::string encodePayload(const RoundPhasesSet& payload);
Result<RoundPhasesSet> decodeRoundPhasesSet(std::string_view json);
Result<RoundSaved> decodeRoundSaved(std::string_view json);
std::string encodePayload(const VotingCodesIssued& payload);
Result<VotingCodesIssued> decodeVotingCodesIssued(std::string_view json);
std::string encodePayload(const VotingCodeVoided& payload);
Result<VotingCodeVoided> decodeVotingCodeVoided(std::string_view json);
// Refuses an empty ballot, a repeated project id, and points that do not match the projects;
// whether the ballot fits its round is checked against the round (validateBallot).
std::string encodePayload(const BallotCast& payload);
Result<BallotCast> decodeBallotCast(std::string_view json);

// [SECTION] Paper ballots
inline constexpr std::string_view kEventPaperBatchEntered = "paper_batch.entered";
// Payload of kEventPaperBatchEntered: one facilitator's entry of a batch of paper ballots (entry 1
// or 2; a later entry with the same number replaces it: a correction). Ballots are in the order
// they were typed, each as its projects' ids in the ballot's order, with points on a points ballot.
struct PaperBatchEntered {
    std::string roundId;
    std::string batch;        // "stembus buurthuis 1"
    int entry = 1;            // = 1 // 1 or 2
    std::string facilitator;  // the label of who typed it
    std::vector<std::vector<std::string>> projects;  // per ballot
    std::vector<std::vector<int>> points;            // per ballot, parallel to projects; empty lists unless points
};
// Refuses an empty round, batch or facilitator, an entry other than 1 or 2, no ballots, an empty
// ballot, a project twice on one ballot, and points that do not match the projects.
std::string encodePayload(const PaperBatchEntered& payload);
Result<PaperBatchEntered> decodePaperBatchEntered(std::string_view json);

}  // namespace buurtstem
