#!/usr/bin/env bash
# Guards the look: renders a few screens with `buurtstem screenshot` and compares them with the
# PNGs committed in tests/golden/, with a tolerance (tests/tools/png_compare.cpp).
# Usage: golden_screenshots.sh BUURTSTEM_BINARY SOURCE_DIR PNG_COMPARE [OUTPUT_DIR]
# BUURTSTEM_RECORD_GOLDEN=1 writes the renderings into tests/golden/ instead of comparing (after
# an intended change of the UI; look at them before committing).
set -euo pipefail

BIN=${1:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR PNG_COMPARE [OUTPUT_DIR]}
SOURCE_DIR=${2:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR PNG_COMPARE [OUTPUT_DIR]}
PNG_COMPARE=${3:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR PNG_COMPARE [OUTPUT_DIR]}
OUT=${4:-}
# shellcheck source=lib/kiosk_test.bash
source "$SOURCE_DIR/tests/app/lib/kiosk_test.bash"

[ -x "$BIN" ] || fail "no executable at $BIN"
[ -x "$PNG_COMPARE" ] || fail "no png_compare at $PNG_COMPARE (built by tests/CMakeLists.txt)"
# Large enough for the largest rendering; each screenshot opens its own window of its size.
in_own_xvfb 1920x1080 "$0" "$@"

GOLDEN="$SOURCE_DIR/tests/golden"
# The renderings and diff images stay for a look after a failure: in OUTPUT_DIR (ctest passes
# one in the build tree), or in a temporary folder that is removed only when everything passed.
if [ -n "$OUT" ]; then
    mkdir -p "$OUT"
    rm -f "$OUT"/*.png
    keep_out=1
else
    OUT=$(mktemp -d "${TMPDIR:-/tmp}/buurtstem-golden.XXXXXX")
    keep_out=0
fi
passed=0
cleanup() { if [ "$keep_out" = 0 ] && [ "$passed" = 1 ]; then rm -rf "$OUT"; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# Golden name, screen, language, size, extra options. A mix of languages, sizes and both
# accessibility modes. Only screens without the demo ideas' random reference codes and dates
# (idea-detail shows both), so a rendering is the same on every run.
CASES="
home-nl-1280x800             home        nl  1280x800
idea-text-en-large-1280x800  idea-text   en  1280x800   --large-text
ideas-nl-contrast-1280x800   ideas       nl  1280x800   --high-contrast
idea-theme-nl-1920x1080      idea-theme  nl  1920x1080
idea-place-nl-1280x800       idea-place  nl  1280x800
initiative-budget-ar-1280x800 initiative-budget ar 1280x800
"

record=${BUURTSTEM_RECORD_GOLDEN:-0}
failures=()
while read -r name screen lang size extra; do
    [ -n "$name" ] || continue
    actual="$OUT/$name.png"
    # --px-per-mm as on the kiosk panel: the rendering must not depend on what size the X
    # server claims to have.
    # shellcheck disable=SC2086  # $extra is a list of options
    if ! "${APP[@]}" screenshot --screen "$screen" --lang "$lang" --size "$size" --px-per-mm 3.78 $extra \
        --out "$actual" >"$OUT/$name.log" 2>&1; then
        cat "$OUT/$name.log" >&2
        failures+=("$name: the screenshot command failed (output above)")
        continue
    fi
    if [ "$record" = 1 ]; then
        mkdir -p "$GOLDEN"
        cp "$actual" "$GOLDEN/$name.png"
        note "recorded $GOLDEN/$name.png"
        continue
    fi
    if [ ! -f "$GOLDEN/$name.png" ]; then
        failures+=("$name: no golden image $GOLDEN/$name.png; record it with BUURTSTEM_RECORD_GOLDEN=1")
        continue
    fi
    if ! "$PNG_COMPARE" "$actual" "$GOLDEN/$name.png"; then
        failures+=("$name: looks different from tests/golden/$name.png (see the diff image named above)")
    fi
done <<<"$CASES"

if [ ${#failures[@]} -gt 0 ]; then
    printf 'FAIL: %s\n' "${failures[@]}" >&2
    echo "Renderings are in $OUT. If the change is intended, re-record: BUURTSTEM_RECORD_GOLDEN=1 ctest -R app.golden_screenshots" >&2
    exit 1
fi
passed=1
if [ "$record" = 1 ]; then
    echo "RECORDED: golden images in $GOLDEN; check them before committing"
else
    echo "PASS: every screen matches its golden image"
fi
