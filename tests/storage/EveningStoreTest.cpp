// Residents' evenings in the kiosk database: the plan, check-ins and their reach, the running
// agenda item, dot votes, minutes, the demo evening, and the same tables rebuilt from the events.
#include "StorageTestSupport.h"

#include "app/core/CivilDate.h"

using namespace buurtstem;
using namespace buurtstem::storage;
using namespace buurtstem::storage::test;

namespace {

Evening plan(CivilDate date) {
    Evening e;
    e.title = "  Bewonersavond  ";
    e.date = date;
    e.startMinute = 19 * 60 + 30;
    e.place = "Buurtkamer";
    e.agenda = {{"Welkom", 10}, {"Stippenstem", 20}, {"Rondvraag", 15}};
    return e;
}

// Everything a screen reads about an evening, compared as a whole.
bool sameSummary(const EveningSummary& a, const EveningSummary& b) {
    if (!(a.evening == b.evening) || a.checkInCount != b.checkInCount || a.byStreet != b.byStreet || a.byPostcode != b.byPostcode ||
        a.runningItem != b.runningItem || a.runningSinceMs != b.runningSinceMs || !(a.minutes == b.minutes) || a.dotVotes.size() != b.dotVotes.size())
        return false;
    for (std::size_t i = 0; i < a.dotVotes.size(); ++i) {
        const DotVote& x = a.dotVotes[i];
        const DotVote& y = b.dotVotes[i];
        if (x.id != y.id || x.question != y.question || x.options != y.options || x.dots != y.dots || x.open != y.open) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("an evening is saved trimmed, and a bad plan stores nothing", "[storage][evening]") {
    ManualClock clock;
    auto store = KioskStore::openInMemory(clock.options()).value();
    CHECK_FALSE(store->currentEveningId().has_value());
    const std::int64_t before = store->eventCount();
    Evening bad = plan(localDate(*clock.nowMs));
    bad.agenda.clear();
    const Result<Evening> refused = store->saveEvening(bad);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::InvalidInput);
    CHECK(store->eventCount() == before);

    const Result<Evening> saved = store->saveEvening(plan(localDate(*clock.nowMs)));
    REQUIRE(saved.ok());
    CHECK(saved->title == "Bewonersavond");
    CHECK_FALSE(saved->id.empty());
    CHECK(store->currentEveningId() == saved->id);
    // A new save of the same id replaces the plan.
    Evening changed = *saved;
    changed.agenda.pop_back();
    REQUIRE(store->saveEvening(changed).ok());
    REQUIRE(store->evenings().size() == 1);
    CHECK(store->evenings().front().agenda.size() == 2);
}

TEST_CASE("the current evening is today's, else the next, else the last", "[storage][evening]") {
    ManualClock clock;
    auto store = KioskStore::openInMemory(clock.options()).value();
    const std::string past = store->saveEvening(plan({2025, 10, 1})).value().id;
    CHECK(store->currentEveningId() == past);
    const std::string later = store->saveEvening(plan({2026, 1, 15})).value().id;
    CHECK(store->currentEveningId() == later);
    const std::string today = store->saveEvening(plan(localDate(*clock.nowMs))).value().id;
    CHECK(store->currentEveningId() == today);
}

TEST_CASE("check-ins are counted with their reach, nothing personal", "[storage][evening]") {
    ManualClock clock;
    auto store = KioskStore::openInMemory(clock.options()).value();
    const std::string id = store->saveEvening(plan(localDate(*clock.nowMs))).value().id;
    REQUIRE(store->checkIn(id, {}).ok());
    REQUIRE(store->checkIn(id, {"", "1092"}).ok());
    REQUIRE(store->checkIn(id, {"", " 1092 "}).ok());
    REQUIRE(store->checkIn(id, {"", "1093"}).ok());
    REQUIRE(store->checkIn(id, {"Kastanjeplein", ""}).ok());
    CHECK(store->checkIn(id, {"", "0999"}).error().code == ErrorCode::InvalidInput);
    CHECK(store->checkIn(id, {"Kastanjeplein", "1092"}).error().code == ErrorCode::InvalidInput);
    CHECK(store->checkIn("no-such-evening", {}).error().code == ErrorCode::NotFound);
    const EveningSummary s = store->eveningSummary(id).value();
    CHECK(s.checkInCount == 5);
    CHECK(s.byPostcode == std::vector<ReachCount>{{"1092", 2}, {"1093", 1}});
    CHECK(s.byStreet == std::vector<ReachCount>{{"Kastanjeplein", 1}});
}

TEST_CASE("an agenda item runs from the store's clock", "[storage][evening]") {
    ManualClock clock;
    auto store = KioskStore::openInMemory(clock.options()).value();
    const std::string id = store->saveEvening(plan(localDate(*clock.nowMs))).value().id;
    CHECK_FALSE(store->eveningSummary(id)->runningItem.has_value());
    REQUIRE(store->startAgendaItem(id, 0).ok());
    clock.set(*clock.nowMs + 600'000);
    REQUIRE(store->startAgendaItem(id, 1).ok());
    const EveningSummary s = store->eveningSummary(id).value();
    CHECK(s.runningItem == 1u);
    CHECK(s.runningSinceMs == *clock.nowMs);
    CHECK(store->startAgendaItem(id, 3).error().code == ErrorCode::NotFound);
}

TEST_CASE("a dot vote counts dots while open, and one vote is open at a time", "[storage][evening]") {
    auto store = KioskStore::openInMemory().value();
    const std::string id = store->saveEvening(plan({2026, 11, 28})).value().id;
    CHECK(store->openDotVote(id, "Wat?", {"a"}).error().code == ErrorCode::InvalidInput);
    const DotVote first = store->openDotVote(id, " Wat eerst? ", {" Speeltuin ", "Licht", "Bankjes"}).value();
    CHECK(first.question == "Wat eerst?");
    CHECK(first.options.front() == "Speeltuin");
    for (std::size_t option : {0u, 0u, 2u}) REQUIRE(store->giveDot(first.id, option).ok());
    CHECK(store->giveDot(first.id, 3).error().code == ErrorCode::NotFound);
    CHECK(store->eveningSummary(id)->openDotVote()->dots == std::vector<std::int64_t>{2, 0, 1});
    // Opening the next vote closes the first.
    const DotVote second = store->openDotVote(id, "En daarna?", {"ja", "nee"}).value();
    CHECK(store->giveDot(first.id, 0).error().code == ErrorCode::InvalidInput);
    REQUIRE(store->giveDot(second.id, 1).ok());
    REQUIRE(store->closeDotVote(second.id).ok());
    CHECK(store->closeDotVote(second.id).error().code == ErrorCode::InvalidInput);
    const EveningSummary s = store->eveningSummary(id).value();
    REQUIRE(s.dotVotes.size() == 2);
    CHECK_FALSE(s.dotVotes[0].open);
    CHECK(s.dotVotes[0].dots == std::vector<std::int64_t>{2, 0, 1});
    CHECK(s.dotVotes[1].dots == std::vector<std::int64_t>{0, 1});
    CHECK(s.openDotVote() == nullptr);
}

TEST_CASE("the latest minutes replace the earlier ones", "[storage][evening]") {
    auto store = KioskStore::openInMemory().value();
    const std::string id = store->saveEvening(plan({2026, 11, 28})).value().id;
    Minutes m;
    m.decisions = {{" Buurtfeest gaat door ", "idea-1"}};
    REQUIRE(store->saveMinutes(id, m).ok());
    m.decisions.front().text = "Buurtfeest gaat door";
    m.actions = {{"Anna", "Offerte tent", CivilDate{2026, 12, 12}}};
    m.next = NextEvening{{2027, 1, 21}, 1170, 120, "Buurtkamer"};
    REQUIRE(store->saveMinutes(id, m).ok());
    CHECK(store->eveningSummary(id)->minutes == m);
    Minutes bad;
    bad.actions = {{"", "Iets", std::nullopt}};
    CHECK(store->saveMinutes(id, bad).error().code == ErrorCode::InvalidInput);
    CHECK(store->saveMinutes("nope", m).error().code == ErrorCode::NotFound);
    CHECK(store->eveningSummary(id)->minutes == m);
}

TEST_CASE("an evening rebuilds from its events to the same tables", "[storage][evening]") {
    ScratchDir dir;
    ManualClock clock;
    std::string id;
    EveningSummary before;
    {
        auto store = openOrFail(dir.database(), clock.options());
        REQUIRE(store->addDemoNeighbourhood().ok());
        id = store->addDemoEvening().value();
        REQUIRE_FALSE(id.empty());
        CHECK(store->addDemoEvening().value().empty());  // once only
        const std::vector<std::string> places = store->places();
        for (int i = 0; i < 7; ++i) REQUIRE(store->checkIn(id, {i % 2 ? places[0] : "", i == 2 ? "1092" : ""}).ok());
        REQUIRE(store->startAgendaItem(id, 2).ok());
        const DotVote vote = store->openDotVote(id, "Wat eerst?", {"a", "b"}).value();
        REQUIRE(store->giveDot(vote.id, 1).ok());
        REQUIRE(store->closeDotVote(vote.id).ok());
        REQUIRE(store->openDotVote(id, "Nog een?", {"ja", "nee"}).ok());
        Minutes m;
        m.decisions = {{"Besluit", ""}};
        m.actions = {{"Anna", "Bellen", std::nullopt}};
        REQUIRE(store->saveMinutes(id, m).ok());
        before = store->eveningSummary(id).value();
        REQUIRE(store->rebuildReadTables().ok());
        CHECK(sameSummary(store->eveningSummary(id).value(), before));
    }
    // And again after reopening the file.
    auto reopened = openOrFail(dir.database(), clock.options());
    CHECK(sameSummary(reopened->eveningSummary(id).value(), before));
    CHECK(before.checkInCount == 7);
    CHECK(before.evening.agenda.size() == 5);
}
