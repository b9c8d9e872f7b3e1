// PIN and label rules, and the waits after wrong PINs (see FacilitatorPin.h).
#include "FacilitatorPin.h"

#include "Utf8.h"

#include <algorithm>
#include <string>

namespace buurtstem {

PinProblem checkNewPin(std::string_view pin) {
    if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; })) return PinProblem::NotDigits;
    if (pin.size() < kPinMinDigits) return PinProblem::TooShort;
    if (pin.size() > kPinMaxDigits) return PinProblem::TooLong;
    bool same = true, up = true, down = true;
    for (std::size_t i = 1; i < pin.size(); ++i) {
        const int step = pin[i] - pin[i - 1];
        same = same && step == 0;
        up = up && (step == 1 || (pin[i - 1] == '9' && pin[i] == '0'));
        down = down && (step == -1 || (pin[i - 1] == '0' && pin[i] == '9'));
    }
    return same || up || down ? PinProblem::TooSimple : PinProblem::None;
}

Result<void> validateFacilitatorLabel(std::string_view label) {
    const std::string trimmed = utf8::trim(std::string(label));
    if (trimmed.empty() || !utf8::isValid(trimmed) || utf8::hasControlCharacters(trimmed, false) ||
        utf8::countCodePoints(trimmed) > kFacilitatorLabelMax)
        return makeError(ErrorCode::InvalidInput, "a facilitator needs a name of 1 to " + std::to_string(kFacilitatorLabelMax) +
                                                      " characters on one line");
    return {};
}

std::uint64_t pinWaitAfter(int failures) {
    if (failures <= kPinFreeFailures) return 0;
    std::uint64_t wait = kPinFirstWaitMs;
    for (int n = kPinFreeFailures + 1; n < failures && wait < kPinLongestWaitMs; ++n) wait *= 2;
    return std::min(wait, kPinLongestWaitMs);
}

std::uint64_t pinWaitMs(int failures, std::uint64_t lastFailureMs, std::uint64_t nowMs) {
    const std::uint64_t wait = pinWaitAfter(failures);
    const std::uint64_t passed = nowMs > lastFailureMs ? nowMs - lastFailureMs : 0;
    return passed >= wait ? 0 : wait - passed;
}

}  // namespace buurtstem
