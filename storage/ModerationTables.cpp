// Moderation in the kiosk database (see ModerationTables.h).
#include "ModerationTables.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <set>

namespace buurtstem::storage {

namespace {

Error unreadable(const Event& event, const Error& error) {
    return makeError(ErrorCode::StorageFailure, "event " + event.uuid + " has an unreadable payload: " + error.detail);
}

bool ideaExists(StatementCache& sql, const std::string& ideaId) {
    SQLite::Statement& q = sql("SELECT 1 FROM ideas WHERE idea_id = ?");
    q.bind(1, ideaId);
    return q.executeStep();
}

// The idea's moderation row, made empty when it has none yet.
void ensureRow(StatementCache& sql, const std::string& ideaId) {
    SQLite::Statement& insert = sql("INSERT OR IGNORE INTO idea_moderation (idea_id) VALUES (?)");
    insert.bind(1, ideaId);
    insert.exec();
}

void setStatusHidden(StatementCache& sql, const std::string& ideaId) {
    SQLite::Statement& hide = sql("UPDATE ideas SET status = 'hidden' WHERE idea_id = ?");
    hide.bind(1, ideaId);
    hide.exec();
}

void applyHidden(StatementCache& sql, const IdeaHidden& hidden) {
    if (!ideaExists(sql, hidden.ideaId)) return;
    setStatusHidden(sql, hidden.ideaId);
    ensureRow(sql, hidden.ideaId);
    SQLite::Statement& reason = sql("UPDATE idea_moderation SET hidden_reason = ?, hidden_note = ? WHERE idea_id = ?");
    reason.bind(1, std::string(hideReasonId(hidden.reason)));
    reason.bind(2, hidden.note);
    reason.bind(3, hidden.ideaId);
    reason.exec();
}

void applyCorrected(StatementCache& sql, const IdeaCorrected& corrected) {
    if (!ideaExists(sql, corrected.ideaId)) return;
    ensureRow(sql, corrected.ideaId);
    // The text as the resident wrote it is kept from the first correction on; later corrections
    // change only what residents see.
    SQLite::Statement& original = sql("UPDATE idea_moderation SET original_title = (SELECT title FROM ideas WHERE idea_id = ?1), "
                                      "original_body = (SELECT body FROM ideas WHERE idea_id = ?1) "
                                      "WHERE idea_id = ?1 AND original_title IS NULL");
    original.bind(1, corrected.ideaId);
    original.exec();
    SQLite::Statement& text = sql("UPDATE ideas SET title = ?, body = ? WHERE idea_id = ?");
    text.bind(1, corrected.title);
    text.bind(2, corrected.body);
    text.bind(3, corrected.ideaId);
    text.exec();
}

void applyMerged(StatementCache& sql, const IdeaMerged& merged) {
    if (!ideaExists(sql, merged.from) || !ideaExists(sql, merged.into)) return;
    // `into` may itself have joined another idea meanwhile (logs of two kiosks); the supports go
    // to where it ended up. A merge back into itself would lose the idea: it changes nothing.
    const std::string target = mergedTarget(sql, merged.into);
    if (target == merged.from || mergedTarget(sql, merged.from) != merged.from) return;
    SQLite::Statement& add = sql("UPDATE ideas SET supports = supports + (SELECT supports FROM ideas WHERE idea_id = ?) "
                                 "WHERE idea_id = ?");
    add.bind(1, merged.from);
    add.bind(2, target);
    add.exec();
    setStatusHidden(sql, merged.from);
    ensureRow(sql, merged.from);
    SQLite::Statement& into = sql("UPDATE idea_moderation SET merged_into = ? WHERE idea_id = ?");
    into.bind(1, target);
    into.bind(2, merged.from);
    into.exec();
}

void applyClassified(StatementCache& sql, const IdeaClassified& classified) {
    const std::string& id = classified.ideaId;
    const Classification& c = classified.classification;
    if (!ideaExists(sql, id)) return;
    SQLite::Statement& theme = sql("UPDATE ideas SET theme = ? WHERE idea_id = ?");
    theme.bind(1, std::string(themeId(c.theme)));
    theme.bind(2, id);
    theme.exec();
    ensureRow(sql, id);
    SQLite::Statement& update = sql("UPDATE idea_moderation SET classified = 1, dimension = ?, cost_cents = ?, feasibility = ? "
                                    "WHERE idea_id = ?");
    update.bind(1, c.dimension ? std::string(dimensionId(*c.dimension)) : std::string());
    if (c.costCents)
        update.bind(2, *c.costCents);
    else
        update.bind(2);
    update.bind(3, c.feasibility);
    update.bind(4, id);
    update.exec();
    // A classification replaces the earlier one as a whole, partners included.
    SQLite::Statement& clear = sql("DELETE FROM idea_partners WHERE idea_id = ?");
    clear.bind(1, id);
    clear.exec();
    SQLite::Statement& partner = sql("INSERT OR IGNORE INTO idea_partners (idea_id, partner) VALUES (?, ?)");
    for (Partner p : c.partners) {
        partner.bind(1, id);
        partner.bind(2, std::string(partnerId(p)));
        partner.exec();
        partner.reset();
    }
}

}  // namespace

Result<bool> applyModerationEvent(StatementCache& sql, const Event& event) {
    if (event.type == kEventIdeaHidden) {
        Result<IdeaHidden> payload = decodeIdeaHidden(event.payload);
        if (!payload) return unreadable(event, payload.error());
        applyHidden(sql, *payload);
        return true;
    }
    if (event.type == kEventIdeaCorrected) {
        Result<IdeaCorrected> payload = decodeIdeaCorrected(event.payload);
        if (!payload) return unreadable(event, payload.error());
        applyCorrected(sql, *payload);
        return true;
    }
    if (event.type == kEventIdeaMerged) {
        Result<IdeaMerged> payload = decodeIdeaMerged(event.payload);
        if (!payload) return unreadable(event, payload.error());
        applyMerged(sql, *payload);
        return true;
    }
    if (event.type == kEventIdeaClassified) {
        Result<IdeaClassified> payload = decodeIdeaClassified(event.payload);
        if (!payload) return unreadable(event, payload.error());
        applyClassified(sql, *payload);
        return true;
    }
    return false;
}

void clearModerationTables(SQLite::Database& db) {
    db.exec("DELETE FROM idea_partners");
    db.exec("DELETE FROM idea_moderation");
}

std::string mergedTarget(StatementCache& sql, const std::string& ideaId) {
    SQLite::Statement& q = sql("SELECT merged_into FROM idea_moderation WHERE idea_id = ? AND merged_into <> ''");
    std::string current = ideaId;
    std::set<std::string> seen;  // a damaged table must not loop forever; filled from the first hop on
    for (;;) {
        q.reset();
        q.bind(1, current);
        if (!q.executeStep()) return current;
        std::string next = q.getColumn(0).getString();
        if (seen.empty()) seen.insert(ideaId);
        if (!seen.insert(next).second) return current;
        current = std::move(next);
    }
}

std::string mergedTarget(SQLite::Database& db, const std::string& ideaId) {
    StatementCache sql(db);
    return mergedTarget(sql, ideaId);
}

ModerationRecord readModeration(SQLite::Database& db, const std::string& ideaId) {
    ModerationRecord record;
    SQLite::Statement q(db,
                        "SELECT m.original_title, m.original_body, m.hidden_reason, m.hidden_note, m.merged_into, "
                        "m.classified, m.dimension, m.cost_cents, m.feasibility, i.theme "
                        "FROM idea_moderation m JOIN ideas i ON i.idea_id = m.idea_id WHERE m.idea_id = ?");
    q.bind(1, ideaId);
    if (!q.executeStep()) return record;
    if (!q.getColumn(0).isNull()) record.originalTitle = q.getColumn(0).getString();
    if (!q.getColumn(1).isNull()) record.originalBody = q.getColumn(1).getString();
    record.hiddenReason = hideReasonFromId(q.getColumn(2).getString());
    record.hiddenNote = q.getColumn(3).getString();
    record.mergedInto = q.getColumn(4).getString();
    if (q.getColumn(5).getInt() != 0) {
        Classification c;
        c.theme = themeFromId(q.getColumn(9).getString()).value_or(Theme::Other);
        c.dimension = dimensionFromId(q.getColumn(6).getString());
        if (!q.getColumn(7).isNull()) c.costCents = q.getColumn(7).getInt64();
        c.feasibility = q.getColumn(8).getString();
        SQLite::Statement partners(db, "SELECT partner FROM idea_partners WHERE idea_id = ?");
        partners.bind(1, ideaId);
        while (partners.executeStep())
            if (const std::optional<Partner> p = partnerFromId(partners.getColumn(0).getString())) c.partners.push_back(*p);
        // In list order, whatever order the rows come in.
        std::vector<Partner> ordered;
        for (Partner p : kAllPartners)
            if (std::find(c.partners.begin(), c.partners.end(), p) != c.partners.end()) ordered.push_back(p);
        c.partners = std::move(ordered);
        record.classification = std::move(c);
    }
    return record;
}

}  // namespace buurtstem::storage
