// Facilitator access on the kiosk: the long press in the corner, a wrong and a right PIN, the
// wait after wrong PINs, locking after quiet minutes, ending a vote and closing Buurtstem.
#include "Harness.h"

#include "tests/storage/StorageTestSupport.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <string>

using namespace buurtstem;
using test::Harness;

namespace {

constexpr const char* kPin = "284615";

void typePin(Harness& h, std::string_view pin) {
    for (const char digit : pin) REQUIRE(h.tap(std::string("#pin.") + digit));
    REQUIRE(h.tap("#pin.open"));
}

// The top left corner, pressed for as long as it takes.
void longPressCorner(Harness& h, double seconds = 2.5) { h.press(20.0f, 20.0f, seconds); }

}  // namespace

TEST_CASE("a long press in the corner and the right PIN open the facilitator's screens", "[ui][facilitator]") {
    const std::string language = GENERATE(as<std::string>{}, "nl", "en");
    test::HarnessOptions options;
    options.language = language;
    options.firstScreen = ui::ScreenId::Attract;
    Harness h(options);
    REQUIRE(h.store().addFacilitator("Anna", kPin).ok());

    longPressCorner(h, 1.0);  // a short press is a resident's tap
    CHECK(h.app().state().screen != ui::ScreenId::FacilitatorPin);
    h.app().resetForNextResident();
    h.frames(1);
    longPressCorner(h);
    REQUIRE(h.app().state().screen == ui::ScreenId::FacilitatorPin);
    CHECK_FALSE(h.find("#pin.open")->enabled);  // six digits at least

    typePin(h, "111111");
    CHECK(h.app().state().screen == ui::ScreenId::FacilitatorPin);
    CHECK(std::string(h.app().state().facilitator.problemKey) == "facilitator.pin.wrong");
    CHECK(h.app().state().facilitator.typedPin.empty());

    REQUIRE(h.tap("#pin.9"));
    REQUIRE(h.tap("#pin.erase"));
    CHECK(h.app().state().facilitator.typedPin.empty());
    typePin(h, kPin);
    REQUIRE(h.app().state().screen == ui::ScreenId::FacilitatorHome);
    CHECK(h.app().state().facilitator.label == "Anna");
    CHECK_FALSE(h.has("nav.back"));  // never back to the PIN pad

    // Home in the top bar is the residents' start screen, and locks.
    REQUIRE(h.tap("nav.home"));
    CHECK(h.app().state().screen == ui::ScreenId::Home);
    CHECK(h.app().state().facilitator.label.empty());
}

TEST_CASE("wrong PINs lock the pad for a while, then the right one opens it", "[ui][facilitator]") {
    auto clock = std::make_shared<std::uint64_t>(1'796'083'200'000);
    test::HarnessOptions options;
    options.clock = [clock] { return *clock; };
    Harness h(options);
    REQUIRE(h.store().addFacilitator("Anna", kPin).ok());
    longPressCorner(h);
    REQUIRE(h.app().state().screen == ui::ScreenId::FacilitatorPin);
    for (int i = 0; i < 4; ++i) typePin(h, "111111");
    CHECK(std::string(h.app().state().facilitator.problemKey) == "facilitator.pin.wrong_wait");
    for (const char digit : std::string(kPin)) REQUIRE(h.tap(std::string("#pin.") + digit));
    CHECK_FALSE(h.find("#pin.open")->enabled);  // the pad waits 5 seconds

    *clock += 5'000;  // the store's clock: the wait counted there survives a restart
    h.wait(5.0);
    REQUIRE(h.find("#pin.open")->enabled);
    REQUIRE(h.tap("#pin.open"));
    CHECK(h.app().state().screen == ui::ScreenId::FacilitatorHome);
}

TEST_CASE("the facilitator's screens lock after three quiet minutes", "[ui][facilitator]") {
    Harness h;
    REQUIRE(h.store().addFacilitator("Anna", kPin).ok());
    longPressCorner(h);
    typePin(h, kPin);
    REQUIRE(h.app().state().screen == ui::ScreenId::FacilitatorHome);
    h.wait(100.0);
    CHECK(h.app().state().screen == ui::ScreenId::FacilitatorHome);  // no "are you still there?" for facilitators
    h.wait(90.0);
    CHECK(h.app().state().screen == ui::ScreenId::Attract);
    CHECK(h.app().state().facilitator.label.empty());
}

TEST_CASE("a facilitator ends the vote, publishes the results (the residents see them) and closes Buurtstem", "[ui][facilitator]") {
    Harness h;
    REQUIRE(h.store().addFacilitator("Anna", kPin).ok());
    const std::string roundId = h.app().view().openRound->id;
    const std::string springRoundId = h.app().view().publishedRound->round.id;  // the demo's earlier round
    longPressCorner(h);
    typePin(h, kPin);
    REQUIRE(h.tap("facilitator.rounds"));
    REQUIRE(h.app().state().screen == ui::ScreenId::FacilitatorRounds);
    REQUIRE(h.tap("#rounds.close_voting." + roundId));
    CHECK(h.app().view().openRound.has_value());  // the first tap asks to tap again
    REQUIRE(h.tap("#rounds.close_voting." + roundId));
    CHECK_FALSE(h.app().view().openRound.has_value());
    // Closed but not published: the residents still see the earlier round's results.
    CHECK(h.app().view().publishedRound->round.id == springRoundId);
    CHECK_FALSE(h.has("#rounds.close_voting." + roundId));
    REQUIRE(h.tap("#rounds.publish." + roundId));
    CHECK(h.app().view().publishedRound->round.id == springRoundId);
    REQUIRE(h.tap("#rounds.publish." + roundId));
    REQUIRE(h.app().view().publishedRound.has_value());
    CHECK(h.app().view().publishedRound->round.id == roundId);
    CHECK_FALSE(h.has("#rounds.publish." + roundId));

    // Who did it, and the phase and window before and after, are in the audit log.
    const std::vector<AuditEntry> log = h.store().auditLog(10);
    REQUIRE(log.size() == 3);
    CHECK(log[0].action == kAuditRoundPhase);
    CHECK(log[0].after.find("published") != std::string::npos);
    CHECK(log[1].action == kAuditRoundPhase);
    CHECK(log[1].facilitator == "Anna");
    CHECK(log[1].subject == roundId);
    CHECK(log[1].before.find(": voting,") != std::string::npos);
    CHECK(log[1].after.find(": counting,") != std::string::npos);
    CHECK(log[2].action == kAuditFacilitatorUnlocked);

    REQUIRE(h.tap("nav.back"));
    REQUIRE(h.app().state().screen == ui::ScreenId::FacilitatorHome);
    REQUIRE(h.tap("facilitator.quit"));
    CHECK_FALSE(h.app().wantsQuit());
    REQUIRE(h.tap("facilitator.quit"));
    CHECK(h.app().wantsQuit());
    CHECK(h.store().auditLog(1).at(0).action == kAuditKioskClosed);

    REQUIRE(h.tap("facilitator.lock"));
    CHECK(h.app().state().screen == ui::ScreenId::Attract);
    CHECK_FALSE(h.has("home.tile.vote"));
}

TEST_CASE("the audit log screen shows the entries, and a planted edit breaks the chain", "[ui][facilitator][audit]") {
    storage::test::ScratchDir dir;
    test::HarnessOptions options;
    options.databaseFile = dir.database();
    Harness h(options);
    REQUIRE(h.store().addFacilitator("Anna", kPin).ok());
    longPressCorner(h);
    typePin(h, kPin);
    const std::string roundId = h.app().view().openRound->id;
    REQUIRE(h.tap("facilitator.rounds"));
    REQUIRE(h.tap("#rounds.close_voting." + roundId));
    REQUIRE(h.tap("#rounds.close_voting." + roundId));
    REQUIRE(h.tap("nav.back"));
    REQUIRE(h.tap("facilitator.audit_log"));
    REQUIRE(h.app().state().screen == ui::ScreenId::AuditLog);
    CHECK(h.app().view().auditCheck.ok);
    CHECK(h.has("#audit.entry.2"));
    CHECK(h.has("#audit.entry.1"));

    {
        // Someone with the file edits what the first entry says, around the append-only trigger.
        SQLite::Database side(dir.database().string(), SQLite::OPEN_READWRITE, 5000);
        side.exec("DROP TRIGGER audit_log_no_update");
        side.exec("UPDATE audit_log SET facilitator = 'Kees' WHERE seq = 1");
    }
    REQUIRE(h.tap("nav.back"));
    REQUIRE(h.tap("facilitator.audit_log"));
    const AuditCheck& check = h.app().view().auditCheck;
    CHECK_FALSE(check.ok);
    REQUIRE(check.firstBrokenSeq.has_value());
    CHECK(*check.firstBrokenSeq == 1);
}
