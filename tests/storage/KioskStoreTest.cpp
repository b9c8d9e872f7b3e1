// The kiosk's write path and reads: every change is one insert-only event plus its effect, in one
// transaction; seq, uuid and HLC behave; the read tables rebuild from the events alone.
#include "StorageTestSupport.h"

#include "app/core/DemoNeighbourhood.h"
#include "app/core/Event.h"
#include "app/core/Identifiers.h"
#include "storage/KioskStore.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <cctype>
#include <set>

using namespace buurtstem;
using namespace buurtstem::storage;
using namespace buurtstem::storage::test;

namespace {

std::unique_ptr<KioskStore> inMemory(StoreOptions options = {}) {
    auto store = KioskStore::openInMemory(std::move(options));
    REQUIRE(store.ok());
    return std::move(store).value();
}

// A second connection to the same file, as an inspector or a saboteur would have.
SQLite::Database sideDoor(const ScratchDir& dir) {
    return SQLite::Database(dir.database().string(), SQLite::OPEN_READWRITE, 5000);
}

}  // namespace

// [SECTION] submitIdea

TEST_CASE("submitIdea stores the event and the idea together", "[storage][write]") {
    auto store = inMemory();
    REQUIRE(store->eventCount() == 0);
    REQUIRE(store->ideaCount() == 0);

    Result<Idea> idea = store->submitIdea(makeDraft("  Meer bankjes in het park \n", Theme::Green, "  Om uit te rusten.  "));
    REQUIRE(idea.ok());
    CHECK(store->eventCount() == 1);
    CHECK(store->ideaCount() == 1);

    CHECK(isUuid(idea->id));
    CHECK(idea->title == "Meer bankjes in het park");
    CHECK(idea->body == "Om uit te rusten.");
    CHECK(idea->theme == Theme::Green);
    CHECK(idea->status == IdeaStatus::New);
    CHECK_FALSE(idea->demo);
    CHECK(normaliseReferenceCode(idea->reference) == idea->reference);

    // The event says the same as the read table.
    const std::vector<Event> events = store->events();
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == kEventIdeaSubmitted);
    CHECK(events[0].kioskId == store->kioskId());
    CHECK(events[0].hlc == idea->created);
    Result<IdeaSubmitted> payload = decodeIdeaSubmitted(events[0].payload);
    REQUIRE(payload.ok());
    CHECK(payload->ideaId == idea->id);
    CHECK(payload->reference == idea->reference);
    CHECK(payload->title == idea->title);

    // Residents look it up as they type it.
    std::string typed = idea->reference;
    typed.erase(3, 1);
    for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::optional<Idea> found = store->ideaByReference(typed);
    REQUIRE(found.has_value());
    CHECK(describe(*found) == describe(*idea));
    CHECK_FALSE(store->ideaByReference("ZZZ-ZZZ").has_value());
    CHECK_FALSE(store->ideaByReference("not a code").has_value());
}

TEST_CASE("an invalid draft stores nothing and says what is wrong", "[storage][write]") {
    auto store = inMemory();
    REQUIRE(store->submitIdea(makeDraft("Eerste idee")).ok());

    IdeaDraft draft = makeDraft("   ab   ");  // three letters only before trimming
    draft.themeChosen = false;
    Result<Idea> result = store->submitIdea(draft);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == ErrorCode::InvalidInput);
    CHECK_THAT(result.error().detail, Catch::Contains("title too short"));
    CHECK_THAT(result.error().detail, Catch::Contains("theme missing"));
    CHECK(store->eventCount() == 1);
    CHECK(store->ideaCount() == 1);
}

TEST_CASE("when applying an event fails, the event is not stored either", "[storage][write]") {
    ScratchDir dir;
    auto store = openOrFail(dir.database());
    REQUIRE(store->submitIdea(makeDraft("Eerste idee")).ok());

    SQLite::Database db = sideDoor(dir);
    db.exec("CREATE TRIGGER sabotage BEFORE INSERT ON ideas BEGIN SELECT RAISE(ABORT, 'sabotage'); END");
    Result<Idea> failed = store->submitIdea(makeDraft("Tweede idee"));
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().code == ErrorCode::StorageFailure);
    CHECK_THAT(failed.error().detail, Catch::Contains("sabotage"));
    CHECK(store->eventCount() == 1);
    CHECK(store->ideaCount() == 1);

    // The failed attempt left no gap in the sequence.
    db.exec("DROP TRIGGER sabotage");
    REQUIRE(store->submitIdea(makeDraft("Tweede idee")).ok());
    const std::vector<Event> events = store->events();
    REQUIRE(events.size() == 2);
    CHECK(events[1].seq == 2);
}

// [SECTION] The event log

TEST_CASE("seq runs 1..n, uuids are unique and HLC only grows, even when the wall clock goes back",
          "[storage][events]") {
    ScratchDir dir;
    ManualClock clock;
    const std::uint64_t start = *clock.nowMs;
    {
        auto store = openOrFail(dir.database(), clock.options());
        REQUIRE(store->submitIdea(makeDraft("Idee een")).ok());
        clock.set(start - 60'000);  // NTP steps the clock back a minute
        REQUIRE(store->submitIdea(makeDraft("Idee twee")).ok());
        REQUIRE(store->submitIdea(makeDraft("Idee drie")).ok());
        clock.set(start + 5'000);
        REQUIRE(store->submitIdea(makeDraft("Idee vier")).ok());
    }
    clock.set(start - 86'400'000);  // after a restart with a dead RTC battery: a day behind
    auto store = openOrFail(dir.database(), clock.options());
    REQUIRE(store->submitIdea(makeDraft("Idee vijf")).ok());
    REQUIRE(store->submitIdea(makeDraft("Idee zes")).ok());

    const std::vector<Event> events = store->events();
    REQUIRE(events.size() == 6);
    std::set<std::string> uuids;
    for (std::size_t i = 0; i < events.size(); ++i) {
        INFO("event " << i);
        CHECK(events[i].seq == static_cast<std::int64_t>(i) + 1);
        CHECK(isUuid(events[i].uuid));
        uuids.insert(events[i].uuid);
        if (i > 0) CHECK(events[i - 1].hlc < events[i].hlc);
    }
    CHECK(uuids.size() == events.size());
    CHECK(events[0].hlc.wallMs() == start);
    CHECK(events[3].hlc.wallMs() == start + 5'000);  // a forward clock is followed

    // The clock's position is stored with the events, so it survives a restart.
    SQLite::Database db(dir.database().string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT last_hlc FROM kiosk").getInt64() ==
          static_cast<std::int64_t>(events.back().hlc.packed));

    // afterSeq gives the tail, for sync bundles that continue where the last one stopped.
    const std::vector<Event> tail = store->events(4);
    REQUIRE(tail.size() == 2);
    CHECK(tail[0].seq == 5);
    CHECK(tail[1].uuid == events[5].uuid);
}

TEST_CASE("events are insert-only: the database itself rejects UPDATE and DELETE", "[storage][events]") {
    ScratchDir dir;
    {
        auto store = openOrFail(dir.database());
        REQUIRE(store->submitIdea(makeDraft("Idee een")).ok());
    }
    SQLite::Database db = sideDoor(dir);
    CHECK_THROWS_WITH(db.exec("UPDATE events SET payload = '{}'"), Catch::Contains("insert-only"));
    CHECK_THROWS_WITH(db.exec("DELETE FROM events"), Catch::Contains("insert-only"));
    CHECK(db.execAndGet("SELECT COUNT(*) FROM events").getInt() == 1);
    CHECK(db.execAndGet("SELECT payload FROM events").getString() != "{}");
}

// [SECTION] Reads and rebuilding

TEST_CASE("visibleIdeas shows approved ideas only, newest first", "[storage][read]") {
    ScratchDir dir;
    ManualClock clock;
    auto store = openOrFail(dir.database(), clock.options());
    Result<Idea> older = store->submitIdea(makeDraft("Ouder idee"));
    clock.set(*clock.nowMs + 1000);
    Result<Idea> hidden = store->submitIdea(makeDraft("Verborgen idee"));
    clock.set(*clock.nowMs + 1000);
    Result<Idea> newer = store->submitIdea(makeDraft("Nieuwer idee"));
    clock.set(*clock.nowMs + 1000);
    Result<Idea> waiting = store->submitIdea(makeDraft("Wacht nog op de opbouwwerker"));
    REQUIRE((older.ok() && hidden.ok() && newer.ok() && waiting.ok()));

    // A resident's idea waits for a facilitator before anyone sees it.
    CHECK(store->visibleIdeas().empty());
    for (const Result<Idea>* idea : {&older, &hidden, &newer}) REQUIRE(store->approveIdea((*idea)->id).ok());
    CHECK(store->ideaByReference(newer->reference)->status == IdeaStatus::Approved);
    CHECK(store->ideaByReference(waiting->reference)->status == IdeaStatus::New);

    // Until moderation events exist, hide it the way their apply will: in the read table.
    SQLite::Database db = sideDoor(dir);
    SQLite::Statement hide(db, "UPDATE ideas SET status = 'hidden' WHERE idea_id = ?");
    hide.bind(1, hidden->id);
    REQUIRE(hide.exec() == 1);

    const std::vector<Idea> visible = store->visibleIdeas();
    REQUIRE(visible.size() == 2);
    CHECK(visible[0].id == newer->id);
    CHECK(visible[1].id == older->id);
    CHECK(store->ideaCount() == 4);
}

TEST_CASE("approveIdea records idea.approved; an unknown idea is NotFound and stores nothing", "[storage][write]") {
    auto store = inMemory();
    Result<Idea> idea = store->submitIdea(makeDraft("Bankje bij de vijver"));
    REQUIRE(idea.ok());
    REQUIRE(store->approveIdea(idea->id).ok());
    const std::vector<Event> events = store->events();
    REQUIRE(events.size() == 2);
    CHECK(events[1].type == kEventIdeaApproved);
    Result<IdeaApproved> payload = decodeIdeaApproved(events[1].payload);
    REQUIRE(payload.ok());
    CHECK(payload->ideaId == idea->id);

    Result<void> unknown = store->approveIdea("00000000-0000-4000-8000-000000000000");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == ErrorCode::NotFound);
    CHECK(store->eventCount() == 2);
}

// [SECTION] Support

TEST_CASE("supportIdea counts every support, and the rebuild counts the same", "[storage][support]") {
    ScratchDir dir;
    auto store = openOrFail(dir.database());
    REQUIRE(store->addDemoNeighbourhood().ok());
    const std::vector<Idea> demo = store->visibleIdeas();
    REQUIRE(demo.size() >= 2);
    const std::int64_t eventsBefore = store->eventCount();

    Result<Idea> once = store->supportIdea(demo[0].id);
    REQUIRE(once.ok());
    CHECK(once->supports == 1);
    // Once per visit is the kiosk screen's rule; storage counts what it is given, as it will
    // for the supports of many kiosks merged at the office.
    Result<Idea> twice = store->supportIdea(demo[0].id);
    REQUIRE(twice.ok());
    CHECK(twice->supports == 2);
    REQUIRE(store->supportIdea(demo[1].id).ok());
    CHECK(store->eventCount() == eventsBefore + 3);

    const std::vector<Event> events = store->events();
    CHECK(events.back().type == kEventIdeaSupported);
    Result<IdeaSupported> payload = decodeIdeaSupported(events.back().payload);
    REQUIRE(payload.ok());
    CHECK(payload->ideaId == demo[1].id);
    CHECK(events.back().payload == "{\"ideaId\":\"" + demo[1].id + "\"}");  // the idea only, nothing about the resident

    const std::vector<std::string> before = describe(store->visibleIdeas());
    CHECK(store->visibleIdeas()[0].supports == 2);
    CHECK(store->visibleIdeas()[1].supports == 1);
    SECTION("from intact tables") {
        REQUIRE(store->rebuildReadTables().ok());
    }
    SECTION("after the read tables were wiped") {
        sideDoor(dir).exec("DELETE FROM ideas");
        REQUIRE(store->rebuildReadTables().ok());
    }
    CHECK(describe(store->visibleIdeas()) == before);
}

TEST_CASE("supporting an unknown or not yet approved idea is NotFound and stores nothing", "[storage][support]") {
    auto store = inMemory();
    Result<Idea> waiting = store->submitIdea(makeDraft("Nog niet gelezen"));
    REQUIRE(waiting.ok());
    const std::int64_t eventsBefore = store->eventCount();

    for (const std::string& id : {std::string("00000000-0000-4000-8000-000000000000"), std::string(), waiting->id}) {
        INFO("idea id \"" << id << "\"");
        Result<Idea> result = store->supportIdea(id);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == ErrorCode::NotFound);
    }
    CHECK(store->eventCount() == eventsBefore);
    CHECK(store->ideaByReference(waiting->reference)->supports == 0);
}

TEST_CASE("rebuildReadTables recomputes the same ideas and neighbourhood from the events", "[storage][rebuild]") {
    ScratchDir dir;
    auto store = openOrFail(dir.database());
    REQUIRE(store->addDemoNeighbourhood().ok());
    Result<Idea> real = store->submitIdea(makeDraft("Een echt idee"));
    REQUIRE(real.ok());
    REQUIRE(store->approveIdea(real->id).ok());
    REQUIRE(store->submitIdea(makeDraft("Een idee dat nog wacht")).ok());  // stays out of the list after rebuilding too
    const std::vector<std::string> before = describe(store->visibleIdeas());
    const std::string nameBefore = store->neighbourhoodName();
    REQUIRE(before.size() > 1);

    SECTION("from intact tables") {
        REQUIRE(store->rebuildReadTables().ok());
    }
    SECTION("after the read tables were wiped") {
        SQLite::Database db = sideDoor(dir);
        db.exec("DELETE FROM ideas");
        db.exec("DELETE FROM neighbourhood");
        REQUIRE(store->visibleIdeas().empty());
        REQUIRE(store->rebuildReadTables().ok());
    }
    CHECK(describe(store->visibleIdeas()) == before);
    CHECK(store->neighbourhoodName() == nameBefore);
    // The naming, the places, one submission per listed idea, the approval and the ideas still
    // waiting (the demo's and the real one).
    const auto waiting = static_cast<std::int64_t>(demoNeighbourhood().waitingIdeas.size() + demoNeighbourhood().waitingInitiatives.size());
    CHECK(store->eventCount() == static_cast<std::int64_t>(before.size()) + 4 + waiting);
    CHECK(store->ideaCount() == static_cast<std::int64_t>(before.size()) + 1 + waiting);
}

TEST_CASE("another kiosk's events apply by their content, and local stamps continue after them",
          "[storage][rebuild]") {
    ScratchDir dir;
    ManualClock clock;
    std::string ownKiosk;
    const std::string otherKiosk = "0f6a1c2e-5b7d-4e8f-9a01-23456789abcd";
    {
        auto store = openOrFail(dir.database(), clock.options());
        ownKiosk = store->kioskId();
        REQUIRE(store->submitIdea(makeDraft("Idee van hier")).ok());
    }

    // What an import will do: insert the other kiosk's event as it is, with its own seq and a
    // stamp an hour ahead of ours.
    IdeaSubmitted payload;
    payload.ideaId = "6b1f0e7a-3c2d-4b5a-8e9f-0a1b2c3d4e5f";
    payload.reference = "KKK-777";
    payload.theme = Theme::Play;
    payload.title = "Idee van de andere kiosk";
    payload.body = "Een speelplek bij de school.";
    const HlcStamp theirStamp = HlcStamp::make(*clock.nowMs + 3'600'000, 0);
    {
        SQLite::Database db = sideDoor(dir);
        SQLite::Statement insert(db,
                                 "INSERT INTO events (kiosk_id, seq, uuid, hlc, type, payload) "
                                 "VALUES (?, 1, '9d8c7b6a-5f4e-4d3c-8b2a-19f8e7d6c5b4', ?, ?, ?)");
        insert.bind(1, otherKiosk);
        insert.bind(2, static_cast<std::int64_t>(theirStamp.packed));
        insert.bind(3, std::string(kEventIdeaSubmitted));
        insert.bind(4, encodePayload(payload));
        insert.exec();
    }

    auto store = openOrFail(dir.database(), clock.options());
    REQUIRE(store->rebuildReadTables().ok());
    std::optional<Idea> theirs = store->ideaByReference("KKK-777");
    REQUIRE(theirs.has_value());
    CHECK(theirs->id == payload.ideaId);
    CHECK(theirs->created == theirStamp);
    CHECK(store->ideaCount() == 2);

    // Our log stays ours: seq continues at 2, and the other kiosk's event is not in events().
    Result<Idea> ours = store->submitIdea(makeDraft("Nog een idee van hier"));
    REQUIRE(ours.ok());
    CHECK(ours->created > theirStamp);
    const std::vector<Event> events = store->events();
    REQUIRE(events.size() == 2);
    CHECK(events[1].seq == 2);
    for (const Event& event : events) CHECK(event.kioskId == ownKiosk);
    CHECK(store->eventCount() == 3);
}

TEST_CASE("reads that fail return empty, report why, and throw nothing", "[storage][read]") {
    ScratchDir dir;
    auto store = openOrFail(dir.database());
    REQUIRE(store->submitIdea(makeDraft("Idee een")).ok());
    CHECK_FALSE(store->lastReadError().has_value());
    {
        SQLite::Database db = sideDoor(dir);
        db.exec("DROP TABLE ideas");
    }
    std::vector<Idea> ideas;
    REQUIRE_NOTHROW(ideas = store->visibleIdeas());
    CHECK(ideas.empty());
    REQUIRE(store->lastReadError().has_value());
    CHECK(store->lastReadError()->code == ErrorCode::StorageFailure);
    CHECK_THAT(store->lastReadError()->detail, Catch::Contains("ideas"));

    Result<Idea> write = store->submitIdea(makeDraft("Idee twee"));
    CHECK_FALSE(write.ok());
    CHECK(store->eventCount() == 1);
    CHECK_FALSE(store->lastReadError().has_value());
    CHECK_FALSE(store->rebuildReadTables().ok());
}

// [SECTION] Demo neighbourhood

TEST_CASE("the demo neighbourhood fills an empty kiosk once", "[storage][demo]") {
    auto store = inMemory();
    const DemoNeighbourhood& demo = demoNeighbourhood();
    REQUIRE_FALSE(demo.ideas.empty());

    Result<int> added = store->addDemoNeighbourhood();
    REQUIRE(added.ok());
    // Initiatives are ideas with a plan: they count, and are listed, with the ideas.
    REQUIRE_FALSE(demo.initiatives.empty());
    const std::size_t waiting = demo.waitingIdeas.size() + demo.waitingInitiatives.size();
    REQUIRE(waiting >= 3);
    CHECK(added.value() == static_cast<int>(demo.ideas.size() + demo.initiatives.size() + waiting));
    CHECK(store->ideaCount() == added.value());
    CHECK(store->eventCount() == added.value() + 2);  // the naming, the places and one event per idea
    CHECK(store->neighbourhoodName() == demo.name);
    // Demo ideas stand for ideas a facilitator already approved: all of them are listed.
    CHECK(store->visibleIdeas().size() == demo.ideas.size() + demo.initiatives.size());
    std::size_t initiatives = 0;
    for (const Idea& idea : store->visibleIdeas()) {
        CHECK(idea.demo);
        CHECK(idea.status == IdeaStatus::Approved);
        initiatives += idea.kind == IdeaKind::Initiative;
    }
    CHECK(initiatives == demo.initiatives.size());
    // The rest wait for a facilitator, marked as demo like the others.
    REQUIRE(store->moderationQueue().size() == waiting);
    for (const Idea& idea : store->moderationQueue()) CHECK(idea.demo);

    Result<int> again = store->addDemoNeighbourhood();
    REQUIRE(again.ok());
    CHECK(again.value() == 0);
    CHECK(store->ideaCount() == added.value());
    CHECK(store->eventCount() == added.value() + 2);
}

TEST_CASE("the demo never mixes into a kiosk that holds real ideas", "[storage][demo]") {
    auto store = inMemory();
    // Even one that waits for approval, so the list is still empty.
    Result<Idea> real = store->submitIdea(makeDraft("Een echt idee"));
    REQUIRE(real.ok());

    Result<int> added = store->addDemoNeighbourhood();
    REQUIRE(added.ok());
    CHECK(added.value() == 0);
    CHECK(store->ideaCount() == 1);
    CHECK(store->eventCount() == 1);
    CHECK(store->neighbourhoodName().empty());
    CHECK(store->visibleIdeas().empty());
    CHECK_FALSE(store->ideaByReference(real->reference)->demo);
}

TEST_CASE("the demo is added in one transaction: all of it or none", "[storage][demo]") {
    ScratchDir dir;
    auto store = openOrFail(dir.database());
    {
        SQLite::Database db = sideDoor(dir);
        db.exec("CREATE TRIGGER fail_third BEFORE INSERT ON ideas WHEN (SELECT COUNT(*) FROM ideas) >= 2 "
                "BEGIN SELECT RAISE(ABORT, 'third idea refused'); END");
    }
    Result<int> added = store->addDemoNeighbourhood();
    REQUIRE_FALSE(added.ok());
    CHECK(store->eventCount() == 0);
    CHECK(store->ideaCount() == 0);
    CHECK(store->neighbourhoodName().empty());
}

// [SECTION] Full disk

TEST_CASE("a full disk refuses the new idea and keeps the earlier ones", "[storage][full]") {
    ScratchDir dir;
    StoreOptions options;
    options.maxPageCount = 120;  // 120 pages of 16 KiB: the schema (about 90 pages) plus a few hundred ideas
    const std::string body(500, 'x');
    std::vector<std::string> stored;
    {
        auto store = openOrFail(dir.database(), options);
        Result<Idea> last = store->submitIdea(makeDraft("Idee 0", Theme::Care, body));
        for (int i = 1; last.ok() && i < 10'000; ++i) {
            stored.push_back(last->reference);
            last = store->submitIdea(makeDraft("Idee " + std::to_string(i), Theme::Care, body));
        }
        REQUIRE_FALSE(last.ok());
        CHECK(last.error().code == ErrorCode::StorageFull);
        REQUIRE(stored.size() > 5);
        CHECK(store->ideaCount() == static_cast<std::int64_t>(stored.size()));
        CHECK(store->eventCount() == static_cast<std::int64_t>(stored.size()));
        // Reading still works while the disk is full (by reference: new ideas are not listed yet).
        CHECK(store->ideaByReference(stored.back()).has_value());
    }
    // Room again (the limit is per connection): everything earlier is there and writing resumes.
    auto store = openOrFail(dir.database());
    CHECK(store->ideaCount() == static_cast<std::int64_t>(stored.size()));
    CHECK(store->ideaByReference(stored.front()).has_value());
    REQUIRE(store->submitIdea(makeDraft("Na het opruimen")).ok());
    CHECK(store->events().back().seq == static_cast<std::int64_t>(stored.size()) + 1);
}
