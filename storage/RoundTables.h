// Budget rounds in the kiosk database: applying their events to the read tables and reading them
// back. Internal to storage; KioskStore's round methods are the way in.
#pragma once

#include "../app/core/Event.h"
#include "../app/core/Result.h"
#include "../app/core/round/BudgetRound.h"

#include "StatementCache.h"

#include <SQLiteCpp/Database.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace buurtstem::storage {

// Applies round.saved, voting_codes.issued, voting_code.voided and ballot.cast. Returns false for
// any other event type (not handled here). Throws SQLite::Exception; runs in the caller's
// transaction.
Result<bool> applyRoundEvent(StatementCache& sql, const Event& event);
// What ballot.cast writes, in three steps an EventRun takes apart for many ballots at once: the
// ballots rows (in the order given, which sets their row ids), then their choices (which point to
// them), and the code each used marked as used. One statement for all rows of a step (BulkRows.h).
struct CastBallot {
    std::string_view eventUuid;
    HlcStamp hlc;
    const BallotCast* ballot = nullptr;
};
void insertBallotRows(StatementCache& sql, std::span<const CastBallot> ballots);
void insertBallotChoices(StatementCache& sql, std::span<const BallotCast* const> ballots);
void markCodeUsed(StatementCache& sql, const std::string& roundId, const std::string& codeHash);
// Codes an EventRun held from their issue (hash, and whether a ballot of the run used it):
// inserted as issued or used. One already in the table keeps its state, as an issue never revives
// a code, unless a ballot of the run used it.
void writeHeldCodes(StatementCache& sql, std::string_view roundId, std::span<const std::pair<std::string_view, bool>> codes);
// Clears the round read tables for a rebuild (not round_code_keys: a kiosk setting).
void clearRoundTables(SQLite::Database& db);

std::vector<BudgetRound> readRounds(SQLite::Database& db);
std::optional<BudgetRound> readRound(SQLite::Database& db, const std::string& roundId);
std::int64_t countBallots(SQLite::Database& db, const std::string& roundId);
// "issued", "used", "voided", or nullopt when the round has no such code.
std::optional<std::string> codeStatus(SQLite::Database& db, const std::string& roundId, const std::string& codeHash);
// How many of the round's codes have each status: {issued, used, voided} by their column value.
struct CodeStatusCounts {
    std::int64_t issued = 0;  // still valid
    std::int64_t used = 0;
    std::int64_t voided = 0;
};
CodeStatusCounts countCodesByStatus(SQLite::Database& db, const std::string& roundId);
// Every ballot of the round, oldest first, as its projects' ids and points.
struct StoredBallot {
    std::string receipt;
    std::vector<std::string> projectIds;
    std::vector<int> points;
};
std::vector<StoredBallot> readBallots(SQLite::Database& db, const std::string& roundId);

}  // namespace buurtstem::storage
