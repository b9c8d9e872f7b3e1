// A round made at another kiosk and received here: residents vote on it with its codes, on the
// kiosk's own screens, as on the kiosk that made it.
#include "Harness.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace buurtstem;
using test::Harness;

TEST_CASE("a resident votes on a received round with a code printed at the other kiosk", "[ui][vote][share]") {
    auto maker = storage::KioskStore::openInMemory().value();
    BudgetRound round;
    round.name = "Buurtbudget bibliotheek";
    round.budgetCents = 500'000;
    round.opensMs = maker->clockMs() - 3'600'000;
    round.closesMs = round.opensMs + 7 * 86'400'000ULL;
    round.projects = {{"bank", "Bankjes bij de vijver", "", Theme::Green, 300'000, ""},
                      {"licht", "Licht in het steegje", "", Theme::CleanSafe, 150'000, ""}};
    const std::string roundId = maker->saveRound(round).value().id;
    const std::vector<std::string> codes = maker->issueVotingCodes(roundId, 2).value();

    test::HarnessOptions options;
    options.demo = false;
    Harness h(options);
    CHECK_FALSE(h.has("home.tile.vote"));
    storage::RoundShareSummary summary;
    const std::string file = maker->shareRound(roundId, h.store().identityPublicKey(), summary).value();
    REQUIRE(h.store().receiveRound(file).ok());
    h.app().refreshView();
    h.frames(2);
    REQUIRE(h.app().view().openRound.has_value());
    CHECK(h.app().view().openRound->id == roundId);

    REQUIRE(h.tap("home.tile.vote"));
    REQUIRE(h.app().state().screen == ui::ScreenId::VoteCode);
    std::string typed = codes[1];
    typed.erase(std::remove(typed.begin(), typed.end(), '-'), typed.end());
    h.type(typed);
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.app().state().screen == ui::ScreenId::Ballot);
    REQUIRE(h.tap("#ballot.project.licht"));
    REQUIRE(h.tap("ballot.review"));
    REQUIRE(h.tap("ballot.review.confirm"));
    REQUIRE(h.app().state().screen == ui::ScreenId::BallotReceipt);
    CHECK(h.store().ballotCount(roundId) == 1);
    CHECK(h.store().votingCodeState(roundId, codes[1]) == storage::KioskStore::CodeState::Used);
    CHECK(h.store().votingCodeState(roundId, codes[0]) == storage::KioskStore::CodeState::Valid);
}
