#!/usr/bin/env bash
# `buurtstem audit` as staff run it: an empty log, entries printed newest first as one-line cells,
# and --check on a whole chain and on broken ones, with the documented exit code
# (app/cli/CommandLine.h). Nothing here can write a real entry (no command does), so entries are
# put in with sqlite3: with made-up hashes, which --check must reject at entry 1; and, when
# python3 is there, hashed by the encoding of docs/audit-log.md, which --check must accept, and
# which the script printed in that document must judge the same way as the command.
# tests/storage/AuditLogStoreTest.cpp covers what the store writes. Needs no display.
# Usage: audit_command.sh BUURTSTEM_BINARY SOURCE_DIR (ctest: app.audit_command).
set -euo pipefail

BIN=${1:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
SOURCE_DIR=${2:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
export TZ=Europe/Amsterdam  # times in the table are local

readonly EXIT_USAGE=2 EXIT_DATA_DIR=3 EXIT_AUDIT_BROKEN=11
WORK=$(mktemp -d "${TMPDIR:-/tmp}/buurtstem-audit.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
failures=0
# shellcheck source=lib/command_test.bash
source "${2:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}/tests/app/lib/command_test.bash"
command -v sqlite3 >/dev/null || { echo "FAIL: sqlite3 is not installed (./dev.sh test installs it)" >&2; exit 1; }

audit() { "$BIN" audit --data-dir "$1" "${@:2}"; }
# A data folder with a kiosk database and no audit entries: `round create` is the command that makes one.
new_kiosk() {
    "$BIN" round create --data-dir "$1" --name "Buurtbudget" --ballot approval --budget 100 --project "A;10" \
        --opens 2026-06-01 --closes 2026-06-15 >/dev/null 2>&1 || fail "round create in $1: exit code $?"
}
sql() { sqlite3 -batch -noheader "$1/buurtstem.sqlite" "$2"; }
readonly COLUMNS="seq, at_ms, facilitator, action, subject, before, after, prev_hash, hash"

# [SECTION] no database, no entries

expect "no database" $EXIT_DATA_DIR "There is no Buurtstem database" -- audit "$WORK/nowhere"
expect "no database, check" $EXIT_DATA_DIR "There is no Buurtstem database" -- audit "$WORK/nowhere" --check
[ ! -e "$WORK/nowhere" ] || fail "no database: created $WORK/nowhere"

EMPTY=$WORK/empty
new_kiosk "$EMPTY"
expect "empty log" 0 "no entries" -- audit "$EMPTY"
expect "empty log, check" 0 "The audit log is whole: 0 entries." -- audit "$EMPTY" --check
expect "check and last" $EXIT_USAGE "--last" -- audit "$EMPTY" --check --last 5
expect "last 0" $EXIT_USAGE "--last" -- audit "$EMPTY" --last 0

# [SECTION] entries with made-up hashes

FAKE=$WORK/fake
new_kiosk "$FAKE"
# 2025-11-28 09:02:04, 10:15:00 and 21:30:59 in Amsterdam. Entry 3's texts hold a terminal
# escape, a line break and a tab; the table shows none of them.
sql "$FAKE" "INSERT INTO audit_log ($COLUMNS) VALUES
  (1, 1764316924000, 'Anna (opbouwwerk)', 'idea.approved', 'K7P-3XR', 'new', 'approved', '', 'h1'),
  (2, 1764321300000, 'Jörg', 'round.closed', 'r-2026', 'open', 'closed', 'h1', 'h2'),
  (3, 1764361859000, 'Anna (opbouwwerk)', 'idea.edited', 'K7P-3XR', 'Bankje ' || char(27) || '[2Jbij school',
   'Twee bankjes' || char(10) || 'bij de' || char(9) || 'school en een prullenbak bij de ingang', 'h2', 'h3')"
[ "$(sql "$FAKE" "SELECT COUNT(*) FROM audit_log")" = 3 ] || fail "the entries did not go in"

expect "table" 0 "Audit log of $FAKE, newest first" -- audit "$FAKE"
sed -n 2p "$WORK/stdout" | grep -q "^#  when  *facilitator  *action  *subject  *before → after$" ||
    fail "table header: $(sed -n 2p "$WORK/stdout")"
# The escape shown as U+FFFD, line break and tab as spaces, the long text cut with "…".
ENTRY_3="3  2025-11-28 21:30:59  Anna (opbouwwerk)  idea.edited    K7P-3XR  Bankje �[2Jbij school → Twee bankjes bij de school…"
sed -n 3p "$WORK/stdout" | grep -qF "$ENTRY_3" ||
    fail "newest entry first, on one line: $(sed -n 3p "$WORK/stdout")"
sed -n 4p "$WORK/stdout" | grep -qF "2  2025-11-28 10:15:00  Jörg               round.closed   r-2026   open → closed" ||
    fail "entry 2: $(sed -n 4p "$WORK/stdout")"
sed -n 5p "$WORK/stdout" | grep -qF "1  2025-11-28 09:02:04  Anna (opbouwwerk)  idea.approved  K7P-3XR  new → approved" ||
    fail "entry 1: $(sed -n 5p "$WORK/stdout")"
[ "$(wc -l <"$WORK/stdout")" -eq 5 ] || fail "table: $(wc -l <"$WORK/stdout") lines, expected 5"
if LC_ALL=C grep -q $'\e' "$WORK/stdout"; then fail "table: a terminal escape came through"; fi

expect "last 2" 0 "Entries 1 to 1 are not shown; --last 3 shows more." -- audit "$FAKE" --last 2
grep -q "^1  " "$WORK/stdout" && fail "last 2: entry 1 shown"
expect "made-up hashes" $EXIT_AUDIT_BROKEN "The audit log is broken: entry 1 was changed after it was written." -- \
    audit "$FAKE" --check
grep -qF "whole" "$WORK/out" && fail "made-up hashes: called whole"

# The table refuses changes and anything but the next entry, from the side too.
if sql "$FAKE" "UPDATE audit_log SET after = 'hidden' WHERE seq = 1" 2>/dev/null; then fail "UPDATE was allowed"; fi
if sql "$FAKE" "DELETE FROM audit_log WHERE seq = 3" 2>/dev/null; then fail "DELETE was allowed"; fi
if sql "$FAKE" "INSERT OR REPLACE INTO audit_log ($COLUMNS) VALUES (2, 0, 'x', 'x', '', '', '', '', '')" 2>/dev/null; then
    fail "INSERT OR REPLACE was allowed"
fi
[ "$(sql "$FAKE" "SELECT group_concat(after, '|') FROM audit_log WHERE seq < 3 ORDER BY seq")" = "approved|closed" ] ||
    fail "the entries changed: $(sql "$FAKE" "SELECT group_concat(after, '|') FROM audit_log")"

# [SECTION] a chain hashed by the documented encoding (python3)

if command -v python3 >/dev/null; then
    CHECKER=$WORK/check_audit_log.py
    # The script as docs/audit-log.md prints it.
    sed -n '/^```python$/,/^```$/p' "$SOURCE_DIR/docs/audit-log.md" | sed '1d;$d' >"$CHECKER"
    [ -s "$CHECKER" ] || fail "no Python script in docs/audit-log.md"

    # Writes entries hashed by the documented encoding: "append" four of them, or "forge SEQ AFTER"
    # to give entry SEQ another after text and the hash that goes with it.
    WRITER=$WORK/write_audit_log.py
    cat >"$WRITER" <<'PYTHON'
import hashlib, sqlite3, struct, sys
def text(s):
    b = s.encode("utf-8")
    return struct.pack(">I", len(b)) + b
def entry_hash(seq, at_ms, facilitator, action, subject, before, after, prev_hash):
    data = text("buurtstem-audit-v1") + struct.pack(">QQ", seq, at_ms) + b"".join(
        text(f) for f in (facilitator, action, subject, before, after, prev_hash))
    return hashlib.blake2b(data, digest_size=32).hexdigest()
db = sqlite3.connect(sys.argv[1])
if sys.argv[2] == "append":
    previous = ""
    for row in [(1, 1764316924000, "Anna (opbouwwerk)", "idea.approved", "K7P-3XR", "new", "approved"),
                (2, 1764321300000, "Jörg", "round.closed", "r-2026", "open", "closed"),
                (3, 1764361859000, "Anna (opbouwwerk)", "idea.hidden", "Q2M-8TD", "approved", "hidden"),
                (4, 1764361860000, "Anna (opbouwwerk)", "facilitator.added", "Bert", "", "Bert")]:
        digest = entry_hash(*row, previous)
        db.execute("INSERT INTO audit_log (seq, at_ms, facilitator, action, subject, before, after, prev_hash, hash) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (*row, previous, digest))
        previous = digest
else:
    seq, after = int(sys.argv[3]), sys.argv[4]
    row = db.execute("SELECT seq, at_ms, facilitator, action, subject, before, prev_hash FROM audit_log "
                     "WHERE seq = ?", (seq,)).fetchone()
    digest = entry_hash(*row[:6], after, row[6])
    db.execute("UPDATE audit_log SET after = ?, hash = ? WHERE seq = ?", (after, digest, seq))
db.commit()
PYTHON
    CHAIN=$WORK/chain
    new_kiosk "$CHAIN"
    python3 "$WRITER" "$CHAIN/buurtstem.sqlite" append
    expect "whole chain" 0 "The audit log is whole: 4 entries." -- audit "$CHAIN" --check
    expect "whole chain, script" 0 "The audit log is whole: 4 entries." -- python3 "$CHECKER" "$CHAIN/buurtstem.sqlite"
    expect "whole chain, table" 0 "(none) → Bert" -- audit "$CHAIN"

    # Planted breaks: the triggers dropped first, as someone with the file could.
    broken() {  # broken NAME SQL REASON: the command and the script both name the break
        local copy=$WORK/$1
        mkdir -p "$copy"
        sqlite3 "$CHAIN/buurtstem.sqlite" ".backup '$copy/buurtstem.sqlite'"
        sql "$copy" "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; $2"
        expect "$1" $EXIT_AUDIT_BROKEN "The audit log is broken: $3." -- audit "$copy" --check
        expect "$1, script" 1 "$3" -- python3 "$CHECKER" "$copy/buurtstem.sqlite"
    }
    broken "edited" "UPDATE audit_log SET after = 'shown' WHERE seq = 3" "entry 3 was changed after it was written"
    broken "deleted" "DELETE FROM audit_log WHERE seq = 2" "entry 2 is missing"
    broken "relinked" "UPDATE audit_log SET prev_hash = 'x', hash = 'y' WHERE seq = 1" "entry 1 was changed after it was written"
    broken "hash swapped" "UPDATE audit_log SET hash = (SELECT hash FROM audit_log WHERE seq = 4) WHERE seq = 3" \
        "entry 3 was changed after it was written"
    mkdir -p "$WORK/forged"
    sqlite3 "$CHAIN/buurtstem.sqlite" ".backup '$WORK/forged/buurtstem.sqlite'"
    sql "$WORK/forged" "DROP TRIGGER audit_log_no_update"
    python3 "$WRITER" "$WORK/forged/buurtstem.sqlite" forge 3 "approved"
    expect "forged" $EXIT_AUDIT_BROKEN "The audit log is broken: entry 4 does not follow entry 3." -- audit "$WORK/forged" --check
    expect "forged, script" 1 "entry 4 does not follow entry 3" -- python3 "$CHECKER" "$WORK/forged/buurtstem.sqlite"
    # The last entry taken away leaves a whole, shorter chain (docs/audit-log.md says so).
    mkdir -p "$WORK/shortened"
    sqlite3 "$CHAIN/buurtstem.sqlite" ".backup '$WORK/shortened/buurtstem.sqlite'"
    sql "$WORK/shortened" "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 4"
    expect "shortened" 0 "The audit log is whole: 3 entries." -- audit "$WORK/shortened" --check
else
    echo "audit_command: python3 is missing; the chain hashed by the documented encoding is skipped" >&2
fi

if [ "$failures" -gt 0 ]; then
    echo "audit_command: $failures failed" >&2
    exit 1
fi
echo "audit_command: all passed"
