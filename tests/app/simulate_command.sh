#!/usr/bin/env bash
# `buurtstem simulate` fills kiosks in data folders of their own: the counts asked for are stored
# (read back with sqlite3 and `buurtstem round list`), the same seed gives the same ideas in the same
# order, another seed others, a second run votes in the round the first one opened, and every
# mistake exits 2 (4 while the kiosk runs) and changes nothing.
# Needs no display. Usage: simulate_command.sh BUURTSTEM_BINARY SOURCE_DIR (ctest: app.simulate_command).
set -euo pipefail

BIN=${1:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
command -v sqlite3 >/dev/null || { echo "FAIL: sqlite3 is not installed (./dev.sh test installs it)" >&2; exit 1; }

readonly EXIT_USAGE=2 EXIT_ALREADY_RUNNING=4
WORK=$(mktemp -d "${TMPDIR:-/tmp}/buurtstem-simulate.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
failures=0
# shellcheck source=lib/command_test.bash
source "${2:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}/tests/app/lib/command_test.bash"

simulate() { "$BIN" simulate --data-dir "$@"; }
sql() { sqlite3 -batch -noheader "$1/buurtstem.sqlite" "$2"; }
same() {  # same NAME ACTUAL EXPECTED
    [ "$2" = "$3" ] || fail "$1: got \"$2\", expected \"$3\""
}

# [SECTION] Counts as asked

A=$WORK/a
expect "simulate" 0 "events/s" -- simulate "$A" --ideas 40 --ballots 30 --seed 5
grep -qF "Neighbourhood: " "$WORK/out" || fail "no neighbourhood named: $(cat "$WORK/out")"
grep -qF "Round made: " "$WORK/out" || fail "no round made: $(cat "$WORK/out")"
# Defaults: an initiative per 10 ideas, 2 supports per idea and initiative, a pulse per 2 ideas, a need per 4.
same "ideas" "$(sql "$A" "SELECT COUNT(*) FROM ideas WHERE idea_id NOT IN (SELECT idea_id FROM initiative_plans)")" 40
same "initiatives" "$(sql "$A" "SELECT COUNT(*) FROM initiative_plans")" 4
same "supports" "$(sql "$A" "SELECT SUM(supports) FROM ideas")" 88
same "supports only on approved ideas" "$(sql "$A" "SELECT COUNT(*) FROM ideas WHERE supports > 0 AND status <> 'approved'")" 0
same "pulses" "$(sql "$A" "SELECT COUNT(*) FROM pulse")" 20
same "needs" "$(sql "$A" "SELECT COUNT(*) FROM meeting_need")" 10
same "ballots" "$(sql "$A" "SELECT COUNT(*) FROM ballots")" 30
same "codes used" "$(sql "$A" "SELECT COUNT(*) FROM voting_codes WHERE status = 'used'")" 30
same "neighbourhood" "$(sql "$A" "SELECT COUNT(*) FROM neighbourhood")" 1
[ "$(sql "$A" "SELECT COUNT(*) FROM places")" -ge 5 ] || fail "fewer than 5 places"
same "staff key" "$(stat -c %a "$A/demo-staff-secret.key")" 600
"$BIN" round list --data-dir "$A" >"$WORK/list" 2>&1 || fail "round list: exit code $?"
grep -qF "Buurtbudget " "$WORK/list" || fail "round list shows no simulated round: $(cat "$WORK/list")"
grep -qF "approval ballot" "$WORK/list" || fail "the round is not an approval round: $(cat "$WORK/list")"

# A second run votes in the round that is open now, and adds what it is asked for.
expect "second run" 0 "events/s" -- simulate "$A" --ideas 0 --ballots 12 --supports 7 --pulses 0 --needs 0 --initiatives 0
grep -qF "Round made: " "$WORK/out" && fail "a second round was made: $(cat "$WORK/out")"
same "rounds after the second run" "$(sql "$A" "SELECT COUNT(*) FROM rounds")" 1
same "ballots after the second run" "$(sql "$A" "SELECT COUNT(*) FROM ballots")" 42
same "supports after the second run" "$(sql "$A" "SELECT SUM(supports) FROM ideas")" 95

# [SECTION] The same seed, the same content

B=$WORK/b
A2=$WORK/a2
C=$WORK/c
expect "same seed" 0 "events/s" -- simulate "$B" --ideas 40 --ballots 30 --seed 5
expect "same seed again" 0 "events/s" -- simulate "$A2" --ideas 40 --ballots 30 --seed 5
expect "other seed" 0 "events/s" -- simulate "$C" --ideas 40 --ballots 30 --seed 6
ideas() { sql "$1" "SELECT theme || ' ' || title || ' ' || status || ' ' || supports FROM ideas ORDER BY created_hlc"; }
titles() { sql "$1" "SELECT title FROM ideas ORDER BY created_hlc"; }
[ "$(ideas "$A2")" = "$(ideas "$B")" ] || fail "the same seed gave other ideas or supports"
[ "$(titles "$A" | head -n 44)" = "$(titles "$B")" ] || fail "the second run changed the first run's ideas"
[ "$(titles "$B")" != "$(titles "$C")" ] || fail "another seed gave the same ideas"
same "same name" "$(sql "$B" "SELECT name FROM neighbourhood")" "$(sql "$A" "SELECT name FROM neighbourhood")"
# Ballots point at projects by id, the same in both rounds ("p1"...): the votes per project agree.
votes() { sql "$1" "SELECT group_concat(v, '|') FROM (SELECT p.title || ':' || COUNT(*) AS v FROM ballot_choices c JOIN ballots b USING (ballot_id) JOIN round_projects p ON p.round_id = b.round_id AND p.project_id = c.project_id GROUP BY p.project_id ORDER BY p.project_id)"; }
[ -n "$(votes "$B")" ] || fail "no votes read back"
same "same votes per project" "$(votes "$A2")" "$(votes "$B")"
[ "$(votes "$B")" != "$(votes "$C")" ] || fail "another seed gave the same votes"

# [SECTION] Every kind of ballot

for kind in budget points ranking; do
    D=$WORK/kind-$kind
    expect "ballot kind $kind" 0 "$kind ballots" -- simulate "$D" --ideas 12 --ballots 25 --seed 3 --ballot-kind "$kind" \
        --pulses 0 --needs 0
    same "$kind ballots" "$(sql "$D" "SELECT COUNT(*) FROM ballots")" 25
done
same "points given" "$(sql "$WORK/kind-points" "SELECT COUNT(*) FROM ballot_choices WHERE points < 1 OR points > 3")" 0

# [SECTION] Mistakes change nothing

E=$WORK/e
expect "negative ideas" $EXIT_USAGE "--ideas wants a count" -- simulate "$E" --ideas -3 --ballots 0
expect "negative supports" $EXIT_USAGE "--supports wants a count" -- simulate "$E" --ideas 3 --ballots 0 --supports -1
expect "no ballots option" $EXIT_USAGE "--ballots" -- simulate "$E" --ideas 3
expect "not a number" $EXIT_USAGE "--ideas" -- simulate "$E" --ideas many --ballots 0
expect "unknown ballot kind" $EXIT_USAGE "--ballot-kind is approval" -- simulate "$E" --ideas 3 --ballots 1 --ballot-kind stars
expect "ballots without projects" $EXIT_USAGE "--ballots needs projects" -- simulate "$E" --ideas 0 --initiatives 0 --ballots 5
expect "supports without ideas" $EXIT_USAGE "no approved idea to support" -- simulate "$E" --ideas 0 --initiatives 0 --ballots 0 --supports 4
[ ! -e "$E" ] || fail "a refused simulate created $E"
events_before=$(sql "$A" "SELECT COUNT(*) FROM events")
expect "negative needs on a kiosk" $EXIT_USAGE "--needs wants a count" -- simulate "$A" --ideas 1 --ballots 1 --needs -2
same "events after a refused simulate" "$(sql "$A" "SELECT COUNT(*) FROM events")" "$events_before"
expect "help" 0 "same seed gives the same" -- "$BIN" simulate --help

# The kiosk holds the data folder's lock while it runs: simulate waits for it to stop.
if command -v flock >/dev/null; then
    exec 9>>"$A/buurtstem.lock"  # the kiosk's lock file (storage/DataDir.h), held by this shell
    flock -n 9 || fail "could not take the lock on $A"
    expect "locked" $EXIT_ALREADY_RUNNING "already running" -- simulate "$A" --ideas 1 --ballots 0
    exec 9>&-
    same "events after a locked simulate" "$(sql "$A" "SELECT COUNT(*) FROM events")" "$events_before"
else
    echo "simulate_command: flock is missing; the lock case is skipped" >&2
fi

if [ "$failures" -gt 0 ]; then
    echo "simulate_command: $failures failed" >&2
    exit 1
fi
echo "simulate_command: all passed"
