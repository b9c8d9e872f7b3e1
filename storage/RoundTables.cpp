// Budget rounds in the kiosk database (see RoundTables.h).
#include "RoundTables.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <vector>

namespace buurtstem::storage {

namespace {

std::int64_t toColumn(HlcStamp stamp) { return static_cast<std::int64_t>(stamp.packed); }

Error unreadable(const Event& event, const Error& error) {
    return makeError(ErrorCode::StorageFailure, "event " + event.uuid + " has an unreadable payload: " + error.detail);
}

void saveRoundRows(StatementCache& sql, const BudgetRound& r, HlcStamp hlc) {
    SQLite::Statement& upsert = sql("INSERT INTO rounds (round_id, name, budget_cents, ballot, max_choices, total_points, "
                                    "max_points_per_project, opens_ms, closes_ms, rule, utility, completion, compare_greedy, "
                                    "eligibility, saved_hlc, same_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                    "ON CONFLICT (round_id) DO UPDATE SET name = excluded.name, budget_cents = excluded.budget_cents, "
                                    "ballot = excluded.ballot, max_choices = excluded.max_choices, total_points = excluded.total_points, "
                                    "max_points_per_project = excluded.max_points_per_project, opens_ms = excluded.opens_ms, "
                                    "closes_ms = excluded.closes_ms, rule = excluded.rule, utility = excluded.utility, "
                                    "completion = excluded.completion, compare_greedy = excluded.compare_greedy, "
                                    "eligibility = excluded.eligibility, saved_hlc = excluded.saved_hlc, same_code = excluded.same_code");
    upsert.bind(1, r.id);
    upsert.bind(2, r.name);
    upsert.bind(3, r.budgetCents);
    upsert.bind(4, std::string(ballotTypeId(r.ballot)));
    upsert.bind(5, r.limits.maxChoices);
    upsert.bind(6, r.limits.totalPoints);
    upsert.bind(7, r.limits.maxPointsPerProject);
    upsert.bind(8, static_cast<std::int64_t>(r.opensMs));
    upsert.bind(9, static_cast<std::int64_t>(r.closesMs));
    upsert.bind(10, r.counting.rule);
    upsert.bind(11, r.counting.utility);
    upsert.bind(12, r.counting.completion);
    upsert.bind(13, r.counting.compareGreedy ? 1 : 0);
    upsert.bind(14, std::string(eligibilityId(r.eligibility)));
    upsert.bind(15, toColumn(hlc));
    upsert.bind(16, std::string(duplicateCodePolicyId(r.sameCode)));
    upsert.exec();
    // The latest save replaces the whole list of projects.
    SQLite::Statement& clear = sql("DELETE FROM round_projects WHERE round_id = ?");
    clear.bind(1, r.id);
    clear.exec();
    SQLite::Statement& insert = sql("INSERT INTO round_projects (round_id, position, project_id, title, summary, theme, cost_cents, "
                                    "idea_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < r.projects.size(); ++i) {
        const RoundProject& p = r.projects[i];
        insert.bind(1, r.id);
        insert.bind(2, static_cast<std::int64_t>(i));
        insert.bind(3, p.id);
        insert.bind(4, p.title);
        insert.bind(5, p.summary);
        insert.bind(6, std::string(themeId(p.theme)));
        insert.bind(7, p.costCents);
        insert.bind(8, p.ideaId);
        insert.exec();
        insert.reset();
    }
}

}  // namespace

Result<bool> applyRoundEvent(StatementCache& sql, const Event& event) {
    if (event.type == kEventRoundSaved) {
        Result<RoundSaved> payload = decodeRoundSaved(event.payload);
        if (!payload) return unreadable(event, payload.error());
        saveRoundRows(sql, payload->round, event.hlc);
        return true;
    }
    if (event.type == kEventRoundPhasesSet) {
        Result<RoundPhasesSet> payload = decodeRoundPhasesSet(event.payload);
        if (!payload) return unreadable(event, payload.error());
        SQLite::Statement& upsert = sql("INSERT INTO round_phases (round_id, submissions_open, published_ms) VALUES (?, ?, ?) "
                                        "ON CONFLICT (round_id) DO UPDATE SET submissions_open = excluded.submissions_open, "
                                        "published_ms = excluded.published_ms");
        upsert.bind(1, payload->roundId);
        upsert.bind(2, payload->phases.submissionsOpen ? 1 : 0);
        upsert.bind(3, static_cast<std::int64_t>(payload->phases.publishedMs));
        upsert.exec();
        return true;
    }
    if (event.type == kEventVotingCodesIssued) {
        Result<VotingCodesIssued> payload = decodeVotingCodesIssued(event.payload);
        if (!payload) return unreadable(event, payload.error());
        // A hash already there keeps its state: issuing never revives a used or voided code.
        // In key order, which walks the table's index once: thousands of random hashes at a time.
        std::sort(payload->hashes.begin(), payload->hashes.end());
        SQLite::Statement& insert = sql("INSERT OR IGNORE INTO voting_codes (round_id, code_hash) VALUES (?, ?)");
        for (const std::string& hash : payload->hashes) {
            insert.bind(1, payload->roundId);
            insert.bind(2, hash);
            insert.exec();
            insert.reset();
        }
        return true;
    }
    if (event.type == kEventVotingCodeVoided) {
        Result<VotingCodeVoided> payload = decodeVotingCodeVoided(event.payload);
        if (!payload) return unreadable(event, payload.error());
        SQLite::Statement& voided =
            sql("UPDATE voting_codes SET status = 'voided' WHERE round_id = ? AND code_hash = ? AND status = 'issued'");
        voided.bind(1, payload->roundId);
        voided.bind(2, payload->hash);
        voided.exec();
        return true;
    }
    if (event.type == kEventBallotCast) {
        Result<BallotCast> payload = decodeBallotCast(event.payload);
        if (!payload) return unreadable(event, payload.error());
        const CastBallot cast{event.uuid, event.hlc, &*payload};
        insertBallotRows(sql, {&cast, 1});
        const BallotCast* const choices = &*payload;
        insertBallotChoices(sql, {&choices, 1});
        markCodeUsed(sql, payload->roundId, payload->codeHash);
        return true;
    }
    return false;
}

void insertBallotRows(StatementCache& sql, std::span<const CastBallot> ballots) {
    sql.bulk("INSERT INTO ballots (ballot_id, round_id, receipt, cast_hlc, event_uuid, code_hash) "
             "SELECT c0, c1, c2, c3, c4, c5 FROM bulk_rows(?)")
        .run({ballots.size(), [ballots](std::size_t row, int column, sqlite3_context* out) {
                  const BallotCast& ballot = *ballots[row].ballot;
                  switch (column) {
                      case 0: return setText(out, ballot.ballotId);
                      case 1: return setText(out, ballot.roundId);
                      case 2: return setText(out, ballot.receipt);
                      case 3: return setInt(out, toColumn(ballots[row].hlc));
                      case 4: return setText(out, ballots[row].eventUuid);
                      case 5: return setText(out, ballot.codeHash);  // a code used at two kiosks shows once logs merge
                      default: return sqlite3_result_null(out);
                  }
              }});
}

void insertBallotChoices(StatementCache& sql, std::span<const BallotCast* const> ballots) {
    std::vector<std::pair<const BallotCast*, std::size_t>> choices;  // ballot, position
    for (const BallotCast* ballot : ballots)
        for (std::size_t i = 0; i < ballot->projectIds.size(); ++i) choices.emplace_back(ballot, i);
    sql.bulk("INSERT INTO ballot_choices (ballot_id, position, project_id, points) SELECT c0, c1, c2, c3 FROM bulk_rows(?)")
        .run({choices.size(), [&choices](std::size_t row, int column, sqlite3_context* out) {
                  const auto& [ballot, position] = choices[row];
                  switch (column) {
                      case 0: return setText(out, ballot->ballotId);
                      case 1: return setInt(out, static_cast<std::int64_t>(position));
                      case 2: return setText(out, ballot->projectIds[position]);
                      case 3: return setInt(out, ballot->points.empty() ? 0 : ballot->points[position]);
                      default: return sqlite3_result_null(out);
                  }
              }});
}

void markCodeUsed(StatementCache& sql, const std::string& roundId, const std::string& codeHash) {
    if (codeHash.empty()) return;  // a ballot cast without a code marks none
    SQLite::Statement& used = sql("UPDATE voting_codes SET status = 'used' WHERE round_id = ? AND code_hash = ?");
    used.bindNoCopy(1, roundId);
    used.bindNoCopy(2, codeHash);
    used.exec();
}

void writeHeldCodes(StatementCache& sql, std::string_view roundId, std::span<const std::pair<std::string_view, bool>> codes) {
    // WHERE true: without it SQLite would read ON CONFLICT as a join's ON.
    BulkInsert& write = sql.bulk("INSERT INTO voting_codes (round_id, code_hash, status) SELECT ?1, c0, c1 FROM bulk_rows(?2) "
                                 "WHERE true ON CONFLICT (round_id, code_hash) DO UPDATE SET status = 'used' "
                                 "WHERE excluded.status = 'used'");
    write.bindText(1, roundId);
    write.run({codes.size(), [codes](std::size_t row, int column, sqlite3_context* out) {
                   switch (column) {
                       case 0: return setText(out, codes[row].first);
                       case 1: return setText(out, codes[row].second ? "used" : "issued");
                       default: return sqlite3_result_null(out);
                   }
               }});
}

void clearRoundTables(SQLite::Database& db) {
    db.exec("DELETE FROM ballot_choices");  // first: its rows point into ballots
    db.exec("DELETE FROM ballots");
    db.exec("DELETE FROM voting_codes");
    db.exec("DELETE FROM round_projects");
    db.exec("DELETE FROM round_phases");
    db.exec("DELETE FROM rounds");
}

namespace {

constexpr const char* kRoundColumns =
    "round_id, name, budget_cents, ballot, max_choices, total_points, max_points_per_project, opens_ms, closes_ms, "
    "rule, utility, completion, compare_greedy, eligibility, same_code";

BudgetRound roundFromRow(SQLite::Database& db, SQLite::Statement& q) {
    BudgetRound r;
    r.id = q.getColumn(0).getString();
    r.name = q.getColumn(1).getString();
    r.budgetCents = q.getColumn(2).getInt64();
    r.ballot = ballotTypeFromId(q.getColumn(3).getString()).value_or(BallotType::Approval);
    r.limits.maxChoices = q.getColumn(4).getInt();
    r.limits.totalPoints = q.getColumn(5).getInt();
    r.limits.maxPointsPerProject = q.getColumn(6).getInt();
    r.opensMs = static_cast<std::uint64_t>(q.getColumn(7).getInt64());
    r.closesMs = static_cast<std::uint64_t>(q.getColumn(8).getInt64());
    r.counting.rule = q.getColumn(9).getString();
    r.counting.utility = q.getColumn(10).getString();
    r.counting.completion = q.getColumn(11).getString();
    r.counting.compareGreedy = q.getColumn(12).getInt() != 0;
    r.eligibility = eligibilityFromId(q.getColumn(13).getString()).value_or(Eligibility::VotingCodes);
    r.sameCode = duplicateCodePolicyFromId(q.getColumn(14).getString()).value_or(DuplicateCodePolicy::CountEarliest);
    SQLite::Statement projects(db,
                               "SELECT project_id, title, summary, theme, cost_cents, idea_id FROM round_projects "
                               "WHERE round_id = ? ORDER BY position");
    projects.bind(1, r.id);
    while (projects.executeStep()) {
        RoundProject p;
        p.id = projects.getColumn(0).getString();
        p.title = projects.getColumn(1).getString();
        p.summary = projects.getColumn(2).getString();
        p.theme = themeFromId(projects.getColumn(3).getString()).value_or(Theme::Other);
        p.costCents = projects.getColumn(4).getInt64();
        p.ideaId = projects.getColumn(5).getString();
        r.projects.push_back(std::move(p));
    }
    SQLite::Statement phases(db, "SELECT submissions_open, published_ms FROM round_phases WHERE round_id = ?");
    phases.bind(1, r.id);
    if (phases.executeStep()) {
        r.phases.submissionsOpen = phases.getColumn(0).getInt() != 0;
        r.phases.publishedMs = static_cast<std::uint64_t>(phases.getColumn(1).getInt64());
    }
    return r;
}

}  // namespace

std::vector<BudgetRound> readRounds(SQLite::Database& db) {
    SQLite::Statement q(db, std::string("SELECT ") + kRoundColumns + " FROM rounds ORDER BY opens_ms, round_id");
    std::vector<BudgetRound> rounds;
    while (q.executeStep()) rounds.push_back(roundFromRow(db, q));
    return rounds;
}

std::optional<BudgetRound> readRound(SQLite::Database& db, const std::string& roundId) {
    SQLite::Statement q(db, std::string("SELECT ") + kRoundColumns + " FROM rounds WHERE round_id = ?");
    q.bind(1, roundId);
    if (!q.executeStep()) return std::nullopt;
    return roundFromRow(db, q);
}

std::int64_t countBallots(SQLite::Database& db, const std::string& roundId) {
    SQLite::Statement q(db, "SELECT COUNT(*) FROM ballots WHERE round_id = ? AND ballot_id NOT IN (SELECT ballot_id FROM uncounted_ballots)");
    q.bind(1, roundId);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

std::optional<std::string> codeStatus(SQLite::Database& db, const std::string& roundId, const std::string& codeHash) {
    SQLite::Statement q(db, "SELECT status FROM voting_codes WHERE round_id = ? AND code_hash = ?");
    q.bind(1, roundId);
    q.bind(2, codeHash);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

CodeStatusCounts countCodesByStatus(SQLite::Database& db, const std::string& roundId) {
    SQLite::Statement q(db, "SELECT status, COUNT(*) FROM voting_codes WHERE round_id = ? GROUP BY status");
    q.bind(1, roundId);
    CodeStatusCounts counts;
    while (q.executeStep()) {
        const std::string status = q.getColumn(0).getString();
        const std::int64_t count = q.getColumn(1).getInt64();
        if (status == "issued") counts.issued = count;
        if (status == "used") counts.used = count;
        if (status == "voided") counts.voided = count;
    }
    return counts;
}

std::vector<StoredBallot> readBallots(SQLite::Database& db, const std::string& roundId) {
    SQLite::Statement q(db,
                        "SELECT b.ballot_id, b.receipt, c.project_id, c.points FROM ballots b "
                        "JOIN ballot_choices c ON c.ballot_id = b.ballot_id WHERE b.round_id = ? "
                        "AND b.ballot_id NOT IN (SELECT ballot_id FROM uncounted_ballots) "
                        "ORDER BY b.cast_hlc, b.ballot_id, c.position");
    q.bind(1, roundId);
    std::vector<StoredBallot> ballots;
    std::string current;
    while (q.executeStep()) {
        const std::string id = q.getColumn(0).getString();
        if (ballots.empty() || id != current) {
            ballots.push_back({q.getColumn(1).getString(), {}, {}});
            current = id;
        }
        ballots.back().projectIds.push_back(q.getColumn(2).getString());
        ballots.back().points.push_back(q.getColumn(3).getInt());
    }
    return ballots;
}

}  // namespace buurtstem::storage
