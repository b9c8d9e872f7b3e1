// Many rows from memory written by one statement: INSERT … SELECT c0, c1 … FROM bulk_rows(?).
// SQLite's own loop then writes them, its cursors staying where the last row went, instead of
// one statement per row that opens every table and index it writes and finds its place from the
// root again: for a small row that is five times the time. A run of events (EventRun) writes its
// held rows this way, and applying a single event goes through the same statements with one row.
// Internal to storage; runs inside the caller's transaction.
#pragma once

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace buurtstem::storage {

// The rows: `count` of them, columns c0 … c15. `value` sets one value of one row with the
// setters below; what it points to must outlive the statement (it is not copied).
struct BulkRows {
    std::size_t count = 0;
    std::function<void(std::size_t row, int column, sqlite3_context* out)> value;
};

inline void setText(sqlite3_context* out, std::string_view text) {
    sqlite3_result_text(out, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}
inline void setInt(sqlite3_context* out, std::int64_t value) { sqlite3_result_int64(out, value); }

// One statement over bulk_rows, prepared once. Its last parameter is the rows'; parameters
// before it (a round id, say) are bound with bindText before each run. Not copyable.
class BulkInsert {
public:
    // Registers bulk_rows on the connection when it is not yet, then prepares `sql`. Throws
    // SQLite::Exception.
    BulkInsert(SQLite::Database& db, const std::string& sql);
    ~BulkInsert();
    BulkInsert(const BulkInsert&) = delete;
    BulkInsert& operator=(const BulkInsert&) = delete;

    // Not copied: `text` must outlive the next run().
    void bindText(int index, std::string_view text);
    // Writes `rows`, all or (on any error, a constraint included) none. Throws SQLite::Exception.
    void run(const BulkRows& rows);

private:
    sqlite3* db_;
    sqlite3_stmt* statement_ = nullptr;
    int rowsIndex_ = 0;
};

}  // namespace buurtstem::storage
