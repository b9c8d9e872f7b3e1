// Event: one change a kiosk made, recorded once and never altered. Everything the screens show is
// derived from these; kiosks' logs merge at the staff's office by (kioskId, seq) and uuid.
#pragma once

#include "Hlc.h"
#include "Idea.h"
#include "Pulse.h"
#include "Result.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

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

// Payload of kEventIdeaSubmitted.
struct IdeaSubmitted {
    std::string ideaId;
    std::string reference;
    Theme theme = Theme::Other;
    std::string title;
    std::string body;
    bool demo = false;
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

std::string encodePayload(const IdeaSubmitted& payload);
std::string encodePayload(const NeighbourhoodNamed& payload);
std::string encodePayload(const PulseGiven& payload);
Result<IdeaSubmitted> decodeIdeaSubmitted(std::string_view json);
Result<NeighbourhoodNamed> decodeNeighbourhoodNamed(std::string_view json);
// Refuses a payload that validatePulse would refuse: a score outside 0..5, or nothing answered.
Result<PulseGiven> decodePulseGiven(std::string_view json);

}  // namespace buurtstem
