// A budget round counted and exported: its ballots as a Pabulib election, the announced rule, the
// rank points of ranking ballots, and the .pb text a round exports.
#include "app/core/round/RoundTally.h"
#include "app/core/tally/Pabulib.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <ctime>
#include <string>

using namespace buurtstem;

namespace {

constexpr std::uint64_t kDay = 86'400'000;

// Local midnight at the start of a day, in milliseconds since the epoch: exports name local days.
std::uint64_t localMidnight(int year, int month, int day) {
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_isdst = -1;
    return static_cast<std::uint64_t>(std::mktime(&tm)) * 1000;
}

const std::uint64_t kFirstDecember2026 = localMidnight(2026, 12, 1);

// Budget EUR 1,000; projects of EUR 300, 500, 200 and 900; voting 1 to 14 December 2026.
BudgetRound fourProjects(BallotType ballot, std::string rule = "greedy") {
    BudgetRound round;
    round.id = "11111111-2222-4333-8444-555555555555";
    round.name = "Buurtbudget Kastanjebuurt";
    round.budgetCents = 100'000;
    round.ballot = ballot;
    round.opensMs = kFirstDecember2026;
    round.closesMs = localMidnight(2026, 12, 15);
    round.counting = {std::move(rule), "cost", "none", false};
    const std::int64_t costs[] = {30'000, 50'000, 20'000, 90'000};
    const Theme themes[] = {Theme::Green, Theme::Play, Theme::CleanSafe, Theme::Meeting};
    for (int i = 0; i < 4; ++i) {
        const std::string number = std::to_string(i + 1);
        std::string id = "p", title = "Project ";
        id += number;
        title += number;
        round.projects.push_back({id, title, "", themes[i], costs[i], ""});
    }
    return round;
}

BallotDraft chose(std::vector<std::uint32_t> projects, std::vector<int> points = {}) {
    return BallotDraft{std::move(projects), std::move(points)};
}

std::string metaOf(const tally::Election& election, std::string_view key) {
    return std::string(election.metaValue(key).value_or("(none)"));
}

}  // namespace

TEST_CASE("an approval round becomes a Pabulib approval election with its META", "[round][tally]") {
    BudgetRound round = fourProjects(BallotType::Approval);
    round.limits.maxChoices = 2;
    const tally::Election election = roundElection(round, {chose({0, 2}), chose({1})}, "Kastanjebuurt");
    CHECK(election.voteType == tally::VoteType::Approval);
    CHECK(election.budget == 100'000);
    REQUIRE(election.projects.size() == 4);
    CHECK(election.projects[1].id == "p2");
    CHECK(election.projects[1].name == "Project 2");
    CHECK(election.projects[1].cost == 50'000);
    CHECK(election.projects[1].extra == std::vector<std::pair<std::string, std::string>>{{"category", "play"}});
    CHECK(election.ballots.count() == 2);
    CHECK(election.ballots.projects == std::vector<std::uint32_t>{0, 2, 1});
    CHECK(election.ballots.voterIds == std::vector<std::string>{"1", "2"});
    CHECK(metaOf(election, "description") == "Buurtbudget Kastanjebuurt");
    CHECK(metaOf(election, "unit") == "Kastanjebuurt");
    CHECK(metaOf(election, "instance") == "2026");
    CHECK(metaOf(election, "date_begin") == "01.12.2026");
    CHECK(metaOf(election, "date_end") == "14.12.2026");  // the window ends at midnight, exclusive
    CHECK(metaOf(election, "budget") == "1000.00");
    CHECK(metaOf(election, "max_length") == "2");
    CHECK(metaOf(election, "rule") == "greedy");
    CHECK(metaOf(election, "currency") == "EUR");
    CHECK(metaOf(election, "num_votes") == "2");
}

TEST_CASE("each ballot type exports as the Pabulib vote type that reads it back the same", "[round][tally]") {
    for (const BallotType type : kAllBallotTypes) {
        INFO(ballotTypeId(type));
        BudgetRound round = fourProjects(type, "mes");
        round.counting.completion = "add1";
        std::vector<BallotDraft> ballots;
        if (type == BallotType::Points)
            ballots = {chose({0, 1}, {2, 1}), chose({3}, {3}), chose({1}, {1})};
        else
            ballots = {chose({0, 1}), chose({3}), chose({1, 2, 0})};
        const tally::Election election = roundElection(round, ballots);
        const std::string text = tally::writePabulib(election);
        const Result<tally::Election> back = tally::readPabulib(text);
        REQUIRE(back.ok());
        CHECK(back->voteType == election.voteType);
        CHECK(back->budget == election.budget);
        CHECK(back->ballots.projects == election.ballots.projects);
        CHECK(back->ballots.points == election.ballots.points);
        CHECK(back->ballots.ballotStart == election.ballots.ballotStart);
        CHECK(text.find("rule;equalshares/add1\n") != std::string::npos);
        // The export counts the same as the round.
        const Result<RoundOutcome> counted = tallyRound(round, ballots);
        REQUIRE(counted.ok());
        const Result<tally::TallyResult> again = tally::tallyElection(*back, roundTallyOptions(round));
        REQUIRE(again.ok());
        CHECK(again->winners == counted->result.winners);
    }
    CHECK(roundElection(fourProjects(BallotType::Points), {}).voteType == tally::VoteType::Cumulative);
    CHECK(roundElection(fourProjects(BallotType::Ranking), {}).voteType == tally::VoteType::Ordinal);
    CHECK(roundElection(fourProjects(BallotType::Budget), {}).metaValue("max_sum_cost") == "1000.00");
}

TEST_CASE("a ranking counts its places with points, the favourite most", "[round][tally]") {
    BudgetRound round = fourProjects(BallotType::Ranking);
    round.limits.maxChoices = 3;
    CHECK(rankingPoints(round) == std::vector<std::int64_t>{3, 2, 1});
    round.limits.maxChoices = 0;
    CHECK(rankingPoints(round) == std::vector<std::int64_t>{4, 3, 2, 1});
    round.limits.maxChoices = 9;  // more places than projects: as many as there are projects
    CHECK(rankingPoints(round) == std::vector<std::int64_t>{4, 3, 2, 1});

    // Budget EUR 1,000. Three residents put p4 (EUR 900) last; two put it first. As approval p4
    // would have the most votes; with points p1 (EUR 300) and p2 (EUR 500) come first.
    round.limits.maxChoices = 3;
    const std::vector<BallotDraft> ballots = {chose({0, 1, 3}), chose({1, 0, 3}), chose({0, 1, 3}), chose({3, 2}),
                                              chose({3, 2})};
    const Result<RoundOutcome> counted = tallyRound(round, ballots);
    REQUIRE(counted.ok());
    const tally::TallyResult& result = counted->result;
    CHECK(result.byPoints);
    CHECK(result.projects[0].support == 8);   // 3 + 2 + 3
    CHECK(result.projects[1].support == 7);   // 2 + 3 + 2
    CHECK(result.projects[3].support == 9);   // 1 + 1 + 1 + 3 + 3
    CHECK(result.projects[2].support == 4);   // 2 + 2
    CHECK(result.winners == std::vector<std::uint32_t>{3});  // p4 first, then nothing else fits
    CHECK(counted->election.metaValue("rank_points") == "3,2,1");
}

TEST_CASE("the round's counting rule is the one its tally uses", "[round][tally]") {
    BudgetRound round = fourProjects(BallotType::Approval, "mes");
    round.counting.utility = "cardinality";
    round.counting.completion = "add1u";
    round.counting.compareGreedy = true;
    const tally::TallyOptions options = roundTallyOptions(round);
    CHECK(options.rule == tally::Rule::EqualShares);
    CHECK(options.utility == tally::Utility::Cardinality);
    CHECK(options.completion == tally::Completion::Add1Utilitarian);
    CHECK(options.compareWithGreedy);
    CHECK(options.rankPoints.empty());

    SECTION("Equal Shares without a single ballot cannot be counted, and says so") {
        const Result<RoundOutcome> counted = tallyRound(round, {});
        REQUIRE_FALSE(counted.ok());
        CHECK(counted.error().code == ErrorCode::InvalidInput);
    }
    SECTION("greedy without ballots funds nothing") {
        round.counting = {"greedy", "cost", "none", false};
        const Result<RoundOutcome> counted = tallyRound(round, {});
        REQUIRE(counted.ok());
        CHECK(counted->result.winners.empty());
        CHECK(counted->result.projects[0].reason == tally::Reason::NoSupport);
    }
}
