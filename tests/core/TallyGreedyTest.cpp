// Greedy and greedy without skipping: small elections worked out by hand, the threshold, every
// tie-break, the explanations, bad input, and random elections checked against the definition.
#include "app/core/tally/Tally.h"
#include "app/core/tally/TallyProfile.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using namespace buurtstem;
using namespace buurtstem::tally;

namespace {

// An election from costs (cents) and ballots (project indexes, points when given).
Election makeElection(Money budget, std::vector<Money> costs, const std::vector<std::vector<std::uint32_t>>& ballots,
                      const std::vector<std::vector<std::int64_t>>& points = {}, VoteType type = VoteType::Approval) {
    Election election;
    election.budget = budget;
    election.voteType = points.empty() ? type : VoteType::Cumulative;
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

TallyResult count(const Election& election, TallyOptions options) {
    Result<TallyResult> result = tallyElection(election, options);
    INFO((result ? std::string() : result.error().detail));
    REQUIRE(result.ok());
    return std::move(result).value();
}

TallyOptions rule(Rule r) {
    TallyOptions options;
    options.rule = r;
    return options;
}

// Budget 100: p0 costs 60 with 5 votes, p1 50 with 4, p2 30 with 3, p3 10 with none.
Election fourProjects() {
    return makeElection(100, {60, 50, 30, 10},
                        {{0, 1, 2}, {0, 1, 2}, {0, 1, 2}, {0, 1}, {0}});
}

}  // namespace

TEST_CASE("greedy funds by support and skips what no longer fits", "[tally][greedy]") {
    const TallyResult result = count(fourProjects(), rule(Rule::Greedy));
    CHECK(result.winners == std::vector<std::uint32_t>{0, 2});
    CHECK(result.spent == 90);
    CHECK(result.budget == 100);

    const ProjectOutcome& first = result.projects[0];
    CHECK(first.funded);
    CHECK(first.reason == Reason::FundedInTurn);
    CHECK(first.rank == 1);
    CHECK(first.budgetLeft == 100);
    CHECK(first.support == 5);
    CHECK(first.selectedAs == 1);

    const ProjectOutcome& second = result.projects[1];
    CHECK_FALSE(second.funded);
    CHECK(second.reason == Reason::DidNotFit);
    CHECK(second.rank == 2);
    CHECK(second.budgetLeft == 40);

    CHECK(result.projects[2].reason == Reason::FundedInTurn);
    CHECK(result.projects[2].budgetLeft == 40);
    CHECK(result.projects[2].selectedAs == 2);
    CHECK(result.projects[3].reason == Reason::NoSupport);
    CHECK(result.projects[3].rank == 0);
}

TEST_CASE("greedy without skipping stops at the first project that does not fit", "[tally][greedy]") {
    const TallyResult result = count(fourProjects(), rule(Rule::GreedyNoSkip));
    CHECK(result.winners == std::vector<std::uint32_t>{0});
    CHECK(result.spent == 60);
    CHECK(result.projects[1].reason == Reason::DidNotFit);
    CHECK(result.projects[2].reason == Reason::CountingStopped);
    CHECK(result.projects[2].other == 1u);
    CHECK(result.projects[2].rank == 3);
    CHECK(result.projects[3].reason == Reason::NoSupport);
}

TEST_CASE("greedy honours META min_project_score_threshold", "[tally][greedy]") {
    Election election = fourProjects();
    election.meta.push_back({"min_project_score_threshold", "4"});
    TallyResult result = count(election, rule(Rule::Greedy));
    CHECK(result.threshold == 4);
    CHECK(result.winners == std::vector<std::uint32_t>{0});
    CHECK(result.projects[2].reason == Reason::BelowThreshold);
    CHECK(result.projects[2].threshold == 4);
    CHECK(result.projects[1].reason == Reason::DidNotFit);  // 4 votes reach the threshold of 4

    // A decimal threshold is reached by the next whole support.
    election.meta.back().second = "3.5";
    CHECK(count(election, rule(Rule::Greedy)).projects[2].reason == Reason::BelowThreshold);
    election.meta.back().second = "3.0";
    CHECK(count(election, rule(Rule::Greedy)).winners == std::vector<std::uint32_t>{0, 2});
    election.meta.back().second = "None";
    CHECK_FALSE(count(election, rule(Rule::Greedy)).threshold);

    TallyOptions ignore = rule(Rule::Greedy);
    ignore.honourThreshold = false;
    election.meta.back().second = "4";
    CHECK(count(election, ignore).winners == std::vector<std::uint32_t>{0, 2});

    election.meta.back().second = "many";
    const Result<TallyResult> bad = tallyElection(election, rule(Rule::Greedy));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == ErrorCode::InvalidInput);
}

TEST_CASE("greedy breaks ties by lower cost, then by the lot", "[tally][greedy]") {
    // p0 and p1 have 2 votes each; p1 is cheaper and goes first; only one fits.
    const Election byCost = makeElection(70, {40, 30, 50}, {{0, 1}, {0, 1}, {2}});
    CHECK(count(byCost, rule(Rule::Greedy)).winners == std::vector<std::uint32_t>{1, 0});
    const Election tight = makeElection(45, {40, 30, 45}, {{0, 1}, {0, 1}});
    CHECK(count(tight, rule(Rule::Greedy)).winners == std::vector<std::uint32_t>{1});

    // Same votes and cost: election order stands in for the lot, unless a lot was drawn.
    const Election same = makeElection(50, {40, 40}, {{0, 1}, {1, 0}});
    CHECK(count(same, rule(Rule::Greedy)).winners == std::vector<std::uint32_t>{0});
    TallyOptions drawn = rule(Rule::Greedy);
    drawn.lotOrder = {1};
    CHECK(count(same, drawn).winners == std::vector<std::uint32_t>{1});

    drawn.lotOrder = {1, 1};
    CHECK_FALSE(tallyElection(same, drawn).ok());
    drawn.lotOrder = {5};
    CHECK_FALSE(tallyElection(same, drawn).ok());
}

TEST_CASE("greedy counts points for points ballots and approval for ordinal ones", "[tally][greedy]") {
    // p0 is on two ballots with 1 point each, p1 on one ballot with 5 points.
    const Election points = makeElection(50, {50, 50}, {{0, 1}, {0}}, {{1, 5}, {1}});
    const TallyResult byPoints = count(points, rule(Rule::Greedy));
    CHECK(byPoints.winners == std::vector<std::uint32_t>{1});
    CHECK(byPoints.projects[1].support == 5);
    CHECK(byPoints.projects[1].supporters == 1);

    // Zero points are no support.
    const Election zero = makeElection(50, {50, 50}, {{0, 1}}, {{0, 2}});
    CHECK(count(zero, rule(Rule::Greedy)).projects[0].reason == Reason::NoSupport);

    // Ordinal: every ranked project counts as one vote, whatever its place.
    const Election ordinal = makeElection(50, {50, 50}, {{1, 0}, {0}}, {}, VoteType::Ordinal);
    CHECK(count(ordinal, rule(Rule::Greedy)).winners == std::vector<std::uint32_t>{0});
}

TEST_CASE("the tally rejects elections it cannot count", "[tally]") {
    Election badProject = fourProjects();
    badProject.ballots.projects[0] = 9;
    CHECK_FALSE(tallyElection(badProject).ok());

    Election twice = makeElection(100, {10, 20}, {{0, 0}});
    const Result<TallyResult> result = tallyElection(twice);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().detail.find("twice") != std::string::npos);

    Election negative = fourProjects();
    negative.projects[1].cost = -1;
    CHECK_FALSE(tallyElection(negative).ok());

    Election tooManyPoints = makeElection(100, {10}, {{0}}, {{kTallyMaxPoints + 1}});
    CHECK_FALSE(tallyElection(tooManyPoints).ok());

    Election noBallots = makeElection(100, {10}, {});
    CHECK(tallyElection(noBallots).ok());  // greedy funds nothing
    TallyOptions mes;
    mes.rule = Rule::EqualShares;
    CHECK_FALSE(tallyElection(noBallots, mes).ok());
}

TEST_CASE("rule, utility, completion and reason names read back", "[tally]") {
    for (const Rule r : {Rule::Greedy, Rule::GreedyNoSkip, Rule::EqualShares}) CHECK(ruleFromId(ruleId(r)) == r);
    for (const Utility u : {Utility::Cost, Utility::Cardinality}) CHECK(utilityFromId(utilityId(u)) == u);
    for (const Completion c : {Completion::None, Completion::Add1, Completion::Add1Utilitarian})
        CHECK(completionFromId(completionId(c)) == c);
    CHECK(ruleId(Rule::GreedyNoSkip) == "greedy-no-skip");
    CHECK(ruleId(Rule::EqualShares) == "mes");
    CHECK(completionId(Completion::Add1Utilitarian) == "add1u");
    CHECK_FALSE(ruleFromId("pav"));
    CHECK(reasonId(Reason::SupportersOutOfMoney) == "supporters-out-of-money");
}

TEST_CASE("greedy matches its definition on random elections", "[tally][greedy]") {
    std::mt19937 random(20240611);
    for (int round = 0; round < 400; ++round) {
        const std::size_t projects = 1 + random() % 7;
        const std::size_t voters = random() % 9;
        std::vector<Money> costs;
        for (std::size_t p = 0; p < projects; ++p) costs.push_back(static_cast<Money>(random() % 6) * 10);
        std::vector<std::vector<std::uint32_t>> ballots(voters);
        for (auto& ballot : ballots)
            for (std::uint32_t p = 0; p < projects; ++p)
                if (random() % 3 == 0) ballot.push_back(p);
        Election election = makeElection(static_cast<Money>(random() % 12) * 10, costs, ballots);
        const std::int64_t threshold = random() % 3;
        election.meta.push_back({"min_project_score_threshold", std::to_string(threshold)});

        for (const Rule r : {Rule::Greedy, Rule::GreedyNoSkip}) {
            INFO("round " << round << ", rule " << ruleId(r));
            const TallyResult result = count(election, rule(r));
            CHECK(result.spent <= election.budget);
            Money spent = 0;
            for (const std::uint32_t p : result.winners) spent += costs[p];
            CHECK(spent == result.spent);

            // The definition: in order of support (then cost, then election order), each project
            // with support reaching the threshold is funded exactly when it fits what is left, and
            // without skipping counting ends at the first that does not.
            Result<TallyProfile> profile = prepareProfile(election, {});
            REQUIRE(profile.ok());
            std::vector<std::uint32_t> line;
            for (std::uint32_t p = 0; p < projects; ++p)
                if (profile->support[p] >= std::max<std::int64_t>(threshold, 1)) line.push_back(p);
            std::stable_sort(line.begin(), line.end(), [&](std::uint32_t a, std::uint32_t b) {
                return profile->support[a] != profile->support[b] ? profile->support[a] > profile->support[b]
                                                                  : costs[a] < costs[b];
            });
            std::vector<std::uint32_t> expected;
            Money left = election.budget;
            for (const std::uint32_t p : line) {
                if (costs[p] <= left) {
                    expected.push_back(p);
                    left -= costs[p];
                } else if (r == Rule::GreedyNoSkip) {
                    break;
                }
            }
            CHECK(result.winners == expected);
            for (std::uint32_t p = 0; p < projects; ++p)
                CHECK(result.projects[p].funded == (std::find(expected.begin(), expected.end(), p) != expected.end()));
        }
    }
}

TEST_CASE("ranked ballots count as approval, or by the points of their places", "[tally][greedy]") {
    // Budget 100, three projects of 50. Two voters rank p0 first, three rank p1 first and p0 last.
    const Election election = makeElection(100, {50, 50, 50}, {{0, 2}, {0, 2}, {1, 2, 0}, {1, 2, 0}, {1, 2, 0}}, {},
                                           VoteType::Ordinal);
    SECTION("as approval: every ranked project gets one vote") {
        const TallyResult result = count(election, rule(Rule::Greedy));
        CHECK(result.projects[0].support == 5);
        CHECK(result.projects[2].support == 5);
        CHECK(result.projects[1].support == 3);
        CHECK(result.winners == std::vector<std::uint32_t>{0, 2});
    }
    SECTION("with points 3, 2: first place 3, second 2, third nothing") {
        TallyOptions options = rule(Rule::Greedy);
        options.rankPoints = {3, 2};
        const TallyResult result = count(election, options);
        CHECK(result.projects[0].support == 6);   // 3 + 3, and nothing for third places
        CHECK(result.projects[0].supporters == 2);
        CHECK(result.projects[1].support == 9);   // 3 × 3
        CHECK(result.projects[2].support == 10);  // 2 + 2 + 2 × 3
        CHECK(result.winners == std::vector<std::uint32_t>{2, 1});
    }
    SECTION("Equal Shares weighs the places the same way") {
        TallyOptions options = rule(Rule::EqualShares);
        options.rankPoints = {3, 2};
        const TallyResult result = count(election, options);
        CHECK(result.spent <= 100);
        CHECK(result.projects[1].support == 9);
    }
    SECTION("points that grow or are not positive are refused") {
        TallyOptions options = rule(Rule::Greedy);
        for (const std::vector<std::int64_t>& bad : {std::vector<std::int64_t>{1, 2}, {3, 0}, {-1}}) {
            options.rankPoints = bad;
            const Result<TallyResult> result = tallyElection(election, options);
            REQUIRE_FALSE(result.ok());
            CHECK(result.error().code == ErrorCode::InvalidInput);
        }
    }
    SECTION("rank points leave approval ballots alone") {
        Election approval = election;
        approval.voteType = VoteType::Approval;
        TallyOptions options = rule(Rule::Greedy);
        options.rankPoints = {3, 2};
        CHECK(count(approval, options).projects[0].support == 5);
    }
}
