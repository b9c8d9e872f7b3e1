#!/usr/bin/env bash
# `buurtstem facilitator add|list` as staff who prepare kiosks run it: the PIN read twice from
# standard input (not a terminal here), a wrong second PIN and a too simple PIN refused with
# nothing changed, a facilitator added and listed, never a PIN printed, and the documented exit
# codes (app/cli/CommandLine.h). Needs no display.
# Usage: facilitator_command.sh BUURTSTEM_BINARY SOURCE_DIR (ctest: app.facilitator_command).
set -euo pipefail

BIN=${1:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
: "${2:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}"

readonly EXIT_USAGE=2 EXIT_DATA_DIR=3
WORK=$(mktemp -d "${TMPDIR:-/tmp}/buurtstem-facilitator.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect NAME CODE PHRASE INPUT -- COMMAND...: COMMAND, given INPUT on standard input, exits with
# CODE and says PHRASE (stdout or stderr); the output is kept in $WORK/out.
expect() {
    local name=$1 code=$2 phrase=$3 input=$4
    shift 5
    local actual=0
    printf '%b' "$input" | "$@" >"$WORK/stdout" 2>"$WORK/stderr" || actual=$?
    cat "$WORK/stdout" "$WORK/stderr" >"$WORK/out"
    [ "$actual" -eq "$code" ] || fail "$name: exit code $actual, expected $code ($(head -c 400 "$WORK/out"))"
    grep -qF -- "$phrase" "$WORK/out" || fail "$name: no \"$phrase\" in: $(head -c 400 "$WORK/out")"
    if grep -qE '284615|590318' "$WORK/out"; then fail "$name: a PIN was printed"; fi
}
KIOSK=$WORK/kiosk

# [SECTION] help and wrong use
expect "help" 0 "add" "" -- "$BIN" facilitator --help
expect "no subcommand" $EXIT_USAGE "subcommand is required" "" -- "$BIN" facilitator
expect "add without a label" $EXIT_USAGE "--label" "284615\n284615\n" -- "$BIN" facilitator add --data-dir "$KIOSK"
expect "list without a database" $EXIT_DATA_DIR "There is no Buurtstem database" "" -- "$BIN" facilitator list --data-dir "$KIOSK"

# [SECTION] refused: nothing is created or changed
expect "wrong second PIN" $EXIT_USAGE "not the same" "284615\n284616\n" -- "$BIN" facilitator add --data-dir "$KIOSK" --label Anna
[ ! -e "$KIOSK" ] || fail "wrong second PIN: created $KIOSK"
expect "too simple" $EXIT_USAGE "too simple" "123456\n123456\n" -- "$BIN" facilitator add --data-dir "$KIOSK" --label Anna
expect "too short" $EXIT_USAGE "fewer than 6" "2846\n2846\n" -- "$BIN" facilitator add --data-dir "$KIOSK" --label Anna
expect "no PIN" $EXIT_USAGE "no PIN" "" -- "$BIN" facilitator add --data-dir "$KIOSK" --label Anna
expect "only one PIN" $EXIT_USAGE "not the same" "284615\n" -- "$BIN" facilitator add --data-dir "$KIOSK" --label Anna
expect "label on two lines" $EXIT_USAGE "--label" "284615\n284615\n" -- "$BIN" facilitator add --data-dir "$KIOSK" --label "$(printf 'An\nna')"
[ ! -e "$KIOSK" ] || fail "refused adds: created $KIOSK"

# [SECTION] added and listed
expect "add" 0 "Facilitator \"Anna (opbouwwerk)\" added" "284615\r\n284615\r\n" -- "$BIN" facilitator add --data-dir "$KIOSK" --label " Anna (opbouwwerk) "
expect "list one" 0 "Anna (opbouwwerk)" "" -- "$BIN" facilitator list --data-dir "$KIOSK"
expect "same label" $EXIT_USAGE "already a facilitator called Anna (opbouwwerk)" "590318\n590318\n" -- "$BIN" facilitator add --data-dir "$KIOSK" --label "Anna (opbouwwerk)"
expect "same PIN" $EXIT_USAGE "another facilitator has this PIN" "284615\n284615\n" -- "$BIN" facilitator add --data-dir "$KIOSK" --label Kees
expect "second" 0 "added" "590318\n590318\n" -- "$BIN" facilitator add --data-dir "$KIOSK" --label Kees
expect "list two" 0 "Kees" "" -- "$BIN" facilitator list --data-dir "$KIOSK"
[ "$(cat "$WORK/stdout")" = "$(printf 'Anna (opbouwwerk)\nKees')" ] || fail "list two: printed $(cat "$WORK/stdout")"

# Only a hash of the PIN is in the database.
if grep -aqE '284615|590318' "$KIOSK/buurtstem.sqlite"*; then fail "a PIN is readable in the database"; fi

if [ "$failures" -gt 0 ]; then
    echo "$failures failed, 0 passed"
    exit 1
fi
echo "facilitator_command: all checks passed"
