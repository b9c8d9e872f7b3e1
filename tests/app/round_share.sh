#!/usr/bin/env bash
# `buurtstem round kiosk-key|share|receive` as a facilitator uses them with one USB stick: kiosk B
# writes its key, kiosk A shares a round with its codes for B, B receives it (twice: the second
# time changes nothing) and then holds the round with the same codes. A file received at the kiosk
# that made it, at a third kiosk, truncated, tampered with, or a sync bundle instead: each gets a
# plain message and the documented exit code and changes nothing. Both steps are in the audit
# logs, and B's bundle for the office holds none of A's events. Ballots cannot be cast from the
# command line; tests/storage/RoundShareTest.cpp votes at both kiosks and merges them.
# Needs no display. Usage: round_share.sh BUURTSTEM_BINARY SOURCE_DIR (ctest: app.round_share).
set -euo pipefail

BIN=${1:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
export TZ=Europe/Amsterdam

readonly EXIT_USAGE=2 EXIT_STORAGE=8 EXIT_BUNDLE_REFUSED=14 EXIT_NO_SUCH_ROUND=10
WORK=$(mktemp -d "${TMPDIR:-/tmp}/buurtstem-share.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
failures=0
# shellcheck source=lib/command_test.bash
source "${2:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}/tests/app/lib/command_test.bash"
command -v sqlite3 >/dev/null || { echo "FAIL: sqlite3 is not installed (./dev.sh test installs it)" >&2; exit 1; }

STICK=$WORK/stick
A=$WORK/kiosk-a
B=$WORK/kiosk-b
C=$WORK/kiosk-c
mkdir -p "$STICK"
YESTERDAY=$(date -d yesterday +%F)
LATER=$(date -d '+30 days' +%F)
round() { "$BIN" round "$1" --data-dir "$2" "${@:3}"; }
# What B holds, to show a refusal changed nothing: its events, code keys and audit log.
state() { sqlite3 "$1/buurtstem.sqlite" "SELECT COUNT(*) FROM events; SELECT COUNT(*) FROM round_code_keys; SELECT COUNT(*) FROM audit_log"; }

"$BIN" staff keygen --out "$WORK/office" >/dev/null || fail "staff keygen"
for kiosk in "$A" "$B" "$C"; do
    "$BIN" sync set-staff-key --data-dir "$kiosk" --key "$WORK/office/staff-public.key" >/dev/null || fail "set-staff-key $kiosk"
done
ROUND=$(round create "$A" --name "Buurtbudget twee plekken" --ballot approval --budget 1000 --opens "$YESTERDAY" \
    --closes "$LATER" --project "Bankjes;400" --project "Licht;250" 2>/dev/null) || fail "round create"
round codes "$A" --round "$ROUND" --count 3 --csv "$WORK/codes.csv" >/dev/null || fail "round codes"

# [SECTION] share and receive
expect "kiosk key" 0 "fingerprint" -- round kiosk-key "$B" --out "$STICK/kiosk-b.key"
expect "kiosk key C" 0 "fingerprint" -- round kiosk-key "$C" --out "$STICK/kiosk-c.key"
expect "share" 0 "Done: \"Buurtbudget twee plekken\" with 2 events and 3 voting codes" -- \
    round share "$A" --round "$ROUND" --to "$STICK/kiosk-b.key" --out "$STICK/round.share"
head -c 16 "$STICK/round.share" | grep -q "BUURTSTEM-ROUND" || fail "the file does not start with the magic"
if ls "$STICK"/*.tmp-* >/dev/null 2>&1; then fail "share left a temporary file"; fi
expect "share to C" 0 "Done" -- round share "$A" --round "$ROUND" --to "$STICK/kiosk-c.key" --out "$STICK/for-c.share"

before=$(state "$B")
expect "receive" 0 "Received \"Buurtbudget twee plekken\"" -- round receive "$B" "$STICK/round.share"
grep -qF "2 new events, 3 voting codes" "$WORK/out" || fail "receive: $(cat "$WORK/out")"
expect "list at B" 0 "codes: 3 issued, 0 used, 0 voided, 3 still valid" -- round list "$B"
grep -qF "$ROUND  Buurtbudget twee plekken" "$WORK/out" || fail "list at B: $(cat "$WORK/out")"
after=$(state "$B")
[ "$after" != "$before" ] || fail "receive changed nothing"
expect "receive again" 0 "was received before: nothing changed" -- round receive "$B" "$STICK/round.share"
[ "$(state "$B")" = "$after" ] || fail "receiving again changed B"
# B may void a lost card's code of the round: the code key arrived.
expect "void at B" 0 "is voided" -- round void "$B" --round "$ROUND" "$(sed -n 2p "$WORK/codes.csv" | cut -d';' -f2)"
after=$(state "$B")

# [SECTION] refusals: each changes nothing
expect "receive at A" $EXIT_USAGE "this kiosk made this round" -- round receive "$A" "$STICK/round.share"
expect "receive at C" $EXIT_BUNDLE_REFUSED "foreign" -- round receive "$C" "$STICK/round.share"
expect "C's file at B" $EXIT_BUNDLE_REFUSED "foreign" -- round receive "$B" "$STICK/for-c.share"
head -c 300 "$STICK/round.share" >"$STICK/short.share"
expect "truncated" $EXIT_BUNDLE_REFUSED "truncated" -- round receive "$B" "$STICK/short.share"
cp "$STICK/round.share" "$STICK/changed.share"
printf 'X' | dd of="$STICK/changed.share" bs=1 seek=200 conv=notrunc status=none
expect "tampered" $EXIT_BUNDLE_REFUSED "tampered" -- round receive "$B" "$STICK/changed.share"
"$BIN" sync export --data-dir "$A" --out "$STICK/a.bundle" >/dev/null || fail "sync export A"
expect "a bundle" $EXIT_BUNDLE_REFUSED "sync bundle" -- round receive "$B" "$STICK/a.bundle"
expect "no such file" $EXIT_STORAGE "cannot read" -- round receive "$B" "$STICK/nothing.share"
[ "$(state "$B")" = "$after" ] || fail "a refused file changed B"
[ "$(sqlite3 "$C/buurtstem.sqlite" "SELECT COUNT(*) FROM events")" = 0 ] || fail "a refused file changed C"

expect "share a received round" $EXIT_USAGE "was not made at this kiosk" -- \
    round share "$B" --round "$ROUND" --to "$STICK/kiosk-c.key" --out "$STICK/again.share"
expect "share unknown round" $EXIT_NO_SUCH_ROUND "there is no round" -- \
    round share "$A" --round nope --to "$STICK/kiosk-b.key" --out "$STICK/again.share"
expect "share to a file that is no key" $EXIT_USAGE "is not a kiosk's key file" -- \
    round share "$A" --round "$ROUND" --to "$WORK/codes.csv" --out "$STICK/again.share"
expect "share to itself" $EXIT_USAGE "this kiosk's own" -- \
    round share "$B" --round "$ROUND" --to "$STICK/kiosk-b.key" --out "$STICK/again.share"
expect "share by nobody" $EXIT_USAGE "--by" -- \
    round share "$A" --round "$ROUND" --to "$STICK/kiosk-b.key" --out "$STICK/again.share" --by ""
[ ! -e "$STICK/again.share" ] || fail "a refused share wrote a file"

# [SECTION] audit logs, and what reaches the office
expect "audit A" 0 "round.shared" -- "$BIN" audit --data-dir "$A"
expect "audit B" 0 "round.received" -- "$BIN" audit --data-dir "$B"
[ "$(grep -c "round.received" "$WORK/out")" = 1 ] || fail "audit B: receiving twice was logged twice"
expect "audit chain B" 0 "whole" -- "$BIN" audit --data-dir "$B" --check
KIOSK_B=$(sqlite3 "$B/buurtstem.sqlite" "SELECT kiosk_id FROM kiosk")
expect "export B" 0 "Done: 1 events" -- "$BIN" sync export --data-dir "$B" --all --out "$STICK/b.bundle"
expect "office imports" 0 "new events" -- "$BIN" sync import --data-dir "$WORK/hub" --staff-secret \
    "$WORK/office/staff-secret.key" --trust "$STICK/a.bundle" "$STICK/b.bundle"
grep -qF "kiosk $KIOSK_B (new, trusted now), seq 1..1, 1 new events, 0 duplicates" "$WORK/out" || fail "import: $(cat "$WORK/out")"
expect "office's list" 0 "codes: 3 issued, 0 used, 1 voided" -- round list "$WORK/hub"
[ "$(grep -c "^$ROUND " "$WORK/out")" = 1 ] || fail "the office lists the round $(grep -c "^$ROUND " "$WORK/out") times"

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "round_share: all checks passed"
