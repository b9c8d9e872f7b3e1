// The audit log in the kiosk database (table audit_log): appending an entry with its hash,
// reading the newest entries, and checking the chain. Internal to storage; KioskStore's audit
// methods are the way in.
#pragma once

#include "../app/core/AuditLog.h"

#include <SQLiteCpp/Database.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace buurtstem::storage {

inline constexpr std::size_t kAuditHashTextLength = 64;  // 32 bytes as lower-case hex

// BLAKE2b-256 of auditHashInput(entry) as 64 lower-case hex digits (entry.hash is not read).
std::string auditEntryHash(const AuditEntry& entry);

// Appends the draft (already validated) as the entry after the last one, stamped `atMs`. Runs in
// the caller's write transaction, so no other entry can take its number; throws SQLite::Exception.
AuditEntry appendAuditEntry(SQLite::Database& db, const AuditDraft& draft, std::uint64_t atMs);

// At most `newestCount` entries, the newest first. Throws SQLite::Exception.
std::vector<AuditEntry> readNewestAuditEntries(SQLite::Database& db, std::size_t newestCount);

// Walks the whole log by seq, recomputing every hash (AuditChainWalk). One pass, one entry in
// memory at a time. Throws SQLite::Exception.
AuditCheck checkAuditChain(SQLite::Database& db);

}  // namespace buurtstem::storage
