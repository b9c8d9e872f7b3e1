// KioskStore: opens the kiosk's SQLite database without ever damaging a file it does not
// understand, appends events through one write path, and serves the reads the screens use.
#include "KioskStore.h"

#include "AuditLog.h"
#include "EveningTables.h"
#include "EventRun.h"
#include "IdeaTables.h"
#include "Migrations.h"
#include "PaperTables.h"
#include "ModerationTables.h"
#include "KioskSettingsTable.h"
#include "RoundShare.h"
#include "RoundTables.h"
#include "SqliteError.h"
#include "StatementCache.h"
#include "Sync.h"
#include "VotingCodeHash.h"

#include "../app/core/CivilDate.h"
#include "../app/core/DemoNeighbourhood.h"
#include "../app/core/EveningEvents.h"
#include "../app/core/FacilitatorPin.h"
#include "../app/core/Identifiers.h"
#include "../app/core/SyncEvents.h"
#include "../app/core/Utf8.h"
#include "../app/core/VotingCode.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sodium.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <chrono>
#include <cstring>
#include <exception>
#include <numeric>
#include <span>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>

namespace buurtstem::storage {

namespace {

namespace fs = std::filesystem;

constexpr int kBusyTimeoutMs = 5000;
constexpr const char* kInMemory = ":memory:";  // SQLite's name for a private in-memory database
// 28^6 codes make a collision rare; a run of them means something is wrong with the randomness.
constexpr int kReferenceAttempts = 32;

// [SECTION] Small conversions

std::uint64_t systemNowMs() {
    using namespace std::chrono;
    return static_cast<std::uint64_t>(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

template <std::size_t N>
std::array<std::uint8_t, N> randomBytes() {
    std::array<std::uint8_t, N> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    return bytes;
}

std::string newUuid() { return formatUuidV4(randomBytes<16>()); }

// SQLite integers are signed 64-bit; an HLC stamp keeps its top bit clear until the year 6429, so
// the stored integers sort exactly as the stamps do.
std::int64_t toColumn(HlcStamp stamp) { return static_cast<std::int64_t>(stamp.packed); }
HlcStamp hlcFromColumn(std::int64_t value) { return HlcStamp{static_cast<std::uint64_t>(value)}; }

IdeaStatus statusFromId(std::string_view id) {
    if (id == "approved") return IdeaStatus::Approved;
    if (id == "hidden") return IdeaStatus::Hidden;
    return IdeaStatus::New;
}

IdeaKind kindFromId(std::string_view id) { return id == "initiative" ? IdeaKind::Initiative : IdeaKind::Idea; }

const char* fieldName(IdeaField field) {
    switch (field) {
        case IdeaField::Theme: return "theme";
        case IdeaField::Title: return "title";
        case IdeaField::Body: return "body";
        case IdeaField::Place: return "place";
        case IdeaField::Contact: return "contact";
        case IdeaField::Consent: return "consent";
    }
    return "field";
}

const char* problemName(IdeaProblem problem) {
    switch (problem) {
        case IdeaProblem::Missing: return "missing";
        case IdeaProblem::TooShort: return "too short";
        case IdeaProblem::TooLong: return "too long";
        case IdeaProblem::InvalidText: return "invalid text";
    }
    return "invalid";
}

// Trimmed copy of the draft, or InvalidInput listing every issue ("title too short; body too long").
Result<IdeaDraft> prepareDraft(const IdeaDraft& draft) {
    IdeaDraft prepared = draft;
    prepared.title = utf8::trim(draft.title);
    prepared.body = utf8::trim(draft.body);
    prepared.place = utf8::trim(draft.place);
    prepared.contactName = utf8::trim(draft.contactName);
    prepared.contactAddress = utf8::trim(draft.contactAddress);
    // Validate what will be stored: "  ab  " must not pass as a three-letter title.
    const std::vector<IdeaIssue> issues = validateIdea(prepared);
    if (issues.empty()) return prepared;
    std::string detail;
    for (const IdeaIssue& issue : issues) {
        if (!detail.empty()) detail += "; ";
        detail += fieldName(issue.field);
        detail += ' ';
        detail += problemName(issue.problem);
    }
    return makeError(ErrorCode::InvalidInput, std::move(detail));
}

const char* fieldName(InitiativeField field) {
    switch (field) {
        case InitiativeField::Theme: return "theme";
        case InitiativeField::Title: return "title";
        case InitiativeField::Body: return "body";
        case InitiativeField::Place: return "place";
        case InitiativeField::When: return "when";
        case InitiativeField::Audience: return "audience";
        case InitiativeField::Helpers: return "helpers";
        case InitiativeField::BudgetLineDescription: return "description";
        case InitiativeField::BudgetLineAmount: return "amount";
        case InitiativeField::BudgetTotal: return "budget total";
        case InitiativeField::OwnMoney: return "own money";
        case InitiativeField::OwnInKind: return "own contribution in kind";
        case InitiativeField::ContactName: return "contact name";
        case InitiativeField::ContactAddress: return "contact address";
        case InitiativeField::Consent: return "consent";
    }
    return "field";
}

const char* problemName(InitiativeProblem problem) {
    switch (problem) {
        case InitiativeProblem::Missing: return "missing";
        case InitiativeProblem::TooShort: return "too short";
        case InitiativeProblem::TooLong: return "too long";
        case InitiativeProblem::InvalidText: return "invalid";
        case InitiativeProblem::OverMaximum: return "over the maximum";
        case InitiativeProblem::Unreachable: return "neither a phone number nor an e-mail address";
    }
    return "invalid";
}

// Normalised copy of the draft (trimmed, choices in list order), or InvalidInput listing every
// issue ("when missing; budget line 2 amount over the maximum").
Result<InitiativeDraft> prepareInitiative(const InitiativeDraft& draft, std::int64_t maximumCents) {
    InitiativeDraft prepared = normalisedInitiative(draft);
    const std::vector<InitiativeIssue> issues = validateInitiative(prepared, maximumCents);
    if (issues.empty()) return prepared;
    std::string detail;
    for (const InitiativeIssue& issue : issues) {
        if (!detail.empty()) detail += "; ";
        if (issue.field == InitiativeField::BudgetLineDescription || issue.field == InitiativeField::BudgetLineAmount)
            detail += "budget line " + std::to_string(issue.line + 1) + ' ';
        detail += fieldName(issue.field);
        detail += ' ';
        detail += problemName(issue.problem);
    }
    return makeError(ErrorCode::InvalidInput, std::move(detail));
}

// Idea columns in the order ideaFromRow reads them. Only whether a contact is stored leaves the
// table, never the sealed box: no screen has any use for it.
#define IDEA_COLUMNS \
    "idea_id, reference, theme, title, body, created_hlc, status, supports, demo, place, sealed_contact <> '', " \
    "kind, budget_cents"
// The same columns of ideas joined as `i` with other tables that have an idea_id too.
#define IDEA_COLUMNS_OF_I \
    "i.idea_id, i.reference, i.theme, i.title, i.body, i.created_hlc, i.status, i.supports, i.demo, i.place, " \
    "i.sealed_contact <> '', i.kind, i.budget_cents"
constexpr int kIdeaColumnCount = 13;
// A text column into `to`, in the room `to` already has: rows read one at a time into the same
// strings then need no new memory.
void assignText(std::string& to, const SQLite::Column& column) {
    const char* text = column.getText();  // before getBytes, as SQLite asks
    to.assign(text, static_cast<std::size_t>(column.getBytes()));
}
std::string_view textView(const SQLite::Column& column) {
    const char* text = column.getText();
    return {text, static_cast<std::size_t>(column.getBytes())};
}

// Every field of `idea` from the row, in place.
void readIdea(SQLite::Statement& row, Idea& idea) {
    assignText(idea.id, row.getColumn(0));
    assignText(idea.reference, row.getColumn(1));
    idea.theme = themeFromId(textView(row.getColumn(2))).value_or(Theme::Other);
    assignText(idea.title, row.getColumn(3));
    assignText(idea.body, row.getColumn(4));
    idea.created = hlcFromColumn(row.getColumn(5).getInt64());
    idea.status = statusFromId(textView(row.getColumn(6)));
    idea.supports = row.getColumn(7).getInt();
    idea.demo = row.getColumn(8).getInt() != 0;
    assignText(idea.place, row.getColumn(9));
    idea.contactGiven = row.getColumn(10).getInt() != 0;
    idea.kind = kindFromId(textView(row.getColumn(11)));
    idea.budgetCents = row.getColumn(12).getInt64();
}

Idea ideaFromRow(SQLite::Statement& row) {
    Idea idea;
    readIdea(row, idea);
    return idea;
}

std::optional<Idea> ideaById(SQLite::Database& db, const std::string& id) {
    SQLite::Statement q(db,
                        "SELECT " IDEA_COLUMNS " "
                        "FROM ideas WHERE idea_id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    return ideaFromRow(q);
}

}  // namespace

// [SECTION] Applying events to the read tables (declared in EventRun.h)

Result<void> applyEvent(StatementCache& sql, const Event& event) {
    if (event.type == kEventIdeaSubmitted) {
        Result<IdeaSubmitted> payload = decodeIdeaSubmitted(event.payload);
        if (!payload) {
            return makeError(ErrorCode::StorageFailure,
                             "event " + event.uuid + " has an unreadable payload: " + payload.error().detail);
        }
        const IdeaRowValues values{freeReference(sql, payload->reference), submittedStatus(*payload), 0, IdeaKind::Idea, 0};
        const IdeaRow row{event.uuid, event.kioskId, event.hlc, &*payload, &values};
        insertIdeaRows(sql, {&row, 1});
        return {};
    }
    if (event.type == kEventInitiativeSubmitted) {
        Result<InitiativeSubmitted> payload = decodeInitiativeSubmitted(event.payload);
        if (!payload) {
            return makeError(ErrorCode::StorageFailure,
                             "event " + event.uuid + " has an unreadable payload: " + payload.error().detail);
        }
        // Approval, support and the list treat it as an idea; only the plan is its own. The
        // maximum is not checked again: the submitting kiosk checked it against its own maximum
        // at the time, and a later, lower maximum does not undo what was accepted.
        const IdeaRowValues values{freeReference(sql, payload->idea.reference), submittedStatus(payload->idea), 0,
                                   IdeaKind::Initiative, budgetTotalCents(payload->plan)};
        const IdeaRow row{event.uuid, event.kioskId, event.hlc, &payload->idea, &values};
        insertIdeaRows(sql, {&row, 1});
        const PlanRow plan{payload->idea.ideaId, &payload->plan};
        insertInitiativePlans(sql, {&plan, 1});
        return {};
    }
    if (event.type == kEventInitiativeMaximumSet) {
        Result<InitiativeMaximumSet> payload = decodeInitiativeMaximumSet(event.payload);
        if (!payload) {
            return makeError(ErrorCode::StorageFailure,
                             "event " + event.uuid + " has an unreadable payload: " + payload.error().detail);
        }
        // Applied in HLC order, so the latest maximum wins everywhere, as for the name.
        SQLite::Statement& upsert = sql("INSERT INTO initiative_maximum (id, cents) VALUES (1, ?) "
                                        "ON CONFLICT (id) DO UPDATE SET cents = excluded.cents");
        upsert.bind(1, payload->cents);
        upsert.exec();
        return {};
    }
    if (event.type == kEventPlacesSet) {
        Result<PlacesSet> payload = decodePlacesSet(event.payload);
        if (!payload) {
            return makeError(ErrorCode::StorageFailure,
                             "event " + event.uuid + " has an unreadable payload: " + payload.error().detail);
        }
        // The latest list replaces the earlier one, as for the neighbourhood's name; its map and
        // spots replace the earlier ones with it (a list without a map leaves none).
        sql.db().exec("DELETE FROM places");
        sql.db().exec("DELETE FROM neighbourhood_map");
        SQLite::Statement& insert = sql("INSERT INTO places (position, name, map_x, map_y) VALUES (?, ?, ?, ?)");
        for (std::size_t i = 0; i < payload->places.size(); ++i) {
            insert.bind(1, static_cast<std::int64_t>(i));
            insert.bind(2, payload->places[i]);
            const auto spot = std::find_if(payload->positions.begin(), payload->positions.end(),
                                           [&](const PlacePosition& p) { return p.place == payload->places[i]; });
            if (spot == payload->positions.end()) {
                insert.bind(3);
                insert.bind(4);
            } else {
                insert.bind(3, spot->at.x);
                insert.bind(4, spot->at.y);
            }
            insert.exec();
            insert.reset();
        }
        if (!payload->map.empty()) {
            SQLite::Statement& map = sql("INSERT INTO neighbourhood_map (id, image) VALUES (1, ?)");
            map.bind(1, payload->map);
            map.exec();
        }
        return {};
    }
    if (event.type == kEventNeighbourhoodNamed) {
        Result<NeighbourhoodNamed> payload = decodeNeighbourhoodNamed(event.payload);
        if (!payload) {
            return makeError(ErrorCode::StorageFailure,
                             "event " + event.uuid + " has an unreadable payload: " + payload.error().detail);
        }
        // Applied in HLC order, so the latest naming wins on every kiosk and at the office alike.
        SQLite::Statement& upsert = sql("INSERT INTO neighbourhood (id, name, demo) VALUES (1, ?, ?) "
                                        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, demo = excluded.demo");
        upsert.bind(1, payload->name);
        upsert.bind(2, payload->demo ? 1 : 0);
        upsert.exec();
        // Per kiosk as well: at the office every kiosk's ideas belong to its own neighbourhood.
        // The guard keeps the latest whatever order a kiosk's events are applied in.
        SQLite::Statement& perKiosk = sql("INSERT INTO kiosk_neighbourhoods (kiosk_id, name, hlc, seq) VALUES (?, ?, ?, ?) "
                                          "ON CONFLICT (kiosk_id) DO UPDATE SET name = excluded.name, hlc = excluded.hlc, "
                                          "seq = excluded.seq WHERE (excluded.hlc, excluded.seq) > "
                                          "(kiosk_neighbourhoods.hlc, kiosk_neighbourhoods.seq)");
        perKiosk.bind(1, event.kioskId);
        perKiosk.bind(2, payload->name);
        perKiosk.bind(3, toColumn(event.hlc));
        perKiosk.bind(4, event.seq);
        perKiosk.exec();
        return {};
    }
    if (event.type == kEventInitiativeProgressSet) {
        Result<InitiativeProgress> payload = decodeInitiativeProgressSet(event.payload);
        if (!payload) {
            return makeError(ErrorCode::StorageFailure,
                             "event " + event.uuid + " has an unreadable payload: " + payload.error().detail);
        }
        // The latest by (hlc, kiosk id, seq) holds, the order of a rebuild, so an office that
        // applies a late bundle on top ends with the same row as one that rebuilt.
        SQLite::Statement& upsert = sql("INSERT INTO initiative_progress (idea_id, stage, granted_cents, spent_cents, note, hlc, "
                                        "kiosk_id, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                        "ON CONFLICT (idea_id) DO UPDATE SET stage = excluded.stage, "
                                        "granted_cents = excluded.granted_cents, spent_cents = excluded.spent_cents, "
                                        "note = excluded.note, hlc = excluded.hlc, kiosk_id = excluded.kiosk_id, seq = excluded.seq "
                                        "WHERE (excluded.hlc, excluded.kiosk_id, excluded.seq) > "
                                        "(initiative_progress.hlc, initiative_progress.kiosk_id, initiative_progress.seq)");
        upsert.bind(1, payload->ideaId);
        upsert.bind(2, std::string(pipelineStageId(payload->stage)));
        upsert.bind(3, payload->grantedCents);
        upsert.bind(4, payload->spentCents);
        upsert.bind(5, payload->note);
        upsert.bind(6, toColumn(event.hlc));
        upsert.bind(7, event.kioskId);
        upsert.bind(8, event.seq);
        upsert.exec();
        return {};
    }
    if (event.type == kEventPulseGiven) {
        Result<PulseGiven> payload = decodePulseGiven(event.payload);
        if (!payload) {
            return makeError(ErrorCode::StorageFailure,
                             "event " + event.uuid + " has an unreadable payload: " + payload.error().detail);
        }
        SQLite::Statement& insert = sql("INSERT INTO pulse (event_uuid, created_hlc, meeting, care, living_well, clean, safe) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, event.uuid);
        insert.bind(2, toColumn(event.hlc));
        static_assert(pulseIndex(PulseAspect::Meeting) == 0 && pulseIndex(PulseAspect::Safe) == 4,
                      "the columns above are in kAllPulseAspects order");
        for (std::size_t i = 0; i < kPulseAspectCount; ++i) {
            const int parameter = 3 + static_cast<int>(i);
            // NULL, not 0, for a skipped line: AVG, COUNT and SUM then leave it out by themselves.
            if (payload->scores[i] == kPulseSkipped)
                insert.bind(parameter);
            else
                insert.bind(parameter, payload->scores[i]);
        }
        insert.exec();
        return {};
    }
    if (event.type == kEventIdeaApproved) {
        Result<IdeaApproved> payload = decodeIdeaApproved(event.payload);
        if (!payload) {
            return makeError(ErrorCode::StorageFailure,
                             "event " + event.uuid + " has an unreadable payload: " + payload.error().detail);
        }
        // An idea this kiosk does not hold (yet) changes nothing; its submission sorts earlier
        // in every rebuild, so a merged log gives the same result in any order of import.
        // A merged idea stays merged, whatever another kiosk approved meanwhile.
        // NOT EXISTS looks up this one idea; NOT IN built the list of every merged idea per event.
        SQLite::Statement& approve = sql("UPDATE ideas SET status = ? WHERE idea_id = ? AND NOT EXISTS "
                                         "(SELECT 1 FROM idea_moderation m WHERE m.idea_id = ideas.idea_id "
                                         "AND m.merged_into <> '')");
        approve.bind(1, statusId(IdeaStatus::Approved));
        approve.bind(2, payload->ideaId);
        approve.exec();
        return {};
    }
    if (event.type == kEventIdeaSupported) {
        Result<IdeaSupported> payload = decodeIdeaSupported(event.payload);
        if (!payload) {
            return makeError(ErrorCode::StorageFailure,
                             "event " + event.uuid + " has an unreadable payload: " + payload.error().detail);
        }
        SQLite::Statement& support = sql("UPDATE ideas SET supports = supports + 1 WHERE idea_id = ?");
        support.bind(1, mergedTarget(sql, payload->ideaId));  // a merged idea's support counts where it went
        support.exec();
        return {};
    }
    if (event.type == kEventMeetingNeedGiven) {
        Result<MeetingNeedGiven> payload = decodeMeetingNeedGiven(event.payload);
        if (!payload) {
            return makeError(ErrorCode::StorageFailure,
                             "event " + event.uuid + " has an unreadable payload: " + payload.error().detail);
        }
        SQLite::Statement& need = sql("INSERT INTO meeting_need (event_uuid, created_hlc, meeting_text, care_text, "
                                      "living_well_text) VALUES (?, ?, ?, ?, ?)");
        need.bind(1, event.uuid);
        need.bind(2, toColumn(event.hlc));
        for (std::size_t i = 0; i < kNeedQuestions.size(); ++i) need.bind(3 + static_cast<int>(i), payload->need.notes[i]);
        need.exec();
        SQLite::Statement& choice = sql("INSERT INTO meeting_need_choice (event_uuid, grp, choice) VALUES (?, ?, ?)");
        for (NeedGroup group : kAllNeedGroups) {
            for (const std::string& id : payload->need.chosenIds(group)) {
                choice.bind(1, event.uuid);
                choice.bind(2, needGroupId(group));
                choice.bind(3, id);
                choice.exec();
                choice.reset();
            }
        }
        return {};
    }
    if (Result<bool> moderated = applyModerationEvent(sql, event); !moderated || *moderated)
        return moderated ? Result<void>() : moderated.error();
    if (Result<bool> round = applyRoundEvent(sql, event); !round || *round) return round ? Result<void>() : round.error();
    if (Result<bool> evening = applyEveningEvent(sql, event); !evening || *evening) return evening ? Result<void>() : evening.error();
    if (Result<bool> paper = applyPaperEvent(sql, event); !paper || *paper) return paper ? Result<void>() : paper.error();
    if (Result<bool> sync = applySyncEvent(sql.db(), event); !sync || *sync) return sync ? Result<void>() : sync.error();
    // An event type this build does not know came from a newer kiosk. It stays in the log, and a
    // build that knows it will show its effect after rebuilding; the read tables show what we know.
    return {};
}

namespace {

// Runs `body`, turning any exception into an Error so none reaches the UI's frame loop.
template <class T, class Body>
Result<T> guarded(std::string_view what, Body&& body) {
    try {
        return body();
    } catch (const SQLite::Exception& e) {
        return errorFromSqlite(e, what);
    } catch (const std::exception& e) {
        return makeError(ErrorCode::StorageFailure, std::string(what) + ": " + e.what());
    }
}

}  // namespace

// [SECTION] Impl

struct KioskStore::Impl {
    Impl(SQLite::Database database, StoreOptions opts, std::string id, int version, HlcStamp lastHlc)
        : db(std::move(database)), options(std::move(opts)), kioskId(std::move(id)), schemaVersion(version),
          clock(lastHlc) {}

    SQLite::Database db;
    fs::path databaseFile;  // empty for an in-memory database
    StoreOptions options;
    std::string kioskId;
    int schemaVersion = 0;
    HlcClock clock;                            // restored from the database on open
    mutable std::optional<Error> lastReadError;
    int openTransactions = 0;  // > 0 inside inOneTransaction: writes join its transaction

    std::uint64_t nowMs() const { return options.clock ? options.clock() : systemNowMs(); }

    // One write transaction around `body`; commits only when it returns a value. IMMEDIATE takes
    // the write lock up front, so the seq and reference chosen inside cannot be taken meanwhile.
    // Inside inOneTransaction the body joins the transaction already open: its error rolls back
    // the whole of it.
    template <class T, class Body>
    Result<T> writeTransaction(std::string_view what, Body&& body) {
        return guarded<T>(what, [&]() -> Result<T> {
            if (openTransactions > 0) return body();
            SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
            ++openTransactions;
            Result<T> result = [&]() -> Result<T> {
                try {
                    return body();
                } catch (...) {
                    --openTransactions;
                    throw;
                }
            }();
            --openTransactions;
            if (result.ok()) tx.commit();
            return result;  // on error ~Transaction rolls back
        });
    }

    // Reads never throw: on failure they remember why and hand back `fallback`.
    template <class T, class Body>
    T read(std::string_view what, T fallback, Body&& body) const {
        Result<T> result = guarded<T>(what, std::forward<Body>(body));
        if (result.ok()) {
            lastReadError.reset();
            return std::move(result).value();
        }
        lastReadError = result.error();
        return fallback;
    }

    // [SECTION] The write path
    // Appends one event of this kiosk and applies it. Must run inside writeTransaction, so the
    // event, the clock and the read tables commit together or not at all.
    Result<Event> record(std::string_view type, std::string payload) {
        assert(sqlite3_get_autocommit(db.getHandle()) == 0 && "record() runs inside writeTransaction");
        Event event;
        event.kioskId = kioskId;
        {
            SQLite::Statement next(db, "SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE kiosk_id = ?");
            next.bind(1, kioskId);
            next.executeStep();
            event.seq = next.getColumn(0).getInt64();
        }
        event.hlc = clock.tick(nowMs());
        // Time first (version 7): the office's index of a million event ids then takes each
        // kiosk's new ones nearly in order instead of at random places. The stamp travels with
        // the event anyway, so the id tells nobody anything new.
        event.uuid = formatUuidV7(event.hlc.wallMs(), randomBytes<16>());
        event.type = std::string(type);
        event.payload = std::move(payload);

        SQLite::Statement insert(db,
                                 "INSERT INTO events (kiosk_id, seq, uuid, hlc, type, payload) "
                                 "VALUES (?, ?, ?, ?, ?, ?)");
        insert.bind(1, event.kioskId);
        insert.bind(2, event.seq);
        insert.bind(3, event.uuid);
        insert.bind(4, toColumn(event.hlc));
        insert.bind(5, event.type);
        insert.bind(6, event.payload);
        insert.exec();

        // MAX() keeps last_hlc from going back should an imported event ever carry a later stamp.
        SQLite::Statement persistClock(db, "UPDATE kiosk SET last_hlc = MAX(last_hlc, ?) WHERE id = 1");
        persistClock.bind(1, toColumn(event.hlc));
        persistClock.exec();

        StatementCache sql(db);
        Result<void> applied = applyEvent(sql, event);
        if (!applied) return applied.error();
        return event;
    }

    // A reference code no stored idea uses yet. Inside writeTransaction, so it stays unused.
    Result<std::string> unusedReference() {
        SQLite::Statement taken(db, "SELECT 1 FROM ideas WHERE reference = ?");
        for (int attempt = 0; attempt < kReferenceAttempts; ++attempt) {
            std::string reference = formatReferenceCode(randomBytes<6>());
            taken.reset();
            taken.bind(1, reference);
            if (!taken.executeStep()) return reference;
        }
        return makeError(ErrorCode::StorageFailure, "no unused reference code found");
    }

    // Records idea.submitted for an already trimmed and validated draft; inside writeTransaction.
    Result<Idea> addIdea(const IdeaDraft& draft, bool demo, bool waiting = false) {
        Result<std::string> reference = unusedReference();
        if (!reference) return reference.error();
        IdeaSubmitted payload;
        payload.ideaId = newUuid();
        payload.reference = std::move(reference).value();
        payload.theme = draft.theme;
        payload.title = draft.title;
        payload.body = draft.body;
        payload.place = draft.place;
        payload.demo = demo;
        payload.waiting = waiting;
        if (draft.hasContact()) {
            Result<std::string> sealed = sealContact(draft);
            if (!sealed) return sealed.error();
            payload.sealedContact = std::move(sealed).value();
        }
        Result<Event> event = record(kEventIdeaSubmitted, encodePayload(payload));
        if (!event) return event.error();
        // Read back what the screens will see, which also proves the event applied.
        std::optional<Idea> stored = ideaById(db, payload.ideaId);
        if (!stored) return makeError(ErrorCode::StorageFailure, "idea " + payload.ideaId + " was not applied");
        return *stored;
    }

    // Normalises, validates against the maximum that holds now and records initiative.submitted;
    // inside writeTransaction, so the maximum cannot change in between.
    Result<Idea> addInitiative(const InitiativeDraft& submitted, bool demo, bool waiting = false) {
        Result<InitiativeDraft> prepared = prepareInitiative(submitted, initiativeMaximum());
        if (!prepared) return prepared.error();
        const InitiativeDraft& draft = *prepared;
        Result<std::string> reference = unusedReference();
        if (!reference) return reference.error();
        // The contact is required, so there is always something to seal: without a staff key
        // this fails before anything is written.
        Result<std::string> sealed = sealContact(draft.idea);
        if (!sealed) return sealed.error();
        InitiativeSubmitted payload;
        payload.idea.ideaId = newUuid();
        payload.idea.reference = std::move(reference).value();
        payload.idea.theme = draft.idea.theme;
        payload.idea.title = draft.idea.title;
        payload.idea.body = draft.idea.body;
        payload.idea.place = draft.idea.place;
        payload.idea.demo = demo;
        payload.idea.waiting = waiting;
        payload.idea.sealedContact = std::move(sealed).value();
        payload.plan = draft.plan;
        Result<Event> event = record(kEventInitiativeSubmitted, encodePayload(payload));
        if (!event) return event.error();
        std::optional<Idea> stored = ideaById(db, payload.idea.ideaId);
        if (!stored) return makeError(ErrorCode::StorageFailure, "initiative " + payload.idea.ideaId + " was not applied");
        return *stored;
    }

    std::int64_t initiativeMaximum() {
        SQLite::Statement q(db, "SELECT cents FROM initiative_maximum WHERE id = 1");
        if (!q.executeStep()) return kInitiativeDefaultMaximumCents;
        return q.getColumn(0).getInt64();
    }

    void storeStaffKey(const StaffKey& key) {
        SQLite::Statement update(db, "UPDATE kiosk SET staff_public_key = ? WHERE id = 1");
        update.bind(1, key.data(), static_cast<int>(key.size()));
        update.exec();
    }

    // The demo stands in for the office: it makes a staff key pair, keeps the public half like a
    // real kiosk would, and leaves the secret half beside the database so the demo's sealed
    // contacts can be opened. A real kiosk never holds the secret key. Inside writeTransaction:
    // if writing the file fails, the key is not stored either.
    Result<void> makeDemoStaffKey() {
        static_assert(crypto_box_PUBLICKEYBYTES == kStaffKeyBytes && crypto_box_SECRETKEYBYTES == kStaffKeyBytes);
        StaffKey publicKey{};
        std::array<unsigned char, crypto_box_SECRETKEYBYTES> secretKey{};
        crypto_box_keypair(publicKey.data(), secretKey.data());
        Result<void> written;
        if (!databaseFile.empty()) written = writeSecretKeyFile(databaseFile.parent_path() / kDemoStaffSecretKeyFileName, secretKey);
        sodium_memzero(secretKey.data(), secretKey.size());
        if (!written) return written;
        storeStaffKey(publicKey);
        return {};
    }

    // Raw key bytes, created 0600 so no other user on the machine can read them.
    static Result<void> writeSecretKeyFile(const fs::path& file, std::span<const unsigned char> key) {
        const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0) return makeError(ErrorCode::StorageFailure, "cannot write " + file.string());
        // O_CREAT's mode only applies to a new file; an old one may have been readable.
        bool ok = ::fchmod(fd, 0600) == 0 && ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size());
        ok = ::close(fd) == 0 && ok;
        if (!ok) return makeError(ErrorCode::StorageFailure, "cannot write " + file.string());
        return {};
    }

    std::optional<StaffKey> readStaffKey() {
        SQLite::Statement q(db, "SELECT staff_public_key FROM kiosk WHERE id = 1 AND staff_public_key IS NOT NULL");
        if (!q.executeStep()) return std::nullopt;
        const SQLite::Column column = q.getColumn(0);
        StaffKey key{};
        if (column.getBytes() != static_cast<int>(key.size())) return std::nullopt;  // the CHECK makes this unreachable
        std::memcpy(key.data(), column.getBlob(), key.size());
        return key;
    }

    // "name\ncontact" in a sealed box to the staff key, as base64. Anyone can seal with the
    // public key; only the secret key, which stays at the office, opens it. So the kiosk keeps
    // nothing it could read back, and a stolen kiosk reveals nobody.
    Result<std::string> sealContact(const IdeaDraft& draft) {
        const std::optional<StaffKey> key = readStaffKey();
        if (!key) return makeError(ErrorCode::InvalidInput, "no staff key: a contact cannot be sealed");
        std::string plain = draft.contactName + "\n" + draft.contactAddress;
        std::vector<unsigned char> sealed(crypto_box_SEALBYTES + plain.size());
        const int rc = crypto_box_seal(sealed.data(), reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
                                       key->data());
        sodium_memzero(plain.data(), plain.size());
        if (rc != 0) return makeError(ErrorCode::StorageFailure, "sealing the contact failed");
        std::string text(sodium_base64_ENCODED_LEN(sealed.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
        sodium_bin2base64(text.data(), text.size(), sealed.data(), sealed.size(), sodium_base64_VARIANT_ORIGINAL);
        text.resize(text.size() - 1);  // the encoder's terminating NUL
        return text;
    }

    // Drops and recomputes every read table from the events; inside writeTransaction.
    Result<void> rebuildInTransaction(StatementCache& sql) {
        // The plan's and moderation's tables first: their rows point into ideas.
        clearModerationTables(db);
        db.exec("DELETE FROM initiative_choices");
        db.exec("DELETE FROM initiative_budget_lines");
        db.exec("DELETE FROM initiative_plans");
        db.exec("DELETE FROM initiative_maximum");
        db.exec("DELETE FROM ideas");
        db.exec("DELETE FROM neighbourhood");
        db.exec("DELETE FROM kiosk_neighbourhoods");
        db.exec("DELETE FROM initiative_progress");
        db.exec("DELETE FROM places");
        db.exec("DELETE FROM neighbourhood_map");
        db.exec("DELETE FROM pulse");
        db.exec("DELETE FROM meeting_need_choice");  // first: its rows point into meeting_need
        db.exec("DELETE FROM meeting_need");
        db.exec("DELETE FROM code_resolutions");
        clearRoundTables(db);
        clearEveningTables(db);
        clearPaperTables(db);
        // Every kiosk's events in one agreed order, so each place that rebuilds gets the same
        // tables; two versions of one event (sync_quarantine) count nowhere.
        SQLite::Statement all(db, kEventsToApplySql);
        EventRun run(sql, [&sql](const EventView& event) { return applyEvent(sql, event.toEvent()); });
        // Read in slices, so a log of millions is never in memory at once.
        constexpr std::size_t kSlice = 65'536;
        std::vector<Event> slice;
        std::vector<EventView> views;
        std::vector<const EventView*> inSlice;
        bool more = true;
        while (more) {
            slice.clear();
            inSlice.clear();
            while (slice.size() < kSlice && (more = all.executeStep())) slice.push_back(eventFrom(all));
            views.assign(slice.begin(), slice.end());
            for (const EventView& e : views) inSlice.push_back(&e);
            if (Result<void> applied = run.applyAll(inSlice); !applied) return applied;
        }
        run.finish();
        return {};
    }

    // What importing bundles needs from this store; inside writeTransaction, with `sql` living as
    // long as the import.
    SyncContext syncContext(StatementCache& sql) {
        SyncContext context;
        context.ownKioskId = kioskId;
        context.ownPublicKey = readSigningIdentity(db).publicKey;
        context.nowMs = nowMs();
        context.schemaVersion = schemaVersion;
        context.apply = [&sql](std::span<const EventView* const> events, EventRun::Decoding& decoding) -> Result<void> {
            // The events lie in their opened bundles for the whole import.
            EventRun run(sql, [&sql](const EventView& event) { return applyEvent(sql, event.toEvent()); },
                         EventRun::EventsStay::UntilFinished);
            if (Result<void> applied = run.applyAll(events, decoding); !applied) return applied;
            run.finish();
            return {};
        };
        context.rebuild = [this, &sql] { return rebuildInTransaction(sql); };
        context.observe = [this](HlcStamp stamp) {
            clock.observe(stamp, nowMs());
            SQLite::Statement persistClock(db, "UPDATE kiosk SET last_hlc = MAX(last_hlc, ?) WHERE id = 1");
            persistClock.bind(1, toColumn(clock.last()));
            persistClock.exec();
        };
        return context;
    }

    std::int64_t countIdeas() { return db.execAndGet("SELECT COUNT(*) FROM ideas").getInt64(); }
};

// [SECTION] Opening

namespace {

// What opening failed with, in the terms KioskStore::open promises.
Error openError(const SQLite::Exception& e, const std::string& file) {
    Error error = errorFromSqlite(e, "open " + file);
    // At open, "cannot open" means the directory is missing or not writable, not that a disk
    // that worked went read-only.
    if ((e.getErrorCode() & 0xff) == SQLITE_CANTOPEN) error.code = ErrorCode::DataDirUnusable;
    return error;
}

Error newerSchemaError(const std::string& file, int version) {
    return makeError(ErrorCode::NewerSchema, file + " has schema version " + std::to_string(version) +
                                                 "; this build knows up to " + std::to_string(kSchemaVersion));
}

// A look at the first bytes of an existing file, before SQLite opens it: a read-only SQLite
// connection would already create -wal and -shm files next to a WAL database and leave them
// behind. Layout from the SQLite file format (sqlite.org/fileformat.html, "The Database Header").
// Returns an error only for a refusal; everything else is checked again, and in full, by the
// read-write connection before it writes.
std::optional<Error> refuseByHeader(const std::string& file) {
    constexpr std::string_view kMagic{"SQLite format 3\0", 16};
    constexpr std::size_t kHeaderSize = 100;
    constexpr std::size_t kUserVersionOffset = 60;  // 4-byte big-endian signed integer

    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;  // missing: SQLite creates it, or reports why it cannot
    std::array<char, kHeaderSize> header{};
    in.read(header.data(), header.size());
    const auto length = static_cast<std::size_t>(in.gcount());
    if (length == 0) return std::nullopt;  // SQLite treats an empty file as a new database
    if (length < kMagic.size() || std::string_view(header.data(), kMagic.size()) != kMagic) {
        return makeError(ErrorCode::NotADatabase, file + " is not a SQLite database");
    }
    if (length == kHeaderSize) {
        const auto byte = [&](std::size_t offset) { return static_cast<unsigned char>(header[offset]); };
        // The fields SQLite itself insists on; garbage after the magic must not pass for a
        // "newer schema" (a user_version read from garbage).
        const unsigned pageSize = (byte(16) << 8) | byte(17);  // 1 stands for 65536
        const bool pageSizeOk = pageSize == 1 || (pageSize >= 512 && (pageSize & (pageSize - 1)) == 0);
        const bool versionsOk = (byte(18) == 1 || byte(18) == 2) && (byte(19) == 1 || byte(19) == 2);
        const bool fractionsOk = byte(21) == 64 && byte(22) == 32 && byte(23) == 32;
        if (!pageSizeOk || !versionsOk || !fractionsOk) {
            return makeError(ErrorCode::NotADatabase, file + " has a damaged SQLite header");
        }
        std::uint32_t raw = 0;
        for (std::size_t i = 0; i < 4; ++i) raw = (raw << 8) | byte(kUserVersionOffset + i);
        const auto version = static_cast<std::int32_t>(raw);
        if (version > kSchemaVersion) return newerSchemaError(file, version);
    }
    return std::nullopt;
}

// Whether closing `db` may checkpoint its WAL into the database file. Off while we still might
// refuse the file: the WAL may hold a newer build's changes that are not ours to write.
void allowCheckpointOnClose(SQLite::Database& db, bool allow) {
    sqlite3_db_config(db.getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, allow ? 0 : 1, nullptr);
}

// The kiosk row, created on first open: a random identity that names this kiosk's events forever.
Result<std::string> ensureKioskIdentity(SQLite::Database& db, std::uint64_t nowMs) {
    return guarded<std::string>("create kiosk identity", [&]() -> Result<std::string> {
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement existing(db, "SELECT kiosk_id FROM kiosk WHERE id = 1");
        if (existing.executeStep()) return existing.getColumn(0).getString();
        std::string kioskId = newUuid();
        SQLite::Statement insert(db, "INSERT INTO kiosk (id, kiosk_id, created_ms, last_hlc) VALUES (1, ?, ?, 0)");
        insert.bind(1, kioskId);
        insert.bind(2, static_cast<std::int64_t>(nowMs));
        insert.exec();
        tx.commit();
        return kioskId;
    });
}

// A database that is open, migrated and has its kiosk identity: everything Impl is made from.
struct OpenedDatabase {
    SQLite::Database db;
    std::string kioskId;
    int schemaVersion = 0;
    HlcStamp lastHlc;
    bool upgraded = false;  // an existing database was migrated just now, over a step that needs a rebuild
};

Result<OpenedDatabase> openDatabase(const std::string& file, const StoreOptions& options) {
    if (sodium_init() < 0) return makeError(ErrorCode::StorageFailure, "libsodium could not be initialised");
    if (file != kInMemory) {
        if (std::optional<Error> refusal = refuseByHeader(file)) return *refusal;
    }

    std::optional<SQLite::Database> db;
    int versionOnDisk = 0;
    try {
        // Opening and reading write nothing; only journal_mode below is the first write. Until
        // then every check must pass.
        // One thread uses a connection at a time (a merge's helper threads never touch it), so
        // SQLite's per-connection locks are left out, and so is its global lock around every
        // allocation, which only keeps memory statistics nothing reads. The latter can only be
        // set before SQLite's first use in the process; later it is refused and nothing changes.
        static const bool withoutMemoryStatistics = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
        (void)withoutMemoryStatistics;
        db.emplace(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX, kBusyTimeoutMs);
        allowCheckpointOnClose(*db, false);
        // Read through SQLite as well: the newest version may still sit in the WAL, and this
        // read validates the header properly (NOTADB, CORRUPT).
        versionOnDisk = userVersion(*db);
        if (versionOnDisk > kSchemaVersion) return newerSchemaError(file, versionOnDisk);
        if (versionOnDisk == 0 && db->execAndGet("SELECT COUNT(*) FROM sqlite_schema").getInt() > 0) {
            // Some other program's database: our migrations must not write into it.
            return makeError(ErrorCode::NotADatabase, file + " is a SQLite database of another program");
        }
        allowCheckpointOnClose(*db, true);

        // WAL lets readers run during a write; synchronous=FULL makes every commit survive power
        // loss, which a kiosk that is simply unplugged at night needs. An in-memory database
        // answers "memory" and some file systems cannot do WAL; the rollback journal is then
        // just as safe, only slower, so neither is an error.
        // 16 KiB pages for a new database (an existing one keeps its size): a quarter of the
        // pages to write, sync and checkpoint when the office merges a million events; a kiosk's
        // single vote takes about a tenth longer (docs/PERFORMANCE.md). Before the first write.
        db->exec("PRAGMA page_size = 16384");
        db->execAndGet("PRAGMA journal_mode = WAL");
        db->exec("PRAGMA synchronous = FULL");
        db->exec("PRAGMA foreign_keys = ON");
        if (options.mapForReading) {
            // SQLite's own ceiling is 2 GiB; a 32-bit kiosk image has less address space to spare.
            constexpr std::int64_t kMapBytes = sizeof(void*) >= 8 ? (std::int64_t{2} << 30) : (std::int64_t{256} << 20);
            db->execAndGet("PRAGMA mmap_size = " + std::to_string(kMapBytes));
        }
        if (options.maxPageCount > 0) {
            // PRAGMA arguments cannot be bound; this is an integer from StoreOptions, not text.
            db->execAndGet("PRAGMA max_page_count = " + std::to_string(options.maxPageCount));
        }
    } catch (const SQLite::Exception& e) {
        return openError(e, file);
    }

    Result<int> version = migrate(*db);
    if (!version) return version.error();

    const std::uint64_t nowMs = options.clock ? options.clock() : systemNowMs();
    Result<std::string> kioskId = ensureKioskIdentity(*db, nowMs);
    if (!kioskId) return kioskId.error();
    if (Result<void> signing = ensureSigningIdentity(*db); !signing) return signing.error();

    // The clock resumes after both what it handed out and anything in the log, so a kiosk whose
    // wall clock was reset still stamps every new event after the old ones.
    Result<std::int64_t> lastHlc = guarded<std::int64_t>("read last HLC", [&]() -> Result<std::int64_t> {
        return db->execAndGet("SELECT MAX((SELECT last_hlc FROM kiosk WHERE id = 1), "
                              "(SELECT COALESCE(MAX(hlc), 0) FROM events))")
            .getInt64();
    });
    if (!lastHlc) return lastHlc.error();

    return OpenedDatabase{std::move(*db), std::move(kioskId).value(), version.value(), hlcFromColumn(lastHlc.value()),
                          version.value() > versionOnDisk && readTablesNeedRebuild(versionOnDisk)};
}

}  // namespace

Result<std::unique_ptr<KioskStore>> KioskStore::open(const std::filesystem::path& databaseFile,
                                                     StoreOptions options) {
    return guarded<std::unique_ptr<KioskStore>>("open " + databaseFile.string(),
                                                [&]() -> Result<std::unique_ptr<KioskStore>> {
        Result<OpenedDatabase> opened = openDatabase(databaseFile.string(), options);
        if (!opened) return opened.error();
        OpenedDatabase& o = opened.value();
        auto impl = std::make_unique<Impl>(std::move(o.db), std::move(options), std::move(o.kioskId),
                                           o.schemaVersion, o.lastHlc);
        if (databaseFile != kInMemory) impl->databaseFile = databaseFile;
        std::unique_ptr<KioskStore> store(new KioskStore(std::move(impl)));
        // A new read table starts empty, yet the log may already hold its events (imported from
        // a newer kiosk); only a rebuild shows them, the same way on every kiosk.
        if (o.upgraded) {
            if (Result<void> rebuilt = store->rebuildReadTables(); !rebuilt) {
                return makeError(rebuilt.error().code, "rebuild the read tables after upgrading to schema version " +
                                                           std::to_string(o.schemaVersion) + ": " + rebuilt.error().detail);
            }
        }
        return store;
    });
}

Result<std::unique_ptr<KioskStore>> KioskStore::openInMemory(StoreOptions options) {
    return open(kInMemory, std::move(options));
}

KioskStore::KioskStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
KioskStore::~KioskStore() = default;

const std::string& KioskStore::kioskId() const { return impl_->kioskId; }
int KioskStore::schemaVersion() const { return impl_->schemaVersion; }

// [SECTION] Writes

Result<Idea> KioskStore::submitIdea(const IdeaDraft& draft, bool demo) {
    return guarded<Idea>("submit idea", [&]() -> Result<Idea> {
        Result<IdeaDraft> prepared = prepareDraft(draft);
        if (!prepared) return prepared.error();
        return impl_->writeTransaction<Idea>("submit idea", [&] { return impl_->addIdea(*prepared, demo); });
    });
}

Result<Idea> KioskStore::submitInitiative(const InitiativeDraft& draft, bool demo) {
    return impl_->writeTransaction<Idea>("submit initiative", [&] { return impl_->addInitiative(draft, demo); });
}

Result<void> KioskStore::setInitiativeMaximum(std::int64_t cents) {
    return guarded<void>("set initiative maximum", [&]() -> Result<void> {
        InitiativeMaximumSet payload;
        payload.cents = cents;
        // The same check the apply makes, before anything is written.
        if (Result<InitiativeMaximumSet> valid = decodeInitiativeMaximumSet(encodePayload(payload)); !valid)
            return valid.error();
        return impl_->writeTransaction<void>("set initiative maximum", [&]() -> Result<void> {
            Result<Event> event = impl_->record(kEventInitiativeMaximumSet, encodePayload(payload));
            if (!event) return event.error();
            return {};
        });
    });
}

Result<void> KioskStore::givePulse(const PulseDraft& draft) {
    return guarded<void>("give pulse", [&]() -> Result<void> {
        if (Result<void> valid = validatePulse(draft); !valid) return valid;
        PulseGiven payload;
        payload.scores = draft.scores;
        return impl_->writeTransaction<void>("give pulse", [&]() -> Result<void> {
            Result<Event> event = impl_->record(kEventPulseGiven, encodePayload(payload));
            if (!event) return event.error();
            return {};
        });
    });
}

Result<void> KioskStore::approveIdea(const std::string& ideaId) {
    return impl_->writeTransaction<void>("approve idea", [&]() -> Result<void> {
        if (!ideaById(impl_->db, ideaId)) return makeError(ErrorCode::NotFound, "no idea " + ideaId);
        if (mergedTarget(impl_->db, ideaId) != ideaId) return makeError(ErrorCode::NotFound, "idea " + ideaId + " was merged");
        IdeaApproved payload;
        payload.ideaId = ideaId;
        Result<Event> event = impl_->record(kEventIdeaApproved, encodePayload(payload));
        if (!event) return event.error();
        return {};
    });
}

Result<Idea> KioskStore::supportIdea(const std::string& ideaId) {
    return impl_->writeTransaction<Idea>("support idea", [&]() -> Result<Idea> {
        // Residents only see approved ideas; anything else is, for them, not there.
        const std::optional<Idea> idea = ideaById(impl_->db, ideaId);
        if (!idea || idea->status != IdeaStatus::Approved)
            return makeError(ErrorCode::NotFound, "no approved idea " + ideaId);
        IdeaSupported payload;
        payload.ideaId = ideaId;
        Result<Event> event = impl_->record(kEventIdeaSupported, encodePayload(payload));
        if (!event) return event.error();
        std::optional<Idea> stored = ideaById(impl_->db, ideaId);
        if (!stored) return makeError(ErrorCode::StorageFailure, "idea " + ideaId + " vanished while supporting it");
        return *stored;
    });
}

// [SECTION] Moderation

namespace {

// NotFound unless the idea exists and has not joined another one.
Result<Idea> moderatableIdea(SQLite::Database& db, const std::string& ideaId) {
    std::optional<Idea> idea = ideaById(db, ideaId);
    if (!idea) return makeError(ErrorCode::NotFound, "no idea " + ideaId);
    if (mergedTarget(db, ideaId) != ideaId) return makeError(ErrorCode::NotFound, "idea " + ideaId + " was merged");
    return *idea;
}

}  // namespace

Result<void> KioskStore::hideIdea(const std::string& ideaId, HideReason reason, const std::string& note) {
    return impl_->writeTransaction<void>("hide idea", [&]() -> Result<void> {
        IdeaHidden payload{ideaId, reason, utf8::trim(note)};
        if (Result<void> valid = validateHide(payload); !valid) return valid;
        if (Result<Idea> idea = moderatableIdea(impl_->db, ideaId); !idea) return idea.error();
        Result<Event> event = impl_->record(kEventIdeaHidden, encodePayload(payload));
        if (!event) return event.error();
        return {};
    });
}

Result<Idea> KioskStore::correctIdea(const std::string& ideaId, const std::string& title, const std::string& body) {
    return impl_->writeTransaction<Idea>("correct idea", [&]() -> Result<Idea> {
        IdeaDraft draft;
        draft.themeChosen = true;
        draft.title = utf8::trim(title);
        draft.body = utf8::trim(body);
        // The same rules as for the resident's own text: a correction is no way round them.
        for (const IdeaIssue& issue : validateIdea(draft))
            if (issue.field == IdeaField::Title || issue.field == IdeaField::Body)
                return makeError(ErrorCode::InvalidInput, std::string(fieldName(issue.field)) + " " + problemName(issue.problem));
        if (Result<Idea> idea = moderatableIdea(impl_->db, ideaId); !idea) return idea.error();
        IdeaCorrected payload{ideaId, draft.title, draft.body};
        Result<Event> event = impl_->record(kEventIdeaCorrected, encodePayload(payload));
        if (!event) return event.error();
        return *ideaById(impl_->db, ideaId);
    });
}

Result<Idea> KioskStore::mergeIdea(const std::string& fromId, const std::string& intoId) {
    return impl_->writeTransaction<Idea>("merge ideas", [&]() -> Result<Idea> {
        if (fromId == intoId) return makeError(ErrorCode::InvalidInput, "an idea cannot be merged into itself");
        if (Result<Idea> from = moderatableIdea(impl_->db, fromId); !from) return from.error();
        Result<Idea> into = moderatableIdea(impl_->db, intoId);
        if (!into) return into.error();
        // Residents must be able to find what the duplicate's code leads to.
        if (into->status != IdeaStatus::Approved) return makeError(ErrorCode::InvalidInput, "merge only into an approved idea");
        IdeaMerged payload{fromId, intoId};
        Result<Event> event = impl_->record(kEventIdeaMerged, encodePayload(payload));
        if (!event) return event.error();
        return *ideaById(impl_->db, intoId);
    });
}

Result<void> KioskStore::classifyIdea(const std::string& ideaId, const Classification& classification) {
    return impl_->writeTransaction<void>("classify idea", [&]() -> Result<void> {
        IdeaClassified payload{ideaId, classification};
        Classification& c = payload.classification;
        c.feasibility = utf8::trim(c.feasibility);
        std::vector<Partner> ordered;  // in list order, each once
        for (Partner p : kAllPartners)
            if (std::find(c.partners.begin(), c.partners.end(), p) != c.partners.end()) ordered.push_back(p);
        c.partners = std::move(ordered);
        if (Result<void> valid = validateClassification(c); !valid) return valid;
        if (Result<Idea> idea = moderatableIdea(impl_->db, ideaId); !idea) return idea.error();
        Result<Event> event = impl_->record(kEventIdeaClassified, encodePayload(payload));
        if (!event) return event.error();
        return {};
    });
}

std::vector<Idea> KioskStore::moderationQueue() const {
    return impl_->read<std::vector<Idea>>("read the moderation queue", {}, [&]() -> Result<std::vector<Idea>> {
        SQLite::Statement q(impl_->db,
                            "SELECT " IDEA_COLUMNS " "
                            "FROM ideas WHERE status = ? ORDER BY created_hlc, idea_id");
        q.bind(1, statusId(IdeaStatus::New));
        std::vector<Idea> ideas;
        while (q.executeStep()) ideas.push_back(ideaFromRow(q));
        return ideas;
    });
}

std::optional<Idea> KioskStore::idea(const std::string& ideaId) const {
    return impl_->read<std::optional<Idea>>("read idea", std::nullopt,
                                            [&]() -> Result<std::optional<Idea>> { return ideaById(impl_->db, ideaId); });
}

ModerationRecord KioskStore::moderation(const std::string& ideaId) const {
    return impl_->read<ModerationRecord>("read moderation", {},
                                         [&]() -> Result<ModerationRecord> { return readModeration(impl_->db, ideaId); });
}

Result<void> KioskStore::giveMeetingNeed(const MeetingNeedDraft& draft) {
    return guarded<void>("give meeting need", [&]() -> Result<void> {
        MeetingNeedGiven payload;
        payload.need = normalisedMeetingNeed(draft);
        if (Result<void> valid = validateMeetingNeed(payload.need); !valid) return valid;
        return impl_->writeTransaction<void>("give meeting need", [&]() -> Result<void> {
            Result<Event> event = impl_->record(kEventMeetingNeedGiven, encodePayload(payload));
            if (!event) return event.error();
            return {};
        });
    });
}

Result<int> KioskStore::addDemoNeighbourhood() {
    return guarded<int>("add demo neighbourhood", [&]() -> Result<int> {
        const DemoNeighbourhood& demo = demoNeighbourhood();
        std::vector<IdeaDraft> drafts;
        drafts.reserve(demo.ideas.size());
        for (std::size_t i = 0; i < demo.ideas.size(); ++i) {
            Result<IdeaDraft> prepared = prepareDraft(demo.ideas[i]);
            if (!prepared) {
                return makeError(ErrorCode::InvalidInput,
                                 "demo idea " + std::to_string(i) + ": " + prepared.error().detail);
            }
            drafts.push_back(std::move(prepared).value());
        }
        for (std::size_t i = 0; i < demo.initiatives.size(); ++i) {
            if (Result<InitiativeDraft> prepared = prepareInitiative(demo.initiatives[i], kInitiativeDefaultMaximumCents);
                !prepared) {
                return makeError(ErrorCode::InvalidInput,
                                 "demo initiative " + std::to_string(i) + ": " + prepared.error().detail);
            }
        }
        return impl_->writeTransaction<int>("add demo neighbourhood", [&]() -> Result<int> {
            // Real data, even just a neighbourhood name or a maximum per initiative, is never
            // mixed with the demo.
            const bool named = impl_->db.execAndGet("SELECT COUNT(*) FROM neighbourhood").getInt() > 0;
            const bool maximumSet = impl_->db.execAndGet("SELECT COUNT(*) FROM initiative_maximum").getInt() > 0;
            if (impl_->countIdeas() > 0 || named || maximumSet) return 0;
            NeighbourhoodNamed naming;
            naming.name = demo.name;
            naming.demo = true;
            Result<Event> event = impl_->record(kEventNeighbourhoodNamed, encodePayload(naming));
            if (!event) return event.error();
            PlacesSet places;
            places.places = demo.places;
            places.map = demo.map;
            places.positions = demo.positions;
            Result<Event> placed = impl_->record(kEventPlacesSet, encodePayload(places));
            if (!placed) return placed.error();
            if (Result<void> key = impl_->makeDemoStaffKey(); !key) return key.error();
            int added = 0;
            // The initiatives first: the list shows the newest on top, so it opens with ideas, as
            // a real neighbourhood's list mostly will, and the initiatives follow.
            for (const InitiativeDraft& draft : demo.initiatives) {
                Result<Idea> initiative = impl_->addInitiative(draft, true);
                if (!initiative) return initiative.error();
                ++added;
            }
            for (const IdeaDraft& draft : drafts) {
                Result<Idea> idea = impl_->addIdea(draft, true);
                if (!idea) return idea.error();
                ++added;
            }
            // Last, a few that still wait for a facilitator, so the moderation queue shows something.
            for (const InitiativeDraft& draft : demo.waitingInitiatives) {
                Result<Idea> initiative = impl_->addInitiative(draft, true, true);
                if (!initiative) return initiative.error();
                ++added;
            }
            for (const IdeaDraft& draft : demo.waitingIdeas) {
                Result<Idea> idea = impl_->addIdea(draft, true, true);
                if (!idea) return idea.error();
                ++added;
            }
            return added;
        });
    });
}

Result<void> KioskStore::setNeighbourhoodName(const std::string& name) {
    return guarded<void>("name the neighbourhood", [&]() -> Result<void> {
        if (Result<void> valid = validateNeighbourhoodName(name); !valid) return valid;
        NeighbourhoodNamed payload;
        payload.name = utf8::trim(name);
        return impl_->writeTransaction<void>("name the neighbourhood", [&]() -> Result<void> {
            Result<Event> event = impl_->record(kEventNeighbourhoodNamed, encodePayload(payload));
            if (!event) return event.error();
            return {};
        });
    });
}

std::optional<KioskPreferences> KioskStore::kioskPreferences() const {
    return impl_->read<std::optional<KioskPreferences>>("read kiosk settings", std::nullopt,
                                                       [&]() -> Result<std::optional<KioskPreferences>> {
                                                           return readKioskPreferences(impl_->db);
                                                       });
}

Result<void> KioskStore::setKioskPreferences(const KioskPreferences& preferences) {
    Result<KioskPreferences> valid = validatePreferences(preferences);
    if (!valid) return valid.error();
    return impl_->writeTransaction<void>("store kiosk settings", [&]() -> Result<void> {
        writeKioskPreferences(impl_->db, *valid, impl_->nowMs());
        return {};
    });
}

Result<void> KioskStore::setPlaces(const std::vector<std::string>& places) {
    return guarded<void>("set places", [&]() -> Result<void> {
        PlacesSet payload;
        for (const std::string& place : places) {
            std::string trimmed = utf8::trim(place);
            if (!utf8::isValid(trimmed)) return makeError(ErrorCode::InvalidInput, "a place name is not valid text");
            payload.places.push_back(std::move(trimmed));
        }
        // The same checks the apply makes, before anything is written.
        if (Result<PlacesSet> valid = decodePlacesSet(encodePayload(payload)); !valid) return valid.error();
        return impl_->writeTransaction<void>("set places", [&]() -> Result<void> {
            Result<Event> event = impl_->record(kEventPlacesSet, encodePayload(payload));
            if (!event) return event.error();
            return {};
        });
    });
}

Result<void> KioskStore::setPlacesOnMap(const std::vector<Place>& places, const std::string& mapImage) {
    return guarded<void>("set places on the map", [&]() -> Result<void> {
        PlacesSet payload;
        payload.map = mapImage;
        for (const Place& place : places) {
            std::string trimmed = utf8::trim(place.name);
            if (!utf8::isValid(trimmed)) return makeError(ErrorCode::InvalidInput, "a place name is not valid text");
            if (place.onMap) payload.positions.push_back({trimmed, *place.onMap});
            payload.places.push_back(std::move(trimmed));
        }
        // The same checks the apply makes, before anything is written.
        if (Result<PlacesSet> valid = decodePlacesSet(encodePayload(payload)); !valid) return valid.error();
        return impl_->writeTransaction<void>("set places on the map", [&]() -> Result<void> {
            Result<Event> event = impl_->record(kEventPlacesSet, encodePayload(payload));
            if (!event) return event.error();
            return {};
        });
    });
}

Result<bool> KioskStore::addDemoStaffKey() {
    return impl_->writeTransaction<bool>("add demo staff key", [&]() -> Result<bool> {
        if (impl_->readStaffKey()) return false;
        if (Result<void> key = impl_->makeDemoStaffKey(); !key) return key.error();
        return true;
    });
}

Result<void> KioskStore::setStaffPublicKey(const StaffKey& publicKey) {
    return impl_->writeTransaction<void>("set staff key", [&]() -> Result<void> {
        impl_->storeStaffKey(publicKey);
        return {};
    });
}

// [SECTION] Facilitators

namespace {

// The Argon2id string of a PIN (libsodium's interactive limits: about 64 MiB and a fraction of a
// second, once per PIN typed: slow for a guesser with a copy of the file, fine at the kiosk).
Result<std::string> hashPin(std::string_view pin) {
    char hashed[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hashed, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return makeError(ErrorCode::StorageFailure, "not enough memory to protect the PIN");
    return std::string(hashed);
}

bool pinMatches(const std::string& hashed, std::string_view pin) {
    return crypto_pwhash_str_verify(hashed.c_str(), pin.data(), pin.size()) == 0;
}

struct StoredFacilitator {
    std::string label;
    std::string pinHash;
};

std::vector<StoredFacilitator> readFacilitators(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT label, pin_hash FROM facilitators ORDER BY created_ms, label");
    std::vector<StoredFacilitator> all;
    while (q.executeStep()) all.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
    return all;
}

}  // namespace

bool KioskStore::hasFacilitator() const { return !facilitatorLabels().empty(); }

std::vector<std::string> KioskStore::facilitatorLabels() const {
    return impl_->read<std::vector<std::string>>("read facilitators", {}, [&]() -> Result<std::vector<std::string>> {
        std::vector<std::string> labels;
        for (StoredFacilitator& f : readFacilitators(impl_->db)) labels.push_back(std::move(f.label));
        return labels;
    });
}

Result<void> KioskStore::addFacilitator(const std::string& label, std::string_view pin) {
    const std::string name = utf8::trim(label);
    if (Result<void> valid = validateFacilitatorLabel(name); !valid) return valid.error();
    if (checkNewPin(pin) != PinProblem::None)
        return makeError(ErrorCode::InvalidInput, "a PIN has 6 to 12 digits and is not one digit repeated or a run");
    return guarded<void>("add facilitator", [&]() -> Result<void> {
        // Each PIN opens one facilitator's screens, so it says who did what: no two alike.
        for (const StoredFacilitator& other : readFacilitators(impl_->db)) {
            if (other.label == name) return makeError(ErrorCode::InvalidInput, "there is already a facilitator called " + name);
            if (pinMatches(other.pinHash, pin)) return makeError(ErrorCode::InvalidInput, "another facilitator has this PIN");
        }
        Result<std::string> hashed = hashPin(pin);
        if (!hashed) return hashed.error();
        return impl_->writeTransaction<void>("add facilitator", [&]() -> Result<void> {
            SQLite::Statement insert(impl_->db, "INSERT INTO facilitators (label, pin_hash, created_ms) VALUES (?, ?, ?)");
            insert.bind(1, name);
            insert.bind(2, *hashed);
            insert.bind(3, static_cast<std::int64_t>(impl_->nowMs()));
            insert.exec();
            return {};
        });
    });
}

Result<void> KioskStore::changeFacilitatorPin(const std::string& label, std::string_view oldPin, std::string_view newPin) {
    if (checkNewPin(newPin) != PinProblem::None)
        return makeError(ErrorCode::InvalidInput, "a PIN has 6 to 12 digits and is not one digit repeated or a run");
    return guarded<void>("change facilitator PIN", [&]() -> Result<void> {
        bool found = false;
        for (const StoredFacilitator& facilitator : readFacilitators(impl_->db)) {
            if (facilitator.label == label) {
                found = true;
                if (!pinMatches(facilitator.pinHash, oldPin)) return makeError(ErrorCode::InvalidInput, "the old PIN is wrong");
            } else if (pinMatches(facilitator.pinHash, newPin)) {
                return makeError(ErrorCode::InvalidInput, "another facilitator has this PIN");
            }
        }
        if (!found) return makeError(ErrorCode::NotFound, "there is no facilitator called " + label);
        Result<std::string> hashed = hashPin(newPin);
        if (!hashed) return hashed.error();
        return impl_->writeTransaction<void>("change facilitator PIN", [&]() -> Result<void> {
            SQLite::Statement update(impl_->db, "UPDATE facilitators SET pin_hash = ? WHERE label = ?");
            update.bind(1, *hashed);
            update.bind(2, label);
            update.exec();
            return {};
        });
    });
}

std::uint64_t KioskStore::pinWait() const {
    return impl_->read<std::uint64_t>("read PIN attempts", 0, [&]() -> Result<std::uint64_t> {
        SQLite::Statement q(impl_->db, "SELECT failures, last_ms FROM pin_attempts WHERE id = 1");
        if (!q.executeStep()) return std::uint64_t{0};
        return pinWaitMs(q.getColumn(0).getInt(), static_cast<std::uint64_t>(q.getColumn(1).getInt64()), impl_->nowMs());
    });
}

KioskStore::PinAttempt KioskStore::tryPin(std::string_view pin) {
    PinAttempt attempt;
    attempt.waitMs = pinWait();
    if (const std::optional<Error> error = lastReadError()) {
        attempt.outcome = PinOutcome::StorageProblem;
        return attempt;
    }
    if (attempt.waitMs > 0) {
        attempt.outcome = PinOutcome::Wait;
        return attempt;
    }
    const std::vector<StoredFacilitator> facilitators =
        impl_->read<std::vector<StoredFacilitator>>("read facilitators", {}, [&]() -> Result<std::vector<StoredFacilitator>> {
            return readFacilitators(impl_->db);
        });
    if (facilitators.empty()) {
        attempt.outcome = lastReadError() ? PinOutcome::StorageProblem : PinOutcome::NoFacilitator;
        return attempt;
    }
    for (const StoredFacilitator& facilitator : facilitators)
        if (pinMatches(facilitator.pinHash, pin)) {
            attempt.outcome = PinOutcome::Unlocked;
            attempt.label = facilitator.label;
            break;
        }
    // The count is written whether the PIN was right or wrong; a kiosk that cannot write it
    // opens nothing, so a full disk never turns off the wait.
    const Result<void> written = impl_->writeTransaction<void>("record PIN attempt", [&]() -> Result<void> {
        if (attempt.outcome == PinOutcome::Unlocked) {
            impl_->db.exec("DELETE FROM pin_attempts");
            return {};
        }
        SQLite::Statement record(impl_->db,
                                 "INSERT INTO pin_attempts (id, failures, last_ms) VALUES (1, 1, ?) "
                                 "ON CONFLICT (id) DO UPDATE SET failures = failures + 1, last_ms = excluded.last_ms");
        record.bind(1, static_cast<std::int64_t>(impl_->nowMs()));
        record.exec();
        return {};
    });
    if (!written) {
        attempt.outcome = PinOutcome::StorageProblem;
        attempt.label.clear();
        return attempt;
    }
    if (attempt.outcome != PinOutcome::Unlocked) {
        attempt.outcome = PinOutcome::Wrong;
        attempt.waitMs = pinWait();
    }
    return attempt;
}

Result<std::string> KioskStore::addDemoFacilitator() {
    if (hasFacilitator()) return std::string();
    // A PIN of its own for every demo kiosk, never a default one; on disk it is written beside
    // the database for whoever set the demo up.
    std::string pin;
    do {
        pin.clear();
        for (int i = 0; i < 6; ++i) pin += static_cast<char>('0' + randombytes_uniform(10));
    } while (checkNewPin(pin) != PinProblem::None);
    if (Result<void> added = addFacilitator("Demo", pin); !added) return added.error();
    if (!impl_->databaseFile.empty()) {
        const std::string text = "Demo facilitator PIN (a long press in the top left corner opens the facilitator screens): " +
                                 pin + "\n";
        const std::span<const unsigned char> bytes(reinterpret_cast<const unsigned char*>(text.data()), text.size());
        if (Result<void> written = Impl::writeSecretKeyFile(impl_->databaseFile.parent_path() / kDemoFacilitatorPinFileName, bytes);
            !written)
            return written.error();
    }
    return pin;
}

Result<void> KioskStore::rebuildReadTables() {
    return impl_->writeTransaction<void>("rebuild read tables", [&]() -> Result<void> {
        StatementCache sql(impl_->db);
        return impl_->rebuildInTransaction(sql);
    });
}

// [SECTION] Budget rounds

Result<BudgetRound> KioskStore::saveRound(BudgetRound round) {
    return guarded<BudgetRound>("save round", [&]() -> Result<BudgetRound> {
        round.name = utf8::trim(round.name);
        if (round.id.empty()) round.id = newUuid();
        if (Result<void> valid = validateRound(round); !valid) return valid.error();
        return impl_->writeTransaction<BudgetRound>("save round", [&]() -> Result<BudgetRound> {
            // Once residents voted, the ballot they saw must stay the ballot that is counted; only
            // the end of the voting window may move.
            const std::optional<BudgetRound> before = readRound(impl_->db, round.id);
            round.phases = before ? before->phases : RoundPhases{};  // set by changeRoundPhase only
            if (countBallots(impl_->db, round.id) > 0 || hasPaperEntries(impl_->db, round.id)) {
                if (!before || !onlyClosingDiffers(*before, round))
                    return makeError(ErrorCode::InvalidInput,
                                     "round " + round.id + " already has ballots: only its closing time can change");
            }
            SQLite::Statement hasKey(impl_->db, "SELECT 1 FROM round_code_keys WHERE round_id = ?");
            hasKey.bind(1, round.id);
            if (!hasKey.executeStep()) {
                Result<VotingCodeKey> key = makeVotingCodeKey();
                if (!key) return key.error();
                SQLite::Statement store(impl_->db, "INSERT INTO round_code_keys (round_id, code_key) VALUES (?, ?)");
                store.bind(1, round.id);
                store.bind(2, key->data(), static_cast<int>(key->size()));
                store.exec();
            }
            RoundSaved payload;
            payload.round = round;
            Result<Event> event = impl_->record(kEventRoundSaved, encodePayload(payload));
            if (!event) return event.error();
            return round;
        });
    });
}

std::vector<BudgetRound> KioskStore::rounds() const {
    return impl_->read<std::vector<BudgetRound>>("read rounds", {}, [&]() -> Result<std::vector<BudgetRound>> {
        return readRounds(impl_->db);
    });
}

std::optional<BudgetRound> KioskStore::round(const std::string& roundId) const {
    return impl_->read<std::optional<BudgetRound>>("read round", std::nullopt, [&]() -> Result<std::optional<BudgetRound>> {
        return readRound(impl_->db, roundId);
    });
}

std::vector<BudgetRound> KioskStore::openRounds() const {
    std::vector<BudgetRound> open = rounds();
    const std::uint64_t now = impl_->nowMs();
    std::erase_if(open, [now](const BudgetRound& r) { return now < r.opensMs || now >= r.closesMs; });
    return open;
}

namespace {

std::optional<VotingCodeKey> roundCodeKey(SQLite::Database& db, const std::string& roundId) {
    SQLite::Statement q(db, "SELECT code_key FROM round_code_keys WHERE round_id = ?");
    q.bind(1, roundId);
    if (!q.executeStep()) return std::nullopt;
    const SQLite::Column column = q.getColumn(0);
    if (column.getBytes() != static_cast<int>(kVotingCodeKeyBytes)) return std::nullopt;
    VotingCodeKey key{};
    std::memcpy(key.data(), column.getBlob(), key.size());
    return key;
}

}  // namespace

Result<std::vector<std::string>> KioskStore::issueVotingCodes(const std::string& roundId, std::size_t count) {
    return impl_->writeTransaction<std::vector<std::string>>("issue voting codes", [&]() -> Result<std::vector<std::string>> {
        const std::optional<BudgetRound> r = readRound(impl_->db, roundId);
        if (!r) return makeError(ErrorCode::NotFound, "no round " + roundId);
        if (r->eligibility != Eligibility::VotingCodes)
            return makeError(ErrorCode::InvalidInput, "round " + roundId + " is voted at an evening, without codes");
        const std::optional<VotingCodeKey> key = roundCodeKey(impl_->db, roundId);
        if (!key) return makeError(ErrorCode::NotFound, "this kiosk has no code key for round " + roundId);
        Result<VotingCodeBatch> batch = makeVotingCodeBatch(count, *key);
        if (!batch) return batch.error();
        VotingCodesIssued payload;
        payload.roundId = roundId;
        payload.hashes = batch->hashes;
        Result<Event> event = impl_->record(kEventVotingCodesIssued, encodePayload(payload));
        if (!event) return event.error();
        return std::move(batch->codes);
    });
}

KioskStore::CodeState KioskStore::votingCodeState(const std::string& roundId, std::string_view typedCode) const {
    return impl_->read<CodeState>("check voting code", CodeState::Unknown, [&]() -> Result<CodeState> {
        const std::string canonical = normaliseVotingCode(typedCode);
        if (canonical.empty()) return CodeState::NotACode;
        const std::optional<VotingCodeKey> key = roundCodeKey(impl_->db, roundId);
        if (!key) return CodeState::Unknown;
        const std::optional<std::string> status = codeStatus(impl_->db, roundId, votingCodeHash(*key, canonical));
        if (!status) return CodeState::Unknown;
        if (*status == "used") return CodeState::Used;
        if (*status == "voided") return CodeState::Voided;
        return CodeState::Valid;
    });
}

KioskStore::CodeCounts KioskStore::votingCodeCounts(const std::string& roundId) const {
    return impl_->read<CodeCounts>("count voting codes", {}, [&]() -> Result<CodeCounts> {
        const CodeStatusCounts byStatus = countCodesByStatus(impl_->db, roundId);
        return CodeCounts{byStatus.issued + byStatus.used + byStatus.voided, byStatus.used, byStatus.voided};
    });
}

Result<void> KioskStore::voidVotingCode(const std::string& roundId, std::string_view typedCode) {
    return impl_->writeTransaction<void>("void voting code", [&]() -> Result<void> {
        const std::string canonical = normaliseVotingCode(typedCode);
        const std::optional<VotingCodeKey> key = roundCodeKey(impl_->db, roundId);
        if (canonical.empty() || !key) return makeError(ErrorCode::NotFound, "not a code of round " + roundId);
        const std::string hash = votingCodeHash(*key, canonical);
        const std::optional<std::string> status = codeStatus(impl_->db, roundId, hash);
        if (!status) return makeError(ErrorCode::NotFound, "not a code of round " + roundId);
        if (*status != "issued") return makeError(ErrorCode::InvalidInput, "the code is already " + *status);
        VotingCodeVoided payload;
        payload.roundId = roundId;
        payload.hash = hash;
        Result<Event> event = impl_->record(kEventVotingCodeVoided, encodePayload(payload));
        if (!event) return event.error();
        return {};
    });
}

Result<std::string> KioskStore::castBallot(const std::string& roundId, const BallotDraft& ballot, std::string_view typedCode) {
    return impl_->writeTransaction<std::string>("cast ballot", [&]() -> Result<std::string> {
        const std::optional<BudgetRound> r = readRound(impl_->db, roundId);
        if (!r) return makeError(ErrorCode::NotFound, "no round " + roundId);
        const std::uint64_t now = impl_->nowMs();
        if (now < r->opensMs || now >= r->closesMs) return makeError(ErrorCode::InvalidInput, "round " + roundId + " is not open");
        if (Result<void> valid = validateBallot(*r, ballot); !valid) return valid.error();
        BallotCast payload;
        payload.roundId = roundId;
        if (r->eligibility == Eligibility::VotingCodes) {
            const std::string canonical = normaliseVotingCode(typedCode);
            const std::optional<VotingCodeKey> key = roundCodeKey(impl_->db, roundId);
            if (canonical.empty() || !key) return makeError(ErrorCode::InvalidInput, "not a voting code");
            payload.codeHash = votingCodeHash(*key, canonical);
            const std::optional<std::string> status = codeStatus(impl_->db, roundId, payload.codeHash);
            if (!status) return makeError(ErrorCode::InvalidInput, "unknown voting code");
            if (*status != "issued") return makeError(ErrorCode::InvalidInput, "the voting code is " + *status);
        } else if (!typedCode.empty()) {
            return makeError(ErrorCode::InvalidInput, "an evening's round takes no voting code");
        }
        payload.ballotId = newUuid();
        // A receipt no ballot of this round has yet.
        SQLite::Statement taken(impl_->db, "SELECT 1 FROM ballots WHERE round_id = ? AND receipt = ?");
        for (int attempt = 0; attempt < 8 && payload.receipt.empty(); ++attempt) {
            std::string receipt = formatReferenceCode(randomBytes<6>());
            taken.reset();
            taken.bind(1, roundId);
            taken.bind(2, receipt);
            if (!taken.executeStep()) payload.receipt = std::move(receipt);
        }
        if (payload.receipt.empty()) return makeError(ErrorCode::StorageFailure, "no unused receipt found");
        for (std::size_t i = 0; i < ballot.projects.size(); ++i) {
            payload.projectIds.push_back(r->projects[ballot.projects[i]].id);
            if (r->ballot == BallotType::Points) payload.points.push_back(ballot.points[i]);
        }
        Result<Event> event = impl_->record(kEventBallotCast, encodePayload(payload));
        if (!event) return event.error();
        return payload.receipt;
    });
}

std::int64_t KioskStore::ballotCount(const std::string& roundId) const {
    return impl_->read<std::int64_t>("count ballots", 0, [&]() -> Result<std::int64_t> {
        std::int64_t count = countBallots(impl_->db, roundId);
        if (const std::optional<BudgetRound> r = readRound(impl_->db, roundId))
            for (const PaperBatch& batch : readPaperBatches(impl_->db, *r))
                if (const std::vector<BallotDraft>* counted = batch.countedBallots()) count += static_cast<std::int64_t>(counted->size());
        return count;
    });
}

Result<BudgetRound> KioskStore::closeRound(const std::string& roundId) {
    return changeRoundPhase(roundId, PhaseChange::CloseVotingNow);
}

Result<BudgetRound> KioskStore::changeRoundPhase(const std::string& roundId, PhaseChange change) {
    return impl_->writeTransaction<BudgetRound>("change round phase", [&]() -> Result<BudgetRound> {
        const std::optional<BudgetRound> current = readRound(impl_->db, roundId);
        if (!current) return makeError(ErrorCode::NotFound, "no round " + roundId);
        Result<BudgetRound> changed = changePhase(*current, change, impl_->nowMs());
        if (!changed) return makeError(ErrorCode::InvalidInput, current->name + ": " + changed.error().detail);
        // The window moved (voting opens or ends now): what residents voted on stays as it was.
        if (changed->opensMs != current->opensMs || changed->closesMs != current->closesMs) {
            RoundSaved saved;
            saved.round = *changed;
            if (Result<Event> event = impl_->record(kEventRoundSaved, encodePayload(saved)); !event) return event.error();
        }
        if (changed->phases != current->phases) {
            RoundPhasesSet phases;
            phases.roundId = roundId;
            phases.phases = changed->phases;
            if (Result<Event> event = impl_->record(kEventRoundPhasesSet, encodePayload(phases)); !event) return event.error();
        }
        return changed;
    });
}

std::uint64_t KioskStore::clockMs() const { return impl_->nowMs(); }

std::vector<BudgetRound> KioskStore::closedRounds() const {
    std::vector<BudgetRound> closed = rounds();
    const std::uint64_t now = impl_->nowMs();
    std::erase_if(closed, [now](const BudgetRound& r) { return now < r.closesMs; });
    std::stable_sort(closed.begin(), closed.end(),
                     [](const BudgetRound& a, const BudgetRound& b) { return a.closesMs > b.closesMs; });
    return closed;
}

bool KioskStore::receiptCounted(const std::string& roundId, std::string_view typedReceipt) const {
    const std::string receipt = normaliseReferenceCode(typedReceipt);
    if (receipt.empty()) return false;
    return impl_->read<bool>("find receipt", false, [&]() -> Result<bool> {
        // A ballot whose code was also used at another kiosk counts only as the round's policy says.
        SQLite::Statement q(impl_->db,
                            "SELECT 1 FROM ballots WHERE round_id = ? AND receipt = ? "
                            "AND ballot_id NOT IN (SELECT ballot_id FROM uncounted_ballots)");
        q.bind(1, roundId);
        q.bind(2, receipt);
        return q.executeStep();
    });
}

std::vector<BallotDraft> KioskStore::roundBallots(const std::string& roundId, std::vector<bool>* onPaper) const {
    if (onPaper) onPaper->clear();
    std::vector<BallotDraft> drafts = impl_->read<std::vector<BallotDraft>>("read ballots", {}, [&]() -> Result<std::vector<BallotDraft>> {
        const std::optional<BudgetRound> r = readRound(impl_->db, roundId);
        std::vector<BallotDraft> drafts;
        if (!r) return drafts;
        std::vector<StoredBallot> rows = readBallots(impl_->db, roundId);
        // By receipt: random codes, so neither the order of voting nor a receipt links to a ballot
        // in a count or an export.
        std::sort(rows.begin(), rows.end(),
                  [](const StoredBallot& a, const StoredBallot& b) { return a.receipt < b.receipt; });
        for (const StoredBallot& stored : rows) {
            BallotDraft draft;
            for (std::size_t i = 0; i < stored.projectIds.size(); ++i) {
                const std::optional<std::size_t> index = r->projectIndex(stored.projectIds[i]);
                if (!index) continue;  // a project of another version of the round: not on this ballot
                draft.projects.push_back(static_cast<std::uint32_t>(*index));
                if (r->ballot == BallotType::Points) draft.points.push_back(stored.points[i]);
            }
            drafts.push_back(std::move(draft));
        }
        if (onPaper) onPaper->assign(drafts.size(), false);
        for (const PaperBatch& batch : readPaperBatches(impl_->db, *r)) {
            const std::vector<BallotDraft>* counted = batch.countedBallots();
            if (!counted) continue;
            drafts.insert(drafts.end(), counted->begin(), counted->end());
            if (onPaper) onPaper->resize(drafts.size(), true);
        }
        return drafts;
    });
    if (onPaper) onPaper->resize(drafts.size(), false);
    return drafts;
}

// [SECTION] Paper ballots

Result<PaperBatch> KioskStore::enterPaperBatch(const std::string& roundId, const std::string& batch, const std::string& facilitator,
                                               const std::vector<BallotDraft>& ballots, bool correction) {
    const std::string label = utf8::trim(batch);
    return impl_->writeTransaction<PaperBatch>("enter paper ballots", [&]() -> Result<PaperBatch> {
        const std::optional<BudgetRound> r = readRound(impl_->db, roundId);
        if (!r) return makeError(ErrorCode::NotFound, "no round " + roundId);
        if (impl_->nowMs() < r->opensMs) return makeError(ErrorCode::InvalidInput, "voting in " + r->name + " has not begun yet");
        if (facilitator.empty()) return makeError(ErrorCode::InvalidInput, "paper ballots are entered by a facilitator");
        if (Result<void> valid = validatePaperEntry(*r, label, ballots); !valid) return valid.error();
        const auto current = [&]() {
            std::vector<PaperBatch> all = readPaperBatches(impl_->db, *r);
            const auto found = std::find_if(all.begin(), all.end(), [&](const PaperBatch& b) { return b.label == label; });
            PaperBatch none;
            none.roundId = roundId;
            none.label = label;
            return found == all.end() ? none : *found;
        };
        const Result<int> entry = paperEntryNumber(current(), facilitator, correction);
        if (!entry) return entry.error();
        PaperBatchEntered payload;
        payload.roundId = roundId;
        payload.batch = label;
        payload.entry = *entry;
        payload.facilitator = facilitator;
        for (const BallotDraft& ballot : ballots) {
            std::vector<std::string> ids;
            for (std::uint32_t project : ballot.projects) ids.push_back(r->projects[project].id);
            payload.projects.push_back(std::move(ids));
            payload.points.push_back(r->ballot == BallotType::Points ? ballot.points : std::vector<int>{});
        }
        Result<Event> event = impl_->record(kEventPaperBatchEntered, encodePayload(payload));
        if (!event) return event.error();
        return current();
    });
}

std::vector<PaperBatch> KioskStore::paperBatches(const std::string& roundId) const {
    return impl_->read<std::vector<PaperBatch>>("read paper ballots", {}, [&]() -> Result<std::vector<PaperBatch>> {
        const std::optional<BudgetRound> r = readRound(impl_->db, roundId);
        if (!r) return std::vector<PaperBatch>{};
        return readPaperBatches(impl_->db, *r);
    });
}

namespace {

// Last spring's demo round: six projects, 40 residents voted, counted with Equal Shares. Each
// ballot pattern below is cast `times` times (indexes into the projects).
struct DemoBallots {
    std::vector<std::uint32_t> projects;
    int times;
};

}  // namespace

Result<void> KioskStore::addDemoClosedRound() {
    const std::uint64_t day = 86'400'000ULL;
    BudgetRound round;
    round.name = "Buurtbudget Kastanjebuurt voorjaar (voorbeeld)";
    round.budgetCents = 1'500'000;
    round.ballot = BallotType::Approval;
    round.limits.maxChoices = 3;
    round.opensMs = impl_->nowMs() - 40 * day;
    round.closesMs = impl_->nowMs() + day;  // closed below, once the demo ballots are in
    round.counting = CountingRule{"mes", "cost", "add1", false};
    round.projects = {
        {"bloemen", "Bloembakken op de Lindelaan", "Twintig bakken met vaste planten.", Theme::Green, 300'000, ""},
        {"trapveld", "Nieuwe doeltjes voor het trapveld", "Twee doeltjes en een net.", Theme::Play, 450'000, ""},
        {"buurtfeest", "Buurtfeest in september", "Tent, muziek en eten voor de hele buurt.", Theme::Meeting, 600'000, ""},
        {"afval", "Extra afvalbakken bij de school", "Vier bakken met een klep tegen meeuwen.", Theme::CleanSafe, 200'000, ""},
        {"drempel", "Verkeersdrempel Beukenstraat", "Een drempel bij de oversteek naar het park.", Theme::Traffic, 900'000, ""},
        {"zitplek", "Zitplek bij de bushalte", "Een bank met een afdak.", Theme::LivingWell, 350'000, ""},
    };
    const DemoBallots patterns[] = {{{4, 1}, 9},  {{4, 3}, 5}, {{0, 2, 5}, 6}, {{2, 0}, 5}, {{1, 3}, 4},
                                    {{5, 0, 3}, 4}, {{2}, 3},  {{4}, 2},      {{1, 4, 3}, 2}};
    Result<BudgetRound> saved = saveRound(round);
    if (!saved) return saved.error();
    std::size_t ballots = 0;
    for (const DemoBallots& pattern : patterns) ballots += static_cast<std::size_t>(pattern.times);
    Result<std::vector<std::string>> codes = issueVotingCodes(saved->id, ballots);
    if (!codes) return codes.error();
    std::size_t next = 0;
    for (const DemoBallots& pattern : patterns)
        for (int i = 0; i < pattern.times; ++i) {
            BallotDraft ballot;
            ballot.projects = pattern.projects;
            if (Result<std::string> cast = castBallot(saved->id, ballot, (*codes)[next++]); !cast) return cast.error();
        }
    if (Result<BudgetRound> closed = closeRound(saved->id); !closed) return closed.error();
    if (Result<BudgetRound> published = changeRoundPhase(saved->id, PhaseChange::PublishResults); !published)
        return published.error();
    return {};
}

Result<void> KioskStore::addDemoNextRound(std::uint64_t opensMs) {
    const std::uint64_t day = 86'400'000ULL;
    BudgetRound round;
    round.name = "Buurtbudget najaar (voorbeeld)";
    round.budgetCents = 1'000'000;
    round.ballot = BallotType::Budget;
    round.opensMs = opensMs + 14 * day;
    round.closesMs = round.opensMs + 30 * day;
    round.counting = CountingRule{"greedy", "cost", "none", false};
    round.projects = {
        {"buurtfeest", "Buurtfeest op het plein", "Muziek, tafels en een springkussen.", Theme::Meeting, 350'000, ""},
        {"bloembakken", "Bloembakken in de Lindestraat", "Tien bakken, door de buren verzorgd.", Theme::Green, 200'000, ""},
    };
    Result<BudgetRound> saved = saveRound(round);
    if (!saved) return saved.error();
    Result<BudgetRound> open = changeRoundPhase(saved->id, PhaseChange::OpenSubmissions);
    if (!open) return open.error();
    return {};
}

Result<std::vector<std::string>> KioskStore::addDemoRound() {
    if (!rounds().empty()) return std::vector<std::string>{};
    if (Result<void> closed = addDemoClosedRound(); !closed) return closed.error();
    const std::uint64_t day = 86'400'000ULL;
    BudgetRound round;
    round.name = "Buurtbudget Kastanjebuurt (voorbeeld)";
    round.budgetCents = 2'000'000;
    round.ballot = BallotType::Approval;
    round.limits.maxChoices = 3;
    round.opensMs = impl_->nowMs() - day;
    round.closesMs = impl_->nowMs() + 90 * day;
    round.counting = CountingRule{"mes", "cost", "add1", false};
    round.projects = {
        {"bankjes", "Bankjes rond de vijver", "Zes bankjes, twee met leuning.", Theme::Green, 900'000, ""},
        {"speeltuin", "Speeltuin Eikenlaan opknappen", "Nieuwe schommels en een zandbak met dak.", Theme::Play, 1'200'000, ""},
        {"licht", "Licht in het steegje", "Lampen in het steegje achter de winkels.", Theme::CleanSafe, 400'000, ""},
        {"moestuin", "Moestuinbakken voor de flats", "Bakken, aarde en gereedschap.", Theme::Green, 250'000, ""},
        {"repair", "Repair Café in de buurtkamer", "Gereedschap en koffie voor een jaar.", Theme::Meeting, 180'000, ""},
        {"fiets", "Fietsenstalling bij flat C", "Overdekt, voor 40 fietsen.", Theme::Traffic, 1'500'000, ""},
    };
    Result<BudgetRound> saved = saveRound(round);
    if (!saved) return saved.error();
    if (Result<void> next = addDemoNextRound(round.closesMs); !next) return next.error();
    Result<std::vector<std::string>> codes = issueVotingCodes(saved->id, 24);
    if (!codes) return codes.error();
    if (!impl_->databaseFile.empty()) {
        std::string text = "Demo voting codes for " + round.name + ", one vote each:\n";
        for (const std::string& code : *codes) text += code + "\n";
        const std::span<const unsigned char> bytes(reinterpret_cast<const unsigned char*>(text.data()), text.size());
        if (Result<void> written = Impl::writeSecretKeyFile(impl_->databaseFile.parent_path() / kDemoVotingCodesFileName, bytes);
            !written)
            return written.error();
    }
    return codes;
}

// [SECTION] Residents' evenings

Result<Evening> KioskStore::saveEvening(Evening evening) {
    return guarded<Evening>("save evening", [&]() -> Result<Evening> {
        evening = trimEvening(std::move(evening));
        if (evening.id.empty()) evening.id = newUuid();
        if (const std::vector<EveningIssue> issues = validateEvening(evening); !issues.empty())
            return makeError(ErrorCode::InvalidInput, describeIssues(issues));
        return impl_->writeTransaction<Evening>("save evening", [&]() -> Result<Evening> {
            Result<Event> event = impl_->record(kEventEveningSaved, encodePayload(EveningSaved{evening}));
            if (!event) return event.error();
            return evening;
        });
    });
}

std::vector<Evening> KioskStore::evenings() const {
    return impl_->read<std::vector<Evening>>("read evenings", {}, [&]() -> Result<std::vector<Evening>> { return readEvenings(impl_->db); });
}

std::optional<EveningSummary> KioskStore::eveningSummary(const std::string& eveningId) const {
    return impl_->read<std::optional<EveningSummary>>("read evening", std::nullopt, [&]() -> Result<std::optional<EveningSummary>> {
        return readEveningSummary(impl_->db, eveningId);
    });
}

std::optional<std::string> KioskStore::currentEveningId() const {
    const std::vector<Evening> all = evenings();
    if (all.empty()) return std::nullopt;
    const std::string today = formatIsoDate(localDate(impl_->nowMs()));
    // By day: today's first, else the first to come, else the last held.
    for (const Evening& e : all)
        if (formatIsoDate(e.date) >= today) return e.id;
    return all.back().id;
}

Result<void> KioskStore::checkIn(const std::string& eveningId, const CheckIn& given) {
    return guarded<void>("check in", [&]() -> Result<void> {
        CheckIn checkIn{utf8::trim(given.street), utf8::trim(given.postcode)};
        if (Result<void> valid = validateCheckIn(checkIn); !valid) return valid;
        return impl_->writeTransaction<void>("check in", [&]() -> Result<void> {
            if (!readEvening(impl_->db, eveningId)) return makeError(ErrorCode::NotFound, "no evening " + eveningId);
            Result<Event> event = impl_->record(kEventEveningCheckedIn, encodePayload(EveningCheckedIn{eveningId, checkIn}));
            if (!event) return event.error();
            return {};
        });
    });
}

Result<void> KioskStore::startAgendaItem(const std::string& eveningId, std::size_t item) {
    return impl_->writeTransaction<void>("start agenda item", [&]() -> Result<void> {
        const std::optional<Evening> evening = readEvening(impl_->db, eveningId);
        if (!evening) return makeError(ErrorCode::NotFound, "no evening " + eveningId);
        if (item >= evening->agenda.size()) return makeError(ErrorCode::NotFound, "the evening has no agenda item " + std::to_string(item + 1));
        EveningItemStarted payload{eveningId, static_cast<std::int64_t>(item), static_cast<std::int64_t>(impl_->nowMs())};
        Result<Event> event = impl_->record(kEventEveningItemStarted, encodePayload(payload));
        if (!event) return event.error();
        return {};
    });
}

Result<DotVote> KioskStore::openDotVote(const std::string& eveningId, const std::string& question, const std::vector<std::string>& options) {
    return guarded<DotVote>("open dot vote", [&]() -> Result<DotVote> {
        DotVoteOpened payload;
        payload.eveningId = eveningId;
        payload.voteId = newUuid();
        payload.question = utf8::trim(question);
        for (const std::string& option : options) payload.options.push_back(utf8::trim(option));
        if (const std::vector<EveningIssue> issues = validateDotVote(payload.question, payload.options); !issues.empty())
            return makeError(ErrorCode::InvalidInput, describeIssues(issues));
        return impl_->writeTransaction<DotVote>("open dot vote", [&]() -> Result<DotVote> {
            const std::optional<EveningSummary> evening = readEveningSummary(impl_->db, eveningId);
            if (!evening) return makeError(ErrorCode::NotFound, "no evening " + eveningId);
            if (const DotVote* open = evening->openDotVote()) {
                Result<Event> closed = impl_->record(kEventDotVoteClosed, encodePayload(DotVoteClosed{open->id}));
                if (!closed) return closed.error();
            }
            Result<Event> event = impl_->record(kEventDotVoteOpened, encodePayload(payload));
            if (!event) return event.error();
            std::optional<DotVote> vote = readDotVote(impl_->db, payload.voteId);
            if (!vote) return makeError(ErrorCode::StorageFailure, "dot vote " + payload.voteId + " was not applied");
            return *vote;
        });
    });
}

Result<void> KioskStore::giveDot(const std::string& voteId, std::size_t option) {
    return impl_->writeTransaction<void>("give dot", [&]() -> Result<void> {
        const std::optional<DotVote> vote = readDotVote(impl_->db, voteId);
        if (!vote || option >= vote->options.size()) return makeError(ErrorCode::NotFound, "no dot vote " + voteId + " with that option");
        if (!vote->open) return makeError(ErrorCode::InvalidInput, "dot vote " + voteId + " is closed");
        Result<Event> event = impl_->record(kEventDotGiven, encodePayload(DotGiven{voteId, static_cast<std::int64_t>(option)}));
        if (!event) return event.error();
        return {};
    });
}

Result<void> KioskStore::closeDotVote(const std::string& voteId) {
    return impl_->writeTransaction<void>("close dot vote", [&]() -> Result<void> {
        const std::optional<DotVote> vote = readDotVote(impl_->db, voteId);
        if (!vote) return makeError(ErrorCode::NotFound, "no dot vote " + voteId);
        if (!vote->open) return makeError(ErrorCode::InvalidInput, "dot vote " + voteId + " is already closed");
        Result<Event> event = impl_->record(kEventDotVoteClosed, encodePayload(DotVoteClosed{voteId}));
        if (!event) return event.error();
        return {};
    });
}

Result<Minutes> KioskStore::saveMinutes(const std::string& eveningId, Minutes minutes) {
    return guarded<Minutes>("save minutes", [&]() -> Result<Minutes> {
        for (Decision& d : minutes.decisions) d.text = utf8::trim(d.text);
        for (ActionItem& a : minutes.actions) {
            a.who = utf8::trim(a.who);
            a.what = utf8::trim(a.what);
        }
        if (minutes.next) minutes.next->place = utf8::trim(minutes.next->place);
        if (const std::vector<EveningIssue> issues = validateMinutes(minutes); !issues.empty())
            return makeError(ErrorCode::InvalidInput, describeIssues(issues));
        return impl_->writeTransaction<Minutes>("save minutes", [&]() -> Result<Minutes> {
            if (!readEvening(impl_->db, eveningId)) return makeError(ErrorCode::NotFound, "no evening " + eveningId);
            Result<Event> event = impl_->record(kEventMinutesSaved, encodePayload(MinutesSaved{eveningId, minutes}));
            if (!event) return event.error();
            return minutes;
        });
    });
}

Result<std::string> KioskStore::addDemoEvening() {
    if (!evenings().empty()) return std::string();
    Evening evening;
    evening.title = "Bewonersavond Kastanjebuurt";
    evening.date = localDate(impl_->nowMs());
    evening.startMinute = 19 * 60 + 30;
    evening.place = "Buurtkamer, Kastanjeplein 4";
    evening.agenda = {
        {"Welkom en koffie", 10},
        {"Uitslag van de begroting", 20},
        {"Ideeën uit de buurt", 30},
        {"Stippenstem: wat pakken we eerst aan?", 20},
        {"Rondvraag en afsluiting", 15},
    };
    Result<Evening> saved = saveEvening(evening);
    if (!saved) return saved.error();
    return saved->id;
}

// [SECTION] Audit log

Result<AuditEntry> KioskStore::appendAudit(const AuditDraft& draft) {
    if (Result<void> valid = validateAuditDraft(draft); !valid) return valid.error();
    return impl_->writeTransaction<AuditEntry>("append to the audit log", [&]() -> Result<AuditEntry> {
        return appendAuditEntry(impl_->db, draft, impl_->nowMs());
    });
}

Result<void> KioskStore::inOneTransaction(std::string_view what, const std::function<Result<void>()>& body) {
    const HlcClock clockBefore = impl_->clock;
    Result<void> done = impl_->writeTransaction<void>(what, body);
    if (!done) impl_->clock = clockBefore;  // the stamps it gave were rolled back with their events
    return done;
}

std::vector<AuditEntry> KioskStore::auditLog(std::size_t newestCount) const {
    return impl_->read<std::vector<AuditEntry>>("read the audit log", {}, [&]() -> Result<std::vector<AuditEntry>> {
        return readNewestAuditEntries(impl_->db, newestCount);
    });
}

AuditCheck KioskStore::checkAuditLog() const {
    AuditCheck unreadable;
    unreadable.ok = false;
    unreadable.reason = "the audit log could not be read";
    return impl_->read<AuditCheck>("check the audit log", unreadable,
                                   [&]() -> Result<AuditCheck> { return checkAuditChain(impl_->db); });
}

// [SECTION] Reads

std::vector<Idea> KioskStore::visibleIdeas() const {
    return impl_->read<std::vector<Idea>>("read visible ideas", {}, [&]() -> Result<std::vector<Idea>> {
        SQLite::Statement q(impl_->db,
                            "SELECT " IDEA_COLUMNS " "
                            "FROM ideas WHERE status = ? ORDER BY created_hlc DESC, idea_id DESC");
        // Only what a facilitator approved: new ideas wait for moderation, hidden ones stay hidden.
        q.bind(1, statusId(IdeaStatus::Approved));
        std::vector<Idea> ideas;
        while (q.executeStep()) ideas.push_back(ideaFromRow(q));
        return ideas;
    });
}

std::optional<Idea> KioskStore::ideaByReference(const std::string& reference) const {
    return impl_->read<std::optional<Idea>>("find idea by reference", std::nullopt,
                                            [&]() -> Result<std::optional<Idea>> {
        // Residents type references in any case, with or without the dash.
        const std::string canonical = normaliseReferenceCode(reference);
        if (canonical.empty()) return std::optional<Idea>();
        SQLite::Statement q(impl_->db,
                            "SELECT " IDEA_COLUMNS " "
                            "FROM ideas WHERE reference = ?");
        q.bind(1, canonical);
        if (!q.executeStep()) return std::optional<Idea>();
        // A merged idea's code leads to the idea it joined: that is where its supports went.
        const std::string found = q.getColumn(0).getString();
        const std::string target = mergedTarget(impl_->db, found);
        if (target != found) return ideaById(impl_->db, target);
        return std::optional<Idea>(ideaFromRow(q));
    });
}

std::optional<InitiativePlan> KioskStore::initiativePlan(const std::string& ideaId) const {
    return impl_->read<std::optional<InitiativePlan>>("read initiative plan", std::nullopt,
                                                      [&]() -> Result<std::optional<InitiativePlan>> {
        SQLite::Statement q(impl_->db,
                            "SELECT when_text, helpers, own_money_cents, own_in_kind FROM initiative_plans "
                            "WHERE idea_id = ?");
        q.bind(1, ideaId);
        if (!q.executeStep()) return std::optional<InitiativePlan>();
        InitiativePlan plan;
        plan.when = q.getColumn(0).getString();
        plan.helpers = q.getColumn(1).getInt();
        plan.ownMoneyCents = q.getColumn(2).getInt64();
        plan.ownInKind = q.getColumn(3).getString();

        SQLite::Statement choices(impl_->db, "SELECT grp, choice FROM initiative_choices WHERE idea_id = ?");
        choices.bind(1, ideaId);
        while (choices.executeStep()) {
            // toggle puts each in list order whatever order the rows come in; a row someone wrote
            // from the side with an unknown id is left out.
            const std::string group = choices.getColumn(0).getString();
            const std::string id = choices.getColumn(1).getString();
            if (group == "audience") {
                if (const std::optional<Audience> audience = audienceFromId(id); audience && !plan.has(*audience))
                    plan.toggle(*audience);
            } else if (group == "partner") {
                if (const std::optional<Partner> partner = partnerFromId(id); partner && !plan.has(*partner))
                    plan.toggle(*partner);
            }
        }

        SQLite::Statement lines(impl_->db,
                                "SELECT description, amount_cents FROM initiative_budget_lines WHERE idea_id = ? "
                                "ORDER BY position");
        lines.bind(1, ideaId);
        while (lines.executeStep()) plan.budget.push_back({lines.getColumn(0).getString(), lines.getColumn(1).getInt64()});
        return std::optional<InitiativePlan>(std::move(plan));
    });
}

std::int64_t KioskStore::initiativeMaximumCents() const {
    return impl_->read<std::int64_t>("read initiative maximum", kInitiativeDefaultMaximumCents,
                                     [&]() -> Result<std::int64_t> { return impl_->initiativeMaximum(); });
}

std::int64_t KioskStore::ideaCount() const {
    return impl_->read<std::int64_t>("count ideas", 0, [&]() -> Result<std::int64_t> { return impl_->countIdeas(); });
}

std::vector<std::string> KioskStore::places() const {
    return impl_->read<std::vector<std::string>>("read places", {}, [&]() -> Result<std::vector<std::string>> {
        SQLite::Statement q(impl_->db, "SELECT name FROM places ORDER BY position");
        std::vector<std::string> names;
        while (q.executeStep()) names.push_back(q.getColumn(0).getString());
        return names;
    });
}

std::vector<Place> KioskStore::placesWithPositions() const {
    return impl_->read<std::vector<Place>>("read places on the map", {}, [&]() -> Result<std::vector<Place>> {
        SQLite::Statement q(impl_->db, "SELECT name, map_x, map_y FROM places ORDER BY position");
        std::vector<Place> places;
        while (q.executeStep()) {
            Place place;
            place.name = q.getColumn(0).getString();
            if (!q.getColumn(1).isNull() && !q.getColumn(2).isNull())
                place.onMap = MapPoint{q.getColumn(1).getInt(), q.getColumn(2).getInt()};
            places.push_back(std::move(place));
        }
        return places;
    });
}

std::string KioskStore::mapImage() const {
    return impl_->read<std::string>("read the neighbourhood map", {}, [&]() -> Result<std::string> {
        SQLite::Statement q(impl_->db, "SELECT image FROM neighbourhood_map WHERE id = 1");
        if (!q.executeStep()) return std::string();
        return q.getColumn(0).getString();
    });
}

std::optional<StaffKey> KioskStore::staffPublicKey() const {
    return impl_->read<std::optional<StaffKey>>("read staff key", std::nullopt,
                                                 [&]() -> Result<std::optional<StaffKey>> { return impl_->readStaffKey(); });
}

std::string KioskStore::neighbourhoodName() const {
    return impl_->read<std::string>("read neighbourhood name", {}, [&]() -> Result<std::string> {
        SQLite::Statement q(impl_->db, "SELECT name FROM neighbourhood WHERE id = 1");
        if (!q.executeStep()) return std::string();
        return q.getColumn(0).getString();
    });
}

PulseSummary KioskStore::pulseSummary() const {
    return impl_->read<PulseSummary>("read pulse summary", {}, [&]() -> Result<PulseSummary> {
        // COUNT(column) and SUM(column) skip the NULLs of skipped lines; SUM of no rows is NULL.
        SQLite::Statement q(impl_->db,
                            "SELECT COUNT(*), "
                            "COUNT(meeting), COALESCE(SUM(meeting), 0), COUNT(care), COALESCE(SUM(care), 0), "
                            "COUNT(living_well), COALESCE(SUM(living_well), 0), COUNT(clean), COALESCE(SUM(clean), 0), "
                            "COUNT(safe), COALESCE(SUM(safe), 0) FROM pulse");
        PulseSummary summary;
        if (!q.executeStep()) return summary;
        summary.pulses = q.getColumn(0).getInt64();
        for (std::size_t i = 0; i < kPulseAspectCount; ++i) {
            const int column = 1 + 2 * static_cast<int>(i);
            summary.aspects[i].answers = q.getColumn(column).getInt64();
            summary.aspects[i].sum = q.getColumn(column + 1).getInt64();
        }
        return summary;
    });
}

namespace {

// The rows of a read table whose event was recorded at a kiosk of `neighbourhood`, as a condition
// on the table's event_uuid; "" matches every row. Bind the name to parameter `?1`.
std::string ofNeighbourhood(const std::string& neighbourhood, const char* table) {
    if (neighbourhood.empty()) return " WHERE ?1 = ''";
    return std::string(" WHERE ") + table +
           ".event_uuid IN (SELECT e.uuid FROM events e JOIN kiosk_neighbourhoods k ON k.kiosk_id = e.kiosk_id "
           "WHERE k.name = ?1)";
}

MeetingNeedSummary readMeetingNeedSummary(SQLite::Database& db, const std::string& neighbourhood) {
    MeetingNeedSummary summary;
    const std::string where = ofNeighbourhood(neighbourhood, "meeting_need");
    SQLite::Statement total(db, "SELECT COUNT(*) FROM meeting_need" + where);
    total.bind(1, neighbourhood);
    if (total.executeStep()) summary.needs = total.getColumn(0).getInt64();
    SQLite::Statement counts(db,
                             "SELECT c.grp, c.choice, COUNT(*) FROM meeting_need_choice c JOIN meeting_need "
                             "ON meeting_need.event_uuid = c.event_uuid" +
                                 where + " GROUP BY c.grp, c.choice");
    counts.bind(1, neighbourhood);
    while (counts.executeStep()) {
        // Every row came through decodeMeetingNeedGiven, so the ids are known; a row someone
        // wrote from the side with another id is left out rather than miscounted.
        const std::optional<NeedGroup> group = needGroupFromId(counts.getColumn(0).getString());
        if (!group) continue;
        const std::optional<std::size_t> option = needOptionIndex(*group, counts.getColumn(1).getString());
        if (!option) continue;
        summary.counts[needGroupIndex(*group)][*option] = counts.getColumn(2).getInt64();
    }
    SQLite::Statement notes(db,
                            "SELECT meeting_text, care_text, living_well_text FROM meeting_need" + where +
                                " ORDER BY created_hlc, event_uuid");
    notes.bind(1, neighbourhood);
    while (notes.executeStep()) {
        for (std::size_t i = 0; i < kNeedQuestions.size(); ++i) {
            std::string text = notes.getColumn(static_cast<int>(i)).getString();
            if (!text.empty()) summary.notes.push_back({kNeedQuestions[i], std::move(text)});
        }
    }
    return summary;
}

// What facilitators decided, from the idea_moderation columns read by MODERATION_COLUMNS at
// `first` (all NULL when the idea has no row); partners are added by the caller.
#define MODERATION_COLUMNS \
    "m.original_title, m.original_body, m.hidden_reason, m.hidden_note, m.merged_into, m.classified, m.dimension, " \
    "m.cost_cents, m.feasibility"
constexpr int kModerationColumnCount = 9;
ModerationRecord moderationFromRow(SQLite::Statement& row, int first, Theme theme) {
    ModerationRecord record;
    if (row.getColumn(first + 2).isNull()) return record;  // no row: nothing decided
    if (!row.getColumn(first).isNull()) record.originalTitle = row.getColumn(first).getString();
    if (!row.getColumn(first + 1).isNull()) record.originalBody = row.getColumn(first + 1).getString();
    record.hiddenReason = hideReasonFromId(row.getColumn(first + 2).getString());
    record.hiddenNote = row.getColumn(first + 3).getString();
    record.mergedInto = row.getColumn(first + 4).getString();
    if (row.getColumn(first + 5).getInt() != 0) {
        Classification c;
        c.theme = theme;
        c.dimension = dimensionFromId(row.getColumn(first + 6).getString());
        if (!row.getColumn(first + 7).isNull()) c.costCents = row.getColumn(first + 7).getInt64();
        c.feasibility = row.getColumn(first + 8).getString();
        record.classification = std::move(c);
    }
    return record;
}

// Submitted until a facilitator decided something about it: approved, hidden, merged or classified.
PipelineStage derivedStage(const Idea& idea, const ModerationRecord& moderation) {
    const bool decided = idea.status != IdeaStatus::New || moderation.hiddenReason || !moderation.mergedInto.empty() ||
                         moderation.classification.has_value();
    return decided ? PipelineStage::Reviewed : PipelineStage::Submitted;
}

}  // namespace

MeetingNeedSummary KioskStore::meetingNeedSummary() const { return meetingNeedSummary(std::string()); }

MeetingNeedSummary KioskStore::meetingNeedSummary(const std::string& neighbourhood) const {
    return impl_->read<MeetingNeedSummary>("read meeting need summary", {}, [&]() -> Result<MeetingNeedSummary> {
        return readMeetingNeedSummary(impl_->db, neighbourhood);
    });
}

// [SECTION] Staff: the initiative pipeline and the office's reads

Result<void> KioskStore::setInitiativeProgress(const InitiativeProgress& progress) {
    return impl_->writeTransaction<void>("set initiative progress", [&]() -> Result<void> {
        InitiativeProgress payload = progress;
        payload.note = utf8::trim(payload.note);
        payload.updatedMs = 0;
        if (const std::vector<ProgressProblem> problems = validateProgress(payload); !problems.empty())
            return makeError(ErrorCode::InvalidInput, describeProgressProblems(problems));
        const std::optional<Idea> idea = ideaById(impl_->db, payload.ideaId);
        if (!idea) return makeError(ErrorCode::NotFound, "no initiative " + payload.ideaId);
        if (idea->kind != IdeaKind::Initiative)
            return makeError(ErrorCode::NotFound, idea->reference + " is an idea, not an initiative");
        Result<Event> event = impl_->record(kEventInitiativeProgressSet, encodePayload(payload));
        if (!event) return event.error();
        return {};
    });
}

std::optional<InitiativeProgress> KioskStore::initiativeProgress(const std::string& ideaId) const {
    // The whole pipeline is a handful of queries; one initiative is not worth its own set.
    for (InitiativeRow& row : initiativePipeline())
        if (row.idea.id == ideaId) return std::move(row.progress);
    return std::nullopt;
}

std::vector<InitiativeRow> KioskStore::initiativePipeline() const {
    std::vector<InitiativeRow> rows;
    if (!eachInitiative([&rows](InitiativeRow& row) { rows.push_back(std::move(row)); })) return {};
    return rows;
}

bool KioskStore::eachInitiative(const std::function<void(InitiativeRow&)>& visit) const {
    return impl_->read<bool>("read the initiative pipeline", false, [&]() -> Result<bool> {
        SQLite::Database& db = impl_->db;
        // Every plan and what each initiative has several of, gathered first: the rows then go out
        // one by one, each finding its plan by a hash look-up (cheaper than a join that seeks it
        // in its table). The plans and the side tables all come in idea order, so the side tables
        // are walked alongside the plans, and an initiative's budget lines are one run in a list
        // shared by all (no list per initiative: 100,000 initiatives).
        struct Run {
            std::uint32_t first = 0;
            std::uint32_t count = 0;
        };
        // Choices as sets (a bit per kAllAudiences or kAllPartners index): the lists are kept in
        // that order without repeats, so the set says all there is to say.
        struct Plan {
            Run id, when, ownInKind;  // in texts
            int helpers = 0;
            std::int64_t ownMoneyCents = 0;
            Run budget;
            std::uint8_t audience = 0, partners = 0, classifiedPartners = 0;
        };
        struct Line {
            Run description;  // in texts
            std::int64_t amountCents = 0;
        };
        // Texts in one string, not a string each: less memory to fill (100,000 plans, 250,000 lines).
        std::string texts;
        std::vector<Plan> plans;
        std::vector<Line> budgetLines;
        const auto textOf = [&texts](Run run) { return std::string_view(texts).substr(run.first, run.count); };
        const auto runOf = [](const auto& list, Run run) { return std::span(list).subspan(run.first, run.count); };
        const auto appendText = [&texts](const SQLite::Column& column) {
            const std::string_view text = textView(column);
            const Run run{static_cast<std::uint32_t>(texts.size()), static_cast<std::uint32_t>(text.size())};
            texts += text;
            return run;
        };
        {
            const auto count = static_cast<std::size_t>(db.execAndGet("SELECT COUNT(*) FROM initiative_plans").getInt64());
            plans.reserve(count);
            texts.reserve(count * 160);  // an id, a few words of when and a few budget lines
            SQLite::Statement q(db, "SELECT idea_id, when_text, helpers, own_money_cents, own_in_kind FROM initiative_plans "
                                    "ORDER BY idea_id");
            while (q.executeStep()) {
                Plan& plan = plans.emplace_back();
                plan.id = appendText(q.getColumn(0));
                plan.when = appendText(q.getColumn(1));
                plan.helpers = q.getColumn(2).getInt();
                plan.ownMoneyCents = q.getColumn(3).getInt64();
                plan.ownInKind = appendText(q.getColumn(4));
            }
        }
        // A side table's rows, in idea order, each to the plan of its idea (rows of ideas without
        // a plan are passed over).
        const auto eachOfPlan = [&](SQLite::Statement& q, const auto& add) {
            std::size_t at = 0;
            while (q.executeStep()) {
                const std::string_view id = textView(q.getColumn(0));
                while (at < plans.size() && textOf(plans[at].id) < id) ++at;
                if (at < plans.size() && textOf(plans[at].id) == id) add(plans[at]);
            }
        };
        const auto bitOf = [](auto value, const auto& all) {
            return static_cast<std::uint8_t>(1u << (std::find(all.begin(), all.end(), value) - all.begin()));
        };
        static_assert(kAllAudiences.size() <= 8 && kAllPartners.size() <= 8);
        {
            // An unknown id someone wrote from the side is left out.
            SQLite::Statement q(db, "SELECT idea_id, grp, choice FROM initiative_choices ORDER BY idea_id");
            eachOfPlan(q, [&](Plan& plan) {
                const std::string_view group = textView(q.getColumn(1));
                const std::string_view id = textView(q.getColumn(2));
                if (group == "audience") {
                    if (const std::optional<Audience> a = audienceFromId(id)) plan.audience |= bitOf(*a, kAllAudiences);
                } else if (group == "partner") {
                    if (const std::optional<Partner> p = partnerFromId(id)) plan.partners |= bitOf(*p, kAllPartners);
                }
            });
        }
        {
            budgetLines.reserve(
                static_cast<std::size_t>(db.execAndGet("SELECT COUNT(*) FROM initiative_budget_lines").getInt64()));
            SQLite::Statement q(db, "SELECT idea_id, description, amount_cents FROM initiative_budget_lines "
                                    "ORDER BY idea_id, position");
            eachOfPlan(q, [&](Plan& plan) {
                if (plan.budget.count == 0) plan.budget.first = static_cast<std::uint32_t>(budgetLines.size());
                budgetLines.push_back({appendText(q.getColumn(1)), q.getColumn(2).getInt64()});
                ++plan.budget.count;
            });
        }
        {
            SQLite::Statement q(db, "SELECT idea_id, partner FROM idea_partners ORDER BY idea_id");
            eachOfPlan(q, [&](Plan& plan) {
                if (const std::optional<Partner> p = partnerFromId(textView(q.getColumn(1))))
                    plan.classifiedPartners |= bitOf(*p, kAllPartners);
            });
        }
        // The members of a set, in list order.
        const auto assignSet = [](auto& list, std::uint8_t set, const auto& all) {
            list.clear();
            for (std::size_t i = 0; i < all.size(); ++i)
                if (set & (1u << i)) list.push_back(all[i]);
        };
        // Made once `texts` no longer grows: the keys view into it.
        std::unordered_map<std::string_view, std::uint32_t> planOf;
        planOf.reserve(plans.size());
        for (std::size_t at = 0; at < plans.size(); ++at) planOf.emplace(textOf(plans[at].id), static_cast<std::uint32_t>(at));

        SQLite::Statement q(db,
                            "SELECT " IDEA_COLUMNS_OF_I ", " MODERATION_COLUMNS ", "
                            "pr.stage, pr.granted_cents, pr.spent_cents, pr.note, pr.hlc, "
                            "i.kiosk_id, COALESCE(k.name, ''), COALESCE(mi.reference, '') "
                            "FROM ideas i "
                            "LEFT JOIN idea_moderation m ON m.idea_id = i.idea_id "
                            "LEFT JOIN ideas mi ON mi.idea_id = m.merged_into "
                            "LEFT JOIN initiative_progress pr ON pr.idea_id = i.idea_id "
                            "LEFT JOIN kiosk_neighbourhoods k ON k.kiosk_id = i.kiosk_id "
                            "WHERE i.kind = 'initiative' ORDER BY i.created_hlc");
        // Ordered by created time alone: for the few rows that share one (kiosks' clocks can
        // agree), SQLite would pass every row through a sorter to order them by id. They are
        // gathered here instead, and go out in id order. The rows are filled again for each
        // initiative, every field: their strings keep their memory (100,000 rows are millions of
        // strings).
        std::vector<InitiativeRow> sameTime(1);
        std::size_t held = 0;
        std::int64_t heldTime = 0;
        std::vector<std::size_t> byId;
        const auto visitHeld = [&] {
            byId.resize(held);
            std::iota(byId.begin(), byId.end(), std::size_t{0});
            std::sort(byId.begin(), byId.end(),
                      [&](std::size_t a, std::size_t b) { return sameTime[a].idea.id < sameTime[b].idea.id; });
            for (std::size_t at : byId) visit(sameTime[at]);
            held = 0;
        };
        while (q.executeStep()) {
            const std::int64_t created = q.getColumn(5).getInt64();  // ideas.created_hlc
            if (held > 0 && created != heldTime) visitHeld();
            heldTime = created;
            if (held == sameTime.size()) sameTime.emplace_back();
            InitiativeRow& row = sameTime[held];
            readIdea(q, row.idea);
            const auto found = planOf.find(row.idea.id);
            if (found == planOf.end()) continue;  // an initiative without a plan is not listed
            const Plan& more = plans[found->second];
            int c = kIdeaColumnCount;
            row.moderation = moderationFromRow(q, c, row.idea.theme);
            c += kModerationColumnCount;
            InitiativePlan& plan = row.plan;
            plan.when.assign(textOf(more.when));
            assignSet(plan.audience, more.audience, kAllAudiences);
            plan.helpers = more.helpers;
            const std::span<const Line> budget = runOf(budgetLines, more.budget);
            plan.budget.resize(budget.size());
            for (std::size_t l = 0; l < budget.size(); ++l) {
                plan.budget[l].description.assign(textOf(budget[l].description));
                plan.budget[l].amountCents = budget[l].amountCents;
            }
            plan.ownMoneyCents = more.ownMoneyCents;
            plan.ownInKind.assign(textOf(more.ownInKind));
            assignSet(plan.partners, more.partners, kAllPartners);
            if (row.moderation.classification)
                assignSet(row.moderation.classification->partners, more.classifiedPartners, kAllPartners);
            InitiativeProgress& progress = row.progress;
            progress.ideaId = row.idea.id;
            const std::optional<PipelineStage> set =
                q.getColumn(c).isNull() ? std::nullopt : pipelineStageFromId(textView(q.getColumn(c)));
            if (set) {
                progress.stage = *set;
                progress.grantedCents = q.getColumn(c + 1).getInt64();
                progress.spentCents = q.getColumn(c + 2).getInt64();
                assignText(progress.note, q.getColumn(c + 3));
                progress.updatedMs = hlcFromColumn(q.getColumn(c + 4).getInt64()).wallMs();
            } else {
                progress.stage = derivedStage(row.idea, row.moderation);
                progress.grantedCents = 0;
                progress.spentCents = 0;
                progress.note.clear();
                progress.updatedMs = 0;
            }
            c += 5;
            assignText(row.kioskId, q.getColumn(c));
            assignText(row.neighbourhood, q.getColumn(c + 1));
            assignText(row.mergedIntoReference, q.getColumn(c + 2));
            ++held;
        }
        if (held > 0) visitHeld();
        return true;
    });
}

std::vector<Idea> KioskStore::allIdeas() const {
    return impl_->read<std::vector<Idea>>("read all ideas", {}, [&]() -> Result<std::vector<Idea>> {
        SQLite::Statement q(impl_->db, "SELECT " IDEA_COLUMNS " FROM ideas ORDER BY created_hlc, idea_id");
        std::vector<Idea> ideas;
        while (q.executeStep()) ideas.push_back(ideaFromRow(q));
        return ideas;
    });
}

std::vector<KioskStore::IdeaRow> KioskStore::ideaRows(std::vector<std::string>* sealedContacts) const {
    if (sealedContacts) sealedContacts->clear();
    std::vector<IdeaRow> rows;
    std::vector<std::string> sealed;
    const bool read = eachIdeaRow(
        [&](IdeaRow& row, std::string& sealedContact) {
            rows.push_back(std::move(row));
            if (sealedContacts) sealed.push_back(std::move(sealedContact));
        },
        sealedContacts != nullptr);
    if (!read) return {};
    if (sealedContacts) *sealedContacts = std::move(sealed);
    return rows;
}

bool KioskStore::eachIdeaRow(const std::function<void(IdeaRow&, std::string&)>& visit, bool withSealedContacts) const {
    return impl_->read<bool>("read ideas for staff", false, [&]() -> Result<bool> {
        SQLite::Database& db = impl_->db;
        // The classification's partners, gathered first: the rows then go out one by one.
        std::unordered_map<std::string, std::vector<Partner>> classifiedPartners;
        {
            SQLite::Statement q(db, "SELECT idea_id, partner FROM idea_partners");
            while (q.executeStep())
                if (const std::optional<Partner> p = partnerFromId(textView(q.getColumn(1))))
                    classifiedPartners[q.getColumn(0).getString()].push_back(*p);
        }
        SQLite::Statement q(db,
                            "SELECT " IDEA_COLUMNS_OF_I ", " MODERATION_COLUMNS ", "
                            "i.kiosk_id, COALESCE(k.name, ''), i.sealed_contact, COALESCE(mi.reference, '') "
                            "FROM ideas i LEFT JOIN idea_moderation m ON m.idea_id = i.idea_id "
                            "LEFT JOIN ideas mi ON mi.idea_id = m.merged_into "
                            "LEFT JOIN kiosk_neighbourhoods k ON k.kiosk_id = i.kiosk_id "
                            "ORDER BY i.created_hlc, i.idea_id");
        // Filled in place, as eachInitiative does.
        IdeaRow row;
        std::string sealed;
        while (q.executeStep()) {
            readIdea(q, row.idea);
            int c = kIdeaColumnCount;
            row.moderation = moderationFromRow(q, c, row.idea.theme);
            c += kModerationColumnCount;
            assignText(row.kioskId, q.getColumn(c));
            assignText(row.neighbourhood, q.getColumn(c + 1));
            if (withSealedContacts) assignText(sealed, q.getColumn(c + 2));
            assignText(row.mergedIntoReference, q.getColumn(c + 3));
            std::optional<Classification>& classified = row.moderation.classification;
            if (classified) {
                if (const auto found = classifiedPartners.find(row.idea.id); found != classifiedPartners.end()) {
                    for (Partner p : kAllPartners)
                        if (std::find(found->second.begin(), found->second.end(), p) != found->second.end())
                            classified->partners.push_back(p);
                }
            }
            visit(row, sealed);
        }
        return true;
    });
}

std::map<std::string, std::string> KioskStore::kioskNeighbourhoods() const {
    using Names = std::map<std::string, std::string>;
    return impl_->read<Names>("read the kiosks' neighbourhoods", {}, [&]() -> Result<Names> {
        SQLite::Statement q(impl_->db, "SELECT kiosk_id, name FROM kiosk_neighbourhoods");
        Names names;
        while (q.executeStep()) names.emplace(q.getColumn(0).getString(), q.getColumn(1).getString());
        return names;
    });
}

std::vector<PulseMonth> KioskStore::pulseByMonth(const std::string& neighbourhood) const {
    return impl_->read<std::vector<PulseMonth>>("read the pulse by month", {}, [&]() -> Result<std::vector<PulseMonth>> {
        // The month in the machine's time zone, like localDate (a Dutch kiosk and office run on
        // Europe/Amsterdam): a pulse given on the 1st at 00:30 counts for the new month.
        SQLite::Statement q(impl_->db,
                            "SELECT CAST(strftime('%Y', t, 'unixepoch', 'localtime') AS INTEGER) AS y, "
                            "CAST(strftime('%m', t, 'unixepoch', 'localtime') AS INTEGER) AS mo, "
                            "COUNT(meeting), COALESCE(SUM(meeting), 0), COUNT(care), COALESCE(SUM(care), 0), "
                            "COUNT(living_well), COALESCE(SUM(living_well), 0), COUNT(clean), COALESCE(SUM(clean), 0), "
                            "COUNT(safe), COALESCE(SUM(safe), 0) "
                            "FROM (SELECT (created_hlc >> 16) / 1000 AS t, * FROM pulse" +
                                ofNeighbourhood(neighbourhood, "pulse") + ") GROUP BY y, mo ORDER BY y, mo");
        q.bind(1, neighbourhood);
        std::vector<PulseMonth> months;
        while (q.executeStep()) {
            PulseMonth month;
            month.year = q.getColumn(0).getInt();
            month.month = q.getColumn(1).getInt();
            for (std::size_t i = 0; i < kPulseAspectCount; ++i) {
                const int column = 2 + 2 * static_cast<int>(i);
                month.count[i] = q.getColumn(column).getInt64();
                const std::int64_t sum = q.getColumn(column + 1).getInt64();
                month.average[i] = month.count[i] > 0 ? static_cast<double>(sum) / static_cast<double>(month.count[i]) : 0.0;
            }
            months.push_back(month);
        }
        return months;
    });
}

std::uint64_t KioskStore::newestEventMs() const {
    return impl_->read<std::uint64_t>("read the newest event", 0, [&]() -> Result<std::uint64_t> {
        return hlcFromColumn(impl_->db.execAndGet("SELECT COALESCE(MAX(hlc), 0) FROM events").getInt64()).wallMs();
    });
}

std::vector<Event> KioskStore::events(std::int64_t afterSeq) const {
    return impl_->read<std::vector<Event>>("read events", {}, [&]() -> Result<std::vector<Event>> {
        SQLite::Statement q(impl_->db,
                            "SELECT kiosk_id, seq, uuid, hlc, type, payload FROM events "
                            "WHERE kiosk_id = ? AND seq > ? ORDER BY seq");
        q.bind(1, impl_->kioskId);
        q.bind(2, afterSeq);
        std::vector<Event> events;
        while (q.executeStep()) events.push_back(eventFrom(q));
        return events;
    });
}

std::int64_t KioskStore::eventCount() const {
    // The whole log, including events imported from other kiosks.
    return impl_->read<std::int64_t>("count events", 0, [&]() -> Result<std::int64_t> {
        return impl_->db.execAndGet("SELECT COUNT(*) FROM events").getInt64();
    });
}

// [SECTION] Sync

namespace {

// A kiosk's many small commits suit WAL. A large merge (StoreOptions::largeMergeBytes of
// bundles or more) is one transaction of up to hundreds of megabytes, and WAL writes each of its
// pages twice: into the WAL at the commit, then into the database at the checkpoint; the WAL file
// also stays that large while the program runs. SQLite advises the rollback journal for
// transactions above about 100 MB: it keeps only the old content of the pages the merge changes
// and writes the new pages once. Just as safe with synchronous=FULL: a merge cut off is rolled
// back from the journal when the database is next opened. The switch needs the only connection
// to the database; with another one open SQLite refuses at once and the merge runs in WAL.
class RollbackJournalForLargeMerge {
public:
    RollbackJournalForLargeMerge(SQLite::Database& db, std::size_t mergeBytes, std::size_t largeMergeBytes) : db_(db) {
        if (mergeBytes < largeMergeBytes || sqlite3_get_autocommit(db.getHandle()) == 0) return;
        try {
            if (db.execAndGet("PRAGMA journal_mode").getString() != "wal") return;
            switched_ = db.execAndGet("PRAGMA journal_mode = DELETE").getString() == "delete";
        } catch (const SQLite::Exception&) {
            switched_ = false;  // another connection is open: stay in WAL
        }
    }
    ~RollbackJournalForLargeMerge() {
        if (!switched_) return;
        try {
            db_.execAndGet("PRAGMA journal_mode = WAL");
        } catch (const SQLite::Exception&) {
            // Left in the rollback journal, as safe; the next opening sets WAL again.
        }
    }
    RollbackJournalForLargeMerge(const RollbackJournalForLargeMerge&) = delete;
    RollbackJournalForLargeMerge& operator=(const RollbackJournalForLargeMerge&) = delete;

private:
    SQLite::Database& db_;
    bool switched_ = false;
};

}  // namespace

BundleKey KioskStore::identityPublicKey() const {
    return impl_->read<BundleKey>("read the kiosk's signing key", BundleKey{}, [&]() -> Result<BundleKey> {
        return readSigningIdentity(impl_->db).publicKey;
    });
}

Result<KioskStore::Bundle> KioskStore::exportBundle(bool all) const {
    return guarded<Bundle>("export a bundle", [&]() -> Result<Bundle> {
        const std::optional<StaffKey> staffKey = impl_->readStaffKey();
        if (!staffKey) return makeError(ErrorCode::NotFound, "no staff key: set the staff's public key up first");
        const std::int64_t after = all ? 0 : readAcknowledgedSeq(impl_->db);
        Result<ExportedBundle> made = makeExportBundle(impl_->db, impl_->kioskId, after, *staffKey, kEventsSchemaVersion,
                                                       impl_->clock.last().packed, impl_->nowMs());
        if (!made) return made.error();
        return Bundle{std::move(made->bytes), std::move(made->header), std::move(made->hash)};
    });
}

Result<void> KioskStore::rememberBundle(const Bundle& bundle) {
    return impl_->writeTransaction<void>("remember a bundle", [&]() -> Result<void> {
        rememberExport(impl_->db, ExportedBundle{{}, bundle.header, bundle.hash});
        return {};
    });
}

Result<std::int64_t> KioskStore::acceptAcknowledgement(std::string_view bytes) {
    return impl_->writeTransaction<std::int64_t>("accept an acknowledgement", [&]() -> Result<std::int64_t> {
        const std::optional<StaffKey> staffKey = impl_->readStaffKey();
        if (!staffKey) return makeError(ErrorCode::NotFound, "no staff key: set the staff's public key up first");
        Result<Acknowledgement> ack = readAcknowledgement(bytes, readSigningIdentity(impl_->db), *staffKey);
        if (!ack) return ack.error();
        if (ack->kioskId != impl_->kioskId) return makeError(ErrorCode::InvalidInput, "the acknowledgement is for another kiosk");
        storeAcknowledgedSeq(impl_->db, ack->seq);
        return readAcknowledgedSeq(impl_->db);
    });
}

std::int64_t KioskStore::acknowledgedSeq() const {
    return impl_->read<std::int64_t>("read the acknowledged seq", 0,
                                     [&]() -> Result<std::int64_t> { return readAcknowledgedSeq(impl_->db); });
}

Result<std::vector<std::pair<std::string, std::string>>> KioskStore::makeAcknowledgements(const StaffKey& staffSecretKey) const {
    using Acks = std::vector<std::pair<std::string, std::string>>;
    return guarded<Acks>("make acknowledgements", [&]() -> Result<Acks> {
        Acks acks;
        for (const HeldKiosk& kiosk : readHeldKiosks(impl_->db)) {
            Result<std::string> ack = writeAcknowledgement({kiosk.kioskId, kiosk.contiguousSeq}, kiosk.publicKey, staffSecretKey);
            if (!ack) return ack.error();
            acks.emplace_back(kiosk.kioskId, std::move(ack).value());
        }
        return acks;
    });
}

Result<SyncReport> KioskStore::importBundles(std::vector<NamedBundle> bundles, const StaffKey& staffSecretKey, bool trustNew) {
    std::vector<storage::NamedBundle> named;
    named.reserve(bundles.size());
    for (NamedBundle& b : bundles) named.push_back({b.name, std::span<char>(b.bytes.data(), b.bytes.size())});
    const HlcClock clockBefore = impl_->clock;
    // A merge touches the read tables' pages over and over; with SQLite's small default page
    // cache each touch is a read from the file. A larger cache for the import only (an upper
    // bound, not memory taken up front); the kiosk's own small writes keep the default. Not much
    // larger: each page of it is new memory, and on a virtual machine a new 4 KiB page of memory
    // can cost 10 µs, more than reading a 16 KiB page back from the system's file cache. At a
    // million events 64 MiB was quicker than 256 MiB (the events stored in 2.7 against 3.2 to
    // 4.0 s), and 1 GiB no quicker than 256 MiB.
    const Result<std::int64_t> cacheRead = guarded<std::int64_t>("read cache size", [&]() -> Result<std::int64_t> {
        return impl_->db.execAndGet("PRAGMA cache_size").getInt64();
    });
    const std::int64_t cacheBefore = cacheRead ? *cacheRead : -2000;
    (void)guarded<void>("grow cache", [&]() -> Result<void> {
        impl_->db.exec("PRAGMA cache_size = -65536");  // 64 MiB
        return {};
    });
    std::size_t mergeBytes = 0;
    for (const NamedBundle& b : bundles) mergeBytes += b.bytes.size();
    Result<SyncReport> report = [&]() {
        const RollbackJournalForLargeMerge journal(impl_->db, mergeBytes, impl_->options.largeMergeBytes);
        return impl_->writeTransaction<SyncReport>("import bundles", [&]() -> Result<SyncReport> {
            StatementCache sql(impl_->db);
            return storage::importBundles(impl_->db, impl_->syncContext(sql), named, staffSecretKey, trustNew);
        });
    }();
    (void)guarded<void>("restore cache", [&]() -> Result<void> {
        impl_->db.exec("PRAGMA cache_size = " + std::to_string(cacheBefore));
        return {};
    });
    if (!report) impl_->clock = clockBefore;  // the stamps it observed were rolled back with the events
    return report;
}

std::vector<SeqGap> KioskStore::syncGaps() const {
    return impl_->read<std::vector<SeqGap>>("read gaps", {}, [&]() -> Result<std::vector<SeqGap>> { return readSeqGaps(impl_->db); });
}

std::vector<QuarantinedEvent> KioskStore::quarantinedEvents() const {
    return impl_->read<std::vector<QuarantinedEvent>>("read quarantine", {}, [&]() -> Result<std::vector<QuarantinedEvent>> {
        return readQuarantine(impl_->db);
    });
}

std::vector<CodeConflict> KioskStore::codeConflicts() const {
    return impl_->read<std::vector<CodeConflict>>("read code conflicts", {}, [&]() -> Result<std::vector<CodeConflict>> {
        return readCodeConflicts(impl_->db);
    });
}

KioskStore::SyncConflicts KioskStore::conflicts() const {
    SyncConflicts open;
    open.gaps = syncGaps();
    open.quarantined = quarantinedEvents();
    for (CodeConflict& conflict : codeConflicts()) {
        if (!conflict.resolved) open.codes.push_back(std::move(conflict));
    }
    return open;
}

Result<void> KioskStore::resolveCodeConflict(const std::string& roundId, const std::string& codeHash,
                                             const std::string& keepBallotId) {
    return impl_->writeTransaction<void>("resolve a code conflict", [&]() -> Result<void> {
        const std::vector<CodeConflict> all = readCodeConflicts(impl_->db);
        const auto conflict = std::find_if(all.begin(), all.end(), [&](const CodeConflict& c) {
            return c.roundId == roundId && c.codeHash == codeHash;
        });
        if (conflict == all.end()) return makeError(ErrorCode::NotFound, "round " + roundId + " has no code " + codeHash + " used twice");
        if (!keepBallotId.empty() &&
            std::find(conflict->ballotIds.begin(), conflict->ballotIds.end(), keepBallotId) == conflict->ballotIds.end()) {
            return makeError(ErrorCode::NotFound, "ballot " + keepBallotId + " was not cast with that code");
        }
        Result<Event> event = impl_->record(kEventBallotDuplicateResolved,
                                            encodePayload(BallotDuplicateResolved{roundId, codeHash, keepBallotId}));
        if (!event) return event.error();
        return {};
    });
}

// [SECTION] One round at two kiosks

Result<std::string> KioskStore::shareRound(const std::string& roundId, const BundleKey& recipientKey,
                                           RoundShareSummary& summary) const {
    return guarded<std::string>("share a round", [&]() -> Result<std::string> {
        const std::optional<StaffKey> staffKey = impl_->readStaffKey();
        return makeRoundShare(impl_->db, impl_->kioskId, roundId, recipientKey, staffKey ? &*staffKey : nullptr,
                              kEventsSchemaVersion, impl_->nowMs(), summary);
    });
}

Result<RoundShareSummary> KioskStore::receiveRound(std::string_view bytes) {
    const HlcClock clockBefore = impl_->clock;
    Result<RoundShareSummary> received = impl_->writeTransaction<RoundShareSummary>("receive a round", [&]() -> Result<RoundShareSummary> {
        const std::optional<StaffKey> staffKey = impl_->readStaffKey();
        StatementCache sql(impl_->db);
        return receiveRoundShare(impl_->db, impl_->syncContext(sql), bytes, staffKey ? &*staffKey : nullptr);
    });
    if (!received) impl_->clock = clockBefore;  // the stamps it observed were rolled back with the events
    return received;
}

Result<WithdrawnKiosk> KioskStore::withdrawKioskTrust(const std::string& kioskId, std::optional<std::int64_t> fromSeq,
                                                      const std::string& by) {
    return impl_->writeTransaction<WithdrawnKiosk>("withdraw a kiosk's trust", [&]() -> Result<WithdrawnKiosk> {
        const std::uint64_t now = impl_->nowMs();
        Result<WithdrawTrust> done = withdrawKiosk(impl_->db, impl_->kioskId, kioskId, fromSeq, by, now);
        if (!done) return done.error();
        // Set-aside events leave the read tables the one way that does not depend on order: a rebuild.
        if (done->after.setAside > (done->before ? done->before->setAside : 0)) {
            StatementCache sql(impl_->db);
            if (Result<void> rebuilt = impl_->rebuildInTransaction(sql); !rebuilt) return rebuilt.error();
        }
        const auto describe = [](const WithdrawnKiosk& lost) {
            std::string text = "bundles refused";
            if (lost.fromSeq)
                text += "; events from seq " + std::to_string(*lost.fromSeq) + " on set aside (" + std::to_string(lost.setAside) + ")";
            return text;
        };
        StaffKeyBytes key{};
        std::copy(done->after.publicKey.begin(), done->after.publicKey.end(), key.begin());
        AuditDraft draft{by, kAuditKioskTrustWithdrawn, kioskId,
                         done->before ? describe(*done->before) : "trusted, key fingerprint " + keyFingerprint(key),
                         describe(done->after)};
        if (Result<void> valid = validateAuditDraft(draft); !valid) return valid.error();
        appendAuditEntry(impl_->db, draft, now);
        return done->after;
    });
}

std::vector<WithdrawnKiosk> KioskStore::withdrawnKiosks() const {
    return impl_->read<std::vector<WithdrawnKiosk>>("read lost kiosks", {}, [&]() -> Result<std::vector<WithdrawnKiosk>> {
        return readWithdrawnKiosks(impl_->db);
    });
}

std::vector<KioskActivity> KioskStore::kioskActivity() const {
    return impl_->read<std::vector<KioskActivity>>("read the kiosks' activity", {}, [&]() -> Result<std::vector<KioskActivity>> {
        return readKioskActivity(impl_->db, impl_->kioskId);
    });
}

std::optional<Error> KioskStore::lastReadError() const { return impl_->lastReadError; }

}  // namespace buurtstem::storage
