// Residents' evenings in the kiosk database: applying the evening.* events to their read tables
// and reading them back. Internal to storage; KioskStore's evening methods are the way in.
#pragma once

#include "../app/core/Event.h"
#include "../app/core/Evening.h"
#include "../app/core/Result.h"

#include "StatementCache.h"

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <vector>

namespace buurtstem::storage {

// Applies the evening.* events (EveningEvents.h). Returns false for any other event type. Throws
// SQLite::Exception; runs in the caller's transaction.
Result<bool> applyEveningEvent(StatementCache& sql, const Event& event);
// Clears the evening read tables for a rebuild.
void clearEveningTables(SQLite::Database& db);

// Every evening, by day and start time.
std::vector<Evening> readEvenings(SQLite::Database& db);
std::optional<Evening> readEvening(SQLite::Database& db, const std::string& eveningId);
// The plan with its check-ins, running item, dot votes and minutes.
std::optional<EveningSummary> readEveningSummary(SQLite::Database& db, const std::string& eveningId);
// The dot vote and whether it is open; nullopt when there is no such vote.
std::optional<DotVote> readDotVote(SQLite::Database& db, const std::string& voteId);

}  // namespace buurtstem::storage
