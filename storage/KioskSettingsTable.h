// The kiosk's own settings from the set-up (languages offered, idle times): a kiosk setting like
// the staff key and the facilitators, not an event. Internal to storage; KioskStore's
// kioskPreferences() and setKioskPreferences() are the way in.
#pragma once

#include "../app/core/KioskSetup.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>

namespace buurtstem::storage {

// nullopt until the set-up stored them, or when the stored row no longer passes
// validatePreferences. Throws SQLite::Exception.
std::optional<KioskPreferences> readKioskPreferences(SQLite::Database& db);
// Replaces the one row; `preferences` must have passed validatePreferences. Throws
// SQLite::Exception; runs in the caller's transaction.
void writeKioskPreferences(SQLite::Database& db, const KioskPreferences& preferences, std::uint64_t nowMs);

}  // namespace buurtstem::storage
