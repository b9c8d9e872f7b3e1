#!/usr/bin/env bash
# `buurtstem tally` as a person runs it: a real election gives its official winners as a table and
# as JSON, and wrong options or a bad file give a plain message and the documented exit code
# (app/cli/CommandLine.h). Needs no display.
# Usage: tally_command.sh BUURTSTEM_BINARY SOURCE_DIR (ctest runs it as app.tally_command).
set -euo pipefail

BIN=${1:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
SOURCE_DIR=${2:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
DATA=$SOURCE_DIR/../shared/data/pabulib
SWIECIE=$DATA/Poland_Swiecie_2023.pb

readonly EXIT_USAGE=2 EXIT_BAD_FILE=9
WORK=$(mktemp -d "${TMPDIR:-/tmp}/buurtstem-tally.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect NAME CODE PHRASE -- COMMAND...: COMMAND exits with CODE and says PHRASE (stdout or stderr).
expect() {
    local name=$1 code=$2 phrase=$3
    shift 4
    local actual=0
    "$@" >"$WORK/out" 2>&1 || actual=$?
    [ "$actual" -eq "$code" ] || fail "$name: exit code $actual, expected $code ($(head -c 300 "$WORK/out"))"
    grep -qF -- "$phrase" "$WORK/out" || fail "$name: no \"$phrase\" in: $(head -c 300 "$WORK/out")"
}

if [ -f "$SWIECIE" ]; then
    # Świecie 2023 ran Equal Shares with add1 and the comparison step; these were its 17 winners.
    expect "Świecie JSON" 0 '"winners": ["c12", "c10", "c20", "c21", "c2", "c3", "c13", "c1", "c9", "c11", "c4", "c7", "c19", "c5", "c17", "c18", "c14"]' -- \
        "$BIN" tally "$SWIECIE" --rule mes --completion add1 --compare-greedy --json
    grep -qF '"rule": "mes"' "$WORK/out" || fail "Świecie JSON: no rule"
    grep -qF '"spent": 1040337.00' "$WORK/out" || fail "Świecie JSON: spent"
    grep -qF '"greedy_won": false' "$WORK/out" || fail "Świecie JSON: comparison"
    expect "Świecie table" 0 "Funded 17 projects for 1,040,337.00 PLN" -- \
        "$BIN" tally "$SWIECIE" --rule mes --completion add1 --compare-greedy
    grep -qF "most to c21" "$WORK/out" || fail "Świecie table: no explanation for c8"
    expect "greedy table" 0 "Funded as number 1 by support (1,030)" -- "$BIN" tally "$SWIECIE" --rule greedy
fi
KRAKOW=$DATA/Poland_Krakow_2024.pb
if [ -f "$KRAKOW" ]; then
    # Kraków 2024 gives a ranked ballot 3, 2 and 1 points; so counted, greedy gives its official 10.
    expect "Kraków rank points" 0 '"rank_points": [3, 2, 1]' -- "$BIN" tally "$KRAKOW" --rule greedy --rank-points 3,2,1 --json
    official=$(awk -F';' '/^PROJECTS/{p=1; getline; next} /^VOTES/{p=0} p && $NF==1 {print $1}' "$KRAKOW" | sort | tr '\n' ' ')
    ours=$(sed -n 's/^ *"winners": \[\(.*\)\],$/\1/p' "$WORK/out" | tr -d '" ' | tr ',' '\n' | sort | tr '\n' ' ')
    [ "$official" = "$ours" ] || fail "Kraków rank points: winners $ours, official $official"
fi
if [ ! -f "$SWIECIE" ]; then
    echo "tally_command: $SWIECIE is missing; only the error cases run" >&2
fi

printf 'META\nkey;value\nbudget;100\n' >"$WORK/truncated.pb"
expect "missing file" $EXIT_BAD_FILE "cannot open" -- "$BIN" tally "$WORK/none.pb" --rule greedy
expect "damaged file" $EXIT_BAD_FILE "is not a Pabulib file that can be counted" -- "$BIN" tally "$WORK/truncated.pb" --rule greedy
expect "unknown rule" $EXIT_USAGE "pav not in" -- "$BIN" tally "$WORK/truncated.pb" --rule pav
expect "no rule" $EXIT_USAGE "--rule is required" -- "$BIN" tally "$WORK/truncated.pb"
expect "rank points that grow" $EXIT_USAGE "from high to low" -- "$BIN" tally "$WORK/truncated.pb" --rule greedy --rank-points 1,2
expect "mes options with greedy" $EXIT_USAGE "go with --rule mes only" -- \
    "$BIN" tally "$WORK/truncated.pb" --rule greedy --completion add1

if [ "$failures" -gt 0 ]; then
    echo "tally_command: $failures failed" >&2
    exit 1
fi
echo "tally_command: all passed"
