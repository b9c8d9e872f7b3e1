// Turns SQLite result codes into the typed errors the rest of Buurtstem handles, so no SQLite
// exception or code leaves the storage layer.
#pragma once

#include "../app/core/Result.h"

#include <SQLiteCpp/Exception.h>

#include <string_view>

namespace buurtstem::storage {

// SQLITE_FULL -> StorageFull; SQLITE_READONLY and SQLITE_CANTOPEN -> StorageReadOnly (the file or
// disk stopped accepting writes); SQLITE_NOTADB and SQLITE_CORRUPT -> NotADatabase; anything else
// -> StorageFailure. Extended codes are reduced to their primary code first.
ErrorCode errorCodeFromSqlite(int resultCode);

// `context` names what we were doing ("submit idea"); the detail carries it, SQLite's message
// and the extended result code, for logs and tests.
Error errorFromSqlite(const SQLite::Exception& e, std::string_view context);

}  // namespace buurtstem::storage
