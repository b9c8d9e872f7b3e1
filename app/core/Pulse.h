// Pulse (buurtpeiling): an anonymous 1–5 score on five liveability aspects — the residents' own
// barometer of the neighbourhood. One pulse per kiosk visit; nothing in it names the resident.
#pragma once

#include "Result.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace buurtstem {

// What a pulse scores. The first three are the social view of liveability, the last two the
// classic one; residents score schoon and veilig apart because they can differ a lot.
enum class PulseAspect {
    Meeting,     // ontmoeting
    Care,        // zorg
    LivingWell,  // fijn wonen
    Clean,       // schoon
    Safe,        // veilig
};

inline constexpr std::size_t kPulseAspectCount = 5;
inline constexpr std::array<PulseAspect, kPulseAspectCount> kAllPulseAspects = {
    PulseAspect::Meeting, PulseAspect::Care, PulseAspect::LivingWell, PulseAspect::Clean, PulseAspect::Safe};

inline constexpr int kPulseScoreMin = 1;  // the saddest face
inline constexpr int kPulseScoreMax = 5;  // the happiest face
inline constexpr int kPulseSkipped = 0;   // the resident left this line open

// Position of an aspect in PulseDraft::scores and PulseSummary::aspects.
constexpr std::size_t pulseIndex(PulseAspect aspect) { return static_cast<std::size_t>(aspect); }

// Stable identifier used in event payloads, column names and exports ("meeting", ...). Never
// translated, never changed.
const char* pulseAspectId(PulseAspect aspect);
std::optional<PulseAspect> pulseAspectFromId(std::string_view id);

// What the resident has tapped so far; owned by the screen's state until sent.
struct PulseDraft {
    std::array<int, kPulseAspectCount> scores{};  // = all 0 // per aspect: 0 = not answered, 1..5

    int& score(PulseAspect aspect) { return scores[pulseIndex(aspect)]; }
    int score(PulseAspect aspect) const { return scores[pulseIndex(aspect)]; }
};

// How many lines have a score (0..5).
int answeredCount(const PulseDraft& draft);

// A pulse may be stored when every score is 0..5 and at least one line is answered.
// Errors: InvalidInput, with the reason in `detail` ("nothing answered", "care: score 7 ...").
Result<void> validatePulse(const PulseDraft& draft);

// Totals of every stored pulse, kept as integers so kiosks' totals add up exactly when merged;
// an average is computed only where it is shown.
struct PulseAspectTotal {
    std::int64_t answers = 0;  // pulses that scored this aspect
    std::int64_t sum = 0;      // sum of their scores

    bool operator==(const PulseAspectTotal&) const = default;
};

struct PulseSummary {
    std::int64_t pulses = 0;  // stored pulses, whatever they answered
    std::array<PulseAspectTotal, kPulseAspectCount> aspects{};

    const PulseAspectTotal& total(PulseAspect aspect) const { return aspects[pulseIndex(aspect)]; }
    bool operator==(const PulseSummary&) const = default;
};

}  // namespace buurtstem
