// Voting codes from caller-supplied random bytes, reading back what a person types, and the
// growing wait after wrong codes.
#include "VotingCode.h"

#include "Identifiers.h"

#include <algorithm>

namespace buurtstem {

namespace {

// The largest multiple of the alphabet's size that fits in a byte: bytes at or above it would
// make the first characters more likely, so they are skipped.
constexpr unsigned kUsableByteLimit = 256 - 256 % kReadableAlphabet.size();  // 252
static_assert(kUsableByteLimit == 252);

bool inAlphabet(char c) { return kReadableAlphabet.find(c) != std::string_view::npos; }

}  // namespace

// [SECTION] Codes

std::string formatVotingCode(std::span<const std::uint8_t> random) {
    std::string code;
    code.reserve(kVotingCodeLength);
    std::size_t drawn = 0;
    for (const std::uint8_t byte : random) {
        if (byte >= kUsableByteLimit) continue;
        if (drawn > 0 && drawn % kVotingCodeGroupSize == 0) code.push_back('-');
        code.push_back(kReadableAlphabet[byte % kReadableAlphabet.size()]);
        if (++drawn == kVotingCodeCharacters) return code;
    }
    return {};
}

std::string normaliseVotingCode(std::string_view typed) {
    std::string letters;
    letters.reserve(kVotingCodeLength);
    for (char c : typed) {
        if (c == ' ' || c == '-' || c == '\t') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (!inAlphabet(c)) return {};
        letters.push_back(c);
        if (letters.size() > kVotingCodeCharacters) return {};
    }
    if (letters.size() != kVotingCodeCharacters) return {};
    letters.insert(2 * kVotingCodeGroupSize, 1, '-');
    letters.insert(kVotingCodeGroupSize, 1, '-');
    return letters;
}

bool isCanonicalVotingCode(std::string_view text) {
    if (text.size() != kVotingCodeLength) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = (i + 1) % (kVotingCodeGroupSize + 1) == 0;
        if (dash ? text[i] != '-' : !inAlphabet(text[i])) return false;
    }
    return true;
}

// [SECTION] Throttle on wrong codes

void WrongCodeThrottle::recordWrong(std::uint64_t nowMs) {
    wrong_ = wrongInARow(nowMs) + 1;
    // A clock that stood still or was behind keeps the later stamp: the wait is never shortened.
    lastWrongMs_ = std::max(lastWrongMs_, nowMs);
}

void WrongCodeThrottle::recordSuccess() {
    wrong_ = 0;
    lastWrongMs_ = 0;
}

std::uint64_t WrongCodeThrottle::waitMs(std::uint64_t nowMs) const {
    const int wrong = wrongInARow(nowMs);
    if (wrong == 0) return 0;
    const std::uint64_t passed = nowMs > lastWrongMs_ ? nowMs - lastWrongMs_ : 0;
    const std::uint64_t wait = waitAfterWrong(wrong);
    return passed >= wait ? 0 : wait - passed;
}

int WrongCodeThrottle::wrongInARow(std::uint64_t nowMs) const {
    if (wrong_ == 0) return 0;
    if (nowMs > lastWrongMs_ && nowMs - lastWrongMs_ >= kQuietResetMs) return 0;
    return wrong_;
}

std::uint64_t WrongCodeThrottle::waitAfterWrong(int wrongInARow) {
    if (wrongInARow <= kFreeWrongCodes) return 0;
    std::uint64_t wait = kFirstWaitMs;
    for (int n = kFreeWrongCodes + 1; n < wrongInARow && wait < kLongestWaitMs; ++n) wait *= 2;
    return std::min(wait, kLongestWaitMs);
}

}  // namespace buurtstem
