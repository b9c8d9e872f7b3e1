// A statement handed out again by the cache behaves as a newly prepared one: from its first row,
// with every parameter NULL, and without the error of an earlier run.
#include "storage/StatementCache.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <sqlite3.h>

using namespace buurtstem::storage;

namespace {

SQLite::Database numbers() {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE n (v INTEGER PRIMARY KEY, note TEXT)");
    db.exec("INSERT INTO n (v, note) VALUES (1, 'een'), (2, 'twee'), (3, 'drie')");
    return db;
}

}  // namespace

TEST_CASE("the statement cache prepares each SQL text once and hands it out as new", "[storage][statements]") {
    SQLite::Database db = numbers();
    StatementCache sql(db);

    SQLite::Statement& first = sql("SELECT v FROM n WHERE v >= ? ORDER BY v");
    first.bind(1, 2);
    REQUIRE(first.executeStep());
    CHECK(first.getColumn(0).getInt() == 2);  // left in the middle of its rows, parameter bound

    SQLite::Statement& again = sql("SELECT v FROM n WHERE v >= ? ORDER BY v");
    CHECK(&again == &first);
    // NULL, as in a new statement: v >= NULL matches nothing. A leftover 2 would find a row.
    CHECK_FALSE(again.executeStep());
    SQLite::Statement& third = sql("SELECT v FROM n WHERE v >= ? ORDER BY v");
    third.bind(1, 1);
    REQUIRE(third.executeStep());
    CHECK(third.getColumn(0).getInt() == 1);  // from the first row, not where it stopped

    SQLite::Statement& other = sql("SELECT COUNT(*) FROM n");
    CHECK(&other != &first);
}

TEST_CASE("a cached statement whose last run failed runs again", "[storage][statements]") {
    SQLite::Database db = numbers();
    StatementCache sql(db);
    SQLite::Statement& insert = sql("INSERT INTO n (v, note) VALUES (?, ?)");
    insert.bind(1, 1);  // taken
    insert.bind(2, "nog een");
    try {
        insert.exec();
        FAIL("the duplicate key was accepted");
    } catch (const SQLite::Exception& e) {
        CHECK(e.getExtendedErrorCode() == SQLITE_CONSTRAINT_PRIMARYKEY);
    }
    SQLite::Statement& next = sql("INSERT INTO n (v, note) VALUES (?, ?)");
    next.bind(1, 4);
    next.bind(2, "vier");
    CHECK(next.exec() == 1);
    CHECK(db.execAndGet("SELECT note FROM n WHERE v = 4").getString() == "vier");
}
