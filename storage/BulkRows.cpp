// bulk_rows, an eponymous virtual table over rows in memory (see BulkRows.h).
//
// The rows arrive through SQLite's pointer passing (sqlite3_bind_pointer with a type name of its
// own), so no SQL text can make the table read an address: without the pointer it has no rows.
// It may be named only in statements prepared here, never from a trigger or a view.
#include "BulkRows.h"

#include <SQLiteCpp/Exception.h>

#include <cstring>
#include <exception>
#include <new>

namespace buurtstem::storage {

namespace {

constexpr const char* kModuleName = "bulk_rows";
constexpr const char* kPointerType = "buurtstem_bulk_rows";
constexpr int kColumns = 16;
constexpr int kSourceColumn = kColumns;  // the hidden column the rows are passed in

struct Cursor {
    sqlite3_vtab_cursor base;  // first: SQLite sees only this
    const BulkRows* rows = nullptr;
    std::size_t row = 0;
};

Cursor& cursorOf(sqlite3_vtab_cursor* base) { return *reinterpret_cast<Cursor*>(base); }

int connect(sqlite3* db, void*, int, const char* const*, sqlite3_vtab** table, char**) {
    const int declared = sqlite3_declare_vtab(
        db, "CREATE TABLE x(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, source HIDDEN)");
    if (declared != SQLITE_OK) return declared;
    sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
    *table = static_cast<sqlite3_vtab*>(sqlite3_malloc(sizeof(sqlite3_vtab)));
    if (!*table) return SQLITE_NOMEM;
    std::memset(*table, 0, sizeof(sqlite3_vtab));
    return SQLITE_OK;
}

int disconnect(sqlite3_vtab* table) {
    sqlite3_free(table);
    return SQLITE_OK;
}

// Only a plan that passes the rows (source = ?) is usable; every row then costs the same.
int bestIndex(sqlite3_vtab*, sqlite3_index_info* info) {
    for (int i = 0; i < info->nConstraint; ++i) {
        const auto& constraint = info->aConstraint[i];
        if (constraint.iColumn != kSourceColumn || constraint.op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
        if (!constraint.usable) return SQLITE_CONSTRAINT;
        info->aConstraintUsage[i].argvIndex = 1;
        info->aConstraintUsage[i].omit = 1;
        info->estimatedCost = 1000;
        info->estimatedRows = 1000;
        return SQLITE_OK;
    }
    return SQLITE_CONSTRAINT;
}

int open(sqlite3_vtab*, sqlite3_vtab_cursor** cursor) {
    Cursor* made = new (std::nothrow) Cursor{};
    if (!made) return SQLITE_NOMEM;
    *cursor = &made->base;
    return SQLITE_OK;
}

int close(sqlite3_vtab_cursor* cursor) {
    delete &cursorOf(cursor);
    return SQLITE_OK;
}

int filter(sqlite3_vtab_cursor* base, int, const char*, int argc, sqlite3_value** argv) {
    Cursor& cursor = cursorOf(base);
    cursor.rows = argc == 1 ? static_cast<const BulkRows*>(sqlite3_value_pointer(argv[0], kPointerType)) : nullptr;
    cursor.row = 0;
    if (!cursor.rows) {
        sqlite3_free(base->pVtab->zErrMsg);
        base->pVtab->zErrMsg = sqlite3_mprintf("bulk_rows reads only rows passed by BulkInsert");
        return SQLITE_ERROR;
    }
    return SQLITE_OK;
}

int next(sqlite3_vtab_cursor* cursor) {
    ++cursorOf(cursor).row;
    return SQLITE_OK;
}

int eof(sqlite3_vtab_cursor* base) {
    const Cursor& cursor = cursorOf(base);
    return cursor.row >= cursor.rows->count ? 1 : 0;
}

int column(sqlite3_vtab_cursor* base, sqlite3_context* out, int index) {
    const Cursor& cursor = cursorOf(base);
    if (index < 0 || index >= kColumns) {
        sqlite3_result_null(out);
        return SQLITE_OK;
    }
    try {  // nothing may be thrown through SQLite
        cursor.rows->value(cursor.row, index, out);
    } catch (const std::exception& e) {
        sqlite3_result_error(out, e.what(), -1);
    }
    return SQLITE_OK;
}

int rowid(sqlite3_vtab_cursor* cursor, sqlite3_int64* id) {
    *id = static_cast<sqlite3_int64>(cursorOf(cursor).row);
    return SQLITE_OK;
}

// Eponymous only (no xCreate): the table exists on every connection it is registered on, and
// CREATE VIRTUAL TABLE cannot make another. Read only (no xUpdate).
sqlite3_module makeModule() {
    sqlite3_module module{};
    module.xConnect = connect;
    module.xBestIndex = bestIndex;
    module.xDisconnect = disconnect;
    module.xDestroy = disconnect;
    module.xOpen = open;
    module.xClose = close;
    module.xFilter = filter;
    module.xNext = next;
    module.xEof = eof;
    module.xColumn = column;
    module.xRowid = rowid;
    return module;
}
const sqlite3_module kModule = makeModule();

bool registered(sqlite3* db) {
    sqlite3_stmt* query = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_module_list WHERE name = ?", -1, &query, nullptr) != SQLITE_OK) {
        throw SQLite::Exception(db, sqlite3_errcode(db));
    }
    sqlite3_bind_text(query, 1, kModuleName, -1, SQLITE_STATIC);
    const bool found = sqlite3_step(query) == SQLITE_ROW;
    sqlite3_finalize(query);
    return found;
}

}  // namespace

BulkInsert::BulkInsert(SQLite::Database& db, const std::string& sql) : db_(db.getHandle()) {
    if (!registered(db_)) {
        if (const int rc = sqlite3_create_module_v2(db_, kModuleName, &kModule, nullptr, nullptr); rc != SQLITE_OK) {
            throw SQLite::Exception(db_, rc);
        }
    }
    if (const int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                          &statement_, nullptr);
        rc != SQLITE_OK) {
        throw SQLite::Exception(db_, rc);
    }
    rowsIndex_ = sqlite3_bind_parameter_count(statement_);
}

BulkInsert::~BulkInsert() { sqlite3_finalize(statement_); }

void BulkInsert::bindText(int index, std::string_view text) {
    if (const int rc = sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
        rc != SQLITE_OK) {
        throw SQLite::Exception(db_, rc);
    }
}

void BulkInsert::run(const BulkRows& rows) {
    if (rows.count == 0) return;
    sqlite3_bind_pointer(statement_, rowsIndex_, const_cast<BulkRows*>(&rows), kPointerType, nullptr);
    const int stepped = sqlite3_step(statement_);
    if (stepped != SQLITE_DONE) {
        const SQLite::Exception failed(db_, stepped);
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
        throw failed;
    }
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);  // no pointer to rows that are gone is left behind
}

}  // namespace buurtstem::storage
