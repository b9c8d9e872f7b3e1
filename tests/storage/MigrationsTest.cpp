// Schema migrations: numbered, one transaction per step with its version bump, and never run
// against a database newer than this build. Also the SQLite error-code mapping.
#include "storage/KioskStore.h"
#include "storage/Migrations.h"
#include "storage/SqliteError.h"

#include "StorageTestSupport.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace buurtstem;
using namespace buurtstem::storage;

namespace {

SQLite::Database emptyMemoryDatabase() { return SQLite::Database(":memory:", SQLite::OPEN_READWRITE); }

}  // namespace

TEST_CASE("schema migrations are numbered 1, 2, 3 ... up to kSchemaVersion", "[storage][migrations]") {
    const auto migrations = schemaMigrations();
    REQUIRE_FALSE(migrations.empty());
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        CHECK(migrations[i].version == static_cast<int>(i) + 1);
    }
    CHECK(migrations.back().version == kSchemaVersion);
}

TEST_CASE("migrate brings an empty database to the current schema once", "[storage][migrations]") {
    SQLite::Database db = emptyMemoryDatabase();
    REQUIRE(userVersion(db) == 0);

    Result<int> first = migrate(db);
    REQUIRE(first.ok());
    CHECK(first.value() == kSchemaVersion);
    CHECK(userVersion(db) == kSchemaVersion);
    for (const char* table : {"kiosk", "events", "ideas", "neighbourhood", "pulse"}) {
        INFO(table);
        CHECK(db.tableExists(table));
    }

    // A second run finds nothing to do; re-running step 1 would fail on CREATE TABLE.
    Result<int> second = migrate(db);
    REQUIRE(second.ok());
    CHECK(second.value() == kSchemaVersion);
}

TEST_CASE("a failing migration step is rolled back together with its version bump", "[storage][migrations]") {
    SQLite::Database db = emptyMemoryDatabase();
    std::vector<Migration> migrations(schemaMigrations().begin(), schemaMigrations().end());
    const int broken = kSchemaVersion + 1;
    migrations.push_back({broken, "CREATE TABLE half_done (x INTEGER); THIS IS NOT SQL;"});

    Result<int> result = migrate(db, migrations);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == ErrorCode::StorageFailure);
    CHECK_THAT(result.error().detail, Catch::Contains(std::to_string(broken)));
    // The earlier steps stay; the broken one left neither its table nor its version behind.
    CHECK(userVersion(db) == kSchemaVersion);
    CHECK(db.tableExists("events"));
    CHECK_FALSE(db.tableExists("half_done"));
}

namespace {

std::vector<std::string> opcodesOf(SQLite::Database& db, const std::string& statement) {
    std::vector<std::string> opcodes;
    SQLite::Statement q(db, "EXPLAIN " + statement);
    while (q.executeStep()) opcodes.push_back(q.getColumn(1).getString());
    return opcodes;
}

}  // namespace

TEST_CASE("the status checks of ideas and voting codes compare per row, refuse as before, and keep stored rows", "[storage][migrations]") {
    test::ScratchDir dir;
    SQLite::Database db(dir.database().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    const auto all = schemaMigrations();
    REQUIRE(migrate(db, all.first(18)).ok());  // as schema 18 left a database, with rows
    db.exec("INSERT INTO ideas (idea_id, reference, theme, title, body, created_hlc, status, event_uuid) "
            "VALUES ('i1', 'R-1', 'green', 'Bankjes', 'Bij het water', 1, 'hidden', 'u1')");
    db.exec("INSERT INTO voting_codes (round_id, code_hash, status) VALUES ('r1', 'h1', 'voided')");
    const std::string insertIdea = "INSERT INTO ideas (idea_id, reference, theme, title, body, created_hlc, status, event_uuid) "
                                   "VALUES ('i2', 'R-2', 'green', 'Licht', 'In de steeg', 2, ?, 'u2')";
    const std::string insertCode = "INSERT INTO voting_codes (round_id, code_hash, status) VALUES ('r1', 'h2', ?)";
    const auto has = [](const std::vector<std::string>& opcodes, const char* opcode) {
        return std::find(opcodes.begin(), opcodes.end(), opcode) != opcodes.end();
    };
    REQUIRE(has(opcodesOf(db, insertIdea), "OpenEphemeral"));  // what the step is for
    const int schemaVersionBefore = db.execAndGet("PRAGMA schema_version").getInt();

    REQUIRE(migrate(db).ok());
    CHECK(userVersion(db) == kSchemaVersion);
    CHECK(db.execAndGet("PRAGMA schema_version").getInt() > schemaVersionBefore);
    CHECK(db.execAndGet("PRAGMA writable_schema").getInt() == 0);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(db.execAndGet("SELECT status FROM ideas WHERE idea_id = 'i1'").getString() == "hidden");
    CHECK(db.execAndGet("SELECT status FROM voting_codes WHERE code_hash = 'h1'").getString() == "voided");
    CHECK_FALSE(has(opcodesOf(db, insertIdea), "OpenEphemeral"));
    CHECK_FALSE(has(opcodesOf(db, insertCode), "OpenEphemeral"));

    // Another connection reads the new text, and both checks refuse exactly what they refused.
    SQLite::Database other(dir.database().string(), SQLite::OPEN_READWRITE);
    CHECK_FALSE(has(opcodesOf(other, insertCode), "OpenEphemeral"));
    const auto accepts = [&other](const std::string& insert, const char* status) {
        SQLite::Transaction tx(other);
        SQLite::Statement q(other, insert);
        q.bind(1, status);
        try {
            q.exec();
            return true;
        } catch (const SQLite::Exception& e) {
            CHECK_THAT(e.what(), Catch::Contains("CHECK constraint failed"));
            return false;
        }
    };
    for (const char* status : {"new", "approved", "hidden"}) CHECK(accepts(insertIdea, status));
    for (const char* status : {"issued", "used", "voided"}) CHECK(accepts(insertCode, status));
    for (const char* status : {"", "New", "used", "approved "}) CHECK_FALSE(accepts(insertIdea, status));
    for (const char* status : {"", "Used", "hidden", "issued "}) CHECK_FALSE(accepts(insertCode, status));
}

TEST_CASE("a failing step that edits table text is rolled back and leaves the schema read-only", "[storage][migrations]") {
    SQLite::Database db = emptyMemoryDatabase();
    std::vector<Migration> migrations(schemaMigrations().begin(), schemaMigrations().end());
    REQUIRE(migrate(db, migrations).ok());
    const std::string ideasText = db.execAndGet("SELECT sql FROM sqlite_schema WHERE name = 'ideas'").getString();
    const int schemaVersionBefore = db.execAndGet("PRAGMA schema_version").getInt();
    migrations.push_back({kSchemaVersion + 1, "UPDATE sqlite_schema SET sql = sql || ' ' WHERE name = 'ideas'; NOT SQL;", false, true});

    REQUIRE_FALSE(migrate(db, migrations).ok());
    CHECK(userVersion(db) == kSchemaVersion);
    CHECK(db.execAndGet("PRAGMA writable_schema").getInt() == 0);
    CHECK(db.execAndGet("PRAGMA schema_version").getInt() == schemaVersionBefore);
    CHECK(db.execAndGet("SELECT sql FROM sqlite_schema WHERE name = 'ideas'").getString() == ideasText);
}

TEST_CASE("migrate refuses a database newer than its list and writes nothing", "[storage][migrations]") {
    SQLite::Database db = emptyMemoryDatabase();
    db.exec("PRAGMA user_version = 99");

    Result<int> result = migrate(db);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == ErrorCode::NewerSchema);
    CHECK(userVersion(db) == 99);
    CHECK_FALSE(db.tableExists("events"));
}

TEST_CASE("a migration list out of order is refused before anything runs", "[storage][migrations]") {
    SQLite::Database db = emptyMemoryDatabase();
    const std::vector<Migration> migrations = {{2, "CREATE TABLE b (x)"}, {1, "CREATE TABLE a (x)"}};

    Result<int> result = migrate(db, migrations);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == ErrorCode::StorageFailure);
    CHECK(userVersion(db) == 0);
    CHECK_FALSE(db.tableExists("b"));
}

TEST_CASE("SQLite result codes map to Buurtstem error codes", "[storage][errors]") {
    CHECK(errorCodeFromSqlite(SQLITE_FULL) == ErrorCode::StorageFull);
    CHECK(errorCodeFromSqlite(SQLITE_READONLY) == ErrorCode::StorageReadOnly);
    CHECK(errorCodeFromSqlite(SQLITE_READONLY_DBMOVED) == ErrorCode::StorageReadOnly);
    CHECK(errorCodeFromSqlite(SQLITE_CANTOPEN) == ErrorCode::StorageReadOnly);
    CHECK(errorCodeFromSqlite(SQLITE_NOTADB) == ErrorCode::NotADatabase);
    CHECK(errorCodeFromSqlite(SQLITE_CORRUPT) == ErrorCode::NotADatabase);
    CHECK(errorCodeFromSqlite(SQLITE_IOERR_WRITE) == ErrorCode::StorageFailure);
    CHECK(errorCodeFromSqlite(SQLITE_CONSTRAINT_UNIQUE) == ErrorCode::StorageFailure);
    CHECK(errorCodeFromSqlite(SQLITE_BUSY) == ErrorCode::StorageFailure);

    const Error full = errorFromSqlite(SQLite::Exception("database or disk is full", SQLITE_FULL), "submit idea");
    CHECK(full.code == ErrorCode::StorageFull);
    CHECK_THAT(full.detail, Catch::StartsWith("submit idea: database or disk is full"));

    // SQLiteCpp's own misuse errors carry no SQLite code.
    CHECK(errorFromSqlite(SQLite::Exception("no row"), "read").code == ErrorCode::StorageFailure);
}
