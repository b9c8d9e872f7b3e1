// Voting codes (stemcodes): single-use codes a facilitator hands out for a budget round, and the
// kiosk's brake on guessing them. The caller supplies the randomness (libsodium in storage,
// crafted bytes in tests) and the time, so everything here is deterministic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace buurtstem {

// [SECTION] Codes

// Twelve characters of kReadableAlphabet (Identifiers.h) in three groups of four, read and
// typed as "ABCD-EFGH-JKMN". Each character is uniform over the 28 letters, so a code holds
// 12 * log2(28) ≈ 57.7 bits: 28^12 ≈ 2.3 * 10^17 codes. With a batch of 10,000 valid codes one
// guess hits with a chance of about 4 * 10^-14; WrongCodeThrottle below keeps guesses to a few
// an hour.
inline constexpr std::size_t kVotingCodeCharacters = 12;  // letters and digits, without dashes
inline constexpr std::size_t kVotingCodeGroupSize = 4;    // characters between dashes
inline constexpr std::size_t kVotingCodeLength = 14;      // canonical text with its two dashes
inline constexpr double kVotingCodeEntropyBits = 57.69;   // 12 * log2(28)

// Random bytes a caller should offer formatVotingCode for one code. Rejection sampling skips
// about 1 byte in 64, and 32 bytes hold fewer than 12 usable ones with a chance of about
// 4 * 10^-30; a caller still handles the empty result by drawing again.
inline constexpr std::size_t kVotingCodeRandomBytes = 32;

// The canonical code drawn from `random`, byte by byte: a byte below 252 (9 * 28) picks
// kReadableAlphabet[byte % 28]; 252..255 are skipped, so no character is favoured. Bytes after
// the twelfth character are left unused. Returns an empty string when `random` runs out first.
std::string formatVotingCode(std::span<const std::uint8_t> random);

// Accepts what a person types: any case, with or without the dashes, spaces and tabs ignored.
// Returns the canonical "ABCD-EFGH-JKMN", or an empty string when it cannot be a voting code.
// Look-alikes are not guessed back (0/O, 1/I/L, 8/B and S are not in the alphabet): a code with
// one of them was mistyped and is better asked again than matched to someone else's code.
std::string normaliseVotingCode(std::string_view typed);

// True for the canonical form only (what formatVotingCode writes).
bool isCanonicalVotingCode(std::string_view text);

// [SECTION] Throttle on wrong codes

// How long the kiosk makes the next person wait after wrong codes in a row. A typo or two is
// free; a run of wrong codes (someone guessing) waits twice as long each time:
//   wrong codes in a row:  1-3  4    5    6    7     8     9     10     11     12 and more
//   wait before the next:  0    2 s  4 s  8 s  16 s  32 s  64 s  128 s  256 s  5 min
// A right code, or 15 minutes without a wrong one, starts the count again; the longest wait
// (5 minutes) is shorter than that quiet time, so waiting it out never resets the count. Used
// and voided codes count as wrong too: they are what someone tries who found an old card.
//
// Time is milliseconds from a clock that never runs backwards (std::chrono::steady_clock); a
// time before the last wrong code counts as no time passed.
class WrongCodeThrottle {
public:
    static constexpr int kFreeWrongCodes = 3;                       // wrong codes in a row without a wait
    static constexpr std::uint64_t kFirstWaitMs = 2'000;            // after the 4th wrong code
    static constexpr std::uint64_t kLongestWaitMs = 5 * 60'000;     // the doubling stops here
    static constexpr std::uint64_t kQuietResetMs = 15 * 60'000;     // no wrong code this long: count from 0

    // Records a wrong, used or voided code typed at `nowMs`.
    void recordWrong(std::uint64_t nowMs);
    // Records a code that was accepted: the next person starts with a clean slate.
    void recordSuccess();

    // Milliseconds until the kiosk may take the next code; 0 when it may now.
    std::uint64_t waitMs(std::uint64_t nowMs) const;
    // Wrong codes in a row that still count at `nowMs` (0 after the quiet time).
    int wrongInARow(std::uint64_t nowMs) const;

    // The wait that follows the n-th wrong code in a row (0 for n <= kFreeWrongCodes).
    static std::uint64_t waitAfterWrong(int wrongInARow);

private:
    int wrong_ = 0;                   // = 0 // wrong codes in a row, counted up to the last one
    std::uint64_t lastWrongMs_ = 0;   // = 0 // when the last of them was typed
};

}  // namespace buurtstem
