// Pulses in storage: givePulse goes through the one write path (event and row in one
// transaction), the summary adds up integers, the read table rebuilds from events alone, and a
// version 1 database upgrades to version 2 with its ideas intact.
#include "StorageTestSupport.h"

#include "app/core/Event.h"
#include "app/core/Pulse.h"
#include "storage/KioskStore.h"
#include "storage/Migrations.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <set>

using namespace buurtstem;
using namespace buurtstem::storage;
using namespace buurtstem::storage::test;

namespace {

PulseDraft pulse(std::array<int, kPulseAspectCount> scores) {
    PulseDraft draft;
    draft.scores = scores;
    return draft;
}

// Every number of a summary in one line, so Catch shows which one differs.
std::string describe(const PulseSummary& summary) {
    std::string text = "pulses " + std::to_string(summary.pulses);
    for (PulseAspect aspect : kAllPulseAspects) {
        const PulseAspectTotal& total = summary.total(aspect);
        text += std::string(" | ") + pulseAspectId(aspect) + " " + std::to_string(total.sum) + "/" +
                std::to_string(total.answers);
    }
    return text;
}

}  // namespace

TEST_CASE("givePulse stores the event and its row, NULL for a skipped line", "[storage][pulse]") {
    ScratchDir dir;
    auto store = openOrFail(dir.database());
    CHECK(store->schemaVersion() == kSchemaVersion);
    CHECK(store->pulseSummary() == PulseSummary{});

    REQUIRE(store->givePulse(pulse({4, 0, 5, 2, 1})).ok());
    REQUIRE(store->givePulse(pulse({2, 3, 0, 0, 5})).ok());
    CHECK(store->eventCount() == 2);

    const PulseSummary summary = store->pulseSummary();
    CHECK(summary.pulses == 2);
    CHECK(summary.total(PulseAspect::Meeting) == PulseAspectTotal{2, 6});
    CHECK(summary.total(PulseAspect::Care) == PulseAspectTotal{1, 3});
    CHECK(summary.total(PulseAspect::LivingWell) == PulseAspectTotal{1, 5});
    CHECK(summary.total(PulseAspect::Clean) == PulseAspectTotal{1, 2});
    CHECK(summary.total(PulseAspect::Safe) == PulseAspectTotal{2, 6});

    const std::vector<Event> events = store->events();
    REQUIRE(events.size() == 2);
    CHECK(events[0].type == kEventPulseGiven);
    CHECK(events[0].payload == R"({"meeting":4,"care":0,"living_well":5,"clean":2,"safe":1})");

    SQLite::Database db(dir.database().string(), SQLite::OPEN_READONLY);
    SQLite::Statement row(db, "SELECT event_uuid, created_hlc, meeting, care, living_well, clean, safe FROM pulse "
                              "ORDER BY created_hlc LIMIT 1");
    REQUIRE(row.executeStep());
    CHECK(row.getColumn(0).getString() == events[0].uuid);
    CHECK(row.getColumn(1).getInt64() == static_cast<std::int64_t>(events[0].hlc.packed));
    CHECK(row.getColumn(2).getInt() == 4);
    CHECK(row.getColumn(3).isNull());
    CHECK(row.getColumn(4).getInt() == 5);
}

TEST_CASE("a stored pulse holds nothing that points to a resident", "[storage][pulse]") {
    ScratchDir dir;
    auto store = openOrFail(dir.database());
    REQUIRE(store->submitIdea(makeDraft("Een bankje bij de school")).ok());
    REQUIRE(store->givePulse(pulse({3, 3, 3, 3, 3})).ok());

    SQLite::Database db(dir.database().string(), SQLite::OPEN_READONLY);
    std::set<std::string> columns;
    SQLite::Statement info(db, "SELECT name FROM pragma_table_info('pulse')");
    while (info.executeStep()) columns.insert(info.getColumn(0).getString());
    CHECK(columns == std::set<std::string>{"event_uuid", "created_hlc", "meeting", "care", "living_well", "clean", "safe"});
    // The event's payload is the scores and nothing else (no idea id, reference or language).
    CHECK(store->events().back().payload == R"({"meeting":3,"care":3,"living_well":3,"clean":3,"safe":3})");
}

TEST_CASE("an invalid pulse stores nothing and says why", "[storage][pulse]") {
    auto opened = KioskStore::openInMemory();
    REQUIRE(opened.ok());
    KioskStore& store = *opened.value();
    REQUIRE(store.givePulse(pulse({5, 0, 0, 0, 0})).ok());

    const Result<void> empty = store.givePulse(PulseDraft{});
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().code == ErrorCode::InvalidInput);
    CHECK_THAT(empty.error().detail, Catch::Contains("nothing answered"));

    const Result<void> outOfRange = store.givePulse(pulse({3, 6, 0, 0, 0}));
    REQUIRE_FALSE(outOfRange.ok());
    CHECK(outOfRange.error().code == ErrorCode::InvalidInput);
    CHECK_FALSE(store.givePulse(pulse({-1, 3, 0, 0, 0})).ok());

    CHECK(store.eventCount() == 1);
    CHECK(store.pulseSummary().pulses == 1);
}

TEST_CASE("when the pulse row cannot be written, the event is not stored either", "[storage][pulse]") {
    ScratchDir dir;
    auto store = openOrFail(dir.database());
    REQUIRE(store->givePulse(pulse({4, 4, 4, 4, 4})).ok());
    {
        SQLite::Database db(dir.database().string(), SQLite::OPEN_READWRITE, 5000);
        db.exec("CREATE TRIGGER sabotage BEFORE INSERT ON pulse BEGIN SELECT RAISE(ABORT, 'sabotage'); END");
    }
    const Result<void> failed = store->givePulse(pulse({1, 1, 1, 1, 1}));
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().code == ErrorCode::StorageFailure);
    CHECK_THAT(failed.error().detail, Catch::Contains("sabotage"));
    CHECK(store->eventCount() == 1);
    CHECK(store->pulseSummary().pulses == 1);
    CHECK(store->pulseSummary().total(PulseAspect::Safe) == PulseAspectTotal{1, 4});
}

TEST_CASE("rebuilding the read tables gives the same pulse summary", "[storage][pulse][rebuild]") {
    ScratchDir dir;
    auto store = openOrFail(dir.database());
    REQUIRE(store->addDemoNeighbourhood().ok());
    REQUIRE(store->givePulse(pulse({4, 0, 5, 2, 1})).ok());
    REQUIRE(store->submitIdea(makeDraft("Tussendoor een idee")).ok());
    REQUIRE(store->givePulse(pulse({1, 2, 3, 4, 5})).ok());
    REQUIRE(store->givePulse(pulse({0, 0, 0, 0, 3})).ok());
    const std::string before = describe(store->pulseSummary());
    const std::size_t ideasBefore = store->visibleIdeas().size();
    REQUIRE(store->pulseSummary().pulses == 3);

    SECTION("from intact tables") {
        REQUIRE(store->rebuildReadTables().ok());
    }
    SECTION("after the pulse table was wiped") {
        {
            SQLite::Database db(dir.database().string(), SQLite::OPEN_READWRITE, 5000);
            db.exec("DELETE FROM pulse");
        }
        REQUIRE(store->pulseSummary().pulses == 0);
        REQUIRE(store->rebuildReadTables().ok());
    }
    CHECK(describe(store->pulseSummary()) == before);
    CHECK(store->visibleIdeas().size() == ideasBefore);
}

TEST_CASE("a version 1 database upgrades to version 2 and keeps its ideas", "[storage][pulse][migrations]") {
    ScratchDir dir;
    const std::string kioskId = "3c1e5a7b-2d4f-4a6b-8c9d-0e1f2a3b4c5d";
    IdeaSubmitted idea;
    idea.ideaId = "6b1f0e7a-3c2d-4b5a-8e9f-0a1b2c3d4e5f";
    idea.reference = "KKK-777";
    idea.theme = Theme::Meeting;
    idea.title = "Koffieochtend in de flat";
    idea.body = "Elke woensdag.";
    const std::int64_t ideaHlc = static_cast<std::int64_t>(HlcStamp::make(1'764'316'924'000, 0).packed);
    // A pulse another, newer kiosk recorded; this version 1 kiosk kept it in its log unread.
    PulseGiven imported;
    imported.scores = {2, 0, 4, 0, 5};
    const std::int64_t pulseHlc = static_cast<std::int64_t>(HlcStamp::make(1'764'316'925'000, 0).packed);
    {
        // The database exactly as a version 1 build left it.
        SQLite::Database db(dir.database().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        const Result<int> v1 = migrate(db, schemaMigrations().first(1));
        REQUIRE(v1.ok());
        REQUIRE(v1.value() == 1);
        REQUIRE_FALSE(db.tableExists("pulse"));
        SQLite::Statement kiosk(db, "INSERT INTO kiosk (id, kiosk_id, created_ms, last_hlc) VALUES (1, ?, 0, ?)");
        kiosk.bind(1, kioskId);
        kiosk.bind(2, ideaHlc);
        kiosk.exec();
        SQLite::Statement event(db, "INSERT INTO events (kiosk_id, seq, uuid, hlc, type, payload) VALUES (?, ?, ?, ?, ?, ?)");
        event.bind(1, kioskId);
        event.bind(2, 1);
        event.bind(3, "11111111-2222-4333-8444-555555555555");
        event.bind(4, ideaHlc);
        event.bind(5, std::string(kEventIdeaSubmitted));
        event.bind(6, encodePayload(idea));
        event.exec();
        event.reset();
        event.bind(1, "0f6a1c2e-5b7d-4e8f-9a01-23456789abcd");
        event.bind(2, 1);
        event.bind(3, "99999999-8888-4777-8666-555555555555");
        event.bind(4, pulseHlc);
        event.bind(5, std::string(kEventPulseGiven));
        event.bind(6, encodePayload(imported));
        event.exec();
        SQLite::Statement row(db, "INSERT INTO ideas (idea_id, reference, theme, title, body, created_hlc, event_uuid) "
                                  "VALUES (?, ?, 'meeting', ?, ?, ?, '11111111-2222-4333-8444-555555555555')");
        row.bind(1, idea.ideaId);
        row.bind(2, idea.reference);
        row.bind(3, idea.title);
        row.bind(4, idea.body);
        row.bind(5, ideaHlc);
        row.exec();
    }

    auto store = openOrFail(dir.database());
    CHECK(store->schemaVersion() == kSchemaVersion);
    CHECK(store->kioskId() == kioskId);
    const std::optional<Idea> kept = store->ideaByReference("KKK-777");
    REQUIRE(kept.has_value());
    CHECK(kept->id == idea.ideaId);
    CHECK(kept->title == idea.title);
    CHECK(kept->body == idea.body);
    CHECK(kept->theme == Theme::Meeting);
    CHECK(store->ideaCount() == 1);

    // The upgrade rebuilt the read tables, so the pulse the old build could not read now counts.
    PulseSummary expected;
    expected.pulses = 1;
    expected.aspects[pulseIndex(PulseAspect::Meeting)] = {1, 2};
    expected.aspects[pulseIndex(PulseAspect::LivingWell)] = {1, 4};
    expected.aspects[pulseIndex(PulseAspect::Safe)] = {1, 5};
    CHECK(describe(store->pulseSummary()) == describe(expected));

    // And the kiosk writes on where it stopped.
    REQUIRE(store->givePulse(pulse({5, 5, 5, 5, 5})).ok());
    CHECK(store->events().back().seq == 2);
    CHECK(store->pulseSummary().pulses == 2);
    CHECK(store->eventCount() == 3);

    store.reset();
    SQLite::Database db(dir.database().string(), SQLite::OPEN_READONLY);
    CHECK(userVersion(db) == kSchemaVersion);
}
