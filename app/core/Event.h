// Event: one change a kiosk made, recorded once and never altered. Everything the screens show is
// derived from these; kiosks' logs merge at the staff's office by (kioskId, seq) and uuid.
#pragma once

#include "Hlc.h"
#include "Idea.h"
#include "Result.h"

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

std::string encodePayload(const IdeaSubmitted& payload);
std::string encodePayload(const NeighbourhoodNamed& payload);
Result<IdeaSubmitted> decodeIdeaSubmitted(std::string_view json);
Result<NeighbourhoodNamed> decodeNeighbourhoodNamed(std::string_view json);

}  // namespace buurtstem
