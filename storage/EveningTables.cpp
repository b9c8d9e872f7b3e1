// Residents' evenings in the kiosk database (see EveningTables.h).
#include "EveningTables.h"

#include "../app/core/EveningEvents.h"

#include <SQLiteCpp/Statement.h>

namespace buurtstem::storage {

namespace {

std::int64_t toColumn(HlcStamp stamp) { return static_cast<std::int64_t>(stamp.packed); }

Error unreadable(const Event& event, const Error& error) {
    return makeError(ErrorCode::StorageFailure, "event " + event.uuid + " has an unreadable payload: " + error.detail);
}

void exec(StatementCache& sql, const char* text, const std::string& id) {
    SQLite::Statement& q = sql(text);
    q.bind(1, id);
    q.exec();
}

void saveEvening(StatementCache& sql, const Evening& e, HlcStamp hlc) {
    exec(sql, "DELETE FROM evening_agenda WHERE evening_id = ?", e.id);
    // A new plan keeps the running item only while the agenda still has it.
    SQLite::Statement& upsert = sql("INSERT INTO evenings (evening_id, title, date, start_minute, place, saved_hlc) "
                                    "VALUES (?, ?, ?, ?, ?, ?) "
                                    "ON CONFLICT (evening_id) DO UPDATE SET title = excluded.title, date = excluded.date, "
                                    "start_minute = excluded.start_minute, place = excluded.place, saved_hlc = excluded.saved_hlc, "
                                    "running_item = CASE WHEN running_item < ? THEN running_item END, "
                                    "running_since = CASE WHEN running_item < ? THEN running_since END");
    upsert.bind(1, e.id);
    upsert.bind(2, e.title);
    upsert.bind(3, formatIsoDate(e.date));
    upsert.bind(4, e.startMinute);
    upsert.bind(5, e.place);
    upsert.bind(6, toColumn(hlc));
    upsert.bind(7, static_cast<std::int64_t>(e.agenda.size()));
    upsert.bind(8, static_cast<std::int64_t>(e.agenda.size()));
    upsert.exec();
    SQLite::Statement& item = sql("INSERT INTO evening_agenda (evening_id, position, title, minutes) VALUES (?, ?, ?, ?)");
    for (std::size_t i = 0; i < e.agenda.size(); ++i) {
        item.bind(1, e.id);
        item.bind(2, static_cast<std::int64_t>(i));
        item.bind(3, e.agenda[i].title);
        item.bind(4, e.agenda[i].minutes);
        item.exec();
        item.reset();
    }
}

void saveMinutes(StatementCache& sql, const std::string& eveningId, const Minutes& m) {
    exec(sql, "DELETE FROM evening_decisions WHERE evening_id = ?", eveningId);
    exec(sql, "DELETE FROM evening_actions WHERE evening_id = ?", eveningId);
    exec(sql, "DELETE FROM evening_next WHERE evening_id = ?", eveningId);
    SQLite::Statement& decision = sql("INSERT INTO evening_decisions (evening_id, position, text, idea_id) VALUES (?, ?, ?, ?)");
    for (std::size_t i = 0; i < m.decisions.size(); ++i) {
        decision.bind(1, eveningId);
        decision.bind(2, static_cast<std::int64_t>(i));
        decision.bind(3, m.decisions[i].text);
        decision.bind(4, m.decisions[i].ideaId);
        decision.exec();
        decision.reset();
    }
    SQLite::Statement& action = sql("INSERT INTO evening_actions (evening_id, position, who, what, due) VALUES (?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < m.actions.size(); ++i) {
        action.bind(1, eveningId);
        action.bind(2, static_cast<std::int64_t>(i));
        action.bind(3, m.actions[i].who);
        action.bind(4, m.actions[i].what);
        action.bind(5, m.actions[i].due ? formatIsoDate(*m.actions[i].due) : std::string());
        action.exec();
        action.reset();
    }
    if (m.next) {
        SQLite::Statement& next = sql("INSERT INTO evening_next (evening_id, date, start_minute, minutes, place) VALUES (?, ?, ?, ?, ?)");
        next.bind(1, eveningId);
        next.bind(2, formatIsoDate(m.next->date));
        next.bind(3, m.next->startMinute);
        next.bind(4, m.next->minutes);
        next.bind(5, m.next->place);
        next.exec();
    }
}

}  // namespace

Result<bool> applyEveningEvent(StatementCache& sql, const Event& event) {
    if (event.type == kEventEveningSaved) {
        Result<EveningSaved> p = decodeEveningSaved(event.payload);
        if (!p) return unreadable(event, p.error());
        saveEvening(sql, p->evening, event.hlc);
        return true;
    }
    if (event.type == kEventEveningCheckedIn) {
        Result<EveningCheckedIn> p = decodeEveningCheckedIn(event.payload);
        if (!p) return unreadable(event, p.error());
        SQLite::Statement& q = sql("INSERT INTO evening_checkins (event_uuid, evening_id, street, postcode) VALUES (?, ?, ?, ?)");
        q.bind(1, event.uuid);
        q.bind(2, p->eveningId);
        q.bind(3, p->checkIn.street);
        q.bind(4, p->checkIn.postcode);
        q.exec();
        return true;
    }
    if (event.type == kEventEveningItemStarted) {
        Result<EveningItemStarted> p = decodeEveningItemStarted(event.payload);
        if (!p) return unreadable(event, p.error());
        SQLite::Statement& q = sql("UPDATE evenings SET running_item = ?, running_since = ? WHERE evening_id = ? AND "
                                   "? < (SELECT COUNT(*) FROM evening_agenda a WHERE a.evening_id = evenings.evening_id)");
        q.bind(1, p->item);
        q.bind(2, p->atMs);
        q.bind(3, p->eveningId);
        q.bind(4, p->item);
        q.exec();
        return true;
    }
    if (event.type == kEventDotVoteOpened) {
        Result<DotVoteOpened> p = decodeDotVoteOpened(event.payload);
        if (!p) return unreadable(event, p.error());
        SQLite::Statement& vote = sql("INSERT OR IGNORE INTO evening_dot_votes (vote_id, evening_id, question, opened_hlc) "
                                      "VALUES (?, ?, ?, ?)");
        vote.bind(1, p->voteId);
        vote.bind(2, p->eveningId);
        vote.bind(3, p->question);
        vote.bind(4, toColumn(event.hlc));
        if (vote.exec() == 0) return true;  // the same vote twice: the first stands
        SQLite::Statement& option = sql("INSERT INTO evening_dot_options (vote_id, position, label) VALUES (?, ?, ?)");
        for (std::size_t i = 0; i < p->options.size(); ++i) {
            option.bind(1, p->voteId);
            option.bind(2, static_cast<std::int64_t>(i));
            option.bind(3, p->options[i]);
            option.exec();
            option.reset();
        }
        return true;
    }
    if (event.type == kEventDotGiven) {
        Result<DotGiven> p = decodeDotGiven(event.payload);
        if (!p) return unreadable(event, p.error());
        // A dot counts while its vote is open; one for an unknown option or a closed vote is kept in the log only.
        SQLite::Statement& q = sql("UPDATE evening_dot_options SET dots = dots + 1 WHERE vote_id = ? AND position = ? AND "
                                   "(SELECT open FROM evening_dot_votes v WHERE v.vote_id = evening_dot_options.vote_id) = 1");
        q.bind(1, p->voteId);
        q.bind(2, p->option);
        q.exec();
        return true;
    }
    if (event.type == kEventDotVoteClosed) {
        Result<DotVoteClosed> p = decodeDotVoteClosed(event.payload);
        if (!p) return unreadable(event, p.error());
        exec(sql, "UPDATE evening_dot_votes SET open = 0 WHERE vote_id = ?", p->voteId);
        return true;
    }
    if (event.type == kEventMinutesSaved) {
        Result<MinutesSaved> p = decodeMinutesSaved(event.payload);
        if (!p) return unreadable(event, p.error());
        saveMinutes(sql, p->eveningId, p->minutes);
        return true;
    }
    return false;
}

void clearEveningTables(SQLite::Database& db) {
    db.exec("DELETE FROM evening_agenda");  // first: its rows point into evenings
    db.exec("DELETE FROM evenings");
    db.exec("DELETE FROM evening_checkins");
    db.exec("DELETE FROM evening_dot_options");  // first: its rows point into evening_dot_votes
    db.exec("DELETE FROM evening_dot_votes");
    db.exec("DELETE FROM evening_decisions");
    db.exec("DELETE FROM evening_actions");
    db.exec("DELETE FROM evening_next");
}

namespace {

constexpr const char* kEveningColumns = "evening_id, title, date, start_minute, place";

Evening eveningFromRow(SQLite::Database& db, SQLite::Statement& q) {
    Evening e;
    e.id = q.getColumn(0).getString();
    e.title = q.getColumn(1).getString();
    e.date = parseIsoDate(q.getColumn(2).getString()).value_or(CivilDate{});
    e.startMinute = q.getColumn(3).getInt();
    e.place = q.getColumn(4).getString();
    SQLite::Statement items(db, "SELECT title, minutes FROM evening_agenda WHERE evening_id = ? ORDER BY position");
    items.bind(1, e.id);
    while (items.executeStep()) e.agenda.push_back({items.getColumn(0).getString(), items.getColumn(1).getInt()});
    return e;
}

std::vector<ReachCount> reach(SQLite::Database& db, const std::string& eveningId, const char* column) {
    SQLite::Statement q(db, std::string("SELECT ") + column + ", COUNT(*) AS n FROM evening_checkins WHERE evening_id = ? AND " +
                                column + " <> '' GROUP BY " + column + " ORDER BY n DESC, " + column);
    q.bind(1, eveningId);
    std::vector<ReachCount> counts;
    while (q.executeStep()) counts.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt64()});
    return counts;
}

}  // namespace

std::vector<Evening> readEvenings(SQLite::Database& db) {
    SQLite::Statement q(db, std::string("SELECT ") + kEveningColumns + " FROM evenings ORDER BY date, start_minute, evening_id");
    std::vector<Evening> evenings;
    while (q.executeStep()) evenings.push_back(eveningFromRow(db, q));
    return evenings;
}

std::optional<Evening> readEvening(SQLite::Database& db, const std::string& eveningId) {
    SQLite::Statement q(db, std::string("SELECT ") + kEveningColumns + " FROM evenings WHERE evening_id = ?");
    q.bind(1, eveningId);
    if (!q.executeStep()) return std::nullopt;
    return eveningFromRow(db, q);
}

std::optional<DotVote> readDotVote(SQLite::Database& db, const std::string& voteId) {
    SQLite::Statement q(db, "SELECT question, open FROM evening_dot_votes WHERE vote_id = ?");
    q.bind(1, voteId);
    if (!q.executeStep()) return std::nullopt;
    DotVote vote;
    vote.id = voteId;
    vote.question = q.getColumn(0).getString();
    vote.open = q.getColumn(1).getInt() != 0;
    SQLite::Statement options(db, "SELECT label, dots FROM evening_dot_options WHERE vote_id = ? ORDER BY position");
    options.bind(1, voteId);
    while (options.executeStep()) {
        vote.options.push_back(options.getColumn(0).getString());
        vote.dots.push_back(options.getColumn(1).getInt64());
    }
    return vote;
}

std::optional<EveningSummary> readEveningSummary(SQLite::Database& db, const std::string& eveningId) {
    std::optional<Evening> evening = readEvening(db, eveningId);
    if (!evening) return std::nullopt;
    EveningSummary s;
    s.evening = std::move(*evening);
    {
        SQLite::Statement q(db, "SELECT COUNT(*) FROM evening_checkins WHERE evening_id = ?");
        q.bind(1, eveningId);
        q.executeStep();
        s.checkInCount = q.getColumn(0).getInt64();
    }
    s.byStreet = reach(db, eveningId, "street");
    s.byPostcode = reach(db, eveningId, "postcode");
    {
        SQLite::Statement q(db, "SELECT running_item, running_since FROM evenings WHERE evening_id = ? AND running_item IS NOT NULL");
        q.bind(1, eveningId);
        if (q.executeStep()) {
            s.runningItem = static_cast<std::size_t>(q.getColumn(0).getInt64());
            s.runningSinceMs = static_cast<std::uint64_t>(q.getColumn(1).getInt64());
        }
    }
    {
        SQLite::Statement q(db, "SELECT vote_id FROM evening_dot_votes WHERE evening_id = ? ORDER BY opened_hlc, vote_id");
        q.bind(1, eveningId);
        while (q.executeStep())
            if (std::optional<DotVote> vote = readDotVote(db, q.getColumn(0).getString())) s.dotVotes.push_back(std::move(*vote));
    }
    {
        SQLite::Statement q(db, "SELECT text, idea_id FROM evening_decisions WHERE evening_id = ? ORDER BY position");
        q.bind(1, eveningId);
        while (q.executeStep()) s.minutes.decisions.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
    }
    {
        SQLite::Statement q(db, "SELECT who, what, due FROM evening_actions WHERE evening_id = ? ORDER BY position");
        q.bind(1, eveningId);
        while (q.executeStep()) {
            ActionItem a;
            a.who = q.getColumn(0).getString();
            a.what = q.getColumn(1).getString();
            a.due = parseIsoDate(q.getColumn(2).getString());
            s.minutes.actions.push_back(std::move(a));
        }
    }
    {
        SQLite::Statement q(db, "SELECT date, start_minute, minutes, place FROM evening_next WHERE evening_id = ?");
        q.bind(1, eveningId);
        if (q.executeStep()) {
            NextEvening n;
            n.date = parseIsoDate(q.getColumn(0).getString()).value_or(CivilDate{});
            n.startMinute = q.getColumn(1).getInt();
            n.minutes = q.getColumn(2).getInt();
            n.place = q.getColumn(3).getString();
            s.minutes.next = std::move(n);
        }
    }
    return s;
}

}  // namespace buurtstem::storage
