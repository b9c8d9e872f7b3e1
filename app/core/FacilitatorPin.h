// Facilitator access: the rules for a facilitator's PIN and label, and how long the kiosk waits
// after wrong PINs. The PIN itself is never stored; storage keeps an Argon2id hash of it.
#pragma once

#include "Result.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace buurtstem {

inline constexpr std::size_t kPinMinDigits = 6;   // 10^6 PINs: with the waits below, years of guessing
inline constexpr std::size_t kPinMaxDigits = 12;
inline constexpr std::size_t kFacilitatorLabelMax = 40;  // code points: "Anna (opbouwwerk)"

// Why a new PIN is refused, so the set-up screen can say it plainly.
enum class PinProblem {
    None,
    TooShort,   // fewer than kPinMinDigits
    TooLong,    // more than kPinMaxDigits
    NotDigits,  // anything but 0-9
    TooSimple,  // one digit repeated (000000) or a run up or down (123456, 987654)
};
PinProblem checkNewPin(std::string_view pin);

// A label says who did what in the audit log: 1 to kFacilitatorLabelMax characters on one line.
// InvalidInput otherwise.
Result<void> validateFacilitatorLabel(std::string_view label);

// [SECTION] Waiting after wrong PINs
// Someone guessing must not get far, and a facilitator who mistypes must not be locked out for
// the evening. The count of wrong PINs in a row survives a restart and only a right PIN resets it:
//   wrong PINs in a row:  1-3  4    5     6     7     8      9      10 and more
//   wait before the next: 0    5 s  10 s  20 s  40 s  80 s   160 s  5 min
inline constexpr int kPinFreeFailures = 3;
inline constexpr std::uint64_t kPinFirstWaitMs = 5'000;
inline constexpr std::uint64_t kPinLongestWaitMs = 5 * 60'000;

// The wait that follows the n-th wrong PIN in a row.
std::uint64_t pinWaitAfter(int failures);
// Milliseconds until the next PIN may be tried, after `failures` in a row, the last at
// `lastFailureMs`, at `nowMs` (wall clock). A clock that went back counts as no time passed.
std::uint64_t pinWaitMs(int failures, std::uint64_t lastFailureMs, std::uint64_t nowMs);

}  // namespace buurtstem
