// Meeting needs in storage: giveMeetingNeed goes through the one write path, the facilitator's
// summary counts each option, the read tables rebuild from events alone, and a version 2
// database upgrades with its ideas and pulses intact.
#include "StorageTestSupport.h"

#include "app/core/Event.h"
#include "app/core/MeetingNeed.h"
#include "storage/KioskStore.h"
#include "storage/Migrations.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <set>

using namespace buurtstem;
using namespace buurtstem::storage;
using namespace buurtstem::storage::test;

namespace {

MeetingNeedDraft need(std::initializer_list<std::pair<NeedGroup, const char*>> choices, std::string careNote = {}) {
    MeetingNeedDraft draft;
    for (const auto& [group, id] : choices) REQUIRE(draft.toggle(group, id));
    draft.notes[1] = std::move(careNote);
    return draft;
}

// Every non-zero count of a summary in one line, so Catch shows which one differs.
std::string describe(const MeetingNeedSummary& summary) {
    std::string text = "needs " + std::to_string(summary.needs);
    for (NeedGroup group : kAllNeedGroups)
        for (const char* option : needOptions(group))
            if (const std::int64_t n = summary.count(group, option))
                text += std::string(" | ") + needGroupId(group) + "." + option + " " + std::to_string(n);
    for (const MeetingNeedNote& note : summary.notes) text += std::string(" | ") + needGroupId(note.question) + ": " + note.text;
    return text;
}

}  // namespace

TEST_CASE("giveMeetingNeed stores the event and counts each choice", "[storage][meeting_need]") {
    ScratchDir dir;
    auto store = openOrFail(dir.database());
    CHECK(store->schemaVersion() == kSchemaVersion);
    CHECK(store->meetingNeedSummary() == MeetingNeedSummary{});

    REQUIRE(store->giveMeetingNeed(need({{NeedGroup::Meeting, "coffee_morning"},
                                         {NeedGroup::Days, "wed"},
                                         {NeedGroup::Times, "evening"},
                                         {NeedGroup::Interpreter, "tr"}},
                                        "  Hulp met de post  "))
                .ok());
    REQUIRE(store->giveMeetingNeed(need({{NeedGroup::Meeting, "coffee_morning"},
                                         {NeedGroup::Days, "wed"},
                                         {NeedGroup::Days, "sat"},
                                         {NeedGroup::Help, "wheelchair"}}))
                .ok());
    CHECK(store->eventCount() == 2);

    const MeetingNeedSummary summary = store->meetingNeedSummary();
    CHECK(summary.needs == 2);
    CHECK(summary.count(NeedGroup::Meeting, "coffee_morning") == 2);
    CHECK(summary.count(NeedGroup::Meeting, "activities") == 0);
    CHECK(summary.count(NeedGroup::Days, "wed") == 2);
    CHECK(summary.count(NeedGroup::Days, "sat") == 1);
    CHECK(summary.count(NeedGroup::Times, "evening") == 1);
    CHECK(summary.count(NeedGroup::Help, "wheelchair") == 1);
    CHECK(summary.count(NeedGroup::Interpreter, "tr") == 1);
    REQUIRE(summary.notes.size() == 1);
    CHECK(summary.notes[0] == MeetingNeedNote{NeedGroup::Care, "Hulp met de post"});  // trimmed

    const std::vector<Event> events = store->events();
    REQUIRE(events.size() == 2);
    CHECK(events[0].type == kEventMeetingNeedGiven);
    CHECK_THAT(events[0].payload, Catch::Contains(R"("care_text":"Hulp met de post")"));
}

TEST_CASE("a stored meeting need holds nothing that points to a resident", "[storage][meeting_need]") {
    ScratchDir dir;
    auto store = openOrFail(dir.database());
    REQUIRE(store->submitIdea(makeDraft("Een bankje bij de school")).ok());
    REQUIRE(store->giveMeetingNeed(need({{NeedGroup::Help, "transport"}})).ok());

    SQLite::Database db(dir.database().string(), SQLite::OPEN_READONLY);
    auto columnsOf = [&](const char* table) {
        std::set<std::string> columns;
        SQLite::Statement info(db, std::string("SELECT name FROM pragma_table_info('") + table + "')");
        while (info.executeStep()) columns.insert(info.getColumn(0).getString());
        return columns;
    };
    CHECK(columnsOf("meeting_need") ==
          std::set<std::string>{"event_uuid", "created_hlc", "meeting_text", "care_text", "living_well_text"});
    CHECK(columnsOf("meeting_need_choice") == std::set<std::string>{"event_uuid", "grp", "choice"});
}

TEST_CASE("an invalid meeting need stores nothing and says why", "[storage][meeting_need]") {
    auto opened = KioskStore::openInMemory();
    REQUIRE(opened.ok());
    KioskStore& store = *opened.value();
    const Result<void> empty = store.giveMeetingNeed(MeetingNeedDraft{});
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().code == ErrorCode::InvalidInput);
    MeetingNeedDraft blank;
    blank.notes[0] = "   ";  // only white space: nothing once trimmed
    CHECK_FALSE(store.giveMeetingNeed(blank).ok());
    MeetingNeedDraft twoLanguages;
    twoLanguages.chosen[needGroupIndex(NeedGroup::Interpreter)] = 0b101;
    CHECK_FALSE(store.giveMeetingNeed(twoLanguages).ok());
    CHECK(store.eventCount() == 0);
    CHECK(store.meetingNeedSummary().needs == 0);
}

TEST_CASE("when a choice row cannot be written, the event is not stored either", "[storage][meeting_need]") {
    ScratchDir dir;
    auto store = openOrFail(dir.database());
    REQUIRE(store->giveMeetingNeed(need({{NeedGroup::Days, "mon"}})).ok());
    {
        SQLite::Database db(dir.database().string(), SQLite::OPEN_READWRITE, 5000);
        db.exec("CREATE TRIGGER sabotage BEFORE INSERT ON meeting_need_choice BEGIN SELECT RAISE(ABORT, 'sabotage'); END");
    }
    const Result<void> failed = store->giveMeetingNeed(need({{NeedGroup::Days, "tue"}}));
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().code == ErrorCode::StorageFailure);
    CHECK(store->eventCount() == 1);
    CHECK(store->meetingNeedSummary().needs == 1);
    CHECK(store->meetingNeedSummary().count(NeedGroup::Days, "tue") == 0);
}

TEST_CASE("rebuilding the read tables gives the same meeting-need summary", "[storage][meeting_need][rebuild]") {
    ScratchDir dir;
    auto store = openOrFail(dir.database());
    REQUIRE(store->addDemoNeighbourhood().ok());
    REQUIRE(store->giveMeetingNeed(need({{NeedGroup::Care, "health_info"}, {NeedGroup::Times, "morning"}}, "Rust")).ok());
    PulseDraft pulse;
    pulse.scores = {3, 0, 0, 0, 0};
    REQUIRE(store->givePulse(pulse).ok());
    REQUIRE(store->giveMeetingNeed(need({{NeedGroup::Care, "health_info"}, {NeedGroup::LivingWell, "green"}})).ok());
    const std::string before = describe(store->meetingNeedSummary());
    REQUIRE(store->meetingNeedSummary().needs == 2);

    SECTION("from intact tables") { REQUIRE(store->rebuildReadTables().ok()); }
    SECTION("after the meeting-need tables were wiped") {
        {
            SQLite::Database db(dir.database().string(), SQLite::OPEN_READWRITE, 5000);
            db.exec("DELETE FROM meeting_need_choice; DELETE FROM meeting_need;");
        }
        REQUIRE(store->meetingNeedSummary().needs == 0);
        REQUIRE(store->rebuildReadTables().ok());
    }
    CHECK(describe(store->meetingNeedSummary()) == before);
    CHECK(store->pulseSummary().pulses == 1);
}

TEST_CASE("a version 2 database upgrades to the current version and keeps ideas and pulses", "[storage][meeting_need][migrations]") {
    ScratchDir dir;
    std::string kioskId;
    std::string pulseBefore;
    std::int64_t ideasBefore = 0;
    {
        // A kiosk as a version 2 build left it: made by today's store, then turned back to v2,
        // plus a meeting need from a newer kiosk that this v2 kiosk kept in its log unread.
        {
            auto store = openOrFail(dir.database());
            REQUIRE(store->addDemoNeighbourhood().ok());
            PulseDraft pulse;
            pulse.scores = {4, 0, 5, 2, 1};
            REQUIRE(store->givePulse(pulse).ok());
            kioskId = store->kioskId();
            ideasBefore = store->ideaCount();
            pulseBefore = std::to_string(store->pulseSummary().pulses) + "/" +
                          std::to_string(store->pulseSummary().total(PulseAspect::LivingWell).sum);
        }
        SQLite::Database db(dir.database().string(), SQLite::OPEN_READWRITE);
        // Schemas 18 (the ideas' time index), 17 (an idea's kiosk), 16 (lost kiosks), 15 (initiative progress, kiosks' neighbourhoods), 14 (sync), 13 (round phases),
        // 12 (the set-up's kiosk settings), 11 (evenings), 10 (paper ballots), 9 (moderation),
        // 8 (facilitators, audit log), 7 (rounds), 6 (the map), 5 (initiatives) and 4 (places,
        // sealed contacts, staff key) go too: a v2 build had none of it.
        db.exec("DROP INDEX ideas_by_time; CREATE INDEX ideas_newest_first ON ideas (created_hlc DESC);");
        db.exec("ALTER TABLE ideas DROP COLUMN kiosk_id;");
        db.exec("DROP TABLE withdrawn_kiosks;");
        db.exec("DROP TABLE kiosk_neighbourhoods; DROP TABLE initiative_progress;");
        db.exec("DROP VIEW uncounted_ballots; DROP TABLE code_resolutions; DROP TABLE sync_quarantine; "
                "DROP TABLE imported_bundles; DROP TABLE trusted_kiosks; DROP TABLE sync_acknowledged; "
                "DROP TABLE sync_exports; DROP TABLE kiosk_identity;");
        db.exec("DROP TABLE round_phases;");
        db.exec("DROP TABLE kiosk_settings;");
        db.exec("DROP TABLE evening_next; DROP TABLE evening_actions; DROP TABLE evening_decisions; "
                "DROP TABLE evening_dot_options; DROP TABLE evening_dot_votes; DROP TABLE evening_checkins; "
                "DROP TABLE evening_agenda; DROP TABLE evenings;");
        db.exec("DROP TABLE paper_choices; DROP TABLE paper_entries;");
        db.exec("DROP TABLE idea_partners; DROP TABLE idea_moderation;");
        db.exec("DROP TABLE audit_log; DROP TABLE pin_attempts; DROP TABLE facilitators;");
        db.exec("DROP TABLE round_code_keys; DROP TABLE ballot_choices; DROP TABLE ballots; DROP TABLE voting_codes; "
                "DROP TABLE round_projects; DROP TABLE rounds;");
        db.exec("DROP TABLE neighbourhood_map;");
        db.exec("DROP TABLE initiative_choices; DROP TABLE initiative_budget_lines; DROP TABLE initiative_plans; "
                "DROP TABLE initiative_maximum; ALTER TABLE ideas DROP COLUMN kind; "
                "ALTER TABLE ideas DROP COLUMN budget_cents;");
        db.exec("DROP TABLE places; ALTER TABLE ideas DROP COLUMN place; ALTER TABLE ideas DROP COLUMN sealed_contact; "
                "ALTER TABLE kiosk DROP COLUMN staff_public_key;");
        db.exec("DROP TABLE meeting_need_choice; DROP TABLE meeting_need; PRAGMA user_version = 2;");
        MeetingNeedGiven imported;
        imported.need.toggle(NeedGroup::Help, "large_print");
        imported.need.toggle(NeedGroup::Interpreter, "uk");
        SQLite::Statement event(db, "INSERT INTO events (kiosk_id, seq, uuid, hlc, type, payload) VALUES (?, 1, ?, ?, ?, ?)");
        event.bind(1, "0f6a1c2e-5b7d-4e8f-9a01-23456789abcd");
        event.bind(2, "99999999-8888-4777-8666-555555555555");
        event.bind(3, static_cast<std::int64_t>(HlcStamp::make(1'764'316'925'000, 0).packed));
        event.bind(4, std::string(kEventMeetingNeedGiven));
        event.bind(5, encodePayload(imported));
        event.exec();
        REQUIRE(userVersion(db) == 2);
    }

    auto store = openOrFail(dir.database());
    CHECK(store->schemaVersion() == kSchemaVersion);
    CHECK(store->kioskId() == kioskId);
    CHECK(store->ideaCount() == ideasBefore);
    CHECK(ideasBefore > 0);
    CHECK(std::to_string(store->pulseSummary().pulses) + "/" +
              std::to_string(store->pulseSummary().total(PulseAspect::LivingWell).sum) ==
          pulseBefore);
    // The upgrade rebuilt the read tables, so the need the old build could not read now counts.
    const MeetingNeedSummary summary = store->meetingNeedSummary();
    CHECK(summary.needs == 1);
    CHECK(summary.count(NeedGroup::Help, "large_print") == 1);
    CHECK(summary.count(NeedGroup::Interpreter, "uk") == 1);

    REQUIRE(store->giveMeetingNeed(need({{NeedGroup::Help, "large_print"}})).ok());
    CHECK(store->meetingNeedSummary().count(NeedGroup::Help, "large_print") == 2);
    store.reset();
    SQLite::Database db(dir.database().string(), SQLite::OPEN_READONLY);
    CHECK(userVersion(db) == kSchemaVersion);
}
