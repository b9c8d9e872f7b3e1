// Paper ballots on the kiosk: facilitator A types a stack of three ballots and locks; B unlocks
// with their own PIN and types the same stack with one ballot different; the mismatch shows,
// B corrects it, the entries agree and the round counts three more ballots.
#include "Harness.h"

#include <catch2/catch.hpp>

#include <string>

using namespace buurtstem;
using test::Harness;

namespace {

constexpr std::uint64_t kNow = 1'764'316'924'000;
constexpr std::uint64_t kDay = 86'400'000ULL;
constexpr const char* kPinAnna = "284615";
constexpr const char* kPinBram = "730942";
constexpr const char* kBatch = "stembus buurthuis 1";

void unlock(Harness& h, std::string_view pin) {
    h.press(20.0f, 20.0f, 2.5);
    REQUIRE(h.app().state().screen == ui::ScreenId::FacilitatorPin);
    for (const char digit : pin) REQUIRE(h.tap(std::string("#pin.") + digit));
    REQUIRE(h.tap("#pin.open"));
    REQUIRE(h.app().state().screen == ui::ScreenId::FacilitatorHome);
}

void tapBallot(Harness& h, std::initializer_list<const char*> projects) {
    for (const char* project : projects) REQUIRE(h.tap(std::string("#paper.project.") + project));
}

BudgetRound eveningRound() {
    BudgetRound round;
    round.name = "Buurtbudget Kastanjebuurt";
    round.budgetCents = 1'000'000;
    round.ballot = BallotType::Approval;
    round.eligibility = Eligibility::Evening;
    round.opensMs = kNow - kDay;
    round.closesMs = kNow + kDay;
    round.counting = CountingRule{"greedy", "cost", "none", false};
    round.projects = {{"bank", "Bankjes bij de vijver", "", Theme::Green, 400'000, ""},
                      {"speel", "Speeltuin opknappen", "", Theme::Play, 700'000, ""},
                      {"licht", "Licht in het steegje", "", Theme::CleanSafe, 250'000, ""}};
    return round;
}

}  // namespace

TEST_CASE("two facilitators enter a stack of paper ballots, correct a mismatch, and it counts", "[ui][paper]") {
    const std::string language = GENERATE(as<std::string>{}, "nl", "ar");
    test::HarnessOptions options;
    options.language = language;
    options.demo = false;
    options.firstScreen = ui::ScreenId::Attract;
    options.clock = [] { return kNow; };
    Harness h(options);
    REQUIRE(h.store().addFacilitator("Anna", kPinAnna).ok());
    REQUIRE(h.store().addFacilitator("Bram", kPinBram).ok());
    const BudgetRound round = h.store().saveRound(eveningRound()).value();
    const std::int64_t before = h.store().ballotCount(round.id);

    // Anna: a new stack, three ballots.
    unlock(h, kPinAnna);
    REQUIRE(h.tap("facilitator.paper"));
    REQUIRE(h.app().state().screen == ui::ScreenId::PaperBatches);
    CHECK(h.app().state().paper.roundId == round.id);  // the only round: chosen already
    REQUIRE(h.tap("paper.new_batch"));
    h.type(kBatch);
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.app().state().screen == ui::ScreenId::PaperEntry);
    CHECK_FALSE(h.find("paper.next_ballot")->enabled);  // an empty ballot is not a ballot
    tapBallot(h, {"bank", "licht"});
    REQUIRE(h.tap("paper.next_ballot"));
    tapBallot(h, {"speel"});
    REQUIRE(h.tap("paper.next_ballot"));
    tapBallot(h, {"licht"});
    REQUIRE(h.tap("paper.batch_complete"));
    REQUIRE(h.app().state().screen == ui::ScreenId::PaperCompare);
    REQUIRE(h.app().state().paper.result.has_value());
    CHECK(h.app().state().paper.result->state == PaperBatchState::EnteredOnce);
    CHECK(h.store().ballotCount(round.id) == before);  // one entry does not count
    REQUIRE(h.tap("paper.lock"));
    CHECK(h.app().state().screen == ui::ScreenId::Attract);

    // Bram: the same stack, with the second ballot typed wrong.
    unlock(h, kPinBram);
    REQUIRE(h.tap("facilitator.paper"));
    REQUIRE(h.tap(std::string("#paper.batch.") + kBatch));
    REQUIRE(h.app().state().screen == ui::ScreenId::PaperEntry);
    tapBallot(h, {"bank", "licht"});
    REQUIRE(h.tap("paper.next_ballot"));
    tapBallot(h, {"speel", "bank"});
    REQUIRE(h.tap("paper.next_ballot"));
    tapBallot(h, {"licht"});
    REQUIRE(h.tap("paper.batch_complete"));
    REQUIRE(h.app().state().screen == ui::ScreenId::PaperCompare);
    CHECK(h.app().state().paper.result->state == PaperBatchState::Mismatched);
    CHECK(h.has("#paper.mismatch.2"));
    CHECK_FALSE(h.has("#paper.mismatch.1"));
    CHECK(h.store().ballotCount(round.id) == before);

    // The mismatch opens Bram's second ballot; taking "bank" off makes the entries agree.
    REQUIRE(h.tap("#paper.mismatch.2"));
    REQUIRE(h.app().state().screen == ui::ScreenId::PaperEntry);
    CHECK(h.app().state().paper.current == 1);
    CHECK(h.app().state().paper.draft.projects.size() == 2);
    tapBallot(h, {"bank"});
    REQUIRE(h.tap("paper.save_correction"));
    REQUIRE(h.app().state().screen == ui::ScreenId::PaperCompare);
    CHECK(h.app().state().paper.result->state == PaperBatchState::Agreed);
    CHECK(h.store().ballotCount(round.id) == before + 3);

    // Back leads to the stacks, where it shows as agreed.
    REQUIRE(h.tap("paper.to_batches"));
    CHECK(h.app().state().screen == ui::ScreenId::PaperBatches);
    REQUIRE(h.app().view().paperBatches.size() == 1);
    CHECK(h.app().view().paperBatches[0].state == PaperBatchState::Agreed);

    // Every entry and the correction are in the audit log, with before and after.
    const std::vector<AuditEntry> log = h.store().auditLog(20);
    std::vector<std::string> paperActions;
    for (const AuditEntry& entry : log)
        if (entry.action.rfind("paper.", 0) == 0) paperActions.push_back(entry.facilitator + " " + entry.action);
    CHECK(paperActions == std::vector<std::string>{"Bram paper.corrected", "Bram paper.entered", "Anna paper.entered"});
    CHECK(log.front().before == "3 ballots: bank licht | speel bank | licht");
    CHECK(log.front().after == "3 ballots: bank licht | speel | licht");
}

TEST_CASE("a ballot typed once too often is taken out again from the count mismatch", "[ui][paper]") {
    test::HarnessOptions options;
    options.demo = false;
    options.firstScreen = ui::ScreenId::Attract;
    options.clock = [] { return kNow; };
    Harness h(options);
    REQUIRE(h.store().addFacilitator("Anna", kPinAnna).ok());
    REQUIRE(h.store().addFacilitator("Bram", kPinBram).ok());
    const BudgetRound round = h.store().saveRound(eveningRound()).value();
    REQUIRE(h.store().enterPaperBatch(round.id, kBatch, "Anna", {BallotDraft{{0}, {}}, BallotDraft{{1}, {}}}, false).ok());

    unlock(h, kPinBram);
    REQUIRE(h.tap("facilitator.paper"));
    REQUIRE(h.tap(std::string("#paper.batch.") + kBatch));
    tapBallot(h, {"bank"});
    REQUIRE(h.tap("paper.next_ballot"));
    tapBallot(h, {"speel"});
    REQUIRE(h.tap("paper.next_ballot"));
    CHECK_FALSE(h.find("paper.remove_ballot")->enabled);  // a new ballot: nothing to take out yet
    tapBallot(h, {"speel"});
    REQUIRE(h.tap("paper.batch_complete"));
    REQUIRE(h.app().state().paper.result->state == PaperBatchState::Mismatched);
    CHECK_FALSE(h.has("#paper.mismatch.2"));

    // The count mismatch opens the first ballot Anna does not have: Bram's third.
    REQUIRE(h.tap("#paper.mismatch.count"));
    REQUIRE(h.app().state().screen == ui::ScreenId::PaperEntry);
    CHECK(h.app().state().paper.current == 2);
    REQUIRE(h.tap("paper.remove_ballot"));
    CHECK(h.app().state().paper.ballots.size() == 2);
    REQUIRE(h.tap("paper.save_correction"));
    CHECK(h.app().state().paper.result->state == PaperBatchState::Agreed);
    CHECK(h.store().ballotCount(round.id) == 2);
}

TEST_CASE("the paper screens show nothing while locked", "[ui][paper]") {
    test::HarnessOptions options;
    Harness h(options);
    for (const ui::ScreenId screen : {ui::ScreenId::PaperBatches, ui::ScreenId::PaperEntry, ui::ScreenId::PaperCompare}) {
        h.app().state().screen = screen;
        h.frames(2);
        CHECK_FALSE(h.has("paper.new_batch"));
        CHECK_FALSE(h.has("paper.batch_complete"));
        CHECK_FALSE(h.has("paper.lock"));
    }
}
