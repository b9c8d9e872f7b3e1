// Moderation in the kiosk database: applying idea.hidden, idea.corrected, idea.merged and
// idea.classified to the read tables, and reading what facilitators decided. Internal to storage;
// KioskStore's moderation methods are the way in.
#pragma once

#include "../app/core/Event.h"
#include "../app/core/Moderation.h"
#include "../app/core/Result.h"

#include "StatementCache.h"

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>

namespace buurtstem::storage {

// Applies the four moderation events. Returns false for any other event type. An event about an
// idea this kiosk does not hold (yet) changes nothing, as for idea.approved. Throws
// SQLite::Exception; runs in the caller's transaction.
Result<bool> applyModerationEvent(StatementCache& sql, const Event& event);
// Clears the moderation read tables for a rebuild; before the ideas table, whose rows they point to.
void clearModerationTables(SQLite::Database& db);

// The idea that `ideaId` ended up in after merges (itself when never merged).
std::string mergedTarget(StatementCache& sql, const std::string& ideaId);
std::string mergedTarget(SQLite::Database& db, const std::string& ideaId);
ModerationRecord readModeration(SQLite::Database& db, const std::string& ideaId);

}  // namespace buurtstem::storage
