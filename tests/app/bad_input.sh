#!/usr/bin/env bash
# Everything that stops the kiosk before its first frame: each case must give a plain message,
# the documented exit code (app/cli/CommandLine.h) and leave stored data byte for byte as it was.
# Usage: bad_input.sh BUURTSTEM_BINARY SOURCE_DIR. ctest runs it as app.bad_input, with the
# sanitizer settings the ASan build needs (tests/CMakeLists.txt): run that build through ctest.
set -euo pipefail

BIN=${1:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
SOURCE_DIR=${2:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
# shellcheck source=lib/kiosk_test.bash
source "$SOURCE_DIR/tests/app/lib/kiosk_test.bash"

[ -x "$BIN" ] || fail "no executable at $BIN"
require_tools sqlite3 sha256sum timeout
# A display is there for every case, so a check that is missing shows up as a kiosk that starts
# (and is stopped by `timeout`) instead of passing by accident for lack of a screen.
in_own_xvfb 1280x800 "$0" "$@"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/buurtstem-bad-input.XXXXXX")
cleanup() {
    kill_kiosk
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

readonly EXIT_USAGE=2 EXIT_DATA_DIR=3 EXIT_ALREADY_RUNNING=4 EXIT_DATABASE=5 EXIT_NO_DISPLAY=6 EXIT_MISSING_ASSET=7
failures=0

# expect NAME CODE PHRASE -- COMMAND...: runs COMMAND (at most 60 s) and checks its exit code
# and that its output contains PHRASE (case-insensitive). Records a failure and carries on, so
# one run reports every broken case.
expect() {
    local name=$1 code=$2 phrase=$3
    shift 4
    local out="$WORK/$name.out" rc=0
    timeout 60 "$@" >"$out" 2>&1 || rc=$?
    if [ "$rc" = 124 ]; then
        echo "FAIL [$name]: still running after 60 s; expected exit $code" >&2
        failures=$((failures + 1))
        return 0
    fi
    if [ "$rc" != "$code" ]; then
        echo "FAIL [$name]: exit code $rc, expected $code. Output:" >&2
        sed 's/^/    /' "$out" >&2
        failures=$((failures + 1))
        return 0
    fi
    if ! grep -qiF -- "$phrase" "$out"; then
        echo "FAIL [$name]: exit $rc as expected, but the message lacks \"$phrase\". Output:" >&2
        sed 's/^/    /' "$out" >&2
        failures=$((failures + 1))
        return 0
    fi
    echo "ok [$name]: exit $rc, \"$phrase\""
}

# unchanged NAME FILE HASH: the file still has the content it had before.
unchanged() {
    local name=$1 file=$2 before=$3
    if [ "$(sha256sum <"$file")" != "$before" ]; then
        echo "FAIL [$name]: $file was changed" >&2
        failures=$((failures + 1))
    fi
}

# no_sqlite_sidecars NAME DIR: SQLite left no -wal, -shm or -journal next to a database it
# should not have touched: creating them is already a write into someone else's folder.
no_sqlite_sidecars() {
    local name=$1 dir=$2 left
    left=$(find "$dir" -name 'buurtstem.sqlite-*' -printf '%f ')
    if [ -n "$left" ]; then
        echo "FAIL [$name]: files were created next to the refused database: $left" >&2
        failures=$((failures + 1))
    fi
}

# Every kiosk start below is windowed and has a fresh, valid data dir unless the case is about
# the data dir, so each fails for the one reason it tests.
KIOSK=("${APP[@]}" --windowed --size 1280x800)

# [SECTION] Data directory under a regular file (exit 3)
echo "not a folder" >"$WORK/plain-file"
hash=$(sha256sum <"$WORK/plain-file")
expect data-dir-under-file $EXIT_DATA_DIR "cannot use the data folder" -- "${KIOSK[@]}" --data-dir "$WORK/plain-file/kiosk"
unchanged data-dir-under-file "$WORK/plain-file" "$hash"
expect data-dir-is-file $EXIT_DATA_DIR "cannot use the data folder" -- "${KIOSK[@]}" --data-dir "$WORK/plain-file"
unchanged data-dir-is-file "$WORK/plain-file" "$hash"

# [SECTION] A file that is not a database as buurtstem.sqlite (exit 5, untouched)
mkdir -p "$WORK/not-a-db"
printf 'Notulen bewonersavond 12 maart\nAanwezig: 14 bewoners\n' >"$WORK/not-a-db/buurtstem.sqlite"
head -c 8192 /dev/urandom >>"$WORK/not-a-db/buurtstem.sqlite"
hash=$(sha256sum <"$WORK/not-a-db/buurtstem.sqlite")
expect not-a-database $EXIT_DATABASE "is not a Buurtstem database" -- "${KIOSK[@]}" --data-dir "$WORK/not-a-db"
unchanged not-a-database "$WORK/not-a-db/buurtstem.sqlite" "$hash"
no_sqlite_sidecars not-a-database "$WORK/not-a-db"

# [SECTION] A database from a newer Buurtstem: user_version 99 (exit 5, untouched)
mkdir -p "$WORK/newer"
sqlite3 "$WORK/newer/buurtstem.sqlite" \
    "PRAGMA journal_mode = WAL; CREATE TABLE future (x); INSERT INTO future VALUES (1); PRAGMA user_version = 99;" >/dev/null
hash=$(sha256sum <"$WORK/newer/buurtstem.sqlite")
expect newer-schema $EXIT_DATABASE "made by a newer version" -- "${KIOSK[@]}" --data-dir "$WORK/newer"
unchanged newer-schema "$WORK/newer/buurtstem.sqlite" "$hash"
no_sqlite_sidecars newer-schema "$WORK/newer"
[ "$(sqlite3 "$WORK/newer/buurtstem.sqlite" "PRAGMA user_version")" = 99 ] || {
    echo "FAIL [newer-schema]: user_version is no longer 99" >&2
    failures=$((failures + 1))
}

# [SECTION] Fonts missing (exit 7)
expect missing-fonts $EXIT_MISSING_ASSET "font not found" -- \
    env BUURTSTEM_FONT_DIR=/nonexistent "${KIOSK[@]}" --data-dir "$WORK/fonts"

# [SECTION] No display at all, full-screen kiosk mode (exit 6)
expect no-display $EXIT_NO_DISPLAY "found no screen" -- \
    env -u DISPLAY -u WAYLAND_DISPLAY "${APP[@]}" --data-dir "$WORK/no-display"

# [SECTION] A second Buurtstem on the same data directory (exit 4); the first keeps running
start_kiosk "$WORK/shared" "$WORK/widgets.txt" "$WORK/first-kiosk.log"
wait_for_widget "#setup.language.nl"  # a kiosk without a facilitator opens its set-up
expect second-process $EXIT_ALREADY_RUNNING "already running" -- "${KIOSK[@]}" --data-dir "$WORK/shared"
sleep 1  # a first kiosk that the second one broke would have gone by now
if kill -0 "$KIOSK_PID" 2>/dev/null; then
    stop_kiosk
    if [ "$KIOSK_RC" != 0 ]; then
        show_kiosk_log
        echo "FAIL [second-process]: the first kiosk ended with $KIOSK_RC on SIGTERM, expected 0" >&2
        failures=$((failures + 1))
    fi
else
    show_kiosk_log
    echo "FAIL [second-process]: the first kiosk stopped when the second one started" >&2
    failures=$((failures + 1))
fi

# [SECTION] Command-line mistakes (exit 2)
expect bad-size $EXIT_USAGE "--size wants WIDTHxHEIGHT" -- "${APP[@]}" --windowed --data-dir "$WORK/size" --size 1280by800
expect tiny-size $EXIT_USAGE "--size wants WIDTHxHEIGHT" -- "${APP[@]}" --windowed --data-dir "$WORK/size" --size 10x10
expect unknown-screen $EXIT_USAGE "unknown screen" -- "${APP[@]}" screenshot --screen no-such-screen --out "$WORK/shot.png"
if [ -e "$WORK/shot.png" ]; then
    echo "FAIL [unknown-screen]: a PNG was written anyway" >&2
    failures=$((failures + 1))
fi

# [SECTION] --version names the version from CMakeLists.txt (exit 0)
version=$(sed -n 's/^project(buurtstem VERSION \([0-9.]*\).*/\1/p' "$SOURCE_DIR/CMakeLists.txt")
[ -n "$version" ] || fail "cannot read the project version from $SOURCE_DIR/CMakeLists.txt"
expect version 0 "buurtstem $version" -- "${APP[@]}" --version

if [ "$failures" -gt 0 ]; then
    fail "$failures bad-input case(s) failed (details above)"
fi
echo "PASS: every bad input was refused with its message and exit code; nothing stored was changed"
