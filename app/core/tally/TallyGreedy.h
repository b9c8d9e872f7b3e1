// The greedy rules: projects in order of support, each funded when it still fits (greedy) or until
// the first that does not (greedy without skipping). Also the fill after add1u and the greedy
// outcome the comparison step measures Equal Shares against.
#pragma once

#include "TallyProfile.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace buurtstem::tally {

struct GreedyOutcome {
    std::vector<std::uint32_t> winners;    // in order of selection
    std::vector<ProjectOutcome> projects;  // parallel to the profile's projects
    Money spent = 0;                       // = 0
};

// Projects with support below `threshold` (when given) are not in line. Ties as greedyBefore.
GreedyOutcome countGreedy(const TallyProfile& profile, bool skip, std::optional<std::int64_t> threshold);

// Adds to `winners` every other supported project that still fits the budget, in greedy order,
// and marks it FundedByCompletion in `projects`.
void fillBySupport(const TallyProfile& profile, std::vector<std::uint32_t>& winners, std::vector<ProjectOutcome>& projects);

// The projects everybody voted for in greedy order (highest support first, ties as greedyBefore).
std::vector<std::uint32_t> supportOrder(const TallyProfile& profile);

}  // namespace buurtstem::tally
