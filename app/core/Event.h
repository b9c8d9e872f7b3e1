// Event: one change a kiosk made, recorded once and never altered. Everything the screens show is
// derived from these; kiosks' logs merge at the staff's office by (kioskId, seq) and uuid.
#pragma once

#include "Hlc.h"
#include "Idea.h"
#include "MeetingNeed.h"
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

inline constexpr std::string_view kEventIdeaSubmitted = "idea.submitted";
inline constexpr std::string_view kEventNeighbourhoodNamed = "neighbourhood.named";
inline constexpr std::string_view kEventPulseGiven = "pulse.given";
inline constexpr std::string_view kEventMeetingNeedGiven = "meeting_need.given";
inline constexpr std::string_view kEventIdeaApproved = "idea.approved";
inline constexpr std::string_view kEventIdeaSupported = "idea.supported";
inline constexpr std::string_view kEventPlacesSet = "neighbourhood.places_set";

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
};

// Payload of kEventPlacesSet: the neighbourhood's named places, in the order residents see them.
// Replaces any earlier list.
struct PlacesSet {
    std::vector<std::string> places;
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

std::string encodePayload(const IdeaSubmitted& payload);
std::string encodePayload(const NeighbourhoodNamed& payload);
std::string encodePayload(const PulseGiven& payload);
std::string encodePayload(const IdeaApproved& payload);
std::string encodePayload(const IdeaSupported& payload);
std::string encodePayload(const PlacesSet& payload);
// Refuses an empty or repeated place name.
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

}  // namespace buurtstem
