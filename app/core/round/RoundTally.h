// Counting a budget round: its ballots as a tally::Election, the rule it was announced with, and
// the outcome. The same Election is what a round exports to Pabulib (.pb), so what residents read
// on the kiosk, what staff count on the command line and what researchers reload all agree.
#pragma once

#include "../Result.h"
#include "../tally/Election.h"
#include "../tally/Tally.h"
#include "BudgetRound.h"

#include <cstdint>
#include <string>
#include <vector>

namespace buurtstem {

// Points per place on a ranking ballot: k for the favourite, one fewer for each next place, where
// k is the round's longest ranking (its maxChoices, or every project when there is no limit).
// With three places that is Kraków's 3, 2, 1.
std::vector<std::int64_t> rankingPoints(const BudgetRound& round);

// The round and its ballots as an Election. Approval and budget ballots are Pabulib approval
// ballots, points ballots cumulative, rankings ordinal (favourite first). Projects keep their ids
// and titles, with the theme as `category`. Ballots are numbered 1..n in the order given.
// META: description (the round's name), country, unit (the neighbourhood, when given), instance
// (the year voting opened), date_begin and date_end (dd.mm.yyyy, local days: CivilDate.h), currency EUR, language nl,
// the ballot's limits (max_length, max_sum_cost, max_sum_points, max_points) and the rule.
tally::Election roundElection(const BudgetRound& round, const std::vector<BallotDraft>& ballots,
                              const std::string& neighbourhood = "");

// The tally options the round's counting rule stands for; rankings count with rankingPoints().
tally::TallyOptions roundTallyOptions(const BudgetRound& round);

struct RoundOutcome {
    tally::Election election;
    tally::TallyResult result;
};

// Counts the round. InvalidInput when it cannot be counted (a rule that needs ballots and there
// are none: Equal Shares with no ballot at all, which the kiosk says as "nobody voted").
Result<RoundOutcome> tallyRound(const BudgetRound& round, const std::vector<BallotDraft>& ballots,
                                const std::string& neighbourhood = "");

}  // namespace buurtstem
