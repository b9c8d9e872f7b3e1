// Pulse aspect ids and the rules a pulse must meet before it is stored.
#include "Pulse.h"

#include <string>

namespace buurtstem {

const char* pulseAspectId(PulseAspect aspect) {
    switch (aspect) {
        case PulseAspect::Meeting: return "meeting";
        case PulseAspect::Care: return "care";
        case PulseAspect::LivingWell: return "living_well";
        case PulseAspect::Clean: return "clean";
        case PulseAspect::Safe: return "safe";
    }
    return "meeting";
}

std::optional<PulseAspect> pulseAspectFromId(std::string_view id) {
    for (PulseAspect aspect : kAllPulseAspects)
        if (id == pulseAspectId(aspect)) return aspect;
    return std::nullopt;
}

int answeredCount(const PulseDraft& draft) {
    int answered = 0;
    for (int score : draft.scores)
        if (score != kPulseSkipped) ++answered;
    return answered;
}

Result<void> validatePulse(const PulseDraft& draft) {
    for (PulseAspect aspect : kAllPulseAspects) {
        const int score = draft.score(aspect);
        if (score != kPulseSkipped && (score < kPulseScoreMin || score > kPulseScoreMax)) {
            return makeError(ErrorCode::InvalidInput, std::string(pulseAspectId(aspect)) + ": score " +
                                                          std::to_string(score) + " is outside 1..5");
        }
    }
    // An empty pulse says nothing, yet would count as a visit in the totals.
    if (answeredCount(draft) == 0) return makeError(ErrorCode::InvalidInput, "nothing answered");
    return {};
}

}  // namespace buurtstem
