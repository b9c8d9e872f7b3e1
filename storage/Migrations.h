// Numbered schema migrations keyed on PRAGMA user_version: version N's SQL turns a version N-1
// database into version N. Each runs in its own transaction together with its version bump, so
// a database is always exactly at one version.
#pragma once

#include "../app/core/Result.h"

#include <SQLiteCpp/Database.h>

#include <span>

namespace buurtstem::storage {

struct Migration {
    int version;      // user_version after this step; strictly increasing, starting at 1
    const char* sql;  // one or more statements; no user data is ever part of it
    // False for a step that changes no read table's rows (an index, say): a database upgraded
    // over such steps alone keeps its read tables instead of rebuilding them from the events.
    bool rebuildsReadTables = true;
    // True for a step that rewrites tables' CREATE text in sqlite_schema: SQLite's documented way
    // to change a CHECK constraint without copying the table, for a change that every stored row
    // still meets. It runs with writable_schema on, and the schema version is raised with it so
    // every connection reads the new text.
    bool editsTableText = false;
};

// The schema this build writes; the last entry's version is kSchemaVersion.
std::span<const Migration> schemaMigrations();

// Whether a database at `fromVersion` (0: a new one, which has nothing to rebuild) needs its read
// tables rebuilt after the steps above it.
bool readTablesNeedRebuild(int fromVersion, std::span<const Migration> migrations = schemaMigrations());

// PRAGMA user_version of the connection's main database. Throws SQLite::Exception.
int userVersion(SQLite::Database& db);

// Brings the database up to the last version in `migrations` and returns that version.
// A database already newer than the list is refused with NewerSchema before anything is written;
// a list that is not strictly increasing is refused with StorageFailure. On a failing step that
// step is rolled back and earlier steps stay committed.
Result<int> migrate(SQLite::Database& db, std::span<const Migration> migrations = schemaMigrations());

}  // namespace buurtstem::storage
