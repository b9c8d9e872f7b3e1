// Phases a facilitator sets on the rounds screen, seen on the resident side at once: proposals
// closing and opening, and results appearing only once published.
#include "Harness.h"

#include <catch2/catch.hpp>

#include <memory>
#include <string>

using namespace buurtstem;
using test::Harness;

namespace {

constexpr const char* kPin = "284615";

void openRoundsScreen(Harness& h) {
    h.press(20.0f, 20.0f, 2.5);  // the facilitators' corner
    for (const char digit : std::string(kPin)) REQUIRE(h.tap(std::string("#pin.") + digit));
    REQUIRE(h.tap("#pin.open"));
    REQUIRE(h.tap("facilitator.rounds"));
    REQUIRE(h.app().state().screen == ui::ScreenId::FacilitatorRounds);
}

}  // namespace

TEST_CASE("closing proposals stops new initiatives at once, also one already on its review", "[ui][phases]") {
    Harness h;  // the demo: a round taking proposals, one open for voting, one published
    REQUIRE(h.store().addFacilitator("Anna", kPin).ok());
    REQUIRE(h.app().view().submissionRound.has_value());
    const std::string nextId = h.app().view().submissionRound->id;
    REQUIRE(h.tap("home.tile.initiative"));
    CHECK(h.find("initiative.start.begin")->enabled);

    // A resident has written a whole initiative and is on its review...
    h.app().showForScreenshot(ui::ScreenId::InitiativeReview);
    h.frames(2);
    const ui::IdeaFlow written = h.app().state().idea;
    // ...when a facilitator closes the proposals elsewhere (the kiosk and the laptop share the database).
    REQUIRE(h.store().changeRoundPhase(nextId, PhaseChange::CloseSubmissions).ok());
    REQUIRE(h.tap("initiative.review.send"));
    REQUIRE(h.app().state().idea.saveProblemKey != nullptr);
    CHECK(std::string(h.app().state().idea.saveProblemKey) == "initiative.start.closed");
    CHECK(h.app().state().idea.draft.title == written.draft.title);  // nothing the resident wrote is lost
    CHECK(h.app().state().screen == ui::ScreenId::InitiativeReview);
    CHECK_FALSE(h.app().view().initiativesOpen);

    h.app().resetForNextResident();
    h.frames(1);
    REQUIRE(h.tap("#attract.start"));
    REQUIRE(h.tap("home.tile.initiative"));
    CHECK_FALSE(h.find("initiative.start.begin")->enabled);
    CHECK(h.has("initiative.start.check"));  // checking one already sent still works

    // The facilitator opens the proposals again on the rounds screen: Begin is back.
    h.app().resetForNextResident();
    h.frames(1);
    openRoundsScreen(h);
    REQUIRE(h.tap("#rounds.open_submissions." + nextId));
    CHECK(h.app().view().initiativesOpen);
    REQUIRE(h.tap("nav.back"));
    REQUIRE(h.tap("facilitator.lock"));
    REQUIRE(h.tap("#attract.start"));
    REQUIRE(h.tap("home.tile.initiative"));
    CHECK(h.find("initiative.start.begin")->enabled);
}

TEST_CASE("opening voting now shows the vote; results show only once published", "[ui][phases]") {
    auto now = std::make_shared<std::uint64_t>(1'764'316'924'000);
    test::HarnessOptions options;
    options.clock = [now] { return *now; };
    Harness h(options);
    REQUIRE(h.store().addFacilitator("Anna", kPin).ok());
    const std::string openId = h.app().view().openRound->id;
    const std::string nextId = h.app().view().submissionRound->id;
    const std::string springId = h.app().view().publishedRound->round.id;

    // End the vote that is open, then open the next round's voting now: residents vote in that one.
    openRoundsScreen(h);
    REQUIRE(h.tap("#rounds.close_voting." + openId));
    REQUIRE(h.tap("#rounds.close_voting." + openId));
    REQUIRE(h.tap("#rounds.open_voting." + nextId));
    CHECK_FALSE(h.app().view().openRound.has_value());  // asks for a second tap first
    REQUIRE(h.tap("#rounds.open_voting." + nextId));
    REQUIRE(h.app().view().openRound.has_value());
    CHECK(h.app().view().openRound->id == nextId);
    CHECK_FALSE(h.app().view().submissionRound.has_value());
    CHECK_FALSE(h.app().view().initiativesOpen);  // no round takes proposals any more
    CHECK(h.app().view().publishedRound->round.id == springId);  // the ended vote is not published yet

    REQUIRE(h.tap("#rounds.publish." + openId));
    REQUIRE(h.tap("#rounds.publish." + openId));
    CHECK(h.app().view().publishedRound->round.id == openId);
    REQUIRE(h.tap("nav.back"));
    REQUIRE(h.tap("facilitator.lock"));
    REQUIRE(h.tap("#attract.start"));
    CHECK(h.has("home.tile.vote"));
    REQUIRE(h.tap("home.tile.results"));
    REQUIRE(h.app().state().screen == ui::ScreenId::RoundResults);
}
