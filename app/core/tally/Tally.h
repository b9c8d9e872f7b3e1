// Tally (telling, uitslag): which projects a participatory-budgeting vote funds, and for every
// project why it was or was not funded, as numbers the command line and the kiosk put into words.
// Rules: greedy by support, greedy without skipping, and the Method of Equal Shares with the
// completions real elections used. Exact integer and rational arithmetic only: no outcome depends
// on rounding, and every tie is broken by the documented order below.
#pragma once

#include "Election.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace buurtstem::tally {

// [SECTION] Rules and their options

enum class Rule {
    Greedy,        // "greedy": highest support first; a project that no longer fits is skipped
    GreedyNoSkip,  // "greedy-no-skip": highest support first; counting stops at the first that does not fit
    EqualShares,   // "mes": the Method of Equal Shares
};
std::string_view ruleId(Rule rule);
std::optional<Rule> ruleFromId(std::string_view id);

// What a funded project is worth to one supporter in the Method of Equal Shares, per point they
// gave it (1 for approval, choose-1 and ordinal ballots, unless counted with rank points).
enum class Utility {
    Cost,         // "cost": its cost, as in Wieliczka, Aarau and Assen: projects are compared by
                  // how many supporters share the cost ("effective vote count")
    Cardinality,  // "cardinality": 1: projects are compared by what each supporter pays
};
std::string_view utilityId(Utility utility);
std::optional<Utility> utilityFromId(std::string_view id);

// How the Method of Equal Shares is made to use (nearly) the whole budget. Both completions start
// every voter at budget/n rounded down to a whole currency unit and add one unit per voter per step.
enum class Completion {
    None,             // "none": every voter starts with exactly budget/n
    Add1,             // "add1": stop at the first step whose outcome costs more than the budget and
                      // keep the step before (Wieliczka 2023, Assen); also stops once every project
                      // someone voted for is in
    Add1Utilitarian,  // "add1u": like add1, but also stops at the first outcome to which no project
                      // someone voted for can be added within the budget; then fills what is left
                      // with the best-supported projects that fit (equalshares.net's default)
};
std::string_view completionId(Completion completion);
std::optional<Completion> completionFromId(std::string_view id);

// Support, for greedy and for ties: the number of ballots naming a project (approval, choose-1,
// ordinal) or the sum of its points (cumulative, scoring). An ordinal ballot counts as approval of
// every project it ranks; a choose-1 ballot naming several projects as approval of each. A project
// nobody supports is never funded; points of zero or less are no support.
//
// Ties, the same under every rule (equalshares.net's recommendation):
//   greedy:        higher support, then lower cost, then the lot;
//   Equal Shares:  equal effective comparison value, then lower cost, then higher support, then the lot.
// The lot is TallyOptions::lotOrder, drawn before counting; without one, the order of the projects
// in the election stands in for it.
struct TallyOptions {
    Rule rule = Rule::Greedy;                  // = Greedy
    Utility utility = Utility::Cost;           // = Cost // Equal Shares only
    Completion completion = Completion::None;  // = None // Equal Shares only
    bool compareWithGreedy = false;            // = false // Equal Shares only: the comparison step of Wieliczka
                                               //   and Świecie: when more voters prefer the greedy outcome (more of
                                               //   the projects they supported, by points), greedy wins
    bool honourThreshold = true;               // = true // greedy rules: only projects whose support reaches META
                                               //   min_project_score_threshold, when the election has one
    std::vector<std::uint32_t> lotOrder;       // = {} // project indexes in the order the lot drew them; projects
                                               //   not listed follow in election order
    std::vector<std::int64_t> rankPoints;      // = {} // ordinal ballots only: the points for the first, second,
                                               //   ... place (Kraków: 3, 2, 1); places beyond the list get none.
                                               //   Empty: a ranked ballot counts as approval of every project on it
};

// [SECTION] The outcome and its explanations

// Why a project was or was not funded. The numbers each reason uses are in ProjectOutcome.
enum class Reason : std::uint8_t {
    NoSupport,             // nobody supported it
    BelowThreshold,        // greedy: support below `threshold`
    FundedInTurn,          // greedy: funded at place `rank`, with `budgetLeft` still free before it
    DidNotFit,             // greedy: at place `rank` only `budgetLeft` was free, less than its cost
    CountingStopped,       // greedy without skipping: counting stopped at `other`, which did not fit
    FundedByEqualShares,   // Equal Shares: as `selectedAs`-th project, `payers` supporters paid `share`
                           //   each (per point), `paidAllTheyHad` of them less: all they had left
    SupportersOutOfMoney,  // Equal Shares: its supporters had `supportersStart` at the start and only
                           //   `supportersLeft` at the end, less than its cost; `other` took the most
                           //   of their money (`otherTook`, from `otherPayers` of them)
    FundedByCompletion,    // add1u: funded from what Equal Shares left, by support, with `budgetLeft`
                           //   free before it
};
std::string_view reasonId(Reason reason);

struct ProjectOutcome {
    bool funded = false;                 // = false
    Reason reason = Reason::NoSupport;   // = NoSupport
    std::uint32_t selectedAs = 0;        // = 0 // 1-based place in the order of selection; 0 when not funded
    std::int64_t support = 0;            // = 0 // votes or points (see above)
    std::uint32_t supporters = 0;        // = 0 // ballots supporting it
    // Greedy and the add1u fill
    std::uint32_t rank = 0;              // = 0 // 1-based place in the order of support; 0 when never in line
    Money budgetLeft = 0;                // = 0 // budget still free when its turn came (before paying for it)
    std::int64_t threshold = 0;          // = 0 // BelowThreshold: the support it needed
    // Equal Shares, funded
    std::uint32_t payers = 0;            // = 0 // supporters who paid for it
    std::uint32_t paidAllTheyHad = 0;    // = 0 // of those, the ones who paid less than `share`: all they had
    Money share = 0;                     // = 0 // what each other payer paid, per point, rounded down to the cent
    // Equal Shares, not funded (amounts rounded down to the cent)
    Money supportersStart = 0;           // = 0 // its supporters' money together at the start
    Money supportersLeft = 0;            // = 0 // ... and at the end
    std::optional<std::uint32_t> other;  // = nullopt // the project that took most of that money; for
                                         //   CountingStopped the project that did not fit
    Money otherTook = 0;                 // = 0 // how much of its supporters' money went to `other`
    std::uint32_t otherPayers = 0;       // = 0 // how many of its supporters paid for `other`
};

// The comparison step: each voter prefers the outcome with more of the projects they supported
// (counting points for points ballots); greedy wins only with strictly more voters.
struct Comparison {
    std::uint32_t prefersGreedy = 0;                 // = 0
    std::uint32_t prefersEqualShares = 0;            // = 0
    bool greedyWon = false;                          // = false
    std::vector<std::uint32_t> equalSharesWinners;   // the Equal Shares outcome, in order of selection
    std::vector<std::uint32_t> greedyWinners;        // the greedy outcome, in order of selection
};

// How the Equal Shares outcome was computed, for benchmarks and curiosity: a range is one run of
// the method that settled the outcome for several start amounts at once; a resumed run started
// after the decisions a wider run had settled; an exact run is one in full fractions, taken only
// where the fast bounds could not decide.
struct TallyWork {
    std::uint32_t fastRuns = 0;       // = 0
    std::uint32_t rangesSettled = 0;  // = 0 // fast runs that settled more than one start amount
    std::uint32_t resumedRuns = 0;    // = 0
    std::uint32_t exactRuns = 0;      // = 0
};

struct TallyResult {
    Rule rule = Rule::Greedy;                  // = Greedy // what was counted (options as given)
    Utility utility = Utility::Cost;           // = Cost
    Completion completion = Completion::None;  // = None
    Money budget = 0;                          // = 0 // in cents
    Money spent = 0;                           // = 0 // cost of the winners
    std::uint32_t voters = 0;                  // = 0 // ballots, empty ones included
    bool byPoints = false;                     // = false // support and shares count points (points ballots, or
                                               //   ranked ones counted with rank points), not ballots
    std::vector<std::uint32_t> winners;        // project indexes in order of selection
    std::vector<ProjectOutcome> projects;      // parallel to Election::projects
    std::optional<std::int64_t> threshold;     // = nullopt // greedy: the support threshold applied
    // Equal Shares
    Money startMoney = 0;                      // = 0 // each voter's start, in cents (rounded down when
                                               //   budget/n is not a whole number of cents)
    std::uint64_t completionSteps = 0;         // = 0 // add1, add1u: whole units added to the first start
    std::optional<Comparison> comparison;      // = nullopt // when compareWithGreedy was asked
    TallyWork work;
};

// The order in which to list an outcome's projects: the funded ones in the order they were
// selected, then the others by support (most first; equal support keeps the election's order).
std::vector<std::uint32_t> listingOrder(const TallyResult& result);

// Counts an election. InvalidInput for an election the rules cannot count: a ballot naming a
// project that does not exist or one project twice, rank points that are not positive or not in
// descending order, a negative cost or budget, amounts or points
// beyond the limits in TallyProfile.h, a lot order naming a project twice or one that does not
// exist, a META min_project_score_threshold that is not a number, or no ballots at all for Equal
// Shares. Deterministic: the same election and options give the same result on every machine.
Result<TallyResult> tallyElection(const Election& election, const TallyOptions& options = {});

}  // namespace buurtstem::tally
