// A round's ballots as the kiosk stores them, exported to Pabulib and read back: the file counts
// to the same winners as the round itself, with the outcome in its `selected` column, and holds
// neither receipts nor codes.
#include "StorageTestSupport.h"

#include "app/core/round/RoundTally.h"
#include "app/core/tally/Pabulib.h"

#include <algorithm>

using namespace buurtstem;
using namespace buurtstem::storage;
using namespace buurtstem::storage::test;

namespace {

constexpr std::uint64_t kOpens = 1'764'316'924'000;  // the ManualClock's start
constexpr std::uint64_t kDay = 86'400'000ULL;

BudgetRound fiveProjects(BallotType ballot, CountingRule counting) {
    BudgetRound round;
    round.name = "Buurtbudget Kastanjebuurt";
    round.budgetCents = 1'000'000;
    round.ballot = ballot;
    round.opensMs = kOpens;
    round.closesMs = kOpens + 7 * kDay;
    round.counting = std::move(counting);
    round.projects = {{"bank", "Bankjes bij de vijver", "", Theme::Green, 400'000, ""},
                      {"speel", "Speeltuin opknappen", "", Theme::Play, 700'000, ""},
                      {"licht", "Licht in het steegje", "", Theme::CleanSafe, 250'000, ""},
                      {"feest", "Buurtfeest; met muziek", "", Theme::Meeting, 300'000, ""},
                      {"stal", "Fietsenstalling", "", Theme::Traffic, 350'000, ""}};
    if (ballot == BallotType::Ranking) round.limits.maxChoices = 3;
    if (ballot == BallotType::Points) round.limits = BallotLimits{0, 6, 3};
    return round;
}

BallotDraft ballotOf(std::vector<std::uint32_t> projects, std::vector<int> points = {}) {
    BallotDraft draft;
    draft.projects = std::move(projects);
    draft.points = std::move(points);
    return draft;
}

std::vector<std::string> winnerIds(const tally::Election& election, const tally::TallyResult& result) {
    std::vector<std::string> ids;
    for (const std::uint32_t p : result.winners) ids.push_back(election.projects[p].id);
    return ids;
}

}  // namespace

TEST_CASE("an exported round reads back to the same winners, with the outcome in `selected`", "[storage][round][export]") {
    struct Case {
        BallotType ballot;
        CountingRule counting;
        std::vector<BallotDraft> ballots;
    };
    const std::vector<Case> cases = {
        {BallotType::Approval, CountingRule{"mes", "cost", "add1", false},
         {ballotOf({0, 2}), ballotOf({1}), ballotOf({1, 3}), ballotOf({2, 3, 4}), ballotOf({0}), ballotOf({1, 2}),
          ballotOf({4}), ballotOf({3, 0})}},
        {BallotType::Budget, CountingRule{"greedy", "cost", "none", false},
         {ballotOf({0, 2, 3}), ballotOf({1, 2}), ballotOf({1}), ballotOf({4, 2}), ballotOf({1, 3})}},
        {BallotType::Points, CountingRule{"mes", "cardinality", "add1u", true},
         {ballotOf({0, 1}, {3, 3}), ballotOf({2}, {1}), ballotOf({1, 2, 3}, {2, 2, 2}), ballotOf({4, 0}, {3, 1}),
          ballotOf({3}, {3})}},
        {BallotType::Ranking, CountingRule{"greedy-no-skip", "cost", "none", false},
         {ballotOf({1, 0, 2}), ballotOf({2, 1}), ballotOf({3}), ballotOf({0, 2, 4}), ballotOf({2, 0, 1})}},
    };
    for (const Case& c : cases) {
        DYNAMIC_SECTION(ballotTypeId(c.ballot)) {
            ManualClock clock;
            ScratchDir dir;
            auto store = openOrFail(dir.database(), clock.options());
            const Result<BudgetRound> saved = store->saveRound(fiveProjects(c.ballot, c.counting));
            REQUIRE(saved.ok());
            const std::vector<std::string> codes = store->issueVotingCodes(saved->id, c.ballots.size()).value();
            std::vector<std::string> receipts;
            for (std::size_t b = 0; b < c.ballots.size(); ++b) {
                clock.set(kOpens + (b + 1) * 60'000);
                Result<std::string> receipt = store->castBallot(saved->id, c.ballots[b], codes[b]);
                REQUIRE(receipt.ok());
                receipts.push_back(*receipt);
            }
            clock.set(kOpens + kDay);
            REQUIRE(store->closeRound(saved->id).ok());

            const BudgetRound round = store->round(saved->id).value();
            const std::vector<BallotDraft> ballots = store->roundBallots(round.id);
            REQUIRE(ballots.size() == c.ballots.size());
            const Result<RoundOutcome> outcome = tallyRound(round, ballots, "Kastanjebuurt");
            REQUIRE(outcome.ok());
            REQUIRE_FALSE(outcome->result.winners.empty());

            // What `buurtstem round export` writes for a closed round.
            tally::Election exported = outcome->election;
            for (std::size_t p = 0; p < exported.projects.size(); ++p)
                exported.projects[p].selected = outcome->result.projects[p].funded;
            const std::string text = tally::writePabulib(exported);
            for (const std::string& receipt : receipts) CHECK(text.find(receipt) == std::string::npos);
            for (const std::string& code : codes) CHECK(text.find(code) == std::string::npos);

            const Result<tally::Election> reread = tally::readPabulib(text);
            REQUIRE(reread.ok());
            REQUIRE(reread->projects.size() == round.projects.size());
            for (std::size_t p = 0; p < round.projects.size(); ++p) {
                CHECK(reread->projects[p].id == round.projects[p].id);
                CHECK(reread->projects[p].name == round.projects[p].title);
                CHECK(reread->projects[p].selected == std::optional<bool>(outcome->result.projects[p].funded));
            }
            REQUIRE(reread->ballots.voterIds.size() == ballots.size());
            for (std::size_t b = 0; b < ballots.size(); ++b) CHECK(reread->ballots.voterIds[b] == std::to_string(b + 1));

            const Result<tally::TallyResult> recounted = tally::tallyElection(*reread, roundTallyOptions(round));
            REQUIRE(recounted.ok());
            CHECK(winnerIds(*reread, *recounted) == winnerIds(outcome->election, outcome->result));
            CHECK(recounted->spent == outcome->result.spent);
        }
    }
}

TEST_CASE("an open round exports without an outcome", "[storage][round][export]") {
    ManualClock clock;
    auto store = KioskStore::openInMemory(clock.options()).value();
    const std::string roundId =
        store->saveRound(fiveProjects(BallotType::Approval, CountingRule{})).value().id;
    const std::vector<std::string> codes = store->issueVotingCodes(roundId, 1).value();
    REQUIRE(store->castBallot(roundId, ballotOf({0, 1}), codes[0]).ok());
    const BudgetRound round = store->round(roundId).value();
    const std::string text = tally::writePabulib(roundElection(round, store->roundBallots(roundId)));
    CHECK(text.find("selected") == std::string::npos);
    const Result<tally::Election> reread = tally::readPabulib(text);
    REQUIRE(reread.ok());
    CHECK(reread->ballots.voterIds == std::vector<std::string>{"1"});
}
