#!/usr/bin/env bash
# End to end: a residents' evening on the real kiosk binary under Xvfb, on the demo
# neighbourhood. A facilitator opens the facilitator screens (long press, demo PIN), opens
# tonight's evening, checks five people in (two with a postcode), starts the first agenda item,
# and makes the report: the PDF lands in the data folder's reports/, and the audit log has every
# step and is whole.
# Usage: evening_e2e.sh BUURTSTEM_BINARY SOURCE_DIR (ctest runs it as app.evening_e2e).
set -euo pipefail

BIN=${1:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
SOURCE_DIR=${2:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
# shellcheck source=lib/kiosk_test.bash
source "$SOURCE_DIR/tests/app/lib/kiosk_test.bash"

[ -x "$BIN" ] || fail "no executable at $BIN"
require_tools xdotool
in_own_xvfb 1280x800 "$0" "$@"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/buurtstem-evening.XXXXXX")
cleanup() {
    kill_kiosk
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DATA="$WORK/data"
start_kiosk "$DATA" "$WORK/widgets.txt" "$WORK/kiosk.log" --demo
wait_for_widget "#attract.start"

note "the facilitator's corner and the demo PIN"
open_facilitator_screens "$DATA"
tap facilitator.evening

note "five people in, two of them with a postcode"
for _ in 1 2 3; do
    tap evening.checkin.in
    wait_until_settled
done
for postcode in 1234 1235; do
    tap "#evening.checkin.postcode"
    wait_until_settled
    type_text "$postcode"
    wait_until_settled
    tap "#osk.done"
    tap evening.checkin.in
    wait_until_settled
done
tap evening.start_item
wait_until_settled

note "the report"
tap evening.report.make
wait_until_settled
pdf=$(find "$DATA/reports" -name 'bewonersavond-*.pdf' 2>/dev/null | head -n 1)
[ -n "$pdf" ] || { show_kiosk_log; fail "no report in $DATA/reports after Verslag maken"; }
head -c 5 "$pdf" | grep -q '%PDF-' || fail "$pdf is not a PDF"
if command -v pdftotext >/dev/null; then
    text=$(pdftotext "$pdf" -)
    grep -q "5 bewoners" <<<"$text" || fail "the report does not count five people in: $(head -c 600 <<<"$text")"
    grep -q "1234" <<<"$text" || fail "the report does not give the reach by postcode"
fi

stop_kiosk
log=$("${APP[@]}" audit --data-dir "$DATA")
[ "$(grep -c "evening.checked_in" <<<"$log")" = 5 ] || fail "the audit log does not have five check-ins: $log"
grep -q "evening.report_made" <<<"$log" || fail "the audit log does not say the report was made: $log"
"${APP[@]}" audit --data-dir "$DATA" --check >/dev/null || fail "the audit log's chain is broken"
echo "PASS: an evening on the demo, from the PIN to the report: five in, reach by postcode, audited"
