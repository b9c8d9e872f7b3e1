// Rows from memory written by one statement: in the order given, all or none, and bulk_rows
// reads nothing but rows passed to it by BulkInsert.
#include "storage/BulkRows.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <stdexcept>
#include <string>
#include <vector>

using namespace buurtstem::storage;

namespace {

struct Note {
    std::int64_t number;
    std::string text;
};

SQLite::Database notesDatabase() {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, number INTEGER NOT NULL UNIQUE, text TEXT NOT NULL, "
            "shelf TEXT NOT NULL DEFAULT '')");
    return db;
}

BulkRows rowsOf(const std::vector<Note>& notes) {
    return {notes.size(), [&notes](std::size_t row, int column, sqlite3_context* out) {
                if (column == 0) return setInt(out, notes[row].number);
                if (column == 1) return setText(out, notes[row].text);
                sqlite3_result_null(out);
            }};
}

std::vector<std::string> readNotes(SQLite::Database& db) {
    std::vector<std::string> out;
    SQLite::Statement q(db, "SELECT id, number, text, shelf FROM notes ORDER BY id");
    while (q.executeStep()) {
        out.push_back(q.getColumn(0).getString() + ":" + q.getColumn(1).getString() + ":" + q.getColumn(2).getString() + ":" +
                      q.getColumn(3).getString());
    }
    return out;
}

constexpr const char* kInsertNotes = "INSERT INTO notes (number, text) SELECT c0, c1 FROM bulk_rows(?)";

}  // namespace

TEST_CASE("bulk rows are written in the order given, as one statement per row would", "[storage][bulk]") {
    SQLite::Database db = notesDatabase();
    BulkInsert insert(db, kInsertNotes);
    const std::vector<Note> first = {{30, "dertig"}, {10, "tien"}, {20, "twintig"}};
    insert.run(rowsOf(first));
    const std::vector<Note> second = {{40, "veertig"}};
    insert.run(rowsOf(second));  // the same statement again
    insert.run(rowsOf({}));      // no rows: nothing happens
    CHECK(readNotes(db) == std::vector<std::string>{"1:30:dertig:", "2:10:tien:", "3:20:twintig:", "4:40:veertig:"});

    // Parameters before the rows', bound before each run.
    BulkInsert shelved(db, "INSERT INTO notes (number, text, shelf) SELECT c0, c1, ?1 FROM bulk_rows(?2)");
    const std::vector<Note> third = {{50, "vijftig"}};
    shelved.bindText(1, "boven");
    shelved.run(rowsOf(third));
    CHECK(readNotes(db).back() == "5:50:vijftig:boven");
}

TEST_CASE("bulk rows are written all or none", "[storage][bulk]") {
    SQLite::Database db = notesDatabase();
    BulkInsert insert(db, kInsertNotes);
    const std::vector<Note> kept = {{1, "een"}};
    insert.run(rowsOf(kept));

    SQLite::Transaction tx(db);
    // The third row's number is taken: the two before it are not left behind.
    const std::vector<Note> clash = {{2, "twee"}, {3, "drie"}, {1, "nog eens een"}, {4, "vier"}};
    try {
        insert.run(rowsOf(clash));
        FAIL("a taken number was written");
    } catch (const SQLite::Exception& e) {
        CHECK(e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE);
    }
    CHECK(readNotes(db) == std::vector<std::string>{"1:1:een:"});

    // A value that cannot be given fails the statement the same way, and it runs again after.
    const BulkRows failing{2, [](std::size_t row, int column, sqlite3_context* out) {
                               if (row == 1) throw std::runtime_error("no such note");
                               if (column == 0) return setInt(out, 7);
                               setText(out, "zeven");
                           }};
    CHECK_THROWS_WITH(insert.run(failing), Catch::Contains("no such note"));
    CHECK(readNotes(db) == std::vector<std::string>{"1:1:een:"});
    const std::vector<Note> after = {{8, "acht"}};
    insert.run(rowsOf(after));
    tx.commit();
    CHECK(readNotes(db) == std::vector<std::string>{"1:1:een:", "2:8:acht:"});
}

TEST_CASE("bulk_rows reads only rows passed by BulkInsert", "[storage][bulk]") {
    SQLite::Database db = notesDatabase();
    BulkInsert insert(db, kInsertNotes);  // registers bulk_rows on this connection
    // An address written in SQL is not a pointer passed to it.
    CHECK_THROWS_WITH(db.exec("INSERT INTO notes (number, text) SELECT c0, c1 FROM bulk_rows(140737488355328)"),
                      Catch::Contains("reads only rows passed by BulkInsert"));
    CHECK_THROWS(db.exec("SELECT * FROM bulk_rows"));  // no rows at all: no plan
    // Not from a view or a trigger, where other SQL could reach it.
    db.exec("CREATE VIEW passed AS SELECT c0 FROM bulk_rows(1)");
    CHECK_THROWS_WITH(db.exec("SELECT * FROM passed"), Catch::Contains("unsafe use of virtual table"));
    CHECK_THROWS(db.exec("CREATE VIRTUAL TABLE mine USING bulk_rows"));
    CHECK(readNotes(db).empty());

    // A second BulkInsert on the same connection finds it registered.
    BulkInsert again(db, kInsertNotes);
    const std::vector<Note> one = {{1, "een"}};
    again.run(rowsOf(one));
    CHECK(readNotes(db).size() == 1);
}
