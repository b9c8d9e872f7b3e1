// Mapping from SQLite result codes to Buurtstem's ErrorCode (see SqliteError.h).
#include "SqliteError.h"

#include <sqlite3.h>

#include <string>

namespace buurtstem::storage {

ErrorCode errorCodeFromSqlite(int resultCode) {
    // Extended codes keep the primary code in their low byte (SQLITE_IOERR_WRITE & 0xff == SQLITE_IOERR).
    switch (resultCode & 0xff) {
        case SQLITE_FULL:
            return ErrorCode::StorageFull;
        case SQLITE_READONLY:
        case SQLITE_CANTOPEN:
            return ErrorCode::StorageReadOnly;
        case SQLITE_NOTADB:
        case SQLITE_CORRUPT:
            return ErrorCode::NotADatabase;
        default:
            return ErrorCode::StorageFailure;
    }
}

Error errorFromSqlite(const SQLite::Exception& e, std::string_view context) {
    // The code the failing call returned decides; the connection's extended code (which may
    // belong to a later call) only goes into the detail. SQLiteCpp uses -1 for "no SQLite code".
    const int code = e.getErrorCode();
    std::string detail(context);
    detail += ": ";
    detail += e.what();
    detail += " (sqlite code ";
    detail += std::to_string(code);
    if (e.getExtendedErrorCode() >= 0) {
        detail += ", extended ";
        detail += std::to_string(e.getExtendedErrorCode());
    }
    detail += ')';
    return makeError(code < 0 ? ErrorCode::StorageFailure : errorCodeFromSqlite(code), std::move(detail));
}

}  // namespace buurtstem::storage
