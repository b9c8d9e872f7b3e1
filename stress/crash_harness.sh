#!/usr/bin/env bash
# The crash and power-loss runs (docs/crash-safety.md). Starts crash_writer on a kiosk data folder,
# cuts it off, runs crash_check on what is left, restarts the writer on the same folder, and again:
#   crash         SIGKILL after a random delay (the process dies, the disk keeps what it was given)
#   power_new_kiosk  a power cut while a new kiosk makes its database (each run a new folder), then
#                 the kiosk must start and write 8 times, and the check must hold again
#   power_full    the writer's PowerCutVfs cuts the power before a random database operation: what
#                 was not synced is lost, in part or in full; the store's own synchronous=FULL
#   power_normal  the same from the end state of power_full, with synchronous=NORMAL (test only)
#   power_off     the same with synchronous=OFF (test only)
# With FULL nothing confirmed may be lost and every check must hold; NORMAL and OFF are measured,
# not judged, except that NORMAL must lose something when it runs (else the check is blind).
#
# Usage: crash_harness.sh BIN_DIR [--kills N] [--fresh-cuts N] [--power-cuts N] [--normal-cuts N]
#                         [--off-cuts N] [--seed S] [--max-delay-ms MS] [--max-ops OPS]
#   BIN_DIR holds crash_writer and crash_check. Defaults: 500 of each kind of cut (the bench size)
#   and 320 new kiosks (one cut at each of their first 320 operations), seed 1, delays up to
#   300 ms, cuts before one of the first 400 database operations of a run.
# Prints "name key=value ..." lines, one per kind of cut, for the benchmark table. Exits 1 at the
# first failed check with FULL (with the seed, the run and the folder kept), 2 on
# wrong arguments, else 0. CRASH_KEEP=1 keeps the folders (runs.log in each says what every run
# and check did).
set -euo pipefail

bin=${1:?usage: crash_harness.sh BIN_DIR [--kills N] [--power-cuts N] [--normal-cuts N] [--off-cuts N] [--seed S]}
shift
kills=500 power_cuts=500 normal_cuts=500 off_cuts=500 fresh_cuts=320 seed=1 max_delay_ms=300 max_ops=400
fresh_span=320  # database operations of a new kiosk's first start: creating, migrating, setting up
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || { echo "crash_harness.sh: $1 wants a value" >&2; exit 2; }
  case $1 in
    --kills) kills=$2 ;;
    --power-cuts) power_cuts=$2 ;;
    --normal-cuts) normal_cuts=$2 ;;
    --off-cuts) off_cuts=$2 ;;
    --fresh-cuts) fresh_cuts=$2 ;;
    --seed) seed=$2 ;;
    --max-delay-ms) max_delay_ms=$2 ;;
    --max-ops) max_ops=$2 ;;
    *) echo "crash_harness.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
writer=$bin/crash_writer
checker=$bin/crash_check
for program in "$writer" "$checker"; do
  [ -x "$program" ] || { echo "crash_harness.sh: $program is missing; build crash_writer and crash_check first" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/buurtstem-crash.XXXXXX")
keep=""
# crash_check works on a copy; on a RAM disk its own writes (opening, the rebuild) cost no fsyncs.
check_dir=$work
if [ -d /dev/shm ] && [ -w /dev/shm ]; then check_dir=$(mktemp -d /dev/shm/buurtstem-crash-check.XXXXXX); fi
cleanup() {
  [ -z "${CRASH_KEEP:-}" ] || keep=1
  [ "$check_dir" = "$work" ] || rm -rf "$check_dir"
  [ -n "$keep" ] || rm -rf "$work"
}
trap cleanup EXIT
RANDOM=$seed
# drawn=0..N-1 from the seeded RANDOM; never in a $(...), where bash would seed it afresh.
draw_below() { drawn=$(( (RANDOM * 32768 + RANDOM) % $1 )); }
now() { date +%s.%N; }

# [SECTION] One kind of cut
# run_cuts NAME FOLDER COUNT MODE [SYNCHRONOUS]: MODE kill, power, or fresh (a power cut in the
# first start of an empty folder: creating the database, its migrations and the set-up; each run
# on a new folder, spread over the first $fresh_span operations). Prints NAME's line.
run_cuts() {
  local name=$1 dir=$2 count=$3 mode=$4 synchronous=${5:-full}
  local started checks=0 checked=0 lost=0 lost_before=0 cuts_with_loss=0 integrity_failures=0 consistency_failures=0
  local audit_failures=0 unaudited=0 dead="" line status i
  started=$(now)
  for ((i = 1; i <= count; ++i)); do
    local run_seed=$((seed * 1000003 + i)) arguments=()
    arguments=(--data-dir "$dir/kiosk" --confirmed "$dir/confirmed.log" --codes "$dir/codes.txt" --seed "$run_seed"
               --synchronous "$synchronous")
    if [ "$mode" = fresh ]; then
      rm -rf "$dir/kiosk" "$dir/confirmed.log" "$dir/codes.txt"
      local stride=$((fresh_span / count))
      [ "$stride" -ge 1 ] || stride=1
      draw_below "$stride"
      local operation=$(( (i - 1) * stride + drawn + 1 ))
      status=0
      ("$writer" "${arguments[@]}" --power-cut-at "$operation" --cut-seed "$run_seed" 2>>"$dir/writer.log"; exit $?) 2>/dev/null ||
        status=$?
      what="run $i: power cut before operation $operation of a new kiosk"
    elif [ "$mode" = kill ]; then
      draw_below "$max_delay_ms"
      local delay_ms=$drawn
      # In a subshell whose stderr is dropped: bash says "Killed" there, not in the output.
      status=0
      (
        "$writer" "${arguments[@]}" 2>>"$dir/writer.log" &
        pid=$!
        sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid"
      ) 2>/dev/null || status=$?
      what="run $i: SIGKILL after $delay_ms ms"
    else
      draw_below "$max_ops"
      local operation=$((drawn + 1)) from=()
      what="run $i: power cut before database operation $operation"
      # Every other run counts from its first write: the first write after a cut may checkpoint a
      # long WAL, which alone can take more operations than max_ops.
      if [ $((i % 2)) -eq 0 ]; then from=(--cut-after-first-write); what="$what after the first write"; fi
      status=0
      # "exit" keeps bash from replacing the subshell by the writer, so its "Killed" goes nowhere.
      ("$writer" "${arguments[@]}" --power-cut-at "$operation" "${from[@]}" --cut-seed "$run_seed" 2>>"$dir/writer.log"
       exit $?) 2>/dev/null || status=$?
    fi
    echo "$what: exit $status" >>"$dir/runs.log"
    if [ "$status" -ne 137 ]; then
      # Not killed: the writer stopped by itself, so the kiosk could not go on after the last cut.
      dead="$what: the writer stopped with exit code $status: $(tail -n 1 "$dir/writer.log")"
      break
    fi
    status=0
    line=$("$checker" --data-dir "$dir/kiosk" --confirmed "$dir/confirmed.log" --work "$check_dir/check" 2>"$dir/check.log") || status=$?
    checks=$((checks + 1))
    local -A got=()
    local pair
    for pair in $line; do got[${pair%%=*}]=${pair#*=}; done
    echo "  $line" >>"$dir/runs.log"
    checked=$((checked + ${got[confirmed]:-0}))
    lost=${got[lost]:-0}
    [ "$lost" -gt "$lost_before" ] && cuts_with_loss=$((cuts_with_loss + 1))
    lost_before=$lost
    [ "${got[integrity]:-}" = ok ] || integrity_failures=$((integrity_failures + 1))
    [ "${got[consistent]:-}" = ok ] || consistency_failures=$((consistency_failures + 1))
    [ "${got[audit]:-}" = ok ] || audit_failures=$((audit_failures + 1))
    unaudited=${got[approvals_without_audit]:-0}
    if [ "$mode" = fresh ] && [ "$status" -eq 0 ]; then
      # A new kiosk cut off while it was being made must start and write all the same.
      if ! "$writer" "${arguments[@]}" --writes 8 2>>"$dir/writer.log"; then
        dead="$what: the kiosk cannot go on: $(tail -n 1 "$dir/writer.log")"
        keep=1
        break
      fi
      line=$("$checker" --data-dir "$dir/kiosk" --confirmed "$dir/confirmed.log" --work "$check_dir/check" 2>"$dir/check.log") ||
        status=$?
      echo "  after 8 more writes: $line" >>"$dir/runs.log"
    fi
    if [ "$status" -ne 0 ] && [ "$synchronous" = full ]; then
      keep=1
      echo "crash_harness.sh: $name failed at $what (seed $seed, writer seed $run_seed); the folder is kept in $dir" >&2
      echo "$line" >&2
      cat "$dir/check.log" >&2
      dead="check failed"
      break
    fi
  done
  local confirmed=0
  [ -f "$dir/confirmed.log" ] && confirmed=$(grep -c '' "$dir/confirmed.log")
  echo "$name cuts=$checks writes_confirmed=$confirmed confirmed_checked=$checked lost=$lost cuts_with_loss=$cuts_with_loss" \
       "integrity_failures=$integrity_failures consistency_failures=$consistency_failures audit_failures=$audit_failures" \
       "approvals_without_audit=$unaudited seconds=$(awk -v a="$started" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')" \
       "kiosk_continues=$([ -z "$dead" ] && echo yes || echo no)"
  if [ -n "$dead" ]; then
    echo "crash_harness.sh: $name: $dead (seed $seed)" >&2
    [ "$synchronous" = full ] && { keep=1; echo "crash_harness.sh: the folder is kept in $dir" >&2; return 1; }
  fi
  if [ "$synchronous" = normal ] && [ "$count" -gt 0 ] && [ "$lost" -eq 0 ]; then
    echo "crash_harness.sh: $name lost nothing in $count cuts: the check cannot see a loss (seed $seed)" >&2
    return 1
  fi
  return 0
}

echo "seed value=$seed"
failed=0
mkdir -p "$work/crash" "$work/power" "$work/fresh"
[ "$kills" -gt 0 ] && { run_cuts crash "$work/crash" "$kills" kill || failed=1; }
[ "$failed" -eq 0 ] && [ "$fresh_cuts" -gt 0 ] && { run_cuts power_new_kiosk "$work/fresh" "$fresh_cuts" fresh || failed=1; }
[ "$failed" -eq 0 ] && [ "$power_cuts" -gt 0 ] && { run_cuts power_full "$work/power" "$power_cuts" power || failed=1; }
# NORMAL and OFF start from what FULL left (or from nothing), each on its own copy.
for variant in normal off; do
  count=$normal_cuts
  [ $variant = off ] && count=$off_cuts
  [ "$failed" -eq 0 ] && [ "$count" -gt 0 ] || continue
  cp -a "$work/power" "$work/$variant"
  rm -f "$work/$variant/writer.log" "$work/$variant/runs.log"
  # One write and a proper close first, as at the end of a day: the WAL is checkpointed and
  # removed, so the variant starts as a kiosk switched on in the morning would.
  "$writer" --data-dir "$work/$variant/kiosk" --confirmed "$work/$variant/confirmed.log" --codes "$work/$variant/codes.txt" \
    --seed "$seed" --writes 1 2>>"$work/$variant/writer.log" ||
    { echo "crash_harness.sh: the kiosk cannot go on after power_full (seed $seed)" >&2; failed=1; continue; }
  run_cuts "power_$variant" "$work/$variant" "$count" power "$variant" || failed=1
done
exit "$failed"
