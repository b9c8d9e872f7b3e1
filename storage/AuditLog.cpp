// The audit log in the kiosk database (see AuditLog.h), hashed with libsodium's BLAKE2b.
#include "AuditLog.h"

#include <SQLiteCpp/Statement.h>
#include <sodium.h>
#include <sqlite3.h>

#include <array>
#include <cassert>
#include <limits>

namespace buurtstem::storage {

namespace {

static_assert(kAuditHashTextLength == 2 * crypto_generichash_BYTES);

constexpr const char* kAuditColumns = "seq, at_ms, facilitator, action, subject, before, after, prev_hash, hash";

// Fills `entry` from a row of kAuditColumns.
void readRow(SQLite::Statement& q, AuditEntry& entry) {
    entry.seq = q.getColumn(0).getInt64();
    entry.atMs = static_cast<std::uint64_t>(q.getColumn(1).getInt64());
    entry.facilitator = q.getColumn(2).getString();
    entry.action = q.getColumn(3).getString();
    entry.subject = q.getColumn(4).getString();
    entry.before = q.getColumn(5).getString();
    entry.after = q.getColumn(6).getString();
    entry.prevHash = q.getColumn(7).getString();
    entry.hash = q.getColumn(8).getString();
}

}  // namespace

std::string auditEntryHash(const AuditEntry& entry) {
    const std::string input = auditHashInput(entry);
    std::array<unsigned char, crypto_generichash_BYTES> digest{};
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                       nullptr, 0);
    std::string text(kAuditHashTextLength + 1, '\0');  // sodium_bin2hex writes a terminating zero
    sodium_bin2hex(text.data(), text.size(), digest.data(), digest.size());
    text.pop_back();
    return text;
}

AuditEntry appendAuditEntry(SQLite::Database& db, const AuditDraft& draft, std::uint64_t atMs) {
    assert(sqlite3_get_autocommit(db.getHandle()) == 0 && "appendAuditEntry() runs inside a write transaction");
    AuditEntry entry;
    entry.seq = 1;
    SQLite::Statement last(db, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    if (last.executeStep()) {
        entry.seq = last.getColumn(0).getInt64() + 1;
        entry.prevHash = last.getColumn(1).getString();
    }
    entry.atMs = atMs;
    entry.facilitator = draft.facilitator;
    entry.action = draft.action;
    entry.subject = draft.subject;
    entry.before = draft.before;
    entry.after = draft.after;
    entry.hash = auditEntryHash(entry);

    SQLite::Statement insert(db, std::string("INSERT INTO audit_log (") + kAuditColumns +
                                     ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, entry.seq);
    insert.bind(2, static_cast<std::int64_t>(entry.atMs));
    insert.bind(3, entry.facilitator);
    insert.bind(4, entry.action);
    insert.bind(5, entry.subject);
    insert.bind(6, entry.before);
    insert.bind(7, entry.after);
    insert.bind(8, entry.prevHash);
    insert.bind(9, entry.hash);
    insert.exec();
    return entry;
}

std::vector<AuditEntry> readNewestAuditEntries(SQLite::Database& db, std::size_t newestCount) {
    std::vector<AuditEntry> entries;
    if (newestCount == 0) return entries;
    SQLite::Statement q(db, std::string("SELECT ") + kAuditColumns + " FROM audit_log ORDER BY seq DESC LIMIT ?");
    constexpr auto kMaxLimit = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());
    q.bind(1, static_cast<std::int64_t>(newestCount < kMaxLimit ? newestCount : kMaxLimit));
    while (q.executeStep()) {
        readRow(q, entries.emplace_back());
    }
    return entries;
}

AuditCheck checkAuditChain(SQLite::Database& db) {
    AuditChainWalk walk;
    SQLite::Statement q(db, std::string("SELECT ") + kAuditColumns + " FROM audit_log ORDER BY seq");
    AuditEntry entry;
    while (q.executeStep()) {
        readRow(q, entry);
        if (!walk.add(entry, auditEntryHash(entry))) break;
    }
    return walk.result();
}

}  // namespace buurtstem::storage
