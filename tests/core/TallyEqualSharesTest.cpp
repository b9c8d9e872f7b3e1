// The Method of Equal Shares: elections worked out by hand (approval and points, cost and
// cardinality utilities, add1, add1u, the comparison step, the explanations), and random small
// elections on which the fast bounded runs, the exact GMP runs and an independent step-by-step
// implementation of the definition (in this file) agree, add1 with its skipped steps equals add1
// taken one step at a time, and no outcome costs more than the budget.
#include "app/core/tally/Tally.h"
#include "app/core/tally/TallyEqualShares.h"
#include "app/core/tally/TallyProfile.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace buurtstem;
using namespace buurtstem::tally;

namespace {

// [SECTION] Elections built in code

Election makeElection(Money budget, std::vector<Money> costs, const std::vector<std::vector<std::uint32_t>>& ballots,
                      const std::vector<std::vector<std::int64_t>>& points = {}) {
    Election election;
    election.budget = budget;
    election.voteType = points.empty() ? VoteType::Approval : VoteType::Cumulative;
    for (std::size_t p = 0; p < costs.size(); ++p) {
        Project project;
        project.id = "p" + std::to_string(p);
        project.cost = costs[p];
        election.projects.push_back(project);
    }
    for (std::size_t b = 0; b < ballots.size(); ++b) {
        for (std::size_t i = 0; i < ballots[b].size(); ++i) {
            election.ballots.projects.push_back(ballots[b][i]);
            if (!points.empty()) election.ballots.points.push_back(points[b][i]);
        }
        election.ballots.ballotStart.push_back(static_cast<std::uint32_t>(election.ballots.projects.size()));
        election.ballots.voterIds.push_back("v" + std::to_string(b));
    }
    return election;
}

TallyOptions equalShares(Utility utility, Completion completion = Completion::None, bool compare = false) {
    TallyOptions options;
    options.rule = Rule::EqualShares;
    options.utility = utility;
    options.completion = completion;
    options.compareWithGreedy = compare;
    return options;
}

TallyResult count(const Election& election, const TallyOptions& options) {
    Result<TallyResult> result = tallyElection(election, options);
    INFO((result ? std::string() : result.error().detail));
    REQUIRE(result.ok());
    return std::move(result).value();
}

TallyProfile profileOf(const Election& election) {
    Result<TallyProfile> profile = prepareProfile(election, {});
    REQUIRE(profile.ok());
    return std::move(profile).value();
}

// [SECTION] The definition, independently: exact fractions on __int128, every project weighed at
// every step. Small elections only: an instance whose numbers outgrow 128 bits is skipped.

struct Overflow {};

using Int = __int128;

Int gcd(Int a, Int b) {
    if (a < 0) a = -a;
    if (b < 0) b = -b;
    while (b != 0) {
        const Int t = a % b;
        a = b;
        b = t;
    }
    return a;
}

Int times(Int a, Int b) {
    Int product;
    if (__builtin_mul_overflow(a, b, &product)) throw Overflow{};
    return product;
}

struct Q {
    Int n = 0, d = 1;
};

Q make(Int n, Int d) {
    if (d < 0) n = -n, d = -d;
    const Int g = gcd(n, d);
    return g > 1 ? Q{n / g, d / g} : Q{n, d};
}
Q operator+(Q a, Q b) { return make(times(a.n, b.d) + times(b.n, a.d), times(a.d, b.d)); }
Q operator-(Q a, Q b) { return make(times(a.n, b.d) - times(b.n, a.d), times(a.d, b.d)); }
Q operator*(Q a, Q b) { return make(times(a.n, b.n), times(a.d, b.d)); }
Q operator/(Q a, Q b) { return make(times(a.n, b.d), times(a.d, b.n)); }
bool operator<(Q a, Q b) { return times(a.n, b.d) < times(b.n, a.d); }
bool operator==(Q a, Q b) { return a.n == b.n && a.d == b.d; }

// Winners in order of selection, or nullopt when the numbers outgrew 128 bits.
std::optional<std::vector<std::uint32_t>> definition(const Election& election, Utility utility, Q start) {
    try {
        const std::size_t projects = election.projects.size();
        const std::size_t voters = election.ballots.count();
        const bool points = !election.ballots.points.empty();
        // supporters[p] = (voter, weight)
        std::vector<std::vector<std::pair<std::size_t, Int>>> supporters(projects);
        std::vector<Int> support(projects, 0);
        for (std::size_t v = 0; v < voters; ++v)
            for (std::uint32_t i = election.ballots.ballotStart[v]; i < election.ballots.ballotStart[v + 1]; ++i) {
                const Int weight = points ? election.ballots.points[i] : 1;
                if (weight <= 0) continue;
                supporters[election.ballots.projects[i]].push_back({v, weight});
                support[election.ballots.projects[i]] += weight;
            }
        const auto before = [&](std::size_t a, std::size_t b) {  // lower cost, higher support, first listed
            if (election.projects[a].cost != election.projects[b].cost)
                return election.projects[a].cost < election.projects[b].cost;
            if (support[a] != support[b]) return support[a] > support[b];
            return a < b;
        };
        std::vector<Q> money(voters, start);
        std::vector<bool> open(projects);
        for (std::size_t p = 0; p < projects; ++p) open[p] = !supporters[p].empty();
        std::vector<std::uint32_t> winners;
        while (true) {
            std::optional<std::size_t> best;
            Q bestRho, bestShare;
            for (std::size_t p = 0; p < projects; ++p) {
                if (!open[p]) continue;
                const Q cost{election.projects[p].cost, 1};
                Q sum;
                for (const auto& [v, w] : supporters[p]) sum = sum + money[v];
                if (sum < cost) continue;
                // The least share s with sum of min(money, s * weight) = cost, found by trying each
                // supporter as the richest who still pays all they have.
                auto order = supporters[p];
                std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
                    return money[a.first] * Q{b.second, 1} < money[b.first] * Q{a.second, 1};
                });
                Q paid;
                Int weights = 0;
                for (const auto& [v, w] : order) weights += w;
                Q share;
                for (std::size_t k = 0; k <= order.size(); ++k) {
                    if (weights == 0) break;
                    share = (cost - paid) / Q{weights, 1};
                    if (k == order.size() || !(money[order[k].first] < share * Q{order[k].second, 1})) break;
                    paid = paid + money[order[k].first];
                    weights -= order[k].second;
                }
                const Int perPoint = utility == Utility::Cost && election.projects[p].cost > 0 ? election.projects[p].cost : 1;
                const Q rho = share / Q{perPoint, 1};
                if (!best || rho < bestRho || (rho == bestRho && before(p, *best))) {
                    best = p;
                    bestRho = rho;
                    bestShare = share;
                }
            }
            if (!best) return winners;
            winners.push_back(static_cast<std::uint32_t>(*best));
            open[*best] = false;
            for (const auto& [v, w] : supporters[*best]) {
                const Q due = bestShare * Q{w, 1};
                money[v] = money[v] < due ? Q{} : money[v] - due;
            }
        }
    } catch (const Overflow&) {
        return std::nullopt;
    }
}

// [SECTION] Random elections

struct Shape {
    bool points = false;
    Money unit = 10;  // costs and budget are multiples of this
};

Election randomElection(std::mt19937& random, Shape shape) {
    const std::size_t projects = 1 + random() % 6;
    const std::size_t voters = 1 + random() % 7;
    std::vector<Money> costs;
    for (std::size_t p = 0; p < projects; ++p)
        costs.push_back(random() % 12 == 0 ? 0 : static_cast<Money>(1 + random() % 8) * shape.unit);
    if (projects > 1 && random() % 4 == 0) costs[1] = costs[0];
    std::vector<std::vector<std::uint32_t>> ballots(voters);
    std::vector<std::vector<std::int64_t>> points(voters);
    for (std::size_t v = 0; v < voters; ++v)
        for (std::uint32_t p = 0; p < projects; ++p)
            if (random() % 2 == 0) {
                ballots[v].push_back(p);
                points[v].push_back(1 + static_cast<std::int64_t>(random() % 3));
            }
    // Sometimes a twin: project 1 becomes a copy of project 0, on the same ballots with the same points.
    if (projects > 1 && random() % 5 == 0) {
        for (std::size_t v = 0; v < voters; ++v) {
            auto& ballot = ballots[v];
            if (const auto one = std::find(ballot.begin(), ballot.end(), 1u); one != ballot.end()) {
                points[v].erase(points[v].begin() + (one - ballot.begin()));
                ballot.erase(one);
            }
            if (const auto zero = std::find(ballot.begin(), ballot.end(), 0u); zero != ballot.end()) {
                const std::int64_t given = points[v][static_cast<std::size_t>(zero - ballot.begin())];
                ballot.push_back(1);
                points[v].push_back(given);
            }
        }
        costs[1] = costs[0];
    }
    const Money budget = static_cast<Money>(random() % 30) * shape.unit;
    return makeElection(budget, costs, ballots, shape.points ? points : std::vector<std::vector<std::int64_t>>{});
}

std::string describe(const Election& election) {
    std::string text = "budget " + std::to_string(election.budget) + ", costs";
    for (const Project& project : election.projects) text += " " + std::to_string(project.cost);
    text += ", ballots";
    for (std::size_t b = 0; b < election.ballots.count(); ++b) {
        text += " {";
        for (std::uint32_t i = election.ballots.ballotStart[b]; i < election.ballots.ballotStart[b + 1]; ++i) {
            text += std::to_string(election.ballots.projects[i]);
            if (!election.ballots.points.empty()) text += ":" + std::to_string(election.ballots.points[i]);
            text += i + 1 < election.ballots.ballotStart[b + 1] ? "," : "";
        }
        text += "}";
    }
    return text;
}

}  // namespace

// [SECTION] By hand

// Six voters, 100.00 each. p0 costs 300.00 (voters 0-4), p1 100.00 (voters 0, 1), p2 200.00 (voters 4, 5).
Election sixVoters() { return makeElection(60000, {30000, 10000, 20000}, {{0, 1}, {0, 1}, {0}, {0}, {0, 2}, {2}}); }

TEST_CASE("Equal Shares with cost utilities funds the project most supporters share", "[tally][mes]") {
    // rho = what each supporter pays / cost: p0 60.00/300.00 = 1/5, p1 and p2 1/2. p0 first; then
    // p1's supporters have 2 x 40.00 < 100.00 and p2's 40.00 + 100.00 < 200.00.
    const TallyResult result = count(sixVoters(), equalShares(Utility::Cost));
    CHECK(result.winners == std::vector<std::uint32_t>{0});
    CHECK(result.spent == 30000);
    CHECK(result.startMoney == 10000);

    const ProjectOutcome& funded = result.projects[0];
    CHECK(funded.reason == Reason::FundedByEqualShares);
    CHECK(funded.payers == 5);
    CHECK(funded.paidAllTheyHad == 0);
    CHECK(funded.share == 6000);

    const ProjectOutcome& p1 = result.projects[1];
    CHECK(p1.reason == Reason::SupportersOutOfMoney);
    CHECK(p1.supportersStart == 20000);
    CHECK(p1.supportersLeft == 8000);
    CHECK(p1.other == 0u);
    CHECK(p1.otherTook == 12000);
    CHECK(p1.otherPayers == 2);

    const ProjectOutcome& p2 = result.projects[2];
    CHECK(p2.supportersLeft == 14000);
    CHECK(p2.otherTook == 6000);
    CHECK(p2.otherPayers == 1);
}

TEST_CASE("Equal Shares with cardinality utilities funds the cheapest share first", "[tally][mes]") {
    // rho = what each supporter pays: p1 50.00 first. Then p0: voters 0 and 1 have 50.00, less
    // than an equal share, so they pay all of it and voters 2-4 pay (300 - 100) / 3 = 66.67.
    // p2 is left with 33.33 + 100.00 < 200.00.
    const TallyResult result = count(sixVoters(), equalShares(Utility::Cardinality));
    CHECK(result.winners == std::vector<std::uint32_t>{1, 0});
    CHECK(result.spent == 40000);
    CHECK(result.projects[1].share == 5000);
    CHECK(result.projects[1].selectedAs == 1);
    CHECK(result.projects[0].selectedAs == 2);
    CHECK(result.projects[0].payers == 5);
    CHECK(result.projects[0].paidAllTheyHad == 2);
    CHECK(result.projects[0].share == 6666);
    CHECK(result.projects[2].supportersLeft == 13333);
    CHECK(result.projects[2].other == 0u);
}

TEST_CASE("Equal Shares with points ballots shares the cost by points", "[tally][mes]") {
    // 100.00 each; p0 costs 160.00 with 3 points from voter 0 and 1 from voter 1. Equal shares per
    // point would be 40.00, but voter 0 cannot pay 120.00: they pay their 100.00, voter 1 60.00.
    const Election election = makeElection(20000, {16000}, {{0}, {0}}, {{3}, {1}});
    for (const Utility utility : {Utility::Cost, Utility::Cardinality}) {
        const TallyResult result = count(election, equalShares(utility));
        CHECK(result.winners == std::vector<std::uint32_t>{0});
        CHECK(result.projects[0].share == 6000);
        CHECK(result.projects[0].paidAllTheyHad == 1);
        CHECK(result.projects[0].payers == 2);
    }
    // With 120.00 it fits the shares: 90.00 and 30.00.
    const Election cheaper = makeElection(20000, {12000}, {{0}, {0}}, {{3}, {1}});
    CHECK(count(cheaper, equalShares(Utility::Cardinality)).projects[0].share == 3000);
}

TEST_CASE("Equal Shares counts empty ballots in the start money and funds free projects first", "[tally][mes]") {
    // Budget 300.00 over 3 ballots, one empty: 100.00 each, so p0 (150.00, one supporter) fails.
    const Election election = makeElection(30000, {15000, 0}, {{0, 1}, {}, {1}});
    const TallyResult result = count(election, equalShares(Utility::Cost));
    CHECK(result.startMoney == 10000);
    CHECK(result.winners == std::vector<std::uint32_t>{1});
    CHECK(result.projects[0].reason == Reason::SupportersOutOfMoney);
    CHECK(result.projects[0].supportersStart == 10000);
    CHECK_FALSE(result.projects[0].other);  // the free project took nothing
}

TEST_CASE("Equal Shares breaks exact ties by lower cost, then support, then the lot", "[tally][mes]") {
    // Both rho 1 (each project's one supporter pays all of it): the cheaper goes first.
    const Election costTie = makeElection(20000, {4000, 3000}, {{0}, {1}});
    CHECK(count(costTie, equalShares(Utility::Cost)).winners == std::vector<std::uint32_t>{1, 0});
    // Twins: same cost and voters; the lot decides, and only one fits.
    const Election twins = makeElection(20000, {20000, 20000}, {{0, 1}, {0, 1}});
    CHECK(count(twins, equalShares(Utility::Cost)).winners == std::vector<std::uint32_t>{0});
    TallyOptions drawn = equalShares(Utility::Cost);
    drawn.lotOrder = {1, 0};
    CHECK(count(twins, drawn).winners == std::vector<std::uint32_t>{1});
}

TEST_CASE("add1 raises the start money by whole units until the outcome would cost too much", "[tally][mes]") {
    // Two voters, 190.00: p0 150.00 (voter 0), p1 50.00 (voter 1). The first start is 95.00: only
    // p1. From 150.00 voter 0 can pay p0 too, but p0 + p1 cost 200.00: add1 keeps 149.00.
    const Election election = makeElection(19000, {15000, 5000}, {{0}, {1}});
    const TallyResult add1 = count(election, equalShares(Utility::Cost, Completion::Add1));
    CHECK(add1.winners == std::vector<std::uint32_t>{1});
    CHECK(add1.startMoney == 14900);
    CHECK(add1.completionSteps == 54);

    // add1u stops at once (no other project fits what is left) and fills nothing.
    const TallyResult add1u = count(election, equalShares(Utility::Cost, Completion::Add1Utilitarian));
    CHECK(add1u.winners == std::vector<std::uint32_t>{1});
    CHECK(add1u.completionSteps == 0);

    // With 200.00 both fit at 150.00: every supported project is in, add1 ends there.
    const Election enough = makeElection(20000, {15000, 5000}, {{0}, {1}});
    const TallyResult all = count(enough, equalShares(Utility::Cost, Completion::Add1));
    CHECK(all.winners == std::vector<std::uint32_t>{1, 0});
    CHECK(all.startMoney == 15000);
    CHECK(all.completionSteps == 50);
    CHECK(all.spent == 20000);
}

TEST_CASE("add1 crosses billions of unchanged steps in a few runs", "[tally][mes]") {
    // Two voters, 10,000,000,000.00: p0 costs all of it (voter 0), p1 1.00 (voter 1). Voter 0 can
    // pay p0 only from a start of the whole budget, 5,000,000,000 steps after the first start of
    // half of it, and then p0 + p1 are too much: add1 keeps the step before. One run per step
    // would never end; ranges that settle at once grow until they cover the quiet stretch.
    const Money budget = 1'000'000'000'000;
    const Election election = makeElection(budget, {budget, 100}, {{0}, {1}});
    const TallyResult result = count(election, equalShares(Utility::Cost, Completion::Add1));
    CHECK(result.winners == std::vector<std::uint32_t>{1});
    CHECK(result.startMoney == budget - kCentsPerUnit);
    CHECK(result.completionSteps == (budget / 2 - kCentsPerUnit) / kCentsPerUnit);
    CHECK(result.work.fastRuns < 200);
}

TEST_CASE("add1u stops at the first outcome to which nothing more fits", "[tally][mes]") {
    // Six voters, 300.00, so 50.00 each. p0 200.00 (voters 0, 1) cannot be paid; p1 90.00
    // (voters 2, 5) and p2 95.00 (voters 3, 4) can, both with rho 1/2: the cheaper first. 115.00
    // are left and p0 does not fit them: the outcome is exhaustive at the first start.
    const Election election = makeElection(30000, {20000, 9000, 9500}, {{0}, {0}, {1}, {2}, {2}, {1}});
    const TallyResult add1u = count(election, equalShares(Utility::Cost, Completion::Add1Utilitarian));
    CHECK(add1u.winners == std::vector<std::uint32_t>{1, 2});
    CHECK(add1u.completionSteps == 0);
    CHECK(add1u.startMoney == 5000);
    // add1 goes on: from 100.00 each p0 is affordable too, but all three cost 385.00. It keeps 99.00.
    const TallyResult add1 = count(election, equalShares(Utility::Cost, Completion::Add1));
    CHECK(add1.winners == std::vector<std::uint32_t>{1, 2});
    CHECK(add1.startMoney == 9900);
    CHECK(add1.completionSteps == 49);
}

TEST_CASE("the comparison step lets greedy win when more voters prefer it", "[tally][mes]") {
    // Voters 0-2 support p0 and p1 (200.00 each, identical twins), voters 3-4 support p2 (200.00).
    // 80.00 each: Equal Shares funds p0 only; greedy funds p0 and p1. Voters 0-2 prefer greedy,
    // voters 3-4 get nothing either way.
    const Election election = makeElection(40000, {20000, 20000, 20000}, {{0, 1}, {0, 1}, {0, 1}, {2}, {2}});
    const TallyResult result = count(election, equalShares(Utility::Cost, Completion::None, true));
    REQUIRE(result.comparison);
    CHECK(result.comparison->prefersGreedy == 3);
    CHECK(result.comparison->prefersEqualShares == 0);
    CHECK(result.comparison->greedyWon);
    CHECK(result.comparison->equalSharesWinners == std::vector<std::uint32_t>{0});
    CHECK(result.winners == std::vector<std::uint32_t>{0, 1});
    CHECK(result.projects[1].reason == Reason::FundedInTurn);
    CHECK(result.spent == 40000);

    // Equal outcomes: nobody prefers either, Equal Shares stays.
    const Election same = makeElection(20000, {10000, 10000}, {{0}, {1}});
    const TallyResult kept = count(same, equalShares(Utility::Cost, Completion::None, true));
    REQUIRE(kept.comparison);
    CHECK_FALSE(kept.comparison->greedyWon);
    CHECK(kept.projects[0].reason == Reason::FundedByEqualShares);
}

// [SECTION] Random elections against the definition

TEST_CASE("fast, exact and step-by-step Equal Shares agree on random elections", "[tally][mes]") {
    std::mt19937 random(7);
    int compared = 0, skipped = 0;
    TallyWork work;
    for (int round = 0; round < 600; ++round) {
        const Election election = randomElection(random, Shape{round % 2 == 1, 10});
        const TallyProfile profile = profileOf(election);
        const Utility utility = round % 4 < 2 ? Utility::Cost : Utility::Cardinality;
        INFO("round " << round << ": " << describe(election) << ", utility " << utilityId(utility));
        const StartMoney start{election.budget, profile.voters};
        const std::vector<std::uint32_t> exact = equalSharesExact(profile, utility, start);
        const std::vector<std::uint32_t> fast = equalSharesAt(profile, utility, start, work);
        CHECK(fast == exact);
        CHECK(totalCost(profile, exact) <= election.budget);
        const auto defined = definition(election, utility, make(election.budget, static_cast<Int>(profile.voters)));
        if (!defined) {
            ++skipped;
            continue;
        }
        ++compared;
        CHECK(exact == *defined);
    }
    CHECK(compared > 500);
    CHECK(skipped < 50);
    // Ties with nothing to tell them apart do happen in small elections: the exact runs were needed.
    CHECK(work.exactRuns > 0);
    CHECK(work.exactRuns < work.fastRuns / 2);
}

TEST_CASE("add1 with skipped steps equals add1 one step at a time", "[tally][mes]") {
    std::mt19937 random(11);
    TallyWork fastWork, stepWork, exactWork;
    for (int round = 0; round < 400; ++round) {
        const Election election = randomElection(random, Shape{round % 3 == 2, kCentsPerUnit});
        const TallyProfile profile = profileOf(election);
        const Utility utility = round % 2 == 0 ? Utility::Cost : Utility::Cardinality;
        for (const bool exhaustive : {false, true}) {
            INFO("round " << round << ": " << describe(election) << ", utility " << utilityId(utility)
                          << (exhaustive ? ", add1u" : ", add1"));
            const CompletedOutcome fast = completeAdd1(profile, utility, exhaustive, fastWork);
            const CompletedOutcome stepwise = completeAdd1Stepwise(profile, utility, exhaustive, false, stepWork);
            const CompletedOutcome exact = completeAdd1Stepwise(profile, utility, exhaustive, true, exactWork);
            CHECK(fast.winners == exact.winners);
            CHECK(fast.start == exact.start);
            CHECK(fast.steps == exact.steps);
            CHECK(stepwise.winners == exact.winners);
            CHECK(stepwise.start == exact.start);
            CHECK(totalCost(profile, fast.winners) <= election.budget);
        }
    }
    // Every path of the fast completion was taken: ranges settled at once, narrower ranges resumed
    // after a wider run, and single starts done in fractions.
    CHECK(fastWork.rangesSettled > 0);
    CHECK(fastWork.resumedRuns > 0);
    CHECK(fastWork.exactRuns > 0);
}

TEST_CASE("tallies never spend more than the budget; add1u fills by support", "[tally][mes]") {
    std::mt19937 random(3);
    int fills = 0;
    for (int round = 0; round < 200; ++round) {
        const Election election = randomElection(random, Shape{round % 2 == 0, kCentsPerUnit});
        for (const Completion completion : {Completion::None, Completion::Add1, Completion::Add1Utilitarian})
            for (const Utility utility : {Utility::Cost, Utility::Cardinality}) {
                INFO("round " << round << ": " << describe(election));
                const TallyResult result = count(election, equalShares(utility, completion, round % 3 == 0));
                CHECK(result.spent <= election.budget);
                std::vector<bool> seen(election.projects.size(), false);
                for (const std::uint32_t p : result.winners) {
                    CHECK_FALSE(seen[p]);
                    seen[p] = true;
                    CHECK(result.projects[p].funded);
                }
                for (std::size_t p = 0; p < election.projects.size(); ++p) {
                    CHECK(result.projects[p].funded == seen[p]);
                    if (result.projects[p].support == 0) CHECK(result.projects[p].reason == Reason::NoSupport);
                }
                if (completion != Completion::Add1Utilitarian || result.comparison) continue;
                // add1u = the Equal Shares part, then every other supported project that still
                // fits, by support (ties: lower cost, then election order).
                const TallyProfile profile = profileOf(election);
                TallyWork work;
                std::vector<std::uint32_t> expected = completeAdd1(profile, utility, true, work).winners;
                std::vector<std::uint32_t> line(election.projects.size());
                std::iota(line.begin(), line.end(), 0u);
                std::stable_sort(line.begin(), line.end(), [&](std::uint32_t a, std::uint32_t b) {
                    return profile.support[a] != profile.support[b] ? profile.support[a] > profile.support[b]
                                                                    : profile.cost[a] < profile.cost[b];
                });
                Money left = election.budget - totalCost(profile, expected);
                for (const std::uint32_t p : line)
                    if (profile.support[p] > 0 && std::find(expected.begin(), expected.end(), p) == expected.end() &&
                        profile.cost[p] <= left) {
                        expected.push_back(p);
                        left -= profile.cost[p];
                        ++fills;
                        CHECK(result.projects[p].reason == Reason::FundedByCompletion);
                    }
                CHECK(result.winners == expected);
            }
    }
    CHECK(fills > 0);
}
