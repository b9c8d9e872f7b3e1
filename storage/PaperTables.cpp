// Paper ballots in the kiosk database (see PaperTables.h).
#include "PaperTables.h"

#include <SQLiteCpp/Statement.h>

#include <map>
#include <utility>

namespace buurtstem::storage {

Result<bool> applyPaperEvent(StatementCache& sql, const Event& event) {
    if (event.type != kEventPaperBatchEntered) return false;
    Result<PaperBatchEntered> payload = decodePaperBatchEntered(event.payload);
    if (!payload) return makeError(ErrorCode::StorageFailure, "event " + event.uuid + " has an unreadable payload: " + payload.error().detail);
    const PaperBatchEntered& p = *payload;
    // A correction replaces the whole entry: its earlier ballots go first.
    SQLite::Statement& clear = sql("DELETE FROM paper_choices WHERE round_id = ? AND batch = ? AND entry = ?");
    clear.bind(1, p.roundId);
    clear.bind(2, p.batch);
    clear.bind(3, p.entry);
    clear.exec();
    SQLite::Statement& entry = sql("INSERT INTO paper_entries (round_id, batch, entry, facilitator, entered_hlc, event_uuid) "
                                   "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (round_id, batch, entry) DO UPDATE SET "
                                   "facilitator = excluded.facilitator, entered_hlc = excluded.entered_hlc, "
                                   "event_uuid = excluded.event_uuid");
    entry.bind(1, p.roundId);
    entry.bind(2, p.batch);
    entry.bind(3, p.entry);
    entry.bind(4, p.facilitator);
    entry.bind(5, static_cast<std::int64_t>(event.hlc.packed));
    entry.bind(6, event.uuid);
    entry.exec();
    SQLite::Statement& choice = sql("INSERT INTO paper_choices (round_id, batch, entry, ballot, position, project_id, points) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t b = 0; b < p.projects.size(); ++b) {
        for (std::size_t i = 0; i < p.projects[b].size(); ++i) {
            choice.bind(1, p.roundId);
            choice.bind(2, p.batch);
            choice.bind(3, p.entry);
            choice.bind(4, static_cast<std::int64_t>(b));
            choice.bind(5, static_cast<std::int64_t>(i));
            choice.bind(6, p.projects[b][i]);
            choice.bind(7, p.points[b].empty() ? 0 : p.points[b][i]);
            choice.exec();
            choice.reset();
        }
    }
    return true;
}

void clearPaperTables(SQLite::Database& db) {
    db.exec("DELETE FROM paper_choices");  // first: its rows point into paper_entries
    db.exec("DELETE FROM paper_entries");
}

bool hasPaperEntries(SQLite::Database& db, const std::string& roundId) {
    SQLite::Statement q(db, "SELECT 1 FROM paper_entries WHERE round_id = ? LIMIT 1");
    q.bind(1, roundId);
    return q.executeStep();
}

std::vector<PaperBatch> readPaperBatches(SQLite::Database& db, const BudgetRound& round) {
    std::map<std::string, PaperBatch> batches;
    SQLite::Statement entries(db, "SELECT batch, entry, facilitator FROM paper_entries WHERE round_id = ?");
    entries.bind(1, round.id);
    while (entries.executeStep()) {
        const std::string label = entries.getColumn(0).getString();
        PaperBatch& batch = batches[label];
        batch.roundId = round.id;
        batch.label = label;
        PaperEntry entry;
        entry.facilitator = entries.getColumn(2).getString();
        (entries.getColumn(1).getInt() == 1 ? batch.first : batch.second) = std::move(entry);
    }
    SQLite::Statement choices(db,
                              "SELECT batch, entry, ballot, project_id, points FROM paper_choices WHERE round_id = ? "
                              "ORDER BY batch, entry, ballot, position");
    choices.bind(1, round.id);
    while (choices.executeStep()) {
        const auto found = batches.find(choices.getColumn(0).getString());
        if (found == batches.end()) continue;
        std::optional<PaperEntry>& entry = choices.getColumn(1).getInt() == 1 ? found->second.first : found->second.second;
        if (!entry) continue;
        const std::size_t ballot = static_cast<std::size_t>(choices.getColumn(2).getInt64());
        if (entry->ballots.size() <= ballot) entry->ballots.resize(ballot + 1);
        const std::optional<std::size_t> index = round.projectIndex(choices.getColumn(3).getString());
        if (!index) continue;  // a project of another version of the round: not on this ballot
        entry->ballots[ballot].projects.push_back(static_cast<std::uint32_t>(*index));
        if (round.ballot == BallotType::Points) entry->ballots[ballot].points.push_back(choices.getColumn(4).getInt());
    }
    std::vector<PaperBatch> out;
    for (auto& [label, batch] : batches) {
        settlePaperBatch(round, batch);
        out.push_back(std::move(batch));
    }
    return out;
}

}  // namespace buurtstem::storage
