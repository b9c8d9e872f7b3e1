#!/usr/bin/env bash
# `buurtstem staff keygen` and `buurtstem sync` as the office and two kiosks use them with one USB
# stick: keys made once, a kiosk without the staff key refused, both kiosks' bundles exported,
# an unknown kiosk refused until --trust, a re-import that changes nothing, a damaged and a
# foreign bundle refused with nothing imported, the office's acknowledgement picked up by the
# kiosk's next export, and a lost kiosk no longer trusted: its later events set aside, its next
# bundle refused. Needs no display.
# Usage: sync_command.sh BUURTSTEM_BINARY SOURCE_DIR (ctest: app.sync_command).
set -euo pipefail

BIN=${1:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
: "${2:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}"

readonly EXIT_USAGE=2 EXIT_BAD_FILE=9 EXIT_BUNDLE_REFUSED=14
WORK=$(mktemp -d "${TMPDIR:-/tmp}/buurtstem-sync.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
failures=0
# shellcheck source=lib/command_test.bash
source "${2:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}/tests/app/lib/command_test.bash"

KEYS=$WORK/office-keys
STICK=$WORK/stick
HUB=$WORK/office
A=$WORK/kiosk-a
B=$WORK/kiosk-b
mkdir -p "$STICK"
YESTERDAY=$(date -d yesterday +%F)
LATER=$(date -d '+30 days' +%F)
create() {  # create DATA NAME: a round on that kiosk
    "$BIN" round create --data-dir "$1" --name "$2" --ballot approval --budget 1000 --opens "$YESTERDAY" \
        --closes "$LATER" --project "Bankjes;400" --project "Licht;250" >/dev/null 2>&1 || fail "round create $2"
}
command -v sqlite3 >/dev/null || { echo "FAIL: sqlite3 is not installed (./dev.sh test installs it)" >&2; exit 1; }
event_count() { sqlite3 "$1/buurtstem.sqlite" "SELECT COUNT(*) FROM events"; }

# [SECTION] keys
expect "keygen" 0 "Fingerprint" -- "$BIN" staff keygen --out "$KEYS"
[ "$(stat -c %a "$KEYS/staff-secret.key")" = 600 ] || fail "staff-secret.key is not 0600"
[ "$(stat -c %a "$KEYS/staff-public.key")" = 644 ] || fail "staff-public.key is not 0644"
[ "$(stat -c %s "$KEYS/staff-public.key")" = 32 ] || fail "staff-public.key is not 32 bytes"
cp "$KEYS/staff-secret.key" "$WORK/secret-before"
expect "keygen again" $EXIT_USAGE "already holds a staff key" -- "$BIN" staff keygen --out "$KEYS"
cmp -s "$KEYS/staff-secret.key" "$WORK/secret-before" || fail "keygen again changed the secret key"

# [SECTION] two kiosks export
create "$A" "Buurtbudget Noord"
create "$B" "Buurtbudget Zuid"
"$BIN" round codes --data-dir "$B" --round "$("$BIN" round list --data-dir "$B" | grep -o '^[0-9a-f-]\{36\}' | head -1)" \
    --count 3 --csv "$WORK/codes.csv" >/dev/null || fail "round codes"
expect "export without a staff key" $EXIT_USAGE "set-staff-key" -- "$BIN" sync export --data-dir "$A" --out "$STICK/a.bundle"
[ ! -e "$STICK/a.bundle" ] || fail "export without a staff key wrote a file"
expect "set staff key" 0 "Fingerprint" -- "$BIN" sync set-staff-key --data-dir "$A" --key "$KEYS/staff-public.key"
expect "set staff key B" 0 "Fingerprint" -- "$BIN" sync set-staff-key --data-dir "$B" --key "$KEYS/staff-public.key"
expect "set a secret as staff key" $EXIT_BAD_FILE "not a usable" -- "$BIN" sync set-staff-key --data-dir "$B" --key "$WORK/codes.csv"
expect "export A" 0 "Done: 1 events" -- "$BIN" sync export --data-dir "$A" --out "$STICK/a.bundle"
expect "export B" 0 "Done: 2 events" -- "$BIN" sync export --data-dir "$B" --out "$STICK/b.bundle"
head -c 17 "$STICK/a.bundle" | grep -q "BUURTSTEM-BUNDLE" || fail "a.bundle does not start with the magic"
if ls "$STICK"/*.tmp-* >/dev/null 2>&1; then fail "export left a temporary file"; fi

# [SECTION] the office imports
expect "unknown kiosk" $EXIT_BUNDLE_REFUSED "run again with --trust" -- \
    "$BIN" sync import "$STICK/a.bundle" "$STICK/b.bundle" --staff-secret "$KEYS/staff-secret.key" --data-dir "$HUB"
[ "$(event_count "$HUB")" = 0 ] || fail "a refused import stored events"
expect "import --trust" 0 "1 new events" -- "$BIN" sync import "$STICK/a.bundle" "$STICK/b.bundle" \
    --staff-secret "$KEYS/staff-secret.key" --trust --ack-dir "$STICK" --data-dir "$HUB"
grep -qF "2 new events" "$WORK/out" || fail "import: B's two events not reported"
grep -qF "Wrote 2 acknowledgements" "$WORK/out" || fail "import: no acknowledgements written"
[ "$(event_count "$HUB")" = 3 ] || fail "hub holds $(event_count "$HUB") events, expected 3"
"$BIN" round list --data-dir "$HUB" >"$WORK/rounds"
grep -qF "Buurtbudget Noord" "$WORK/rounds" && grep -qF "Buurtbudget Zuid" "$WORK/rounds" || fail "hub rounds: $(cat "$WORK/rounds")"
expect "re-import" 0 "already imported" -- "$BIN" sync import "$STICK/a.bundle" --staff-secret "$KEYS/staff-secret.key" --data-dir "$HUB"
[ "$(event_count "$HUB")" = 3 ] || fail "re-import changed the hub"
expect "status" 0 "Nothing open" -- "$BIN" sync status --data-dir "$HUB"

# [SECTION] refused bundles change nothing
cp "$STICK/a.bundle" "$WORK/damaged.bundle"
byte=$(od -An -tu1 -j200 -N1 "$WORK/damaged.bundle" | tr -d ' ')
printf "\\$(printf %03o $((byte ^ 1)))" | dd of="$WORK/damaged.bundle" bs=1 seek=200 conv=notrunc status=none
cmp -s "$STICK/a.bundle" "$WORK/damaged.bundle" && fail "damaged.bundle is not damaged"
expect "damaged" $EXIT_BUNDLE_REFUSED "tampered" -- "$BIN" sync import "$WORK/damaged.bundle" --staff-secret "$KEYS/staff-secret.key" --data-dir "$HUB"
head -c 300 "$STICK/b.bundle" >"$WORK/short.bundle"
expect "truncated" $EXIT_BUNDLE_REFUSED "truncated" -- "$BIN" sync import "$WORK/short.bundle" --staff-secret "$KEYS/staff-secret.key" --data-dir "$HUB"
"$BIN" staff keygen --out "$WORK/other-office" >/dev/null
expect "foreign" $EXIT_BUNDLE_REFUSED "foreign" -- "$BIN" sync import "$STICK/a.bundle" --staff-secret "$WORK/other-office/staff-secret.key" --trust --data-dir "$WORK/other-hub"
[ "$(event_count "$HUB")" = 3 ] || fail "a refused bundle changed the hub"

# [SECTION] the acknowledgement on the stick shortens the next export
create "$A" "Buurtbudget Noord 2"
expect "export after ack" 0 "up to seq 1" -- "$BIN" sync export --data-dir "$A" --out "$STICK/a2.bundle"
grep -qF "Done: 1 events (seq 2..2)" "$WORK/out" || fail "export after ack: $(cat "$WORK/out")"
printf 'BUURTSTEM-ACK\nnonsense' >"$WORK/bad.ack"
expect "bad ack ignored" 0 "Acknowledgement $WORK/bad.ack ignored" -- "$BIN" sync export --data-dir "$A" --out "$WORK/a3.bundle" --ack "$WORK/bad.ack"
expect "export --all" 0 "Done: 2 events (seq 1..2)" -- "$BIN" sync export --data-dir "$A" --out "$WORK/all.bundle" --all
expect "import the new bundle" 0 "1 new events" -- "$BIN" sync import "$STICK/a2.bundle" --staff-secret "$KEYS/staff-secret.key" --data-dir "$HUB"

# [SECTION] kiosk A is lost: what it made from seq 2 on no longer counts, its bundles are refused
KIOSK_A=$(sqlite3 "$A/buurtstem.sqlite" "SELECT kiosk_id FROM kiosk")
expect "status lists kiosks" 0 "kiosk $KIOSK_A: 2 events, last seq 2 made" -- "$BIN" sync status --data-dir "$HUB"
grep -qF "last bundle imported" "$WORK/out" || fail "status: no last bundle: $(cat "$WORK/out")"
cp "$HUB/buurtstem.sqlite" "$WORK/hub-before-untrust.sqlite"
expect "untrust an unknown kiosk" $EXIT_USAGE "Nothing was changed" -- "$BIN" sync untrust --kiosk no-such-kiosk --data-dir "$HUB"
expect "untrust from seq 0" $EXIT_USAGE "from-seq" -- "$BIN" sync untrust --kiosk "$KIOSK_A" --from-seq 0 --data-dir "$HUB"
[ "$(sqlite3 "$HUB/buurtstem.sqlite" "SELECT COUNT(*) FROM withdrawn_kiosks")" = 0 ] || fail "a refused untrust stored something"
expect "untrust" 0 "is no longer trusted" -- "$BIN" sync untrust --kiosk "$KIOSK_A" --from-seq 2 --by "Anna (kantoor)" --data-dir "$HUB"
grep -qF "1 of its events, from seq 2 on, are set aside" "$WORK/out" || fail "untrust: $(cat "$WORK/out")"
[ "$(event_count "$HUB")" = 4 ] || fail "untrust removed events from the log"
"$BIN" round list --data-dir "$HUB" >"$WORK/rounds"
grep -qF "Buurtbudget Noord 2" "$WORK/rounds" && fail "the round made after the loss still counts: $(cat "$WORK/rounds")"
grep -qF "Buurtbudget Noord" "$WORK/rounds" || fail "the round made before the loss is gone: $(cat "$WORK/rounds")"
expect "audit" 0 "kiosk.trust_withdrawn" -- "$BIN" audit --data-dir "$HUB" --last 1
grep -qF "Anna (kantoor)" "$WORK/out" || fail "audit: who is missing: $(cat "$WORK/out")"
expect "status shows the loss" 0 "LOST: reported on" -- "$BIN" sync status --data-dir "$HUB"
create "$A" "Buurtbudget Noord 3"
expect "export of the lost kiosk" 0 "Done" -- "$BIN" sync export --data-dir "$A" --out "$STICK/a3.bundle"
expect "lost kiosk refused" $EXIT_BUNDLE_REFUSED "kiosk $KIOSK_A was reported lost on" -- \
    "$BIN" sync import "$STICK/a3.bundle" --staff-secret "$KEYS/staff-secret.key" --trust --data-dir "$HUB"
grep -qF "Nothing was imported" "$WORK/out" || fail "lost kiosk: $(cat "$WORK/out")"
[ "$(event_count "$HUB")" = 4 ] || fail "a lost kiosk's bundle changed the hub"
expect "untrust again" $EXIT_USAGE "nothing more to withdraw" -- "$BIN" sync untrust --kiosk "$KIOSK_A" --data-dir "$HUB"

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "sync command: all checks passed"
