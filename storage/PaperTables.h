// Paper ballots in the kiosk database: applying paper_batch.entered to the read tables and reading
// the batches back. Internal to storage; KioskStore's paper methods are the way in.
#pragma once

#include "../app/core/Event.h"
#include "../app/core/Result.h"
#include "../app/core/round/PaperBallots.h"

#include "StatementCache.h"

#include <SQLiteCpp/Database.h>

#include <vector>

namespace buurtstem::storage {

// Applies paper_batch.entered (the entry replaces an earlier one with the same number). Returns
// false for any other event type. Throws SQLite::Exception; runs in the caller's transaction.
Result<bool> applyPaperEvent(StatementCache& sql, const Event& event);
// Clears the paper read tables for a rebuild.
void clearPaperTables(SQLite::Database& db);

// The round's batches by label, each settled (compared) against the round. A project id the round
// no longer has is left off its ballot, as roundBallots does.
bool hasPaperEntries(SQLite::Database& db, const std::string& roundId);
std::vector<PaperBatch> readPaperBatches(SQLite::Database& db, const BudgetRound& round);

}  // namespace buurtstem::storage
