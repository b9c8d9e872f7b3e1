#!/usr/bin/env bash
# `buurtstem export` and `buurtstem initiative progress` as staff run them on the demo kiosk: every
# list as CSV, XLSX and JSON (the CSV with its byte-order mark and CRLF, the XLSX's sheet XML read
# with unzip, the JSON's envelope), a hostile idea title that must come out as text, never as a
# formula, two exports byte for byte the same, contacts only with the staff's key, .pb and .ics,
# the refusals with their exit codes, and the pipeline's progress with its audit entry.
# The demo is made by starting the kiosk once with --demo, in its own Xvfb.
# Usage: export_command.sh BUURTSTEM_BINARY SOURCE_DIR (ctest: app.export_command).
set -euo pipefail

BIN=${1:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
SOURCE_DIR=${2:?usage: $0 BUURTSTEM_BINARY SOURCE_DIR}
# shellcheck source=lib/kiosk_test.bash
source "$SOURCE_DIR/tests/app/lib/kiosk_test.bash"
[ -x "$BIN" ] || fail "no executable at $BIN"
require_tools sqlite3 unzip cmp
in_own_xvfb 1280x800 "$0" "$@"

readonly EXIT_USAGE=2 EXIT_DATA_DIR=3 EXIT_STORAGE=8 EXIT_NO_SUCH_INITIATIVE=13
WORK=$(mktemp -d "${TMPDIR:-/tmp}/buurtstem-export.XXXXXX")
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
DATA=$WORK/data
export_() { "$BIN" export --data-dir "$DATA" "$@"; }
sql() { sqlite3 -batch -noheader "$DATA/buurtstem.sqlite" "$1"; }
header() { head -n 1 "$1" | tail -c +4; }  # the first row without the byte-order mark

expect "no database" $EXIT_DATA_DIR "There is no Buurtstem database" -- \
    "$BIN" export --data-dir "$WORK/nowhere" --what ideas --format csv --out "$WORK/x.csv"

note "the demo kiosk, started once"
start_kiosk "$DATA" "$WORK/widgets.txt" "$WORK/kiosk.log" --demo
wait_for_widget "#attract.start"
stop_kiosk

# A resident's idea whose title is a spreadsheet formula and whose text starts like a phone
# number, put in as a kiosk would have stored it.
HOSTILE_TITLE='=HYPERLINK("http://evil.example/x";"Klik hier")'
sql "INSERT INTO events (kiosk_id, seq, uuid, hlc, type, payload)
     SELECT kiosk_id, (SELECT MAX(seq) + 1 FROM events), '0badc0de-0000-4000-8000-000000000001',
            (SELECT MAX(hlc) + 1 FROM events), 'idea.submitted',
            '{\"ideaId\":\"0badc0de-0000-4000-8000-00000000000a\",\"reference\":\"ZZZ-ZZZ\",\"theme\":\"green\",'
            || '\"title\":\"=HYPERLINK(\\\"http://evil.example/x\\\";\\\"Klik hier\\\")\",\"body\":\"+31 6 12345678\",\"demo\":false}'
     FROM kiosk;
     INSERT INTO ideas (idea_id, reference, theme, title, body, created_hlc, status, supports, demo, event_uuid)
     VALUES ('0badc0de-0000-4000-8000-00000000000a', 'ZZZ-ZZZ', 'green', '$HOSTILE_TITLE', '+31 6 12345678',
             (SELECT MAX(hlc) FROM events), 'approved', 0, 0, '0badc0de-0000-4000-8000-000000000001');"

# [SECTION] every list in every table format
for what in ideas initiatives needs pulse rounds evenings; do
    for format in csv xlsx json; do
        out=$WORK/$what.$format
        expect "$what $format" 0 "Wrote" -- export_ --what "$what" --format "$format" --out "$out"
        [ -s "$out" ] || { check "$what $format: no file"; continue; }
        export_ --what "$what" --format "$format" --out "$out.again" >/dev/null 2>&1 || check "$what $format: second export failed"
        cmp -s "$out" "$out.again" || check "$what $format: two exports of the same data differ"
        case $format in
            csv)
                [ "$(head -c 3 "$out" | od -An -tx1 | tr -d ' \n')" = "efbbbf" ] || check "$what csv: no byte-order mark"
                head -n 1 "$out" | grep -q $'\r$' || check "$what csv: the header row does not end with CRLF"
                ;;
            xlsx)
                sheet=$(unzip -p "$out" xl/worksheets/sheet1.xml) || { check "$what xlsx: no sheet1.xml"; continue; }
                grep -q '<pane ySplit="1"' <<<"$sheet" || check "$what xlsx: the header row is not frozen"
                grep -q '<cols>' <<<"$sheet" || check "$what xlsx: no column widths"
                grep -q '<f>' <<<"$sheet" && check "$what xlsx: a formula in the sheet"
                unzip -p "$out" xl/styles.xml | grep -q '<b/>' || check "$what xlsx: no bold header style"
                unzip -p "$out" docProps/core.xml | grep -q "<dc:title>$what</dc:title>" || check "$what xlsx: no title"
                ;;
            json)
                grep -q "^{\"format\":\"buurtstem-export\",\"version\":1,\"what\":\"$what\"," "$out" ||
                    check "$what json: not the documented envelope"
                if command -v python3 >/dev/null; then
                    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert all(set(r)=={c["id"] for c in d["columns"]} for r in d["rows"])' \
                        "$out" || check "$what json: not valid JSON, or rows without their columns"
                fi
                ;;
        esac
    done
done

# [SECTION] what the files hold
header "$WORK/ideas.csv" | grep -q '^reference;kind;status;theme;title;body;' || check "ideas csv: header $(header "$WORK/ideas.csv")"
grep -qF "\"'=HYPERLINK(\"\"http://evil.example/x\"\";\"\"Klik hier\"\")\";'+31 6 12345678" "$WORK/ideas.csv" ||
    check "ideas csv: the hostile title or text is not neutralised: $(grep -F 'ZZZ-ZZZ' "$WORK/ideas.csv")"
grep -qF ';=HYPERLINK' "$WORK/ideas.csv" && check "ideas csv: a formula cell"
unzip -p "$WORK/ideas.xlsx" xl/worksheets/sheet1.xml | grep -qF 't="inlineStr"><is><t>=HYPERLINK("http://evil.example/x";"Klik hier")</t></is>' ||
    check "ideas xlsx: the hostile title is not a plain string"
grep -qF '"title":"=HYPERLINK(\"http://evil.example/x\";\"Klik hier\")"' "$WORK/ideas.json" || check "ideas json: the title is not kept as text"
header "$WORK/ideas.csv" | grep -q ';dimension;partners;cost_estimate;' || check "ideas csv: no Leefbaarometer dimension or partner columns"
head -n 1 "$WORK/initiatives.csv" | grep -q ';requested;own_money;own_in_kind;wanted_partners;stage;granted;spent;' ||
    check "initiatives csv: header $(head -n 1 "$WORK/initiatives.csv")"
grep -q 'contact' "$WORK/ideas.csv" && check "ideas csv: contact columns without the staff key"
grep -qF 'Ans de Wit' "$WORK/initiatives.csv" "$WORK/initiatives.xlsx" "$WORK/initiatives.json" && check "a contact without the staff key"
grep -q '^count;days;wed;' "$WORK/needs.csv" || check "needs csv: no count for Wednesday"
header "$WORK/pulse.csv" | grep -q "^month;aspect;average;count" || check "pulse csv: header $(header "$WORK/pulse.csv")"

expect "commas" 0 "Wrote" -- export_ --what pulse --format csv --separator , --out "$WORK/pulse-commas.csv"
header "$WORK/pulse-commas.csv" | grep -q "^month,aspect,average,count" || check "commas: header $(header "$WORK/pulse-commas.csv")"

# [SECTION] contacts with the staff key
expect "contacts" 0 "with the residents' contacts" -- export_ --what initiatives --format csv --staff-secret "$DATA/demo-staff-secret.key" \
    --out "$WORK/initiatives-contacts.csv"
head -n 1 "$WORK/initiatives-contacts.csv" | grep -q ';contact_name;contact_address' || check "contacts: no contact columns"
grep -qF 'Ans de Wit;ans.dewit@example.nl' "$WORK/initiatives-contacts.csv" || check "contacts: the demo's contact is not opened"
[ "$(stat -c %a "$WORK/initiatives-contacts.csv")" = 600 ] || check "contacts: the file is readable by others"
head -c 31 /dev/urandom >"$WORK/short.key"
expect "not a key" $EXIT_USAGE "holds no key" -- export_ --what ideas --format csv --staff-secret "$WORK/short.key" --out "$WORK/x.csv"
expect "no key file" $EXIT_USAGE "cannot read $WORK/none.key" -- export_ --what ideas --format csv --staff-secret "$WORK/none.key" --out "$WORK/x.csv"

# [SECTION] .pb and .ics
round=$(sql "SELECT round_id FROM rounds ORDER BY opens_ms LIMIT 1")
expect "pb" 0 "Wrote" -- export_ --what rounds --format pb --round "$round" --out "$WORK/round.pb"
grep -q '^META' "$WORK/round.pb" || check "pb: not a Pabulib file"
expect "ics" 0 "Wrote the evenings" -- export_ --what evenings --format ics --out "$WORK/evenings.ics"
grep -q '^BEGIN:VEVENT' "$WORK/evenings.ics" || check "ics: no event"

# [SECTION] refusals: nothing written
expect "pb for ideas" $EXIT_USAGE "is for --what rounds only" -- export_ --what ideas --format pb --out "$WORK/no.pb"
expect "ics for pulse" $EXIT_USAGE "is for --what evenings only" -- export_ --what pulse --format ics --out "$WORK/no.ics"
expect "pb without round" $EXIT_USAGE "name it with --round" -- export_ --what rounds --format pb --out "$WORK/no.pb"
expect "unknown list" $EXIT_USAGE "is not a list" -- export_ --what voters --format csv --out "$WORK/no.csv"
expect "unknown format" $EXIT_USAGE "is not a format" -- export_ --what ideas --format ods --out "$WORK/no.ods"
expect "bad separator" $EXIT_USAGE "--separator is ; or ," -- export_ --what ideas --format csv --separator '|' --out "$WORK/no.csv"
# The kiosk's --data-dir ahead of the command would have exported the default folder instead.
expect "data folder before the command" $EXIT_USAGE "--data-dir goes after the command: buurtstem export --data-dir" -- \
  "$BIN" --data-dir "$DATA" export --what ideas --format csv --out "$WORK/no.csv"
expect "kiosk option before the command" $EXIT_USAGE "--windowed is an option of the kiosk, not of buurtstem export" -- \
  "$BIN" --windowed export --what ideas --format csv --out "$WORK/no.csv"
for refused in no.pb no.ics no.csv no.ods; do [ ! -e "$WORK/$refused" ] || check "a refused export wrote $refused"; done
expect "unwritable folder" $EXIT_STORAGE "cannot write $WORK/missing/ideas.csv" -- export_ --what ideas --format csv --out "$WORK/missing/ideas.csv"
expect "unwritable xlsx" $EXIT_STORAGE "cannot write $WORK/missing/ideas.xlsx" -- export_ --what ideas --format xlsx --out "$WORK/missing/ideas.xlsx"
[ ! -e "$WORK/missing" ] || check "unwritable folder: made the folder"
ls -A "$WORK" | grep -q '^\.' && check "a temporary file was left behind: $(ls -A "$WORK" | grep '^\.')"

# [SECTION] the pipeline
reference=$(sql "SELECT reference FROM ideas WHERE kind = 'initiative' AND status = 'approved' ORDER BY created_hlc LIMIT 1")
progress() { "$BIN" initiative progress --data-dir "$DATA" "$@"; }
expect "approved" 0 "is now approved: granted 1,250.50" -- progress --reference "$reference" --stage approved --granted 1.250,50
expect "running" 0 "is now running: granted 1,250.50, spent 300.00" -- progress --reference "$reference" --stage running --spent 300
events=$(sql "SELECT COUNT(*) FROM events")
expect "over granted" $EXIT_USAGE "spent above granted without a note saying why: nothing changed" -- \
    progress --reference "$reference" --stage done --spent 1400
expect "granted too early" $EXIT_USAGE "money granted before the stage approved" -- progress --reference "$reference" --stage reviewed
expect "bad amount" $EXIT_USAGE "is not an amount" -- progress --reference "$reference" --stage done --spent lots
expect "bad stage" $EXIT_USAGE "is not a stage" -- progress --reference "$reference" --stage finished
expect "unknown initiative" $EXIT_NO_SUCH_INITIATIVE "there is no initiative QQQ-QQQ" -- progress --reference QQQ-QQQ --stage done
expect "an idea" $EXIT_NO_SUCH_INITIATIVE "(it is an idea)" -- progress --reference ZZZ-ZZZ --stage done
[ "$(sql "SELECT COUNT(*) FROM events")" = "$events" ] || check "refused progress changed the database"
expect "done with a note" 0 "is now done" -- progress --reference "$reference" --stage done --spent 1400 --note "Tent was duurder"
"$BIN" audit --data-dir "$DATA" --last 1 >"$WORK/audit" 2>&1 || check "audit: exit code $?"
grep -qF 'initiative.progress_set' "$WORK/audit" || check "audit: no progress entry: $(cat "$WORK/audit")"
grep -qF 'stage running; granted 1250' "$WORK/audit" || check "audit: no before: $(cat "$WORK/audit")"
export_ --what initiatives --format csv --out "$WORK/pipeline.csv" >/dev/null 2>&1 || check "pipeline export failed"
grep -F "$reference" "$WORK/pipeline.csv" | grep -qF ';done;1250.50;1400.00;Tent was duurder;' ||
    check "pipeline export: $(grep -F "$reference" "$WORK/pipeline.csv")"

[ "$failures" -eq 0 ] || exit 1
echo "PASS: export of every list as CSV, XLSX and JSON, neutralised formulas, identical twice, contacts, pb, ics, refusals, progress"
