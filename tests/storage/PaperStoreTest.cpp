// Paper ballots in the kiosk database: two facilitators enter a batch, only an agreed batch counts
// (in ballotCount, roundBallots and the tally), a correction resolves a mismatch, the read tables
// rebuild from the events alone, and an export marks every vote as paper or kiosk.
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

BudgetRound eveningRound() {
    BudgetRound round;
    round.name = "Buurtbudget Kastanjebuurt";
    round.budgetCents = 1'000'000;
    round.ballot = BallotType::Approval;
    round.eligibility = Eligibility::Evening;
    round.opensMs = kOpens;
    round.closesMs = kOpens + 7 * kDay;
    round.counting = CountingRule{"greedy", "cost", "none", false};
    round.projects = {{"bank", "Bankjes bij de vijver", "", Theme::Green, 400'000, ""},
                      {"speel", "Speeltuin opknappen", "", Theme::Play, 700'000, ""},
                      {"licht", "Licht in het steegje", "", Theme::CleanSafe, 250'000, ""}};
    return round;
}

BallotDraft choose(std::initializer_list<std::uint32_t> projects) {
    BallotDraft draft;
    draft.projects = projects;
    return draft;
}

const std::vector<BallotDraft> kStack = {choose({0, 2}), choose({1}), choose({2})};

PaperBatch batchNamed(const KioskStore& store, const std::string& roundId, const std::string& label) {
    for (const PaperBatch& batch : store.paperBatches(roundId))
        if (batch.label == label) return batch;
    FAIL("no batch " << label);
    return {};
}

}  // namespace

TEST_CASE("a batch counts once two facilitators entered the same ballots", "[storage][paper]") {
    ManualClock clock;
    auto store = KioskStore::openInMemory(clock.options()).value();
    const BudgetRound round = store->saveRound(eveningRound()).value();
    REQUIRE(store->castBallot(round.id, choose({1}), "").ok());
    CHECK(store->ballotCount(round.id) == 1);

    const Result<PaperBatch> first = store->enterPaperBatch(round.id, " stembus buurthuis 1 ", "Anna", kStack, false);
    REQUIRE(first.ok());
    CHECK(first->label == "stembus buurthuis 1");  // trimmed
    CHECK(first->state == PaperBatchState::EnteredOnce);
    CHECK(store->ballotCount(round.id) == 1);  // once is not enough

    SECTION("the same facilitator cannot be the second entry") {
        const Result<PaperBatch> again = store->enterPaperBatch(round.id, "stembus buurthuis 1", "Anna", kStack, false);
        REQUIRE_FALSE(again.ok());
        CHECK(again.error().code == ErrorCode::InvalidInput);
        CHECK(again.error().detail.find("another facilitator") != std::string::npos);
        CHECK(store->ballotCount(round.id) == 1);
    }
    SECTION("agreement counts in ballotCount, roundBallots and the tally") {
        const Result<PaperBatch> second = store->enterPaperBatch(round.id, "stembus buurthuis 1", "Bram", kStack, false);
        REQUIRE(second.ok());
        CHECK(second->state == PaperBatchState::Agreed);
        CHECK(store->ballotCount(round.id) == 4);
        std::vector<bool> onPaper;
        const std::vector<BallotDraft> ballots = store->roundBallots(round.id, &onPaper);
        REQUIRE(ballots.size() == 4);
        CHECK(onPaper == std::vector<bool>{false, true, true, true});
        CHECK(ballots[1].projects == std::vector<std::uint32_t>{0, 2});
        const Result<RoundOutcome> outcome = tallyRound(round, ballots);
        REQUIRE(outcome.ok());
        CHECK(outcome->result.projects[2].supporters == 2);  // licht: two paper votes
        // A third facilitator cannot enter it again.
        CHECK_FALSE(store->enterPaperBatch(round.id, "stembus buurthuis 1", "Carla", kStack, false).ok());
    }
    SECTION("a mismatch does not count until a correction makes the entries agree") {
        const std::vector<BallotDraft> slip = {choose({0, 2}), choose({1, 2}), choose({2})};
        const Result<PaperBatch> second = store->enterPaperBatch(round.id, "stembus buurthuis 1", "Bram", slip, false);
        REQUIRE(second.ok());
        REQUIRE(second->state == PaperBatchState::Mismatched);
        REQUIRE(second->mismatches.size() == 1);
        CHECK(*second->mismatches[0].ballot == 1);
        CHECK(store->ballotCount(round.id) == 1);
        CHECK(store->roundBallots(round.id).size() == 1);

        // Carla has nothing to correct; Bram corrects his own entry.
        CHECK(store->enterPaperBatch(round.id, "stembus buurthuis 1", "Carla", kStack, true).error().code == ErrorCode::NotFound);
        const Result<PaperBatch> corrected = store->enterPaperBatch(round.id, "stembus buurthuis 1", "Bram", kStack, true);
        REQUIRE(corrected.ok());
        CHECK(corrected->state == PaperBatchState::Agreed);
        CHECK(corrected->second->facilitator == "Bram");
        CHECK(store->ballotCount(round.id) == 4);
    }
}

TEST_CASE("paper ballots wait for the round to open, and may still be entered after it closed", "[storage][paper]") {
    ManualClock clock;
    auto store = KioskStore::openInMemory(clock.options()).value();
    BudgetRound later = eveningRound();
    later.opensMs = kOpens + kDay;
    later.closesMs = kOpens + 2 * kDay;
    const BudgetRound round = store->saveRound(later).value();
    CHECK(store->enterPaperBatch(round.id, "stembus 1", "Anna", kStack, false).error().code == ErrorCode::InvalidInput);
    clock.set(kOpens + 3 * kDay);  // closed
    REQUIRE(store->enterPaperBatch(round.id, "stembus 1", "Anna", kStack, false).ok());
    REQUIRE(store->enterPaperBatch(round.id, "stembus 1", "Bram", kStack, false).ok());
    CHECK(store->ballotCount(round.id) == 3);
    CHECK(store->enterPaperBatch("no-such-round", "stembus 1", "Anna", kStack, false).error().code == ErrorCode::NotFound);
    // A ballot the round refuses is refused with its number; nothing is stored.
    const std::int64_t events = store->eventCount();
    CHECK_FALSE(store->enterPaperBatch(round.id, "stembus 2", "Anna", {choose({0}), choose({1, 1})}, false).ok());
    CHECK(store->eventCount() == events);
    // Once paper ballots are in, the projects on the ballot stay as they were.
    BudgetRound changed = round;
    changed.projects.pop_back();
    CHECK_FALSE(store->saveRound(changed).ok());
}

TEST_CASE("paper batches rebuild from the events alone", "[storage][paper]") {
    ManualClock clock;
    auto store = KioskStore::openInMemory(clock.options()).value();
    const BudgetRound round = store->saveRound(eveningRound()).value();
    REQUIRE(store->enterPaperBatch(round.id, "stembus 1", "Anna", kStack, false).ok());
    REQUIRE(store->enterPaperBatch(round.id, "stembus 1", "Bram", {choose({0})}, false).ok());
    REQUIRE(store->enterPaperBatch(round.id, "stembus 1", "Bram", kStack, true).ok());
    REQUIRE(store->enterPaperBatch(round.id, "stembus 2", "Bram", {choose({1})}, false).ok());
    REQUIRE(store->enterPaperBatch(round.id, "stembus 3", "Anna", {choose({1})}, false).ok());
    REQUIRE(store->enterPaperBatch(round.id, "stembus 3", "Bram", {choose({2})}, false).ok());
    const std::vector<PaperBatch> before = store->paperBatches(round.id);
    const std::vector<BallotDraft> ballotsBefore = store->roundBallots(round.id);
    REQUIRE(store->rebuildReadTables().ok());
    const std::vector<PaperBatch> after = store->paperBatches(round.id);
    REQUIRE(after.size() == 3);
    for (std::size_t i = 0; i < after.size(); ++i) {
        CHECK(after[i].label == before[i].label);
        CHECK(after[i].state == before[i].state);
        CHECK(after[i].mismatches == before[i].mismatches);
    }
    CHECK(after[0].state == PaperBatchState::Agreed);
    CHECK(after[1].state == PaperBatchState::EnteredOnce);
    CHECK(after[2].state == PaperBatchState::Mismatched);
    CHECK(store->roundBallots(round.id).size() == ballotsBefore.size());
    CHECK(store->ballotCount(round.id) == 3);
    CHECK(batchNamed(*store, round.id, "stembus 1").second->ballots.size() == 3);
}

TEST_CASE("an export marks each vote as paper or kiosk and reads back", "[storage][paper][export]") {
    ManualClock clock;
    auto store = KioskStore::openInMemory(clock.options()).value();
    const BudgetRound round = store->saveRound(eveningRound()).value();
    REQUIRE(store->castBallot(round.id, choose({1}), "").ok());
    REQUIRE(store->castBallot(round.id, choose({0}), "").ok());
    REQUIRE(store->enterPaperBatch(round.id, "stembus 1", "Anna", kStack, false).ok());
    REQUIRE(store->enterPaperBatch(round.id, "stembus 1", "Bram", kStack, false).ok());

    // What `buurtstem round export` writes.
    std::vector<bool> onPaper;
    const std::vector<BallotDraft> ballots = store->roundBallots(round.id, &onPaper);
    tally::Election election = roundElection(round, ballots);
    for (const bool paper : onPaper) election.ballots.channels.emplace_back(paper ? "paper" : "kiosk");
    const std::string text = tally::writePabulib(election);
    CHECK(text.find("voter_id;vote;channel\n") != std::string::npos);
    CHECK(text.find("Anna") == std::string::npos);  // who typed it is not in the file

    const Result<tally::Election> reread = tally::readPabulib(text);
    REQUIRE(reread.ok());
    CHECK(reread->ballots.channels == std::vector<std::string>{"kiosk", "kiosk", "paper", "paper", "paper"});
    REQUIRE(reread->ballots.count() == 5);
    const Result<tally::TallyResult> recounted = tally::tallyElection(*reread, roundTallyOptions(round));
    const Result<RoundOutcome> counted = tallyRound(round, ballots);
    REQUIRE(recounted.ok());
    REQUIRE(counted.ok());
    CHECK(recounted->winners == counted->result.winners);
    // Written again, the file is the same.
    CHECK(tally::writePabulib(*reread) == text);
}
