// The schema history of the kiosk database and the runner that applies it (see Migrations.h).
#include "Migrations.h"

#include "KioskStore.h"
#include "SqliteError.h"

#include <SQLiteCpp/Transaction.h>

#include <algorithm>

#include <string>

namespace buurtstem::storage {

namespace {

// [SECTION] Schema history. Never edit a released step; add a new one and raise kSchemaVersion.
constexpr Migration kMigrations[] = {
    {1, R"sql(
-- This kiosk's identity and the HLC it last handed out, so its clock never runs backwards across
-- restarts. Exactly one row.
CREATE TABLE kiosk (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    kiosk_id   TEXT    NOT NULL,
    created_ms INTEGER NOT NULL,
    last_hlc   INTEGER NOT NULL DEFAULT 0
);

-- The event log: the only source of truth. Rows from other kiosks arrive here when logs merge,
-- which is why the key is (kiosk_id, seq) and not the local row number.
CREATE TABLE events (
    seq_row  INTEGER PRIMARY KEY,
    kiosk_id TEXT    NOT NULL,
    seq      INTEGER NOT NULL CHECK (seq > 0),
    uuid     TEXT    NOT NULL UNIQUE,
    hlc      INTEGER NOT NULL,
    type     TEXT    NOT NULL,
    payload  TEXT    NOT NULL,
    UNIQUE (kiosk_id, seq)
);
-- The order in which events are applied when the read tables are rebuilt.
CREATE INDEX events_apply_order ON events (hlc, kiosk_id, seq);

-- A recorded event is a fact; correcting one means recording a new event.
CREATE TRIGGER events_insert_only_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are insert-only');
END;
CREATE TRIGGER events_insert_only_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are insert-only');
END;

-- [Read tables] Derived from events alone; rebuildReadTables() may drop and refill them.
CREATE TABLE ideas (
    idea_id     TEXT    PRIMARY KEY,
    reference   TEXT    NOT NULL UNIQUE,
    theme       TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    created_hlc INTEGER NOT NULL,
    status      TEXT    NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'approved', 'hidden')),
    supports    INTEGER NOT NULL DEFAULT 0,
    demo        INTEGER NOT NULL DEFAULT 0,
    event_uuid  TEXT    NOT NULL REFERENCES events (uuid)
);
CREATE INDEX ideas_newest_first ON ideas (created_hlc DESC);

-- The neighbourhood this kiosk serves. At most one row.
CREATE TABLE neighbourhood (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT    NOT NULL,
    demo INTEGER NOT NULL DEFAULT 0
);
)sql"},
    {2, R"sql(
-- [Read table] One row per pulse.given event: the residents' 1-5 scores, NULL for a skipped
-- line so averages count only real answers. Deliberately nothing else: no idea, visit or
-- language, so a pulse cannot be tied to a resident.
CREATE TABLE pulse (
    event_uuid  TEXT    PRIMARY KEY REFERENCES events (uuid),
    created_hlc INTEGER NOT NULL,
    meeting     INTEGER CHECK (meeting BETWEEN 1 AND 5),
    care        INTEGER CHECK (care BETWEEN 1 AND 5),
    living_well INTEGER CHECK (living_well BETWEEN 1 AND 5),
    clean       INTEGER CHECK (clean BETWEEN 1 AND 5),
    safe        INTEGER CHECK (safe BETWEEN 1 AND 5)
);
-- For trends over time.
CREATE INDEX pulse_by_time ON pulse (created_hlc);
)sql"},
    {3, R"sql(
-- [Read tables] One row per meeting_need.given event, and one row per option it chose, so the
-- facilitator's counts are a GROUP BY. Like the pulse, deliberately no visit, idea or language:
-- a need cannot be tied to a resident. The notes are kept as typed (trimmed) for the same reason
-- they can be: the resident was told the answers are anonymous.
CREATE TABLE meeting_need (
    event_uuid       TEXT    PRIMARY KEY REFERENCES events (uuid),
    created_hlc      INTEGER NOT NULL,
    meeting_text     TEXT    NOT NULL DEFAULT '',
    care_text        TEXT    NOT NULL DEFAULT '',
    living_well_text TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX meeting_need_by_time ON meeting_need (created_hlc);

-- grp and choice are the stable ids of MeetingNeed.h ('days', 'wed'; 'interpreter', 'tr').
CREATE TABLE meeting_need_choice (
    event_uuid TEXT NOT NULL REFERENCES meeting_need (event_uuid),
    grp        TEXT NOT NULL,
    choice     TEXT NOT NULL,
    PRIMARY KEY (event_uuid, grp, choice)
) WITHOUT ROWID;
)sql"},
    {4, R"sql(
-- Where an idea is ('' = the whole neighbourhood) and the resident's contact, sealed to the
-- staff's public key (base64 of a libsodium sealed box; '' = none). The kiosk cannot open it.
ALTER TABLE ideas ADD COLUMN place          TEXT NOT NULL DEFAULT '';
ALTER TABLE ideas ADD COLUMN sealed_contact TEXT NOT NULL DEFAULT '';

-- [Read table] The neighbourhood's named places from the latest neighbourhood.places_set event,
-- in the order residents see them.
CREATE TABLE places (
    position INTEGER PRIMARY KEY,
    name     TEXT    NOT NULL UNIQUE
);

-- The staff's public key (32 bytes) that contacts are sealed to. A setting of this device like
-- kiosk_id, not an event: it says nothing about the neighbourhood, must not travel to other
-- kiosks when logs merge, and must survive rebuildReadTables. NULL until set.
ALTER TABLE kiosk ADD COLUMN staff_public_key BLOB CHECK (staff_public_key IS NULL OR length(staff_public_key) = 32);
)sql"},
    {5, R"sql(
-- An idea, or an initiative (bewonersinitiatief): an idea with a plan and a budget. Both share the
-- list, support and moderation. budget_cents is an initiative's total in euro cents, 0 for an idea.
ALTER TABLE ideas ADD COLUMN kind         TEXT    NOT NULL DEFAULT 'idea' CHECK (kind IN ('idea', 'initiative'));
ALTER TABLE ideas ADD COLUMN budget_cents INTEGER NOT NULL DEFAULT 0 CHECK (budget_cents >= 0);

-- [Read tables] An initiative's plan, from its initiative.submitted event. Never the contact: that
-- stays sealed in ideas.sealed_contact.
CREATE TABLE initiative_plans (
    idea_id         TEXT    PRIMARY KEY REFERENCES ideas (idea_id),
    when_text       TEXT    NOT NULL,
    helpers         INTEGER NOT NULL CHECK (helpers >= 0),
    own_money_cents INTEGER NOT NULL CHECK (own_money_cents >= 0),
    own_in_kind     TEXT    NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- For whom and with which partners: one row per chosen id rather than a comma-separated column,
-- so "how many initiatives are for the elderly" is a GROUP BY like the meeting needs' counts and
-- no id ever has to be cut out of text. grp is 'audience' or 'partner', choice a stable id of
-- Initiative.h ('elderly', 'welfare').
CREATE TABLE initiative_choices (
    idea_id TEXT NOT NULL REFERENCES initiative_plans (idea_id),
    grp     TEXT NOT NULL CHECK (grp IN ('audience', 'partner')),
    choice  TEXT NOT NULL,
    PRIMARY KEY (idea_id, grp, choice)
) WITHOUT ROWID;

-- The budget in the order the resident entered it; position counts from 0.
CREATE TABLE initiative_budget_lines (
    idea_id      TEXT    NOT NULL REFERENCES initiative_plans (idea_id),
    position     INTEGER NOT NULL CHECK (position >= 0),
    description  TEXT    NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    PRIMARY KEY (idea_id, position)
) WITHOUT ROWID;

-- [Read table] The facilitator's maximum per initiative from the latest
-- neighbourhood.initiative_maximum_set event. No row: the build's default
-- (kInitiativeDefaultMaximumCents), which is why the default is not written here.
CREATE TABLE initiative_maximum (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    cents INTEGER NOT NULL CHECK (cents > 0)
);
)sql"},
    {6, R"sql(
-- Where each place lies on the neighbourhood map, in per mille of the image's width and height
-- from its top-left corner; both NULL for a place that is in the list only. From the latest
-- neighbourhood.places_set event, like the names.
ALTER TABLE places ADD COLUMN map_x INTEGER CHECK (map_x IS NULL OR map_x BETWEEN 0 AND 1000);
ALTER TABLE places ADD COLUMN map_y INTEGER CHECK ((map_y IS NULL OR map_y BETWEEN 0 AND 1000) AND
                                                   ((map_x IS NULL) = (map_y IS NULL)));

-- [Read table] The map image the places lie on (a file name in the assets' maps folder), from the
-- same event. No row: the neighbourhood has no map and residents choose from the list.
CREATE TABLE neighbourhood_map (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    image TEXT    NOT NULL
);
)sql"},
    {7, R"sql(
-- [Read tables] Budget rounds from round.saved (the latest one per round), their projects in
-- ballot order, and the limits of the ballot type (see app/core/round/BudgetRound.h).
CREATE TABLE rounds (
    round_id               TEXT    PRIMARY KEY,
    name                   TEXT    NOT NULL,
    budget_cents           INTEGER NOT NULL CHECK (budget_cents > 0),
    ballot                 TEXT    NOT NULL CHECK (ballot IN ('approval', 'budget', 'points', 'ranking')),
    max_choices            INTEGER NOT NULL,
    total_points           INTEGER NOT NULL,
    max_points_per_project INTEGER NOT NULL,
    opens_ms               INTEGER NOT NULL,
    closes_ms              INTEGER NOT NULL CHECK (closes_ms > opens_ms),
    rule                   TEXT    NOT NULL,
    utility                TEXT    NOT NULL,
    completion             TEXT    NOT NULL,
    compare_greedy         INTEGER NOT NULL,
    eligibility            TEXT    NOT NULL CHECK (eligibility IN ('voting_codes', 'evening')),
    saved_hlc              INTEGER NOT NULL
);
CREATE TABLE round_projects (
    round_id   TEXT    NOT NULL REFERENCES rounds (round_id),
    position   INTEGER NOT NULL CHECK (position >= 0),
    project_id TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    summary    TEXT    NOT NULL,
    theme      TEXT    NOT NULL,
    cost_cents INTEGER NOT NULL CHECK (cost_cents > 0),
    idea_id    TEXT    NOT NULL,
    PRIMARY KEY (round_id, position),
    UNIQUE (round_id, project_id)
) WITHOUT ROWID;

-- [Read table] Each voting code of a round as its keyed hash, never the code, and whether it is
-- still valid, used or voided.
CREATE TABLE voting_codes (
    round_id  TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    status    TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'used', 'voided')),
    PRIMARY KEY (round_id, code_hash)
) WITHOUT ROWID;

-- [Read tables] Confirmed ballots and their choices. Deliberately without the voting code: the
-- tally and the screens need the choices, not who held which card. (The ballot.cast event keeps
-- the code's hash, which a merge of kiosks needs to find a code used twice.)
CREATE TABLE ballots (
    ballot_id  TEXT    PRIMARY KEY,
    round_id   TEXT    NOT NULL,
    receipt    TEXT    NOT NULL,
    cast_hlc   INTEGER NOT NULL,
    event_uuid TEXT    NOT NULL REFERENCES events (uuid)
);
CREATE INDEX ballots_by_round ON ballots (round_id, cast_hlc);
CREATE TABLE ballot_choices (
    ballot_id  TEXT    NOT NULL REFERENCES ballots (ballot_id),
    position   INTEGER NOT NULL CHECK (position >= 0),
    project_id TEXT    NOT NULL,
    points     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (ballot_id, position)
) WITHOUT ROWID;

-- The key a round's voting codes are hashed with: a setting of this kiosk like the staff key,
-- not an event (whoever holds key and hashes could try every code) and kept by rebuilds.
CREATE TABLE round_code_keys (
    round_id TEXT PRIMARY KEY,
    code_key BLOB NOT NULL CHECK (length(code_key) = 32)
);
)sql"},
    {8, R"sql(
-- Facilitators of this kiosk: settings of the kiosk, not events (a PIN hash has no business on a
-- USB stick). The PIN is kept only as libsodium's Argon2id string (crypto_pwhash_str).
CREATE TABLE facilitators (
    label      TEXT    PRIMARY KEY,  -- "Anna (opbouwwerk)": who did what, in the audit log
    pin_hash   TEXT    NOT NULL,
    created_ms INTEGER NOT NULL
);
-- Wrong PINs in a row and when the last one came: kept across restarts, so switching the kiosk
-- off and on does not shorten the wait.
CREATE TABLE pin_attempts (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    failures INTEGER NOT NULL CHECK (failures >= 0),
    last_ms  INTEGER NOT NULL
);

-- Every facilitator action, append-only: each entry carries the hash of the one before, so an
-- entry changed or taken out afterwards breaks the chain (KioskStore::checkAuditLog).
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY CHECK (seq >= 1),  -- 1, 2, 3, ... without gaps
    at_ms       INTEGER NOT NULL,
    facilitator TEXT    NOT NULL,
    action      TEXT    NOT NULL,  -- "idea.approved", "round.closed", ...
    subject     TEXT    NOT NULL,  -- what it was done to: an idea's or a round's id, or ""
    before      TEXT    NOT NULL,  -- as it was ("" when it did not exist)
    after       TEXT    NOT NULL,  -- as it became ("" when it is gone)
    prev_hash   TEXT    NOT NULL,  -- the previous entry's hash ("" for the first)
    hash        TEXT    NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
-- INSERT OR REPLACE removes the row it replaces without firing the delete trigger (SQLite fires
-- it only with recursive_triggers on), so an insert may only add the next entry.
CREATE TRIGGER audit_log_only_next BEFORE INSERT ON audit_log
WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_log)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql"},
    {9, R"sql(
-- [Read tables] What facilitators did to an idea after it was submitted (moderation), from
-- idea.hidden, idea.corrected, idea.merged and idea.classified. One row per idea a facilitator
-- touched. ideas.title and ideas.body hold the corrected text residents see; the text as first
-- submitted stays here. A merged idea is hidden in ideas and points to the idea it joined.
CREATE TABLE idea_moderation (
    idea_id        TEXT    PRIMARY KEY REFERENCES ideas (idea_id),
    original_title TEXT,                         -- NULL: never corrected
    original_body  TEXT,
    hidden_reason  TEXT    NOT NULL DEFAULT '',  -- a HideReason id; '' = not hidden by a facilitator
    hidden_note    TEXT    NOT NULL DEFAULT '',  -- the facilitator's words for 'other'
    merged_into    TEXT    NOT NULL DEFAULT '',  -- the idea id it joined; '' = not merged
    classified     INTEGER NOT NULL DEFAULT 0,
    dimension      TEXT    NOT NULL DEFAULT '',  -- a Leefbaarometer dimension id; '' = not chosen
    cost_cents     INTEGER CHECK (cost_cents IS NULL OR cost_cents >= 0),  -- NULL = not estimated
    feasibility    TEXT    NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX idea_moderation_merged ON idea_moderation (merged_into);

-- The partners a facilitator set as involved (not the residents' wish list of initiative_choices).
CREATE TABLE idea_partners (
    idea_id TEXT NOT NULL REFERENCES ideas (idea_id),
    partner TEXT NOT NULL,
    PRIMARY KEY (idea_id, partner)
) WITHOUT ROWID;
)sql"},
    {10, R"sql(
-- Paper ballots (paper_batch.entered): each facilitator's entry of a batch, the latest per entry
-- number, and its ballots one row per project. Whether a batch's two entries agree is worked out
-- when they are read (app/core/round/PaperBallots.h), so nothing here can go stale.
CREATE TABLE paper_entries (
    round_id    TEXT    NOT NULL,
    batch       TEXT    NOT NULL,
    entry       INTEGER NOT NULL CHECK (entry IN (1, 2)),
    facilitator TEXT    NOT NULL,
    entered_hlc INTEGER NOT NULL,
    event_uuid  TEXT    NOT NULL,
    PRIMARY KEY (round_id, batch, entry)
);
CREATE TABLE paper_choices (
    round_id   TEXT    NOT NULL,
    batch      TEXT    NOT NULL,
    entry      INTEGER NOT NULL,
    ballot     INTEGER NOT NULL,  -- 0-based, in entry order
    position   INTEGER NOT NULL,  -- in the ballot's order (a ranking's place)
    project_id TEXT    NOT NULL,
    points     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (round_id, batch, entry, ballot, position),
    FOREIGN KEY (round_id, batch, entry) REFERENCES paper_entries (round_id, batch, entry)
);
)sql"},
    {11, R"sql(
-- Residents' evenings (bewonersavonden), all read tables of the evening.* events. The latest
-- evening.saved replaces the plan and its agenda.
CREATE TABLE evenings (
    evening_id    TEXT    PRIMARY KEY,
    title         TEXT    NOT NULL,
    date          TEXT    NOT NULL,  -- local day, 2026-11-28
    start_minute  INTEGER NOT NULL,  -- minutes after local midnight
    place         TEXT    NOT NULL,
    saved_hlc     INTEGER NOT NULL,
    running_item  INTEGER,           -- the agenda item that runs now; NULL before the first starts
    running_since INTEGER            -- since when, ms by the clock of the kiosk that started it
);
CREATE TABLE evening_agenda (
    evening_id TEXT    NOT NULL REFERENCES evenings (evening_id),
    position   INTEGER NOT NULL,
    title      TEXT    NOT NULL,
    minutes    INTEGER NOT NULL,
    PRIMARY KEY (evening_id, position)
);
-- One row per person in; a street or a postcode's digits or neither, never a person.
CREATE TABLE evening_checkins (
    event_uuid TEXT PRIMARY KEY,
    evening_id TEXT NOT NULL,
    street     TEXT NOT NULL DEFAULT '',
    postcode   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX evening_checkins_by_evening ON evening_checkins (evening_id);
CREATE TABLE evening_dot_votes (
    vote_id    TEXT    PRIMARY KEY,
    evening_id TEXT    NOT NULL,
    question   TEXT    NOT NULL,
    open       INTEGER NOT NULL DEFAULT 1,
    opened_hlc INTEGER NOT NULL
);
CREATE TABLE evening_dot_options (
    vote_id  TEXT    NOT NULL REFERENCES evening_dot_votes (vote_id),
    position INTEGER NOT NULL,
    label    TEXT    NOT NULL,
    dots     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (vote_id, position)
);
-- The latest evening.minutes_saved replaces all three.
CREATE TABLE evening_decisions (
    evening_id TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    text       TEXT    NOT NULL,
    idea_id    TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (evening_id, position)
);
CREATE TABLE evening_actions (
    evening_id TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    who        TEXT    NOT NULL,
    what       TEXT    NOT NULL,
    due        TEXT    NOT NULL DEFAULT '',  -- 2026-12-12, or '' for no date
    PRIMARY KEY (evening_id, position)
);
CREATE TABLE evening_next (
    evening_id   TEXT    PRIMARY KEY,
    date         TEXT    NOT NULL,
    start_minute INTEGER NOT NULL,
    minutes      INTEGER NOT NULL,
    place        TEXT    NOT NULL
);
)sql"},
    {12, R"sql(
-- What the first-start set-up chose for this kiosk: the languages residents are offered
-- ("nl,en,ar": Dutch always, in the kiosk's order) and the idle times in seconds. Settings of
-- this device like the staff key and the facilitators, not events: another kiosk in the same
-- neighbourhood may stand where other languages are spoken. No row until the set-up finished.
CREATE TABLE kiosk_settings (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    languages    TEXT    NOT NULL CHECK (languages = 'nl' OR languages LIKE 'nl,%'),
    ask_after_s  INTEGER NOT NULL CHECK (ask_after_s > 0),
    start_over_s INTEGER NOT NULL CHECK (start_over_s > 0),
    updated_ms   INTEGER NOT NULL
);
)sql"},
    {13, R"sql(
-- Phases a facilitator sets for a round (round.phases_set): proposals open, results published.
-- A round without a row here takes no proposals and has nothing published. No reference to
-- rounds: a phase may arrive from another kiosk before the round itself.
CREATE TABLE round_phases (
    round_id         TEXT    PRIMARY KEY,
    submissions_open INTEGER NOT NULL CHECK (submissions_open IN (0, 1)),
    published_ms     INTEGER NOT NULL CHECK (published_ms >= 0)
);
)sql"},
    {14, R"sql(
-- This kiosk's Ed25519 key pair: it signs the kiosk's sync bundles. A setting of this device,
-- never an event; the row is made when the database is opened (KioskStore::open).
CREATE TABLE kiosk_identity (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    public_key BLOB    NOT NULL CHECK (length(public_key) = 32),
    secret_key BLOB    NOT NULL CHECK (length(secret_key) = 64)
);
-- Bundles this kiosk wrote, for the chain of previous-bundle hashes; the newest is the highest row.
CREATE TABLE sync_exports (
    position    INTEGER PRIMARY KEY,
    bundle_hash TEXT    NOT NULL UNIQUE,
    first_seq   INTEGER NOT NULL,
    last_seq    INTEGER NOT NULL,
    created_ms  INTEGER NOT NULL
);
-- The highest seq of this kiosk the office acknowledged; exports start after it.
CREATE TABLE sync_acknowledged (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL CHECK (seq >= 0)
);
-- Kiosks whose bundles this database accepts, each with the one key that may sign them.
CREATE TABLE trusted_kiosks (
    kiosk_id   TEXT    PRIMARY KEY,
    public_key BLOB    NOT NULL CHECK (length(public_key) = 32),
    trusted_ms INTEGER NOT NULL
);
-- Bundles imported here, by the hash of their bytes: importing one again is a single look-up.
CREATE TABLE imported_bundles (
    bundle_hash TEXT    PRIMARY KEY,
    kiosk_id    TEXT    NOT NULL,
    first_seq   INTEGER NOT NULL,
    last_seq    INTEGER NOT NULL,
    event_count INTEGER NOT NULL,
    imported_ms INTEGER NOT NULL
);
-- Two versions of one event (same kiosk and seq, or same uuid): both are kept here and neither
-- is applied; the rebuild skips every event whose key is listed.
CREATE TABLE sync_quarantine (
    kiosk_id TEXT    NOT NULL,
    seq      INTEGER NOT NULL,
    uuid     TEXT    NOT NULL,
    hlc      INTEGER NOT NULL,
    type     TEXT    NOT NULL,
    payload  TEXT    NOT NULL,
    reason   TEXT    NOT NULL,
    UNIQUE (kiosk_id, seq, uuid, hlc, type, payload)
);
CREATE INDEX sync_quarantine_by_seq ON sync_quarantine (kiosk_id, seq);
CREATE INDEX sync_quarantine_by_uuid ON sync_quarantine (uuid);
-- A voting code used at two kiosks only shows once their logs merge: each ballot keeps the hash
-- of its code, and each round what counts then (DuplicateCodePolicy: earliest, void, review).
ALTER TABLE ballots ADD COLUMN code_hash TEXT NOT NULL DEFAULT '';
CREATE INDEX ballots_by_code ON ballots (round_id, code_hash);
ALTER TABLE rounds ADD COLUMN same_code TEXT NOT NULL DEFAULT 'earliest';
-- Staff decisions on a code used more than once (ballot.duplicate_resolved); the latest wins.
CREATE TABLE code_resolutions (
    round_id       TEXT NOT NULL,
    code_hash      TEXT NOT NULL,
    keep_ballot_id TEXT NOT NULL,
    PRIMARY KEY (round_id, code_hash)
);
-- Ballots that do not count because their code has another ballot: by the round's same_code,
-- all but the earliest by (hlc, kiosk id, seq), all of them, or all but the one staff kept.
CREATE VIEW uncounted_ballots AS
SELECT b.ballot_id FROM ballots b
JOIN events e ON e.uuid = b.event_uuid
LEFT JOIN rounds r ON r.round_id = b.round_id
LEFT JOIN code_resolutions c ON c.round_id = b.round_id AND c.code_hash = b.code_hash
WHERE b.code_hash <> ''
  AND EXISTS (SELECT 1 FROM ballots o WHERE o.round_id = b.round_id AND o.code_hash = b.code_hash
              AND o.ballot_id <> b.ballot_id)
  AND CASE COALESCE(r.same_code, 'earliest')
        WHEN 'void' THEN 1
        WHEN 'review' THEN c.keep_ballot_id IS NULL OR c.keep_ballot_id <> b.ballot_id
        ELSE EXISTS (SELECT 1 FROM ballots o JOIN events oe ON oe.uuid = o.event_uuid
                     WHERE o.round_id = b.round_id AND o.code_hash = b.code_hash
                       AND (oe.hlc, oe.kiosk_id, oe.seq) < (e.hlc, e.kiosk_id, e.seq))
      END;
)sql"},
    {15, R"sql(
-- [Read table] Where each initiative stands (initiative.progress_set): the latest event by
-- (hlc, kiosk_id, seq) holds, whatever order events arrive in. No reference to ideas: staff's
-- progress may arrive from the office before the initiative's own kiosk bundle. An initiative
-- without a row is submitted, or reviewed once a facilitator decided something about it.
CREATE TABLE initiative_progress (
    idea_id       TEXT    PRIMARY KEY,
    stage         TEXT    NOT NULL CHECK (stage IN ('submitted', 'reviewed', 'approved', 'running', 'done', 'accounted')),
    granted_cents INTEGER NOT NULL CHECK (granted_cents >= 0),
    spent_cents   INTEGER NOT NULL CHECK (spent_cents >= 0),
    note          TEXT    NOT NULL DEFAULT '',
    hlc           INTEGER NOT NULL,
    kiosk_id      TEXT    NOT NULL,
    seq           INTEGER NOT NULL
) WITHOUT ROWID;

-- [Read table] The neighbourhood each kiosk serves: the latest neighbourhood.named of that kiosk
-- (the one-row neighbourhood table holds the latest of all kiosks). At the office a hub merges
-- kiosks of several neighbourhoods, and every idea, pulse and need belongs to its kiosk's.
CREATE TABLE kiosk_neighbourhoods (
    kiosk_id TEXT    PRIMARY KEY,
    name     TEXT    NOT NULL,
    hlc      INTEGER NOT NULL,
    seq      INTEGER NOT NULL
) WITHOUT ROWID;
)sql"},
    {16, R"sql(
-- Kiosks reported lost or stolen at this office (sync untrust), a setting of the office like
-- trusted_kiosks, never an event: bundles signed with public_key, or naming kiosk_id, are refused.
-- from_seq set: the kiosk's events from that seq on are set aside, and every rebuild skips them.
CREATE TABLE withdrawn_kiosks (
    kiosk_id     TEXT    PRIMARY KEY,
    public_key   BLOB    NOT NULL CHECK (length(public_key) = 32),
    withdrawn_ms INTEGER NOT NULL,
    from_seq     INTEGER CHECK (from_seq IS NULL OR from_seq >= 1),
    withdrawn_by TEXT    NOT NULL
) WITHOUT ROWID;
)sql"},
    {17, R"sql(
-- The kiosk an idea was submitted at, kept on the row: the staff's lists and exports show it for
-- every idea, and looking it up in the event log cost a random read of that large table per idea.
ALTER TABLE ideas ADD COLUMN kiosk_id TEXT NOT NULL DEFAULT '';
UPDATE ideas SET kiosk_id = COALESCE((SELECT e.kiosk_id FROM events e WHERE e.uuid = ideas.event_uuid), '');
)sql"},
    {18, R"sql(
-- The ideas' time index in ascending order. SQLite reads it backwards for "newest first" as
-- quickly, and a merge, which writes ideas oldest first, then adds each at the index's end
-- instead of at its front (a fifth of the time of writing 200,000 ideas).
DROP INDEX ideas_newest_first;
CREATE INDEX ideas_by_time ON ideas (created_hlc);
)sql", false},
    {19, R"sql(
-- The status checks of ideas and voting codes as comparisons, not IN lists. For an IN list of three
-- or more values, SQLite 3.40 builds a temporary table on every row the CHECK tests (and clears a
-- page for it), and a merge writes hundreds of thousands of these rows. The same values pass.
UPDATE sqlite_schema
SET sql = replace(sql, 'CHECK (status IN (''new'', ''approved'', ''hidden''))',
                  'CHECK (status = ''new'' OR status = ''approved'' OR status = ''hidden'')')
WHERE type = 'table' AND name = 'ideas';
UPDATE sqlite_schema
SET sql = replace(sql, 'CHECK (status IN (''issued'', ''used'', ''voided''))',
                  'CHECK (status = ''issued'' OR status = ''used'' OR status = ''voided'')')
WHERE type = 'table' AND name = 'voting_codes';
)sql", false, true},
};

static_assert(std::size(kMigrations) > 0 && kMigrations[std::size(kMigrations) - 1].version == kSchemaVersion,
              "the last migration must produce kSchemaVersion");

bool strictlyIncreasing(std::span<const Migration> migrations) {
    int previous = 0;
    for (const Migration& m : migrations) {
        if (m.version <= previous) return false;
        previous = m.version;
    }
    return true;
}

// Runs `sql` with writable_schema on, off again whatever happens, and raises the schema version
// (SQLite's procedure for changing a CHECK constraint in place).
void editTableText(SQLite::Database& db, const char* sql) {
    const int schemaVersion = db.execAndGet("PRAGMA schema_version").getInt();
    db.exec("PRAGMA writable_schema = ON");
    try {
        db.exec(sql);
        db.exec("PRAGMA schema_version = " + std::to_string(schemaVersion + 1));
    } catch (...) {
        db.exec("PRAGMA writable_schema = OFF");
        throw;
    }
    db.exec("PRAGMA writable_schema = OFF");
}

}  // namespace

std::span<const Migration> schemaMigrations() { return kMigrations; }

bool readTablesNeedRebuild(int fromVersion, std::span<const Migration> migrations) {
    if (fromVersion == 0) return false;
    return std::any_of(migrations.begin(), migrations.end(),
                       [fromVersion](const Migration& m) { return m.version > fromVersion && m.rebuildsReadTables; });
}

int userVersion(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

Result<int> migrate(SQLite::Database& db, std::span<const Migration> migrations) {
    if (!strictlyIncreasing(migrations)) {
        return makeError(ErrorCode::StorageFailure, "migration list is not strictly increasing");
    }
    const int target = migrations.empty() ? 0 : migrations.back().version;
    int current = 0;
    try {
        current = userVersion(db);
    } catch (const SQLite::Exception& e) {
        return errorFromSqlite(e, "read schema version");
    }
    if (current > target) {
        return makeError(ErrorCode::NewerSchema, "database schema version " + std::to_string(current) +
                                                     " is newer than this build's " + std::to_string(target));
    }

    for (const Migration& m : migrations) {
        if (m.version <= current) continue;
        try {
            SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
            // Another connection may have run this step while we waited for the write lock.
            current = userVersion(db);
            if (m.version <= current) continue;
            if (m.editsTableText) {
                editTableText(db, m.sql);
            } else {
                db.exec(m.sql);
            }
            // PRAGMA arguments cannot be bound; the number comes from the table above, never from input.
            db.exec("PRAGMA user_version = " + std::to_string(m.version));
            tx.commit();
            current = m.version;
        } catch (const SQLite::Exception& e) {
            return errorFromSqlite(e, "migrate to schema version " + std::to_string(m.version));
        }
    }
    return current;
}

}  // namespace buurtstem::storage
