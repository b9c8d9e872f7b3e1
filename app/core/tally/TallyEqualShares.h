// The Method of Equal Shares (Gelijke Delen): every voter gets an equal part of the budget; a
// project is funded when its supporters can pay for it together, the cost spread as equally as
// their money allows; the project whose supporters pay least per unit of utility goes first.
//
// One run at a fixed start amount, precisely (u_i = points of voter i for the project, times its
// cost for Utility::Cost; with approval ballots the points are 1):
//   1. Every voter has `start` money.
//   2. A project p still open is affordable when its supporters' money m_i adds up to its cost.
//      Its rho is the least number with  sum_i min(m_i, rho * u_i) = cost(p):  supporters pay
//      rho * u_i each, those with less pay all they have.
//   3. Of the affordable projects the one with the lowest rho is funded (ties: lower cost, higher
//      support, the lot); each supporter pays min(m_i, rho * u_i). Back to 2 until none is affordable.
// A zero-cost project has rho 0 and goes first. The completions (add1, add1u) repeat the run at
// start amounts one whole currency unit apart: see Tally.h.
//
// The work: runs are computed on integer money bounds (see TallyEqualShares.cpp) that settle
// every decision exactly or say they cannot; only then is the run redone in GMP fractions. One
// bounded run covers a whole range of start amounts when every decision holds across it, which is
// how add1 skips the steps at which its outcome does not change.
#pragma once

#include "TallyProfile.h"

#include <cstdint>
#include <vector>

namespace buurtstem::tally {

// Each voter's start money: cents / per, exactly (per = 1 for the completions, the number of
// voters for budget/n).
struct StartMoney {
    Money cents = 0;        // = 0
    std::uint64_t per = 1;  // = 1
};

// One run in exact fractions (GMP), straight from the definition. The reference for everything else.
std::vector<std::uint32_t> equalSharesExact(const TallyProfile& profile, Utility utility, StartMoney start);

// One run: on integer bounds, in fractions only where those cannot decide. Equal to equalSharesExact.
std::vector<std::uint32_t> equalSharesAt(const TallyProfile& profile, Utility utility, StartMoney start, TallyWork& work);

struct CompletedOutcome {
    std::vector<std::uint32_t> winners;  // in order of selection
    Money start = 0;                     // = 0 // the start amount kept, in cents
    std::uint64_t steps = 0;             // = 0 // whole units added to the first start
};

// add1 (stopWhenExhaustive false) or the Equal Shares part of add1u (true), as defined in Tally.h.
// Needs at least one voter.
CompletedOutcome completeAdd1(const TallyProfile& profile, Utility utility, bool stopWhenExhaustive, TallyWork& work);

// The same, one run per step, each with equalSharesAt (or equalSharesExact when `exact`): the plain
// definition, against which the tests hold completeAdd1.
CompletedOutcome completeAdd1Stepwise(const TallyProfile& profile, Utility utility, bool stopWhenExhaustive, bool exact,
                                      TallyWork& work);

// Fills the Equal Shares explanations of `projects` (funded or not, payers, shares, where the money
// of an unfunded project's supporters went) by running `winners` again at `start`.
void explainEqualShares(const TallyProfile& profile, Utility utility, StartMoney start,
                        const std::vector<std::uint32_t>& winners, std::vector<ProjectOutcome>& projects);

}  // namespace buurtstem::tally
