// crash_check: what a kiosk's data folder must look like after crash_writer was killed or lost its
// power (stress/crash_harness.sh, docs/crash-safety.md). Works on a copy of the database and its
// WAL, so the kiosk itself finds its folder exactly as the cut left it, and checks:
//   - integrity: PRAGMA integrity_check says ok and PRAGMA foreign_key_check finds nothing;
//   - the kiosk can open it again (KioskStore::open: recovery, migrations, identity);
//   - every confirmed write is there: each event by uuid (with its seq and type), each idea by its
//     reference code, each ballot's receipt counts and its code is used, each audit entry by
//     number and hash, the set-up's name, places and staff key;
//   - nothing is half-written: the kiosk's seqs run 1..n without a gap, every round has as many
//     used codes as ballots, the read tables equal what rebuildReadTables makes of the events
//     (every table compared row by row), and the audit log's hash chain is whole.
// It also counts approvals without their audit entry (the moderation screen writes the two apart).
//
// Usage: crash_check --data-dir DIR --confirmed FILE [--work DIR]
// Prints one line: check confirmed=N events=E lost=L integrity=ok|failed consistent=ok|failed
//   audit=ok|broken approvals_without_audit=A; and what failed, on stderr.
// Exit codes: 0 all held (nothing lost), 1 something lost or failed, 2 wrong arguments.
#include "ConfirmedLog.h"

#include "storage/KioskStore.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

using namespace buurtstem;
namespace fs = std::filesystem;

int problems = 0;
void problem(const std::string& what) {
    ++problems;
    if (problems <= 20) std::fprintf(stderr, "crash_check: %s\n", what.c_str());
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// A plain SQLite connection to the copy, for what the store's API does not show.
class Sql {
public:
    explicit Sql(const fs::path& file) {
        if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
            problem("SQLite cannot open the database: " + std::string(sqlite3_errmsg(db_)));
            sqlite3_close(db_);
            db_ = nullptr;
        }
    }
    ~Sql() { sqlite3_close(db_); }
    Sql(const Sql&) = delete;
    Sql& operator=(const Sql&) = delete;
    bool ok() const { return db_ != nullptr; }

    // Every row as one line of quote()d values; `error` set when the statement fails.
    std::vector<std::string> rows(const std::string& sql, std::string* error = nullptr) const {
        std::vector<std::string> out;
        sqlite3_stmt* statement = nullptr;
        if (!db_ || sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
            if (error) *error = db_ ? sqlite3_errmsg(db_) : "no database";
            return out;
        }
        int rc;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
            std::string line;
            for (int i = 0; i < sqlite3_column_count(statement); ++i) {
                const unsigned char* text = sqlite3_column_text(statement, i);
                line += (i ? "|" : "") + (text ? std::string(reinterpret_cast<const char*>(text)) : std::string("NULL"));
            }
            out.push_back(std::move(line));
        }
        if (rc != SQLITE_DONE && error) *error = sqlite3_errmsg(db_);
        sqlite3_finalize(statement);
        return out;
    }

private:
    sqlite3* db_ = nullptr;
};

std::string quoted(const std::string& name) { return "'" + name + "'"; }

// Every table but SQLite's own, each row as its quote()d values, sorted: two dumps are equal when
// the tables hold the same rows, whatever order they were inserted in.
std::map<std::string, std::vector<std::string>> dumpTables(const Sql& sql) {
    std::map<std::string, std::vector<std::string>> tables;
    for (const std::string& table : sql.rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
        std::vector<std::string> columns = sql.rows("SELECT name FROM pragma_table_info(" + quoted(table) + ")");
        // quote() of every column: blobs as hex, text quoted, so no two different rows print alike.
        std::string select;
        for (const std::string& column : columns) select += (select.empty() ? "" : " || ',' || ") + ("quote(\"" + column + "\")");
        std::string error;
        std::vector<std::string> rows = sql.rows("SELECT " + select + " FROM \"" + table + "\"", &error);
        if (!error.empty()) problem("cannot read table " + table + ": " + error);
        std::sort(rows.begin(), rows.end());
        tables[table] = std::move(rows);
    }
    return tables;
}


}  // namespace

int main(int argc, char** argv) {
    fs::path dataDir, confirmedFile, work;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--data-dir") dataDir = argv[i + 1];
        else if (arg == "--confirmed") confirmedFile = argv[i + 1];
        else if (arg == "--work") work = argv[i + 1];
        else dataDir.clear();
    }
    if (dataDir.empty() || confirmedFile.empty() || argc % 2 == 0) {
        std::fprintf(stderr, "usage: crash_check --data-dir DIR --confirmed FILE [--work DIR]\n");
        return 2;
    }
    if (work.empty()) work = fs::temp_directory_path() / ("buurtstem-crash-check-" + std::to_string(::getpid()));

    // [SECTION] A copy, as the cut left it (the -shm is rebuilt from the WAL, as after a reboot)
    std::error_code ec;
    fs::remove_all(work, ec);
    fs::create_directories(work);
    const fs::path database = work / storage::kDatabaseFileName;
    for (const char* suffix : {"", "-wal"}) {
        const fs::path from = dataDir / (std::string(storage::kDatabaseFileName) + suffix);
        if (fs::exists(from)) fs::copy_file(from, work / from.filename(), fs::copy_options::overwrite_existing);
    }
    const std::vector<stress::ConfirmedWrite> confirmed = stress::parseConfirmedLog(readFile(confirmedFile));
    // Cut before the kiosk made its database (a slow start, as under the sanitizers): nothing was
    // confirmed, so nothing can be missing; the next start makes the database.
    if (!fs::exists(dataDir / storage::kDatabaseFileName) && confirmed.empty()) {
        std::printf("check confirmed=0 events=0 lost=0 integrity=ok consistent=ok audit=ok approvals_without_audit=0 database=none\n");
        fs::remove_all(work, ec);
        return 0;
    }

    bool integrity = true;
    {
        Sql sql(database);
        const std::vector<std::string> verdict = sql.rows("PRAGMA integrity_check");
        if (!sql.ok() || verdict != std::vector<std::string>{"ok"}) {
            integrity = false;
            problem("integrity_check: " + (verdict.empty() ? std::string("no answer") : verdict.front()));
        }
        const std::vector<std::string> keys = sql.rows("PRAGMA foreign_key_check");
        if (!keys.empty()) {
            integrity = false;
            problem("foreign_key_check: " + std::to_string(keys.size()) + " rows, first " + keys.front());
        }
    }

    Result<std::unique_ptr<storage::KioskStore>> opened = storage::KioskStore::open(database);
    if (!opened) {
        problem("the kiosk cannot open the database: " + opened.error().detail);
        std::printf("check confirmed=%zu events=0 lost=%zu integrity=%s consistent=failed audit=broken approvals_without_audit=0\n",
                    confirmed.size(), confirmed.size(), integrity ? "ok" : "failed");
        fs::remove_all(work, ec);
        return 1;
    }
    storage::KioskStore& store = **opened;

    // [SECTION] Every confirmed write
    const std::vector<Event> events = store.events(0);
    std::map<std::string, const Event*> byUuid;
    for (const Event& event : events) byUuid[event.uuid] = &event;
    const std::vector<AuditEntry> audit = store.auditLog(1'000'000);
    std::map<std::int64_t, const AuditEntry*> auditBySeq;
    for (const AuditEntry& entry : audit) auditBySeq[entry.seq] = &entry;

    std::size_t lost = 0;
    for (const stress::ConfirmedWrite& write : confirmed) {
        const std::string kind = write.get("kind");
        const std::string at = "confirmed line " + std::to_string(write.line) + " (" + kind + ")";
        bool present = true;
        for (const std::string& token : write.all("event")) {
            const std::size_t slash = token.find('/'), last = token.rfind('/');
            const std::string seq = token.substr(0, slash), uuid = token.substr(slash + 1, last - slash - 1), type = token.substr(last + 1);
            const auto found = byUuid.find(uuid);
            if (found == byUuid.end()) {
                present = false;
                problem(at + ": event " + uuid + " is gone");
            } else if (std::to_string(found->second->seq) != seq || found->second->type != type) {
                problem(at + ": event " + uuid + " is seq " + std::to_string(found->second->seq) + " " + found->second->type);
            }
        }
        if (kind == "idea") {
            const std::optional<Idea> idea = store.ideaByReference(write.get("ref"));
            if (!idea || idea->id != write.get("id")) present = false, problem(at + ": idea " + write.get("ref") + " is gone");
        } else if (kind == "ballot") {
            if (!store.receiptCounted(write.get("round"), write.get("receipt")))
                present = false, problem(at + ": receipt " + write.get("receipt") + " does not count");
            if (store.votingCodeState(write.get("round"), write.get("code")) != storage::KioskStore::CodeState::Used)
                present = false, problem(at + ": the ballot's code is not marked used");
        } else if (kind == "audit") {
            const auto entry = auditBySeq.find(std::atoll(write.get("seq").c_str()));
            if (entry == auditBySeq.end() || entry->second->hash != write.get("hash") || entry->second->subject != write.get("subject"))
                present = false, problem(at + ": audit entry " + write.get("seq") + " is gone or changed");
        } else if (kind == "setup") {
            const std::string what = write.get("what");
            if ((what == "name" && store.neighbourhoodName().empty()) || (what == "places" && store.places().empty()) ||
                (what == "staff-key" && !store.staffPublicKey()))
                present = false, problem(at + ": the set-up step " + what + " is undone");
        }
        if (!present) ++lost;
    }

    // [SECTION] Nothing half-written
    bool consistent = true;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].seq != static_cast<std::int64_t>(i) + 1) {
            consistent = false;
            problem("the kiosk's events skip from seq " + std::to_string(i) + " to " + std::to_string(events[i].seq));
            break;
        }
    }
    {
        Sql sql(database);
        for (const std::string& row : sql.rows(
                 "SELECT r.round_id, (SELECT COUNT(*) FROM ballots b WHERE b.round_id = r.round_id), "
                 "(SELECT COUNT(*) FROM voting_codes c WHERE c.round_id = r.round_id AND c.status = 'used') FROM rounds r")) {
            const std::size_t a = row.find('|'), b = row.rfind('|');
            if (row.substr(a + 1, b - a - 1) != row.substr(b + 1)) {
                consistent = false;
                problem("round " + row.substr(0, a) + ": ballots and used codes differ (" + row + ")");
            }
        }
        const auto before = dumpTables(sql);
        if (Result<void> rebuilt = store.rebuildReadTables(); !rebuilt) {
            consistent = false;
            problem("rebuildReadTables: " + rebuilt.error().detail);
        }
        const auto after = dumpTables(sql);
        for (const auto& [table, rows] : before) {
            const auto other = after.find(table);
            if (other == after.end() || other->second != rows) {
                consistent = false;
                std::string sample;
                if (other != after.end()) {
                    std::vector<std::string> onlyBefore;
                    std::set_difference(rows.begin(), rows.end(), other->second.begin(), other->second.end(), std::back_inserter(onlyBefore));
                    if (!onlyBefore.empty()) sample = ", e.g. only before the rebuild: " + onlyBefore.front();
                }
                problem("table " + quoted(table) + " differs from its rebuild from the events (" + std::to_string(rows.size()) +
                        " rows before, " + std::to_string(other == after.end() ? 0 : other->second.size()) + " after" + sample + ")");
            }
        }
    }

    const AuditCheck chain = store.checkAuditLog();
    if (!chain.ok) problem("audit log: " + chain.reason);
    std::set<std::string> audited;
    for (const AuditEntry& entry : audit)
        if (entry.action == kAuditIdeaApproved) audited.insert(entry.subject);
    std::size_t unaudited = 0;
    for (const Event& event : events) {
        if (event.type != kEventIdeaApproved) continue;
        // The payload is {"ideaId":"…"}; the id is the only string in it.
        const std::size_t open = event.payload.find(':');
        const std::string id = open == std::string::npos ? "" : event.payload.substr(open + 2, event.payload.find('"', open + 2) - open - 2);
        if (audited.count(id)) continue;
        // The moderation screen stores an approval and its entry in one transaction.
        ++unaudited;
        problem("the approval of idea " + id + " has no audit entry");
    }

    std::printf("check confirmed=%zu events=%zu lost=%zu integrity=%s consistent=%s audit=%s approvals_without_audit=%zu\n",
                confirmed.size(), events.size(), lost, integrity ? "ok" : "failed", consistent ? "ok" : "failed",
                chain.ok ? "ok" : "broken", unaudited);
    opened->reset();
    fs::remove_all(work, ec);
    return problems == 0 ? 0 : 1;
}
