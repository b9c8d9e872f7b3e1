// TallyProfile: an Election prepared for counting — for every project who supports it and with
// how many points, its support and its place in the tie-break order. Every rule reads this, never
// the ballots themselves, so all of them agree on what a ballot means.
#pragma once

#include "Election.h"
#include "Tally.h"

#include <cstdint>
#include <vector>

namespace buurtstem::tally {

// The limits within which the Equal Shares arithmetic provably fits its integers; Pabulib files
// stay well inside them.
inline constexpr std::int64_t kTallyMaxPoints = 1'000'000'000;          // per ballot and project (< 2^30)
inline constexpr Money kTallyMaxAmount = 1'000'000'000'000'000;         // a cost or the budget, in cents (< 2^50)
inline constexpr std::uint64_t kTallyMaxVoters = 2'000'000'000;         // ballots (< 2^31)
inline constexpr Money kTallyMaxTotalCost = Money{1} << 59;             // all projects together, in cents

struct TallyProfile {
    std::uint32_t voters = 0;   // = 0 // ballots, empty ones included
    Money budget = 0;           // = 0 // in cents
    std::vector<Money> cost;    // per project, in cents

    // Supporters per project: project p's are supporterVoter[supporterStart[p] .. supporterStart[p + 1]),
    // in ballot order; supporterWeight runs parallel (points; all 1 when `weighted` is false).
    std::vector<std::uint32_t> supporterStart;
    std::vector<std::uint32_t> supporterVoter;
    std::vector<std::uint32_t> supporterWeight;
    // The same pairs per voter: voter v's projects are voterProject[voterStart[v] .. voterStart[v + 1]).
    std::vector<std::uint32_t> voterStart;
    std::vector<std::uint32_t> voterProject;
    std::vector<std::uint32_t> voterWeight;
    bool weighted = false;      // = false // true for cumulative and scoring ballots, and ordinal ones
                                //   counted with rank points

    std::vector<std::int64_t> support;  // per project: sum of weights (votes or points)
    std::vector<std::uint32_t> lot;     // per project: its place in the lot, 0 first
    // Per project: projects with the same cost and exactly the same supporters and points share a
    // number. Equal Shares can never tell them apart, so only the tie-break order does.
    std::vector<std::uint32_t> twin;

    std::size_t projectCount() const { return cost.size(); }
    std::uint32_t supporterCount(std::uint32_t project) const {
        return supporterStart[project + 1] - supporterStart[project];
    }
    // Tie-break orders: true when `a` goes before `b` among equals.
    bool greedyBefore(std::uint32_t a, std::uint32_t b) const;       // higher support, lower cost, lot
    bool equalSharesBefore(std::uint32_t a, std::uint32_t b) const;  // lower cost, higher support, lot
};

// Builds the profile; InvalidInput as described for tallyElection().
// `rankPoints` as in TallyOptions.
Result<TallyProfile> prepareProfile(const Election& election, const std::vector<std::uint32_t>& lotOrder,
                                    const std::vector<std::int64_t>& rankPoints = {});

// Money of a set of projects, in cents.
Money totalCost(const TallyProfile& profile, const std::vector<std::uint32_t>& projects);

}  // namespace buurtstem::tally
