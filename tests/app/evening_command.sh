#!/usr/bin/env bash
# `buurtstem evening report` as staff run it: a kiosk without an evening, the demo's evening as a
# PDF (a real PDF, its pages said), an .ics only when the minutes name a next evening, an unknown
# evening, and a file that cannot be written, each with the documented exit code
# (app/cli/CommandLine.h). The demo is made by starting the kiosk once with --demo, in its own Xvfb.
# Usage: evening_command.sh BUURTSTEM_BINARY SOURCE_DIR (ctest: app.evening_command).
set -euo pipefail

BIN=${1:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
SOURCE_DIR=${2:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
# shellcheck source=lib/kiosk_test.bash
source "$SOURCE_DIR/tests/app/lib/kiosk_test.bash"
[ -x "$BIN" ] || fail "no executable at $BIN"
in_own_xvfb 1280x800 "$0" "$@"

readonly EXIT_DATA_DIR=3 EXIT_STORAGE=8 EXIT_NO_SUCH_EVENING=12
WORK=$(mktemp -d "${TMPDIR:-/tmp}/buurtstem-evening.XXXXXX")
cleanup() {
    kill_kiosk
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
failures=0
check() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect NAME CODE PHRASE -- COMMAND...: COMMAND exits with CODE and says PHRASE.
expect() {
    local name=$1 code=$2 phrase=$3
    shift 4
    local actual=0
    "$@" >"$WORK/out" 2>&1 || actual=$?
    [ "$actual" -eq "$code" ] || check "$name: exit code $actual, expected $code ($(head -c 400 "$WORK/out"))"
    grep -qF -- "$phrase" "$WORK/out" || check "$name: no \"$phrase\" in: $(head -c 400 "$WORK/out")"
}
report() { "$BIN" evening report --data-dir "$1" "${@:2}"; }

expect "no database" $EXIT_DATA_DIR "There is no Buurtstem database" -- report "$WORK/nowhere" --pdf "$WORK/x.pdf"

EMPTY=$WORK/empty
"$BIN" round create --data-dir "$EMPTY" --name "Buurtbudget" --ballot approval --budget 100 --project "A;10" \
    --opens 2026-06-01 --closes 2026-06-15 >/dev/null 2>&1 || check "round create: exit code $?"
expect "no evening" $EXIT_NO_SUCH_EVENING "has no evening yet" -- report "$EMPTY" --pdf "$WORK/x.pdf"
[ ! -e "$WORK/x.pdf" ] || check "no evening: a PDF was written"

note "the demo kiosk, started once"
DATA=$WORK/data
start_kiosk "$DATA" "$WORK/widgets.txt" "$WORK/kiosk.log" --demo
wait_for_widget "#attract.start"
stop_kiosk

expect "demo report" 0 "Report: $WORK/verslag.pdf (2 pages)" -- report "$DATA" --pdf "$WORK/verslag.pdf" --ics "$WORK/next.ics"
head -c 5 "$WORK/verslag.pdf" | grep -q '%PDF-' || check "demo report: not a PDF"
grep -qF "No next evening in the minutes yet" "$WORK/out" || check "demo report: no word about the missing next evening"
[ ! -e "$WORK/next.ics" ] || check "demo report: an .ics without a next evening"
expect "english" 0 "Report:" -- report "$DATA" --pdf "$WORK/report-en.pdf" --lang en
expect "unknown language" 2 "unknown language" -- report "$DATA" --pdf "$WORK/x.pdf" --lang xx
expect "unknown evening" $EXIT_NO_SUCH_EVENING "there is no evening nope" -- report "$DATA" --evening nope --pdf "$WORK/x.pdf"
expect "unwritable folder" $EXIT_STORAGE "cannot write $WORK/missing/verslag.pdf" -- report "$DATA" --pdf "$WORK/missing/verslag.pdf"
[ ! -e "$WORK/missing" ] || check "unwritable folder: made the folder"

[ "$failures" -eq 0 ] || exit 1
echo "PASS: evening report on no database, no evening, the demo evening, an unknown one and an unwritable path"
