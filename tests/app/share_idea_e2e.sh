#!/usr/bin/env bash
# End to end: a resident shares an idea on the real kiosk binary under Xvfb, tapping with
# xdotool; the idea must be in the database, not yet in the list of ideas (a facilitator approves
# it first; tests/ui/LookAtIdeasTest.cpp shows it listed after approval), and SIGTERM must end cleanly.
# Usage: share_idea_e2e.sh BUURTSTEM_BINARY SOURCE_DIR. ctest runs it as app.share_idea_e2e, with
# the sanitizer settings the ASan build needs (tests/CMakeLists.txt): run that build through ctest.
set -euo pipefail

BIN=${1:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
SOURCE_DIR=${2:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
# shellcheck source=lib/kiosk_test.bash
source "$SOURCE_DIR/tests/app/lib/kiosk_test.bash"

[ -x "$BIN" ] || fail "no executable at $BIN"
require_tools xdotool sqlite3
in_own_xvfb 1280x800 "$0" "$@"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/buurtstem-e2e.XXXXXX")
cleanup() {
    kill_kiosk
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM  # so the EXIT trap still cleans up when ctest gives up on us

DATA="$WORK/data"
DB="$DATA/buurtstem.sqlite"
# Plain ASCII with capitals and spaces: what xdotool types reliably on any keymap.
TITLE="Meer bankjes in het park"
BODY="Bij de vijver kun je nergens zitten. Twee bankjes in de schaduw zouden fijn zijn."

sql() { sqlite3 -batch -noheader "$DB" "$1"; }

start=$SECONDS
# A kiosk without a facilitator opens its set-up: prepare it as staff do, with a facilitator.
printf '284615\n284615\n' | "${APP[@]}" facilitator add --data-dir "$DATA" --label "Test" >/dev/null ||
    fail "facilitator add: exit code $?"
start_kiosk "$DATA" "$WORK/widgets.txt" "$WORK/kiosk.log"

note "attract screen: the first tap goes home"
tap "#attract.start"
note "home: share an idea"
tap home.tile.idea
note "theme: green"
tap theme.green

note "title"
wait_for_widget "#osk.done"
type_text "$TITLE"
tap "#osk.done"
# "Next" moves the focus to the text field; keys that arrived in the same frame as the tap would
# still go into the title.
wait_until_settled
note "text"
type_text "$BODY"
tap "#osk.done"

note "place: the whole neighbourhood"
tap idea.place.next
note "contact: skip"
tap idea.contact.skip

note "review: send"
tap idea.review.send
wait_for_widget idea.thanks.done

# [SECTION] The database holds exactly this idea (read while the kiosk runs: WAL allows it)
[ "$(sql "SELECT COUNT(*) FROM ideas")" = 1 ] ||
    fail "expected exactly 1 idea in the database, found: $(sql "SELECT reference, theme, title FROM ideas")"
REF=$(sql "SELECT reference FROM ideas")
[ -n "$REF" ] || fail "the stored idea has no reference code"
note "stored as $REF"

note "thanks: back home, then the list of ideas, which does not show it yet"
tap idea.thanks.done
tap home.tile.ideas
wait_until_settled
[ -z "$(widget home.tile.ideas)" ] || fail "the list of ideas did not open; on screen: $(cut -d' ' -f1 "$DUMP" | tr '\n' ' ')"
[ -z "$(widget "#idea.$REF")" ] || fail "idea $REF is listed before a facilitator approved it"
[ "$(sql "SELECT status FROM ideas")" = new ] || fail "a resident's idea should be stored as new, found: $(sql "SELECT status FROM ideas")"

note "SIGTERM"
stop_kiosk
if [ "$KIOSK_RC" != 0 ]; then
    show_kiosk_log
    fail "after SIGTERM the kiosk should exit with 0, it ended with: $KIOSK_RC"
fi

# [SECTION] After the clean exit: the kiosk closed its database, so SQLite folded the WAL into
# the file and removed it; the file alone holds the idea (what a backup copies).
for sidecar in "$DB-wal" "$DB-shm"; do
    [ ! -e "$sidecar" ] || fail "$(basename "$sidecar") is left after SIGTERM: the kiosk did not close its database"
done
rows=$(sql "SELECT reference || '|' || theme || '|' || title || '|' || body || '|' || place || '|' || sealed_contact FROM ideas")
expected="$REF|green|$TITLE|$BODY||"
[ "$rows" = "$expected" ] || fail "the ideas table should hold exactly
  $expected
but holds
  $rows"

submitted=$(sql "SELECT COUNT(*) FROM events WHERE type = 'idea.submitted'")
[ "$submitted" = 1 ] || fail "expected 1 event of type idea.submitted, found $submitted; events: $(sql "SELECT type FROM events")"
# The read table is derived from that event: they must name each other.
linked=$(sql "SELECT COUNT(*) FROM ideas JOIN events ON events.uuid = ideas.event_uuid WHERE events.type = 'idea.submitted'")
[ "$linked" = 1 ] || fail "the idea row does not point at its idea.submitted event"
sql "SELECT payload FROM events WHERE type = 'idea.submitted'" | grep -qF "$TITLE" ||
    fail "the idea.submitted payload does not carry the title: $(sql "SELECT payload FROM events WHERE type = 'idea.submitted'")"

echo "PASS: idea $REF shared, stored, not listed before approval; clean exit on SIGTERM ($((SECONDS - start)) s)"
