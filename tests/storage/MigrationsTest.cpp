// Schema migrations: numbered, one transaction per step with its version bump, and never run
// against a database newer than this build. Also the SQLite error-code mapping.
#include "storage/KioskStore.h"
#include "storage/Migrations.h"
#include "storage/SqliteError.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <sqlite3.h>

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
