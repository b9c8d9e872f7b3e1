// Paper ballots entered twice: comparing the two entries ballot by ballot, who may enter a batch
// a second time or correct it, and the event that carries an entry.
#include "app/core/Event.h"
#include "app/core/round/PaperBallots.h"

#include <catch2/catch.hpp>

using namespace buurtstem;

namespace {

BudgetRound fourProjects(BallotType ballot = BallotType::Approval) {
    BudgetRound round;
    round.id = "r1";
    round.name = "Buurtbudget";
    round.budgetCents = 1'000'000;
    round.ballot = ballot;
    round.opensMs = 1;
    round.closesMs = 2;
    round.projects = {{"bank", "Bankjes", "", Theme::Green, 400'000, ""},
                      {"speel", "Speeltuin", "", Theme::Play, 300'000, ""},
                      {"licht", "Licht", "", Theme::CleanSafe, 200'000, ""},
                      {"feest", "Buurtfeest", "", Theme::Meeting, 100'000, ""}};
    if (ballot == BallotType::Points) round.limits = BallotLimits{0, 6, 3};
    return round;
}

BallotDraft ballotOf(std::vector<std::uint32_t> projects, std::vector<int> points = {}) {
    BallotDraft draft;
    draft.projects = std::move(projects);
    draft.points = std::move(points);
    return draft;
}

}  // namespace

TEST_CASE("two equal entries agree", "[core][paper]") {
    const BudgetRound round = fourProjects();
    const std::vector<BallotDraft> entry = {ballotOf({0, 2}), ballotOf({1}), ballotOf({3})};
    CHECK(comparePaperEntries(round, entry, entry).empty());
    // Approval: the order in which the crosses were tapped does not matter.
    CHECK(comparePaperEntries(round, {ballotOf({0, 2})}, {ballotOf({2, 0})}).empty());

    PaperBatch batch;
    batch.label = "stembus 1";
    batch.first = PaperEntry{"Anna", entry};
    settlePaperBatch(round, batch);
    CHECK(batch.state == PaperBatchState::EnteredOnce);
    CHECK(batch.countedBallots() == nullptr);
    batch.second = PaperEntry{"Bram", entry};
    settlePaperBatch(round, batch);
    CHECK(batch.state == PaperBatchState::Agreed);
    REQUIRE(batch.countedBallots() != nullptr);
    CHECK(batch.countedBallots()->size() == 3);
}

TEST_CASE("one ballot that differs is named with the projects marked differently", "[core][paper]") {
    const BudgetRound round = fourProjects();
    const std::vector<BallotDraft> first = {ballotOf({0, 2}), ballotOf({1}), ballotOf({3})};
    const std::vector<BallotDraft> second = {ballotOf({0, 2}), ballotOf({1, 3}), ballotOf({3})};
    const std::vector<PaperMismatch> mismatches = comparePaperEntries(round, first, second);
    REQUIRE(mismatches.size() == 1);
    REQUIRE(mismatches[0].ballot.has_value());
    CHECK(*mismatches[0].ballot == 1);
    CHECK(mismatches[0].projects == std::vector<std::uint32_t>{3});

    PaperBatch batch;
    batch.first = PaperEntry{"Anna", first};
    batch.second = PaperEntry{"Bram", second};
    settlePaperBatch(round, batch);
    CHECK(batch.state == PaperBatchState::Mismatched);
    CHECK(batch.countedBallots() == nullptr);  // nothing of a mismatched batch counts
}

TEST_CASE("a different number of ballots is a mismatch of its own, after those of the shared ballots", "[core][paper]") {
    const BudgetRound round = fourProjects();
    const std::vector<BallotDraft> first = {ballotOf({0}), ballotOf({1}), ballotOf({2})};
    const std::vector<BallotDraft> second = {ballotOf({0}), ballotOf({3})};
    const std::vector<PaperMismatch> mismatches = comparePaperEntries(round, first, second);
    REQUIRE(mismatches.size() == 2);
    CHECK(*mismatches[0].ballot == 1);
    CHECK(mismatches[0].projects == std::vector<std::uint32_t>{1, 3});
    CHECK_FALSE(mismatches[1].ballot.has_value());
    CHECK(mismatches[1].firstCount == 3);
    CHECK(mismatches[1].secondCount == 2);
}

TEST_CASE("order matters where the ballot says it does", "[core][paper]") {
    SECTION("the stack's order: two ballots swapped are two mismatches") {
        const BudgetRound round = fourProjects();
        const std::vector<PaperMismatch> mismatches =
            comparePaperEntries(round, {ballotOf({0}), ballotOf({1})}, {ballotOf({1}), ballotOf({0})});
        REQUIRE(mismatches.size() == 2);
        CHECK(*mismatches[0].ballot == 0);
        CHECK(*mismatches[1].ballot == 1);
    }
    SECTION("a ranking's order") {
        const BudgetRound round = fourProjects(BallotType::Ranking);
        const std::vector<PaperMismatch> mismatches = comparePaperEntries(round, {ballotOf({0, 1, 2})}, {ballotOf({0, 2, 1})});
        REQUIRE(mismatches.size() == 1);
        CHECK(mismatches[0].projects == std::vector<std::uint32_t>{1, 2});
        CHECK(sameBallot(round, ballotOf({0, 1}), ballotOf({0, 1})));
    }
    SECTION("points, not the order they were given in") {
        const BudgetRound round = fourProjects(BallotType::Points);
        CHECK(sameBallot(round, ballotOf({0, 1}, {3, 2}), ballotOf({1, 0}, {2, 3})));
        CHECK_FALSE(sameBallot(round, ballotOf({0, 1}, {3, 2}), ballotOf({0, 1}, {2, 3})));
    }
}

TEST_CASE("an entry is checked ballot by ballot against the round", "[core][paper]") {
    BudgetRound round = fourProjects();
    round.limits.maxChoices = 2;
    CHECK(validatePaperEntry(round, "stembus 1", {ballotOf({0, 1})}).ok());
    CHECK_FALSE(validatePaperEntry(round, "  ", {ballotOf({0})}).ok());
    CHECK_FALSE(validatePaperEntry(round, "stembus 1", {}).ok());
    CHECK_FALSE(validatePaperEntry(round, std::string(kPaperBatchLabelMax + 1, 'x'), {ballotOf({0})}).ok());
    const Result<void> tooMany = validatePaperEntry(round, "stembus 1", {ballotOf({0}), ballotOf({0, 1, 2})});
    REQUIRE_FALSE(tooMany.ok());
    CHECK(tooMany.error().detail.rfind("ballot 2: ", 0) == 0);
}

TEST_CASE("the second entry is another facilitator's; a correction replaces one's own", "[core][paper]") {
    PaperBatch batch;
    batch.label = "stembus 1";
    CHECK(paperEntryNumber(batch, "Anna", false).value() == 1);
    CHECK(paperEntryNumber(batch, "Anna", true).error().code == ErrorCode::NotFound);
    batch.first = PaperEntry{"Anna", {ballotOf({0})}};
    CHECK(paperEntryNumber(batch, "Anna", false).error().code == ErrorCode::InvalidInput);
    CHECK(paperEntryNumber(batch, "Anna", true).value() == 1);
    CHECK(paperEntryNumber(batch, "Bram", false).value() == 2);
    batch.second = PaperEntry{"Bram", {ballotOf({1})}};
    CHECK(paperEntryNumber(batch, "Bram", true).value() == 2);
    CHECK(paperEntryNumber(batch, "Carla", false).error().code == ErrorCode::InvalidInput);
}

TEST_CASE("paper_batch.entered reads back and refuses what cannot be an entry", "[core][paper][event]") {
    PaperBatchEntered payload;
    payload.roundId = "r1";
    payload.batch = "stembus \"buurthuis\" 1";
    payload.entry = 2;
    payload.facilitator = "Bram";
    payload.projects = {{"bank", "licht"}, {"speel"}};
    payload.points = {{}, {}};
    const Result<PaperBatchEntered> read = decodePaperBatchEntered(encodePayload(payload));
    REQUIRE(read.ok());
    CHECK(read->batch == payload.batch);
    CHECK(read->entry == 2);
    CHECK(read->projects == payload.projects);

    PaperBatchEntered bad = payload;
    bad.entry = 3;
    CHECK_FALSE(decodePaperBatchEntered(encodePayload(bad)).ok());
    bad = payload;
    bad.projects = {{"bank", "bank"}, {"speel"}};
    CHECK_FALSE(decodePaperBatchEntered(encodePayload(bad)).ok());
    bad = payload;
    bad.projects = {{}, {"speel"}};
    CHECK_FALSE(decodePaperBatchEntered(encodePayload(bad)).ok());
    bad = payload;
    bad.points = {{}};
    CHECK_FALSE(decodePaperBatchEntered(encodePayload(bad)).ok());
    CHECK_FALSE(decodePaperBatchEntered("[]").ok());
}
