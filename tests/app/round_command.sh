#!/usr/bin/env bash
# `buurtstem round ...` and `buurtstem tally --round` as a facilitator runs them, in a data folder
# of their own: rounds of every ballot type are created, listed, given voting codes (PDF and CSV),
# a lost card voided, voting closed, the round exported and counted. Every mistake must give a
# plain message and the documented exit code (app/cli/CommandLine.h) and change nothing. Ballots
# cannot be cast from the command line; tests/storage/RoundExportTest.cpp counts real ones.
# Needs no display. Usage: round_command.sh BUURTSTEM_BINARY SOURCE_DIR (ctest: app.round_command).
set -euo pipefail

BIN=${1:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
export TZ=Europe/Amsterdam  # dates on the command line and in the listing are local

readonly EXIT_USAGE=2 EXIT_DATA_DIR=3 EXIT_ALREADY_RUNNING=4 EXIT_STORAGE=8 EXIT_NO_SUCH_ROUND=10
WORK=$(mktemp -d "${TMPDIR:-/tmp}/buurtstem-round.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
DATA=$WORK/data
failures=0
# shellcheck source=lib/command_test.bash
source "${2:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}/tests/app/lib/command_test.bash"

round() { "$BIN" round "$1" --data-dir "$DATA" "${@:2}"; }
listing() { round list >"$WORK/list" 2>&1 || fail "round list: exit code $?"; }
round_count() { listing; grep -c '^[0-9a-f]\{8\}-' "$WORK/list" || true; }
# The listing's block of one round (its four lines).
round_block() { listing; grep -A3 "^$1 " "$WORK/list"; }

YESTERDAY=$(date -d yesterday +%F)
LATER=$(date -d '+30 days' +%F)
NEXT_YEAR=$(date -d '+1 year' +%F)
is_id() { [[ $1 =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ ]]; }

# [SECTION] create and list

expect "list without a database" 0 "No budget rounds" -- round list
[ ! -e "$DATA" ] || fail "round list created $DATA"

create() {  # create NAME BALLOT OPTIONS...: prints the new round's id
    round create --name "$1" --ballot "$2" --opens "$YESTERDAY" --closes "$LATER" "${@:3}"
}
expect "create approval" 0 "saved" -- create "Buurtbudget Approval" approval --budget 2500 --max-choices 2 \
    --project "Bankjes bij de vijver;400;green" --project "Speeltuin;1250.50;play" --project "Licht; steegje;250,75"
APPROVAL=$(cat "$WORK/stdout")
expect "create budget" 0 "saved" -- create "Buurtbudget Knapsack" budget --budget "1.250,50" \
    --project "Moestuin;300" --project "Repair Café;1.000,25;meeting"
BUDGET=$(cat "$WORK/stdout")
expect "create points" 0 "saved" -- create "Buurtbudget Points" points --budget 1000 --points 6 --max-points 3 \
    --rule mes --utility cardinality --completion add1u --compare-greedy --project "A;400" --project "B;700"
POINTS=$(cat "$WORK/stdout")
expect "create ranking" 0 "saved" -- create "Buurtbudget Ranking" ranking --budget 1000 --max-choices 3 \
    --project "A;400" --project "B;700" --project "C;100"
RANKING=$(cat "$WORK/stdout")
for id in "$APPROVAL" "$BUDGET" "$POINTS" "$RANKING"; do is_id "$id" || fail "create printed \"$id\", not a round id"; done

[ "$(round_count)" = 4 ] || fail "round list: $(round_count) rounds, expected 4"
round_block "$APPROVAL" | grep -qF "open, opens $YESTERDAY, closes $LATER" || fail "approval window: $(round_block "$APPROVAL")"
round_block "$APPROVAL" | grep -qF "approval ballot, at most 2 choices; budget 2,500.00 EUR for 3 projects" ||
    fail "approval ballot: $(round_block "$APPROVAL")"
round_block "$BUDGET" | grep -qF "budget 1,250.50 EUR" || fail "Dutch amount: $(round_block "$BUDGET")"
round_block "$POINTS" | grep -qF "6 points, at most 3 on one project" || fail "points limits: $(round_block "$POINTS")"
round_block "$POINTS" | grep -qF "cardinality utilities, add1u completion, compared with greedy" ||
    fail "points rule: $(round_block "$POINTS")"
round_block "$RANKING" | grep -qF "counted by greedy by support" || fail "ranking default rule: $(round_block "$RANKING")"

# [SECTION] voting codes

expect "codes" 0 "Issued 5 voting codes" -- round codes --round "$APPROVAL" --count 5 --pdf "$WORK/cards.pdf" --csv "$WORK/codes.csv"
[ "$(head -c 4 "$WORK/cards.pdf")" = "%PDF" ] || fail "codes: $WORK/cards.pdf is not a PDF"
rows=$(tail -n +2 "$WORK/codes.csv" | grep -c ';[A-Z0-9]\{4\}-[A-Z0-9]\{4\}-[A-Z0-9]\{4\};' || true)
[ "$rows" = 5 ] || fail "codes: $rows code rows in the CSV, expected 5"
LOST=$(sed -n 3p "$WORK/codes.csv" | cut -d';' -f2)
round_block "$APPROVAL" | grep -qF "codes: 5 issued, 0 used, 0 voided, 5 still valid" || fail "codes counted: $(round_block "$APPROVAL")"

expect "void" 0 "is voided" -- round void --round "$APPROVAL" "$(echo "$LOST" | tr -d - | tr 'A-Z' 'a-z')"
expect "void again" 0 "already voided" -- round void --round "$APPROVAL" "$LOST"
expect "void not a code" $EXIT_USAGE "is not a voting code" -- round void --round "$APPROVAL" "hello"
expect "void unknown code" $EXIT_USAGE "is not a code of" -- round void --round "$APPROVAL" "AAAA-AAAA-AAAA"
round_block "$APPROVAL" | grep -qF "codes: 5 issued, 0 used, 1 voided, 4 still valid" || fail "voided counted: $(round_block "$APPROVAL")"

# A file that cannot be written: the codes just issued are voided, none stays valid unprinted.
touch "$WORK/not-a-folder"
expect "unwritable pdf" $EXIT_STORAGE "have been voided" -- \
    round codes --round "$BUDGET" --count 3 --pdf "$WORK/not-a-folder/cards.pdf"
round_block "$BUDGET" | grep -qF "codes: 3 issued, 0 used, 3 voided, 0 still valid" || fail "unwritable pdf: $(round_block "$BUDGET")"
expect "unwritable csv" $EXIT_STORAGE "are removed" -- \
    round codes --round "$BUDGET" --count 2 --pdf "$WORK/budget.pdf" --csv "$WORK/missing/codes.csv"
[ ! -e "$WORK/budget.pdf" ] || fail "unwritable csv: the cards of voided codes are still in $WORK/budget.pdf"
round_block "$BUDGET" | grep -qF "codes: 5 issued, 0 used, 5 voided, 0 still valid" || fail "unwritable csv: $(round_block "$BUDGET")"

expect "codes without a file" $EXIT_USAGE "give --pdf FILE or --csv FILE" -- round codes --round "$BUDGET" --count 3
expect "codes into a folder" $EXIT_USAGE "is a folder" -- round codes --round "$BUDGET" --count 3 --csv "$WORK"
expect "too many codes" $EXIT_USAGE "--count" -- round codes --round "$BUDGET" --count 10001 --csv "$WORK/c.csv"
expect "create evening" 0 "saved" -- create "Bewonersavond" approval --budget 500 --evening --project "A;100"
EVENING=$(cat "$WORK/stdout")
expect "evening codes" $EXIT_USAGE "voted at an evening" -- round codes --round "$EVENING" --count 3 --csv "$WORK/e.csv"
[ ! -e "$WORK/e.csv" ] || fail "evening codes: wrote $WORK/e.csv"
round_block "$EVENING" | grep -qF "voted at an evening, without codes" || fail "evening listing: $(round_block "$EVENING")"
round_block "$BUDGET" | grep -qF "codes: 5 issued" || fail "refused requests issued codes: $(round_block "$BUDGET")"

# [SECTION] counting and exporting a round without ballots

expect "tally open mes" 0 "nobody has voted yet" -- "$BIN" tally --round "$APPROVAL" --data-dir "$DATA"
grep -qF "Voting still open: 0 ballots so far" "$WORK/out" || fail "tally open mes: not said to be open"
expect "tally open mes json" 0 '"note": "nobody has voted yet"' -- "$BIN" tally --round "$APPROVAL" --data-dir "$DATA" --json
grep -qF '"voting": "open"' "$WORK/out" || fail "tally open mes json: no voting status"
expect "tally ranking" 0 "Funded 0 projects for 0.00 EUR" -- "$BIN" tally --round "$RANKING" --data-dir "$DATA"
grep -qF "A ranked ballot gives 3, 2, 1 points" "$WORK/out" || fail "tally ranking: not counted with rank points"
grep -qF "What if" "$WORK/out" && fail "tally ranking: an announced count called a what-if"
expect "tally what if" 0 "differs from the rule the round announced" -- \
    "$BIN" tally --round "$APPROVAL" --data-dir "$DATA" --rule greedy
expect "tally what if json" 0 '"as_announced": false' -- "$BIN" tally --round "$APPROVAL" --data-dir "$DATA" --rule greedy --json
grep -qF '"currency": "EUR"' "$WORK/out" || fail "tally what if json: currency"
grep -qF '"name": "Speeltuin"' "$WORK/out" || fail "tally what if json: project titles as names"
expect "tally greedy with mes options" $EXIT_USAGE "--rule mes" -- \
    "$BIN" tally --round "$RANKING" --data-dir "$DATA" --completion add1

expect "export open" 0 "voting is still open" -- round export --round "$RANKING" --out "$WORK/open.pb"
grep -q "^currency;EUR$" "$WORK/open.pb" || fail "export open: no currency"
grep -q "^voter_id;vote$" "$WORK/open.pb" || fail "export open: no VOTES header"
grep -q "selected" "$WORK/open.pb" && fail "export open: an outcome while voting is open"
expect "export into no folder" $EXIT_STORAGE "cannot write" -- round export --round "$RANKING" --out "$WORK/not-a-folder/r.pb"
expect "export counts as a file" 0 "Funded 0 projects" -- "$BIN" tally "$WORK/open.pb" --rule greedy

# [SECTION] closing

expect "close" 0 "has ended" -- round close --round "$RANKING"
round_block "$RANKING" | grep -q "^    closed, " || fail "close: $(round_block "$RANKING")"
expect "close twice" $EXIT_USAGE "has already ended" -- round close --round "$RANKING"
expect "export closed" 0 "selected column" -- round export --round "$RANKING" --out "$WORK/closed.pb"
grep -q "^project_id;cost;name;category;selected$" "$WORK/closed.pb" || fail "export closed: no selected column"
expect "close approval" 0 "has ended: 0 ballots" -- round close --round "$APPROVAL"
expect "export closed mes" 0 "nobody voted" -- round export --round "$APPROVAL" --out "$WORK/approval.pb"
expect "create upcoming" 0 "saved" -- round create --name "Volgend jaar" --ballot budget --budget 100 --project "A;10" \
    --opens "$NEXT_YEAR" --closes "${NEXT_YEAR}T18:30"
UPCOMING=$(cat "$WORK/stdout")
expect "close upcoming" $EXIT_USAGE "has not begun yet" -- round close --round "$UPCOMING"

# [SECTION] phases: proposals, voting now, publishing

round_block "$RANKING" | grep -q "^    closed, results not published, " || fail "unpublished: $(round_block "$RANKING")"
expect "publish" 0 "are published" -- round publish --round "$RANKING"
round_block "$RANKING" | grep -q "^    closed, results published " || fail "published: $(round_block "$RANKING")"
expect "publish twice" $EXIT_USAGE "already published" -- round publish --round "$RANKING"
expect "publish upcoming" $EXIT_USAGE "not ended" -- round publish --round "$UPCOMING"
expect "proposals open" 0 "takes residents' initiatives now" -- round proposals --round "$UPCOMING" --open
round_block "$UPCOMING" | grep -q ", taking initiatives, " || fail "proposals: $(round_block "$UPCOMING")"
expect "proposals without a choice" $EXIT_USAGE "" -- round proposals --round "$UPCOMING"
expect "proposals closed" 0 "takes no more initiatives" -- round proposals --round "$UPCOMING" --close
expect "open now" 0 "is open now" -- round open --round "$UPCOMING"
round_block "$UPCOMING" | grep -q "^    open, " || fail "open now: $(round_block "$UPCOMING")"
expect "open twice" $EXIT_USAGE "already begun" -- round open --round "$UPCOMING"
expect "proposals while voting" $EXIT_USAGE "only before voting" -- round proposals --round "$UPCOMING" --open

# [SECTION] mistakes: a plain message, and nothing stored

before=$(round_count)
expect "bad amount" $EXIT_USAGE '--budget "12,3,4" is not an amount' -- create X approval --budget 12,3,4 --project "A;10"
expect "zero budget" $EXIT_USAGE "--budget must be more than 0" -- create X approval --budget 0 --project "A;10"
expect "bad cost" $EXIT_USAGE '--project "A;tien"' -- create X approval --budget 100 --project "A;tien"
expect "unknown theme" $EXIT_USAGE 'unknown theme "gren"' -- create X approval --budget 100 --project "A;10;gren"
expect "no projects" $EXIT_USAGE "--project" -- create X approval --budget 100
expect "closes before opens" $EXIT_USAGE "--closes must be after --opens" -- \
    round create --name X --ballot approval --budget 100 --project "A;10" --opens "$LATER" --closes "$YESTERDAY"
expect "bad date" $EXIT_USAGE '--opens "2026-02-30" is not a date' -- \
    round create --name X --ballot approval --budget 100 --project "A;10" --opens 2026-02-30 --closes "$LATER"
expect "points options on approval" $EXIT_USAGE "--points and --max-points go with --ballot points" -- \
    create X approval --budget 100 --project "A;10" --points 5
expect "more points per project" $EXIT_USAGE "--max-points (6) cannot be more" -- \
    create X points --budget 100 --project "A;10" --points 5 --max-points 6
expect "long name" $EXIT_USAGE "--name" -- create "$(printf 'x%.0s' {1..81})" approval --budget 100 --project "A;10"
expect "unknown ballot" $EXIT_USAGE "--ballot" -- create X poll --budget 100 --project "A;10"
[ "$(round_count)" = "$before" ] || fail "mistakes stored a round: $(round_count) rounds, expected $before"
# Equal Shares counts a ranking by the points of its places.
expect "mes ranking" 0 "saved" -- create "Gelijke delen op volgorde" ranking --budget 100 --project "A;10" --rule mes

for command in "codes --count 1 --csv $WORK/x.csv" "void $LOST" "close" "export --out $WORK/x.pb"; do
    # shellcheck disable=SC2086 # the command's words
    expect "unknown round: ${command%% *}" $EXIT_NO_SUCH_ROUND "there is no round nope" -- round $command --round nope
done
expect "tally unknown round" $EXIT_NO_SUCH_ROUND "there is no round nope" -- "$BIN" tally --round nope --data-dir "$DATA"
expect "tally file and round" $EXIT_USAGE "excludes" -- "$BIN" tally "$WORK/open.pb" --round "$RANKING"
expect "tally neither" $EXIT_USAGE "give an election FILE or --round ID" -- "$BIN" tally
expect "no database" $EXIT_DATA_DIR "There is no Buurtstem database" -- \
    "$BIN" round close --data-dir "$WORK/elsewhere" --round "$RANKING"
[ ! -e "$WORK/elsewhere" ] || fail "no database: created $WORK/elsewhere"

# The kiosk holds the data folder's lock while it runs: commands that change the database wait
# for it to stop; reading goes on.
if command -v flock >/dev/null; then
    exec 9>>"$DATA/buurtstem.lock"  # the kiosk's lock file (storage/DataDir.h), held by this shell
    flock -n 9 || fail "could not take the lock on $DATA"
    expect "locked close" $EXIT_ALREADY_RUNNING "already running" -- round close --round "$POINTS"
    expect "locked create" $EXIT_ALREADY_RUNNING "already running" -- create X approval --budget 100 --project "A;10"
    expect "locked codes" $EXIT_ALREADY_RUNNING "already running" -- round codes --round "$POINTS" --count 1 --csv "$WORK/l.csv"
    expect "locked list" 0 "Buurtbudget Points" -- round list
    expect "locked tally" 0 "nobody has voted yet" -- "$BIN" tally --round "$POINTS" --data-dir "$DATA"
    exec 9>&-
    round_block "$POINTS" | grep -q "^    open, " || fail "locked close: the round was closed anyway"
    expect "unlocked close" 0 "has ended" -- round close --round "$POINTS"
else
    echo "round_command: flock is missing; the lock cases are skipped" >&2
fi

if [ "$failures" -gt 0 ]; then
    echo "round_command: $failures failed" >&2
    exit 1
fi
echo "round_command: all passed"
