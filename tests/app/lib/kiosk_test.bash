# Shared by the tests/app/*.sh scripts (sourced, not a test itself): failing with a clear
# message, a private Xvfb, and driving the real kiosk through its --widget-dump with xdotool.
#
# The sourcing script sets BIN (the buurtstem executable) before it sources this file.

# Seconds to wait for the kiosk to show something. Generous: the ASan build on two busy cores
# can take several seconds for its first frame.
: "${WAIT_SECONDS:=60}"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

note() { echo "-- $*"; }

require_tools() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || fail "$tool is not installed (./dev.sh test installs the test packages)"
    done
}

# Runs the calling script again inside its own Xvfb of the given size, unless it already is.
# Usage: in_own_xvfb WIDTHxHEIGHT "$0" "$@". The script's EXIT trap ends its own processes
# first; xvfb-run then ends the X server when the script returns. -n starts the search for a
# free display at a random number, because two `xvfb-run -a` started together (ctest -j, or a
# colleague's tests) would both pick :99 and one would fail.
in_own_xvfb() {
    local size=$1
    shift
    if [ -n "${BUURTSTEM_TEST_IN_XVFB:-}" ]; then return 0; fi
    require_tools xvfb-run xauth Xvfb
    export BUURTSTEM_TEST_IN_XVFB=1
    exec xvfb-run -a -n $((100 + RANDOM % 800)) -s "-screen 0 ${size}x24" bash "$@"
}

# The command that runs the app: "${APP[@]}" ARGS. In the ASan build CMake sets
# BUURTSTEM_TEST_APP_PRELOAD (see tests/CMakeLists.txt); it goes to the app only, never to bash,
# Xvfb or xdotool. An array, not a function, so `timeout` and `env` can run it, and `env` execs
# the app: a background "${APP[@]}" & has the app's own pid.
if [ -n "${BUURTSTEM_TEST_APP_PRELOAD:-}" ]; then
    APP=(env "LD_PRELOAD=$BUURTSTEM_TEST_APP_PRELOAD" "$BIN")
else
    APP=("$BIN")
fi

# [SECTION] A running kiosk, driven through its widget dump

KIOSK_PID=""
KIOSK_LOG=""
DUMP=""

# start_kiosk DATA_DIR DUMP_FILE LOG_FILE [EXTRA ARGS...]: the kiosk as a resident would see it
# on a 10-inch 1280x800 panel (3.78 px/mm = 96 dpi), in the background. The idle timers are set
# far away so a slow run is never wiped by the "Are you still there?" reset.
start_kiosk() {
    local dataDir=$1 dump=$2 log=$3
    shift 3
    DUMP=$dump
    KIOSK_LOG=$log
    rm -f "$DUMP"
    "${APP[@]}" --data-dir "$dataDir" --windowed --size 1280x800 --px-per-mm 3.78 --widget-dump "$DUMP" \
        --idle-ask 3600 --idle-reset 600 "$@" >"$KIOSK_LOG" 2>&1 &
    KIOSK_PID=$!
}

# Ends the kiosk with SIGTERM (as systemd would) and sets KIOSK_RC to its exit code, or to
# "hung" when it was still running after WAIT_SECONDS and had to be killed. Not in a subshell:
# only this shell can wait for the kiosk.
KIOSK_RC=""
stop_kiosk() {
    local pid=$KIOSK_PID
    KIOSK_RC=""
    [ -n "$pid" ] || return 0
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + WAIT_SECONDS))
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
        kill_kiosk
        KIOSK_RC=hung
        return 0
    fi
    KIOSK_RC=0
    wait "$pid" || KIOSK_RC=$?
    KIOSK_PID=""
}

# For EXIT traps: a kiosk still running is killed outright.
kill_kiosk() {
    [ -n "$KIOSK_PID" ] || return 0
    kill -KILL "$KIOSK_PID" 2>/dev/null || true
    wait "$KIOSK_PID" 2>/dev/null || true
    KIOSK_PID=""
}

show_kiosk_log() {
    [ -s "$KIOSK_LOG" ] || return 0
    echo "---- kiosk output ($KIOSK_LOG) ----" >&2
    tail -n 40 "$KIOSK_LOG" >&2
    echo "----" >&2
}

# Prints "x0 y0 x1 y1 enabled" of widget ID in the last drawn frame, or nothing.
widget() {
    [ -f "$DUMP" ] || return 0
    awk -v id="$1" '$1 == id { print $2, $3, $4, $5, $6; exit }' "$DUMP"
}

# wait_for_widget ID [SECONDS]: until the last drawn frame has ID, enabled. On a timeout it
# names the widgets that are on screen instead, which usually tells which step went wrong.
wait_for_widget() {
    local id=$1 timeout=${2:-$WAIT_SECONDS}
    local deadline=$((SECONDS + timeout)) line
    while :; do
        line=$(widget "$id")
        [ -n "$line" ] && [ "${line##* }" = 1 ] && return 0
        if ! kill -0 "$KIOSK_PID" 2>/dev/null; then
            show_kiosk_log
            fail "the kiosk exited while the test waited for widget $id"
        fi
        if [ $SECONDS -ge $deadline ]; then
            show_kiosk_log
            fail "widget $id did not appear (enabled) within ${timeout}s; on screen: $(cut -d' ' -f1 "$DUMP" 2>/dev/null | tr '\n' ' ')"
        fi
        sleep 0.1
    done
}

# Something that changes with every frame the kiosk draws: the dump is replaced by rename.
dump_stamp() { stat -c '%i %y' "$DUMP" 2>/dev/null || echo none; }
LAST_INPUT_STAMP=""

# Waits until the kiosk has drawn a frame since the last tap or typing, and then nothing for a
# second: it has taken in every event sent so far. (After input the kiosk draws a few frames,
# then sleeps.) Needed only where the next input depends on a state the dump does not show,
# such as which text field has the focus.
wait_until_settled() {
    local stamp=$LAST_INPUT_STAMP deadline=$((SECONDS + WAIT_SECONDS)) quiet=0 now
    while [ "$(dump_stamp)" = "$stamp" ]; do
        if [ $SECONDS -ge $deadline ]; then fail "the kiosk drew no frame after the last input"; fi
        sleep 0.05
    done
    stamp=$(dump_stamp)
    while [ $quiet -lt 10 ]; do
        sleep 0.1
        now=$(dump_stamp)
        if [ "$now" = "$stamp" ]; then
            quiet=$((quiet + 1))
        else
            stamp=$now
            quiet=0
        fi
        if [ $SECONDS -ge $deadline ]; then fail "the kiosk kept drawing frames (an animation that never ends?)"; fi
    done
}

# tap ID: a finger on the centre of widget ID, once the last drawn frame shows it enabled.
tap() {
    local id=$1 x0 y0 x1 y1
    wait_for_widget "$id"
    read -r x0 y0 x1 y1 _ <<<"$(widget "$id")"
    LAST_INPUT_STAMP=$(dump_stamp)
    # No `mousemove --sync`: xdotool 3.20160805 then waits ~15 s when the pointer is already
    # there. Two calls keep the order: each xdotool flushes its events before it exits.
    xdotool mousemove $(((x0 + x1) / 2)) $(((y0 + y1) / 2))
    xdotool click 1
}

# type_text TEXT: typed on a hardware keyboard, which the on-screen keyboard also accepts. The
# X server keeps the order of events, so a tap after this lands after the last character.
type_text() {
    LAST_INPUT_STAMP=$(dump_stamp)
    xdotool type -- "$1"
}

# open_facilitator_screens DATA_DIR: a long press in the top left corner and the demo's PIN
# (from DATA_DIR/demo-facilitator-pin.txt), as a facilitator gets in on a kiosk started --demo.
open_facilitator_screens() {
    local pin
    pin=$(grep -o '[0-9]\{6,\}' "$1/demo-facilitator-pin.txt") || fail "no demo PIN in $1/demo-facilitator-pin.txt"
    xdotool mousemove 20 20
    xdotool mousedown 1
    sleep 3
    xdotool mouseup 1
    for digit in $(echo "$pin" | grep -o .); do tap "#pin.$digit"; done
    tap "#pin.open"
}
