// Prepared statements kept for a run of many events: an import applies a million events with a
// dozen statements, and preparing each again per event cost more than running it. Internal to
// storage; whoever applies a run of events owns one for that run and passes it down.
#pragma once

#include "BulkRows.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <string_view>
#include <unordered_map>

namespace buurtstem::storage {

class StatementCache {
public:
    explicit StatementCache(SQLite::Database& db) : db_(db) {}
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;

    SQLite::Database& db() { return db_; }

    // The statement for `sql`, prepared on first use, reset and with every parameter NULL, as a
    // newly prepared one. A caller must be done with it before asking for the same SQL again.
    // Throws SQLite::Exception.
    SQLite::Statement& operator()(std::string_view sql) {
        const auto found = statements_.find(sql);
        if (found != statements_.end()) {
            SQLite::Statement& statement = *found->second;
            // tryReset: reset() would throw again the error of an exec that failed earlier.
            statement.tryReset();
            statement.clearBindings();
            return statement;
        }
        auto statement = std::make_unique<SQLite::Statement>(db_, std::string(sql));
        SQLite::Statement& made = *statement;
        statements_.emplace(std::string_view(made.getQuery()), std::move(statement));  // the key lives in the statement
        return made;
    }

    // The statement over bulk_rows for `sql`, prepared on first use (see BulkRows.h).
    BulkInsert& bulk(const char* sql) {
        std::unique_ptr<BulkInsert>& statement = bulk_[sql];
        if (!statement) statement = std::make_unique<BulkInsert>(db_, sql);
        return *statement;
    }

private:
    SQLite::Database& db_;
    std::unordered_map<std::string_view, std::unique_ptr<SQLite::Statement>> statements_;
    std::unordered_map<std::string_view, std::unique_ptr<BulkInsert>> bulk_;  // keyed by the callers' literals
};

}  // namespace buurtstem::storage
