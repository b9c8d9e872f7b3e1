// The audit log in the kiosk database: entries numbered, stamped, linked and hashed as
// AuditLog.h documents; the table refusing changes; and edits planted in the file from the side
// (triggers dropped first) found by the check, each at the entry where the chain breaks.
#include "StorageTestSupport.h"

#include "storage/AuditLog.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

using namespace buurtstem;
using namespace buurtstem::storage;
using namespace buurtstem::storage::test;

namespace {

constexpr std::uint64_t kStart = 1'764'316'924'000;  // the ManualClock's start

AuditDraft draft(std::string action, std::string subject, std::string before, std::string after,
                 std::string facilitator = "Anna (opbouwwerk)") {
    AuditDraft d;
    d.facilitator = std::move(facilitator);
    d.action = std::move(action);
    d.subject = std::move(subject);
    d.before = std::move(before);
    d.after = std::move(after);
    return d;
}

// Appends `count` entries, a second apart, and returns them oldest first.
std::vector<AuditEntry> appendSome(KioskStore& store, const ManualClock& clock, int count) {
    std::vector<AuditEntry> entries;
    for (int i = 1; i <= count; ++i) {
        clock.set(kStart + static_cast<std::uint64_t>(i) * 1000);
        Result<AuditEntry> entry = store.appendAudit(draft("idea.approved", "idea-" + std::to_string(i), "new", "approved"));
        INFO((entry.ok() ? std::string() : entry.error().detail));
        REQUIRE(entry.ok());
        entries.push_back(entry.value());
    }
    return entries;
}

// A connection to the file from the side, as someone with the file and the sqlite3 tool has.
struct SideDoor {
    explicit SideDoor(const ScratchDir& dir) : db(dir.database().string(), SQLite::OPEN_READWRITE, 5000) {}
    void dropTriggers() {
        db.exec("DROP TRIGGER audit_log_no_update");
        db.exec("DROP TRIGGER audit_log_no_delete");
        db.exec("DROP TRIGGER audit_log_only_next");
    }
    AuditEntry entry(std::int64_t seq) {
        SQLite::Statement q(db, "SELECT seq, at_ms, facilitator, action, subject, before, after, prev_hash, hash "
                                "FROM audit_log WHERE seq = ?");
        q.bind(1, seq);
        REQUIRE(q.executeStep());
        AuditEntry e;
        e.seq = q.getColumn(0).getInt64();
        e.atMs = static_cast<std::uint64_t>(q.getColumn(1).getInt64());
        e.facilitator = q.getColumn(2).getString();
        e.action = q.getColumn(3).getString();
        e.subject = q.getColumn(4).getString();
        e.before = q.getColumn(5).getString();
        e.after = q.getColumn(6).getString();
        e.prevHash = q.getColumn(7).getString();
        e.hash = q.getColumn(8).getString();
        return e;
    }
    void overwrite(const AuditEntry& e) {
        SQLite::Statement q(db, "UPDATE audit_log SET at_ms = ?, facilitator = ?, action = ?, subject = ?, before = ?, "
                                "after = ?, prev_hash = ?, hash = ? WHERE seq = ?");
        q.bind(1, static_cast<std::int64_t>(e.atMs));
        q.bind(2, e.facilitator);
        q.bind(3, e.action);
        q.bind(4, e.subject);
        q.bind(5, e.before);
        q.bind(6, e.after);
        q.bind(7, e.prevHash);
        q.bind(8, e.hash);
        q.bind(9, e.seq);
        REQUIRE(q.exec() == 1);
    }
    SQLite::Database db;
};

void requireBreak(const AuditCheck& check, std::int64_t seq, const std::string& reason) {
    INFO(check.reason);
    CHECK_FALSE(check.ok);
    REQUIRE(check.firstBrokenSeq);
    CHECK(*check.firstBrokenSeq == seq);
    CHECK(check.reason == reason);
}

bool isLowerHex(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

TEST_CASE("audit entries are numbered, stamped, linked and come back newest first", "[storage][audit]") {
    ScratchDir dir;
    ManualClock clock;
    std::vector<AuditEntry> written;
    {
        auto store = openOrFail(dir.database(), clock.options());
        CHECK(store->auditLog(50).empty());
        written = appendSome(*store, clock, 3);
    }
    for (std::size_t i = 0; i < written.size(); ++i) {
        INFO("entry " << i + 1);
        CHECK(written[i].seq == static_cast<std::int64_t>(i + 1));
        CHECK(written[i].atMs == kStart + (i + 1) * 1000);
        CHECK(written[i].facilitator == "Anna (opbouwwerk)");
        CHECK(written[i].subject == "idea-" + std::to_string(i + 1));
        CHECK(written[i].hash.size() == kAuditHashTextLength);
        CHECK(isLowerHex(written[i].hash));
        CHECK(written[i].hash == auditEntryHash(written[i]));
        CHECK(written[i].prevHash == (i == 0 ? std::string() : written[i - 1].hash));
    }

    auto reopened = openOrFail(dir.database(), clock.options());  // they outlive the process
    CHECK(reopened->auditLog(50) == std::vector<AuditEntry>{written[2], written[1], written[0]});
    CHECK(reopened->auditLog(2) == std::vector<AuditEntry>{written[2], written[1]});
    CHECK(reopened->auditLog(0).empty());
    CHECK_FALSE(reopened->lastReadError());
}

TEST_CASE("an audit entry's hash is BLAKE2b-256 of the documented bytes", "[storage][audit]") {
    // The expected hashes come from Python's hashlib (the script in docs/audit-log.md), not from this code.
    ManualClock clock;
    auto opened = KioskStore::openInMemory(clock.options());
    REQUIRE(opened.ok());
    KioskStore& store = *opened.value();
    const Result<AuditEntry> first = store.appendAudit(draft("idea.approved", "K7P-3XR", "new", "approved"));
    REQUIRE(first.ok());
    CHECK(first->hash == "0e67dda329d96cb5be7284558523273a4d469815aeaa780aa3e63f699c644497");

    clock.set(kStart + 1000);
    const Result<AuditEntry> second =
        store.appendAudit(draft("round.closed", "", "opens 2026-06-01\ncloses 2026-06-15", "closes 2026-06-10", "Jörg"));
    REQUIRE(second.ok());
    CHECK(second->prevHash == first->hash);
    CHECK(second->hash == "91f175313961062fd395deb506573e873619ff41638853c27ae2436f9a9fd451");
}

TEST_CASE("an audit draft that breaks the rules stores nothing", "[storage][audit]") {
    auto opened = KioskStore::openInMemory();
    REQUIRE(opened.ok());
    KioskStore& store = *opened.value();
    const Result<AuditEntry> noOne = store.appendAudit(draft("idea.approved", "", "", "", ""));
    REQUIRE_FALSE(noOne.ok());
    CHECK(noOne.error().code == ErrorCode::InvalidInput);
    CHECK_THAT(noOne.error().detail, Catch::Contains("facilitator"));
    const Result<AuditEntry> noAction = store.appendAudit(draft("", "", "", ""));
    REQUIRE_FALSE(noAction.ok());
    CHECK(noAction.error().code == ErrorCode::InvalidInput);
    CHECK(store.auditLog(10).empty());
    CHECK(store.checkAuditLog().entriesChecked == 0);
}

TEST_CASE("a write that fails leaves the audit log as it was", "[storage][audit]") {
    ScratchDir dir;
    ManualClock clock;
    auto store = openOrFail(dir.database(), clock.options());
    const std::vector<AuditEntry> before = appendSome(*store, clock, 2);
    {
        SideDoor side(dir);
        side.db.exec("CREATE TRIGGER sabotage BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'sabotage'); END");
    }
    const Result<AuditEntry> failed = store->appendAudit(draft("round.closed", "r1", "open", "closed"));
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().code == ErrorCode::StorageFailure);
    CHECK_THAT(failed.error().detail, Catch::Contains("sabotage"));
    CHECK(store->auditLog(10) == std::vector<AuditEntry>{before[1], before[0]});
}

TEST_CASE("a whole audit log checks out", "[storage][audit]") {
    ManualClock clock;
    auto opened = KioskStore::openInMemory(clock.options());
    REQUIRE(opened.ok());
    KioskStore& store = *opened.value();

    const AuditCheck empty = store.checkAuditLog();
    CHECK(empty.ok);
    CHECK(empty.entriesChecked == 0);

    appendSome(store, clock, 20);
    const AuditCheck whole = store.checkAuditLog();
    CHECK(whole.ok);
    CHECK(whole.entriesChecked == 20);
    CHECK_FALSE(whole.firstBrokenSeq);
    CHECK(whole.reason.empty());
    CHECK_FALSE(store.lastReadError());
}

TEST_CASE("the database refuses to change, delete or replace an audit entry", "[storage][audit]") {
    ScratchDir dir;
    ManualClock clock;
    auto store = openOrFail(dir.database(), clock.options());
    const std::vector<AuditEntry> written = appendSome(*store, clock, 3);

    SideDoor side(dir);
    const auto refused = [&](const char* sql) {
        INFO(sql);
        CHECK_THROWS_WITH(side.db.exec(sql), Catch::Contains("the audit log is append-only"));
    };
    refused("UPDATE audit_log SET after = 'hidden' WHERE seq = 2");
    refused("UPDATE audit_log SET seq = 10 WHERE seq = 3");
    refused("DELETE FROM audit_log WHERE seq = 3");
    refused("DELETE FROM audit_log");
    // REPLACE deletes without firing the delete trigger; the insert trigger stops it.
    refused("INSERT OR REPLACE INTO audit_log (seq, at_ms, facilitator, action, subject, before, after, prev_hash, hash) "
            "VALUES (2, 0, 'x', 'x', '', '', '', '', '')");
    refused("INSERT INTO audit_log (seq, at_ms, facilitator, action, subject, before, after, prev_hash, hash) "
            "VALUES (5, 0, 'x', 'x', '', '', '', '', '')");
    refused("INSERT INTO audit_log (seq, at_ms, facilitator, action, subject, before, after, prev_hash, hash) "
            "VALUES (2, 0, 'x', 'x', '', '', '', '', '') ON CONFLICT (seq) DO UPDATE SET after = 'hidden'");

    CHECK(store->auditLog(10) == std::vector<AuditEntry>{written[2], written[1], written[0]});
    CHECK(store->checkAuditLog().ok);
}

TEST_CASE("the check finds an edit planted in the database file", "[storage][audit]") {
    ScratchDir dir;
    ManualClock clock;
    auto store = openOrFail(dir.database(), clock.options());
    appendSome(*store, clock, 6);
    REQUIRE(store->checkAuditLog().ok);

    SideDoor side(dir);
    side.dropTriggers();

    SECTION("one entry's after text changed") {
        side.db.exec("UPDATE audit_log SET after = 'hidden' WHERE seq = 4");
        requireBreak(store->checkAuditLog(), 4, "entry 4 was changed after it was written");
        CHECK(store->checkAuditLog().entriesChecked == 4);
    }
    SECTION("one entry's time changed") {
        side.db.exec("UPDATE audit_log SET at_ms = at_ms - 3600000 WHERE seq = 2");
        requireBreak(store->checkAuditLog(), 2, "entry 2 was changed after it was written");
    }
    SECTION("the facilitator of the first entry changed") {
        side.db.exec("UPDATE audit_log SET facilitator = 'Bert' WHERE seq = 1");
        requireBreak(store->checkAuditLog(), 1, "entry 1 was changed after it was written");
    }
    SECTION("an entry in the middle deleted") {
        side.db.exec("DELETE FROM audit_log WHERE seq = 3");
        requireBreak(store->checkAuditLog(), 3, "entry 3 is missing");
    }
    SECTION("an entry changed and given its new hash") {
        AuditEntry forged = side.entry(2);
        forged.after = "hidden";
        forged.hash = auditEntryHash(forged);
        side.overwrite(forged);
        requireBreak(store->checkAuditLog(), 3, "entry 3 does not follow entry 2");
    }
    SECTION("two entries swapped") {
        AuditEntry second = side.entry(2), third = side.entry(3);
        std::swap(second.seq, third.seq);
        side.overwrite(second);
        side.overwrite(third);
        requireBreak(store->checkAuditLog(), 2, "entry 2 was changed after it was written");
    }
    SECTION("an entry deleted and the later ones renumbered") {
        side.db.exec("DELETE FROM audit_log WHERE seq = 2");
        side.db.exec("UPDATE audit_log SET seq = seq - 1 WHERE seq > 2");
        requireBreak(store->checkAuditLog(), 2, "entry 2 was changed after it was written");
    }
    SECTION("the last entry deleted: not something a chain can show") {
        // Documented in AuditLog.h: the entries left still form a whole chain.
        side.db.exec("DELETE FROM audit_log WHERE seq = 6");
        const AuditCheck check = store->checkAuditLog();
        CHECK(check.ok);
        CHECK(check.entriesChecked == 5);
    }
}

TEST_CASE("rebuilding the read tables leaves the audit log as it was", "[storage][audit][rebuild]") {
    ManualClock clock;
    auto opened = KioskStore::openInMemory(clock.options());
    REQUIRE(opened.ok());
    KioskStore& store = *opened.value();
    REQUIRE(store.submitIdea(makeDraft("Een bankje bij de school")).ok());
    const std::vector<AuditEntry> written = appendSome(store, clock, 4);
    REQUIRE(store.rebuildReadTables().ok());
    CHECK(store.auditLog(10) == std::vector<AuditEntry>{written[3], written[2], written[1], written[0]});
    CHECK(store.checkAuditLog().ok);
    CHECK(store.checkAuditLog().entriesChecked == 4);
}

TEST_CASE("an audit log that cannot be read is not called whole", "[storage][audit]") {
    ScratchDir dir;
    auto store = openOrFail(dir.database());
    REQUIRE(store->appendAudit(draft("round.closed", "r1", "open", "closed")).ok());
    {
        SideDoor side(dir);
        side.db.exec("DROP TABLE audit_log");
    }
    const AuditCheck check = store->checkAuditLog();
    CHECK_FALSE(check.ok);
    CHECK_FALSE(check.firstBrokenSeq);
    CHECK(check.reason == "the audit log could not be read");
    REQUIRE(store->lastReadError());
    CHECK(store->lastReadError()->code == ErrorCode::StorageFailure);
    CHECK(store->auditLog(10).empty());
}

TEST_CASE("checking 100,000 audit entries reads each one once", "[storage][audit]") {
    ScratchDir dir;
    {
        auto store = openOrFail(dir.database());  // makes the schema
    }
    // Written from the side in one transaction: appendAudit commits each entry on its own.
    constexpr std::int64_t kEntries = 100'000;
    {
        SideDoor side(dir);
        SQLite::Transaction tx(side.db);
        SQLite::Statement insert(side.db,
                                 "INSERT INTO audit_log (seq, at_ms, facilitator, action, subject, before, after, "
                                 "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        AuditEntry e;
        e.facilitator = "Anna (opbouwwerk)";
        e.action = "idea.approved";
        e.before = "new";
        e.after = "approved";
        for (std::int64_t seq = 1; seq <= kEntries; ++seq) {
            e.seq = seq;
            e.atMs = kStart + static_cast<std::uint64_t>(seq);
            e.subject = "idea-" + std::to_string(seq);
            e.prevHash = e.hash;
            e.hash = auditEntryHash(e);
            insert.bind(1, e.seq);
            insert.bind(2, static_cast<std::int64_t>(e.atMs));
            insert.bind(3, e.facilitator);
            insert.bind(4, e.action);
            insert.bind(5, e.subject);
            insert.bind(6, e.before);
            insert.bind(7, e.after);
            insert.bind(8, e.prevHash);
            insert.bind(9, e.hash);
            insert.exec();
            insert.reset();
        }
        tx.commit();
    }
    auto store = openOrFail(dir.database());
    const AuditCheck check = store->checkAuditLog();
    CHECK(check.ok);
    CHECK(check.entriesChecked == kEntries);
    CHECK(store->auditLog(3).front().seq == kEntries);
}

TEST_CASE("a change and its audit entry in one transaction are stored together or not at all", "[storage][audit]") {
    ScratchDir dir;
    ManualClock clock;
    auto store = openOrFail(dir.database(), clock.options());
    Result<Idea> idea = store->submitIdea(makeDraft("Bankjes bij de vijver"));
    REQUIRE(idea.ok());
    const std::int64_t eventsBefore = store->eventCount();
    const auto approveAndLog = [&](const AuditDraft& entry) {
        return store->inOneTransaction("approve and log", [&]() -> Result<void> {
            if (Result<void> approved = store->approveIdea(idea->id); !approved) return approved;
            if (Result<AuditEntry> logged = store->appendAudit(entry); !logged) return logged.error();
            return {};
        });
    };

    SECTION("an entry that cannot be written takes the approval back with it") {
        {
            SideDoor side(dir);
            side.db.exec("CREATE TRIGGER sabotage BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'sabotage'); END");
        }
        const Result<void> failed = approveAndLog(draft("idea.approved", idea->id, "new", "approved"));
        REQUIRE_FALSE(failed.ok());
        CHECK_THAT(failed.error().detail, Catch::Contains("sabotage"));
        CHECK(store->idea(idea->id)->status == IdeaStatus::New);
        CHECK(store->eventCount() == eventsBefore);
        CHECK(store->auditLog(10).empty());
    }
    SECTION("an entry the rules refuse takes the approval back too") {
        const Result<void> refused = approveAndLog(draft("idea.approved", idea->id, "new", "approved", ""));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == ErrorCode::InvalidInput);
        CHECK(store->idea(idea->id)->status == IdeaStatus::New);
        CHECK(store->eventCount() == eventsBefore);
    }
    SECTION("when both can be written both are there, and the next write is a transaction of its own") {
        REQUIRE(approveAndLog(draft("idea.approved", idea->id, "new", "approved")).ok());
        CHECK(store->idea(idea->id)->status == IdeaStatus::Approved);
        CHECK(store->eventCount() == eventsBefore + 1);
        REQUIRE(store->auditLog(10).size() == 1);
        CHECK(store->auditLog(10).front().subject == idea->id);
        REQUIRE(store->appendAudit(draft("round.closed", "r1", "open", "closed")).ok());
        CHECK(store->auditLog(10).size() == 2);
    }
}
