// kiosk_settings (migration 12): one row, written by the set-up, read at start and by the set-up.
#include "KioskSettingsTable.h"

#include <SQLiteCpp/Statement.h>

namespace buurtstem::storage {

std::optional<KioskPreferences> readKioskPreferences(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT languages, ask_after_s, start_over_s FROM kiosk_settings WHERE id = 1");
    if (!q.executeStep()) return std::nullopt;
    Result<std::vector<std::string>> languages = parseLanguages(q.getColumn(0).getString());
    if (!languages) return std::nullopt;
    KioskPreferences stored;
    stored.languages = std::move(languages).value();
    stored.askAfterSeconds = q.getColumn(1).getInt();
    stored.startOverSeconds = q.getColumn(2).getInt();
    Result<KioskPreferences> valid = validatePreferences(stored);
    if (!valid) return std::nullopt;
    return std::move(valid).value();
}

void writeKioskPreferences(SQLite::Database& db, const KioskPreferences& preferences, std::uint64_t nowMs) {
    SQLite::Statement upsert(db,
                             "INSERT INTO kiosk_settings (id, languages, ask_after_s, start_over_s, updated_ms) VALUES (1, ?, ?, ?, ?) "
                             "ON CONFLICT (id) DO UPDATE SET languages = excluded.languages, ask_after_s = excluded.ask_after_s, "
                             "start_over_s = excluded.start_over_s, updated_ms = excluded.updated_ms");
    upsert.bind(1, joinLanguages(preferences.languages));
    upsert.bind(2, preferences.askAfterSeconds);
    upsert.bind(3, preferences.startOverSeconds);
    upsert.bind(4, static_cast<std::int64_t>(nowMs));
    upsert.exec();
}

}  // namespace buurtstem::storage
