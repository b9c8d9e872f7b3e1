#!/usr/bin/env bash
# End to end: on the real kiosk binary under Xvfb, a facilitator opens the facilitator screens
# with a long press in the top left corner and the demo's PIN, and closes Buurtstem (two taps).
# The kiosk must end by itself with exit code 0, and the audit log must say who closed it.
# Usage: facilitator_close_e2e.sh BUURTSTEM_BINARY SOURCE_DIR (ctest runs it as app.facilitator_close_e2e).
set -euo pipefail

BIN=${1:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
SOURCE_DIR=${2:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
# shellcheck source=lib/kiosk_test.bash
source "$SOURCE_DIR/tests/app/lib/kiosk_test.bash"

[ -x "$BIN" ] || fail "no executable at $BIN"
require_tools xdotool
in_own_xvfb 1280x800 "$0" "$@"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/buurtstem-facilitator.XXXXXX")
cleanup() {
    kill_kiosk
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DATA="$WORK/data"
start_kiosk "$DATA" "$WORK/widgets.txt" "$WORK/kiosk.log" --demo
wait_for_widget "#attract.start"

note "a long press in the top left corner opens the PIN pad"
open_facilitator_screens "$DATA"
note "close Buurtstem: the first tap asks, the second closes"
tap facilitator.quit
wait_until_settled
tap facilitator.quit

deadline=$((SECONDS + WAIT_SECONDS))
while kill -0 "$KIOSK_PID" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
if kill -0 "$KIOSK_PID" 2>/dev/null; then
    show_kiosk_log
    fail "the kiosk still runs $WAIT_SECONDS s after Close Buurtstem"
fi
rc=0
wait "$KIOSK_PID" || rc=$?
KIOSK_PID=""
[ "$rc" = 0 ] || { show_kiosk_log; fail "the kiosk ended with $rc after Close Buurtstem, expected 0"; }

log=$("${APP[@]}" audit --data-dir "$DATA")
grep -q "kiosk.closed" <<<"$log" || fail "the audit log does not say the kiosk was closed: $log"
grep -q "Demo" <<<"$log" || fail "the audit log does not say who closed the kiosk: $log"
"${APP[@]}" audit --data-dir "$DATA" --check >/dev/null || fail "the audit log's chain is broken"
echo "PASS: a facilitator closed Buurtstem with the demo PIN; exit 0, in the audit log"
