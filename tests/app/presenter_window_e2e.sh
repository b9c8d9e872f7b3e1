#!/usr/bin/env bash
# End to end: the real kiosk binary under Xvfb started with --presenter opens a second window
# for the projector beside its own; a facilitator turns it off and on again from the facilitator
# screen, the kiosk goes on meanwhile, and the audit log says both.
# Usage: presenter_window_e2e.sh BUURTSTEM_BINARY SOURCE_DIR (ctest runs it as app.presenter_window_e2e).
set -euo pipefail

BIN=${1:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
SOURCE_DIR=${2:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
# shellcheck source=lib/kiosk_test.bash
source "$SOURCE_DIR/tests/app/lib/kiosk_test.bash"

[ -x "$BIN" ] || fail "no executable at $BIN"
require_tools xdotool xwininfo
# Wide enough for the kiosk (1280x800) and the presenter (1280x720) side by side.
in_own_xvfb 2600x800 "$0" "$@"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/buurtstem-presenter.XXXXXX")
cleanup() {
    kill_kiosk
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The presenter window's X id, or nothing while it is not open.
presenter_window() { xwininfo -root -tree | awk '/"Buurtstem presenter"/ { print $1; exit }'; }
# wait_for_presenter open|closed
wait_for_presenter() {
    local deadline=$((SECONDS + WAIT_SECONDS))
    while :; do
        local id
        id=$(presenter_window)
        if [ "$1" = open ] && [ -n "$id" ]; then return 0; fi
        if [ "$1" = closed ] && [ -z "$id" ]; then return 0; fi
        kill -0 "$KIOSK_PID" 2>/dev/null || { show_kiosk_log; fail "the kiosk exited while the presenter window should be $1"; }
        [ $SECONDS -lt $deadline ] || { show_kiosk_log; fail "the presenter window is not $1 after ${WAIT_SECONDS}s"; }
        sleep 0.1
    done
}
# Without a window manager both windows open at the top left: the presenter moves aside, so
# taps reach the kiosk.
move_presenter_aside() { xdotool windowmove "$(presenter_window)" 1300 0; }

DATA="$WORK/data"
start_kiosk "$DATA" "$WORK/widgets.txt" "$WORK/kiosk.log" --demo --presenter
wait_for_widget "#attract.start"
note "--presenter opens the presenter window"
wait_for_presenter open
move_presenter_aside

note "a facilitator turns the presenter screen off, and on again"
open_facilitator_screens "$DATA"
tap facilitator.presenter_off
wait_for_presenter closed
wait_for_widget facilitator.presenter_on
tap facilitator.presenter_on
wait_for_presenter open
wait_for_widget facilitator.presenter_off

stop_kiosk
[ "$KIOSK_RC" = 0 ] || { show_kiosk_log; fail "the kiosk ended with $KIOSK_RC on SIGTERM with the presenter open, expected 0"; }
log=$("${APP[@]}" audit --data-dir "$DATA")
[ "$(grep -c "presenter.switched" <<<"$log")" = 2 ] || fail "the audit log does not hold the two switches: $log"
"${APP[@]}" audit --data-dir "$DATA" --check >/dev/null || fail "the audit log's chain is broken"
echo "PASS: --presenter opened the presenter window; a facilitator turned it off and on; both in the audit log"
