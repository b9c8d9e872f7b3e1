// The rules of a budget round and of each ballot type, tap by tap.
#include "app/core/round/BudgetRound.h"

#include <catch2/catch.hpp>

using namespace buurtstem;

namespace {

// A round of four projects: EUR 300, 500, 200 and 900, with a budget of EUR 1,000.
BudgetRound fourProjects(BallotType ballot) {
    BudgetRound round;
    round.id = "11111111-2222-4333-8444-555555555555";
    round.name = "Buurtbudget Kastanjebuurt";
    round.budgetCents = 100'000;
    round.ballot = ballot;
    round.opensMs = 1'000;
    round.closesMs = 2'000;
    const std::int64_t costs[] = {30'000, 50'000, 20'000, 90'000};
    for (int i = 0; i < 4; ++i) {
        // Appended rather than "p" + to_string(): GCC 12 at -O3 warns falsely (-Wrestrict) on that.
        const std::string number = std::to_string(i + 1);
        std::string id = "p", title = "Project ";
        id += number;
        title += number;
        round.projects.push_back({id, title, "", Theme::Green, costs[i], ""});
    }
    if (ballot == BallotType::Ranking) round.counting = {"greedy", "cost", "none", false};
    return round;
}

}  // namespace

TEST_CASE("a well-formed round passes, and each broken rule is named", "[round]") {
    for (BallotType type : kAllBallotTypes) {
        INFO(ballotTypeId(type));
        CHECK(validateRound(fourProjects(type)).ok());
        CHECK(ballotTypeFromId(ballotTypeId(type)) == type);
    }
    CHECK_FALSE(ballotTypeFromId("knapsack").has_value());

    BudgetRound round = fourProjects(BallotType::Approval);
    const auto refused = [](const BudgetRound& r) {
        const Result<void> checked = validateRound(r);
        return !checked.ok() && checked.error().code == ErrorCode::InvalidInput;
    };
    BudgetRound r = round;
    r.name = "  ";
    CHECK(refused(r));
    r = round;
    r.budgetCents = 0;
    CHECK(refused(r));
    r = round;
    r.projects.clear();
    CHECK(refused(r));
    r = round;
    r.projects[1].id = r.projects[0].id;
    CHECK(refused(r));
    r = round;
    r.projects[2].costCents = 0;
    CHECK(refused(r));
    r = round;
    r.closesMs = r.opensMs;
    CHECK(refused(r));
    r = round;
    r.counting.rule = "borda";
    CHECK(refused(r));
    r = round;
    r.counting = {"greedy", "cost", "add1", false};  // a completion belongs to Equal Shares
    CHECK(refused(r));
    r = fourProjects(BallotType::Ranking);
    r.counting = CountingRule{};  // Equal Shares counts a ranking by the points of its places (RoundTally.h)
    CHECK(validateRound(r).ok());
    r = fourProjects(BallotType::Points);
    r.limits.maxPointsPerProject = r.limits.totalPoints + 1;
    CHECK(refused(r));
}

TEST_CASE("approval: up to k projects, a second tap takes one back", "[round][ballot]") {
    BudgetRound round = fourProjects(BallotType::Approval);
    round.limits.maxChoices = 2;
    BallotDraft draft;
    CHECK(tapProject(round, draft, 0) == BallotRefusal::None);
    CHECK(tapProject(round, draft, 3) == BallotRefusal::None);
    CHECK(tapProject(round, draft, 1) == BallotRefusal::TooManyChoices);
    CHECK(draft.projects == std::vector<std::uint32_t>{0, 3});
    CHECK(tapProject(round, draft, 0) == BallotRefusal::None);  // taken back
    CHECK(tapProject(round, draft, 1) == BallotRefusal::None);
    CHECK(draft.projects == std::vector<std::uint32_t>{3, 1});
    CHECK(tapProject(round, draft, 7) == BallotRefusal::UnknownProject);
    CHECK(validateBallot(round, draft).ok());
    draft.projects.push_back(2);  // as if a tampered event held three
    CHECK_FALSE(validateBallot(round, draft).ok());
}

TEST_CASE("budget: a project that does not fit in what is left is refused", "[round][ballot]") {
    const BudgetRound round = fourProjects(BallotType::Budget);
    BallotDraft draft;
    CHECK(tapProject(round, draft, 1) == BallotRefusal::None);  // 500 of 1,000
    CHECK(tapProject(round, draft, 0) == BallotRefusal::None);  // 800
    CHECK(budgetLeftCents(round, draft) == 20'000);
    CHECK(tapProject(round, draft, 3) == BallotRefusal::OverBudget);  // 900 does not fit in 200
    CHECK(tapProject(round, draft, 2) == BallotRefusal::None);        // exactly 200 does
    CHECK(budgetLeftCents(round, draft) == 0);
    CHECK(ballotCostCents(round, draft) == round.budgetCents);
    CHECK(validateBallot(round, draft).ok());
    CHECK(tapProject(round, draft, 1) == BallotRefusal::None);  // taking back frees 500
    CHECK(tapProject(round, draft, 3) == BallotRefusal::OverBudget);  // 900 > 500
    draft.projects = {1, 3};  // 1,400: refused as a whole
    CHECK_FALSE(validateBallot(round, draft).ok());
}

TEST_CASE("points: N points, at most m per project, and points can be taken off", "[round][ballot]") {
    BudgetRound round = fourProjects(BallotType::Points);
    round.limits.totalPoints = 5;
    round.limits.maxPointsPerProject = 3;
    BallotDraft draft;
    for (int i = 0; i < 3; ++i) CHECK(tapProject(round, draft, 2) == BallotRefusal::None);
    CHECK(tapProject(round, draft, 2) == BallotRefusal::ProjectFull);
    CHECK(draft.pointsOn(2) == 3);
    CHECK(tapProject(round, draft, 0) == BallotRefusal::None);
    CHECK(tapProject(round, draft, 1) == BallotRefusal::None);
    CHECK(pointsGiven(draft) == 5);
    CHECK(tapProject(round, draft, 3) == BallotRefusal::NoPointsLeft);
    CHECK(validateBallot(round, draft).ok());
    removePoint(draft, 0);  // its only point: the project leaves the ballot
    CHECK_FALSE(draft.has(0));
    CHECK(draft.projects.size() == draft.points.size());
    removePoint(draft, 2);
    CHECK(draft.pointsOn(2) == 2);
    CHECK(tapProject(round, draft, 3) == BallotRefusal::None);
    draft.points[0] = 4;  // over m, as a tampered event might say
    CHECK_FALSE(validateBallot(round, draft).ok());
}

TEST_CASE("ranking: favourites in order, taking one out moves the rest up", "[round][ballot]") {
    BudgetRound round = fourProjects(BallotType::Ranking);
    round.limits.maxChoices = 3;
    BallotDraft draft;
    CHECK(tapProject(round, draft, 3) == BallotRefusal::None);
    CHECK(tapProject(round, draft, 0) == BallotRefusal::None);
    CHECK(tapProject(round, draft, 2) == BallotRefusal::None);
    CHECK(tapProject(round, draft, 1) == BallotRefusal::TooManyChoices);
    CHECK(tapProject(round, draft, 0) == BallotRefusal::None);
    CHECK(draft.projects == std::vector<std::uint32_t>{3, 2});
    CHECK(tapProject(round, draft, 1) == BallotRefusal::None);
    CHECK(draft.projects == std::vector<std::uint32_t>{3, 2, 1});
    CHECK(validateBallot(round, draft).ok());
}

TEST_CASE("an empty ballot or one naming a project twice is refused", "[round][ballot]") {
    const BudgetRound round = fourProjects(BallotType::Approval);
    BallotDraft draft;
    CHECK_FALSE(validateBallot(round, draft).ok());
    draft.projects = {1, 1};
    CHECK_FALSE(validateBallot(round, draft).ok());
    draft.projects = {1};
    draft.points = {2};  // points on an approval ballot
    CHECK_FALSE(validateBallot(round, draft).ok());
}

TEST_CASE("phases: proposals before voting, voting in its window, results published after it", "[round][phases]") {
    BudgetRound round = fourProjects(BallotType::Approval);  // voting from 1,000 to 2,000 ms
    CHECK(roundPhase(round, 500) == RoundPhase::Preparing);
    CHECK(roundPhase(round, 1'000) == RoundPhase::Voting);
    CHECK(roundPhase(round, 1'999) == RoundPhase::Voting);
    CHECK(roundPhase(round, 2'000) == RoundPhase::Counting);

    Result<BudgetRound> open = changePhase(round, PhaseChange::OpenSubmissions, 500);
    REQUIRE(open.ok());
    CHECK(roundPhase(*open, 500) == RoundPhase::Submissions);
    CHECK(roundPhase(*open, 1'500) == RoundPhase::Voting);  // the window wins: no proposals while voting
    CHECK(roundPhase(*changePhase(*open, PhaseChange::CloseSubmissions, 600), 600) == RoundPhase::Preparing);

    // Opening voting now moves the window's start and ends the proposals.
    Result<BudgetRound> voting = changePhase(*open, PhaseChange::OpenVotingNow, 700);
    REQUIRE(voting.ok());
    CHECK(voting->opensMs == 700);
    CHECK(voting->closesMs == 2'000);
    CHECK_FALSE(voting->phases.submissionsOpen);
    CHECK(roundPhase(*voting, 700) == RoundPhase::Voting);
    CHECK(changePhase(*voting, PhaseChange::OpenSubmissions, 800).error().detail.find("before voting") != std::string::npos);
    CHECK(changePhase(*voting, PhaseChange::PublishResults, 800).error().detail.find("not ended") != std::string::npos);

    // Ending voting now; a round that opened this very millisecond still has a window of one.
    Result<BudgetRound> ended = changePhase(*voting, PhaseChange::CloseVotingNow, 900);
    REQUIRE(ended.ok());
    CHECK(ended->closesMs == 900);
    CHECK(ended->opensMs == 700);
    CHECK(changePhase(*voting, PhaseChange::CloseVotingNow, 700)->closesMs == 701);
    CHECK(changePhase(round, PhaseChange::CloseVotingNow, 500).error().detail.find("not begun") != std::string::npos);
    CHECK(roundPhase(*ended, 900) == RoundPhase::Counting);
    CHECK(changePhase(*ended, PhaseChange::CloseVotingNow, 950).error().detail.find("already ended") != std::string::npos);
    CHECK(changePhase(*ended, PhaseChange::OpenVotingNow, 950).error().code == ErrorCode::InvalidInput);

    Result<BudgetRound> published = changePhase(*ended, PhaseChange::PublishResults, 1'000);
    REQUIRE(published.ok());
    CHECK(published->phases.publishedMs == 1'000);
    CHECK(roundPhase(*published, 1'000) == RoundPhase::Published);
    CHECK(changePhase(*published, PhaseChange::PublishResults, 1'100).error().detail.find("already published") != std::string::npos);
    // Phases are not what residents voted on: a round with ballots may still get them.
    CHECK(onlyClosingDiffers(*ended, *published));
}
