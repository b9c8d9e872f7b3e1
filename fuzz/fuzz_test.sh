#!/usr/bin/env bash
# One fuzz target as a CTest test: every saved regression input once (a fixed bug stays fixed),
# then SECONDS of fuzzing from the seeds. A crash fails the test and is kept in WORK/crashes.
#   fuzz_test.sh NAME BINARY SECONDS WORK
set -euo pipefail
name=$1 binary=$2 seconds=$3 work=$4
src=$(cd "$(dirname "$0")/.." && pwd)
source "$src/fuzz/corpus.bash"

rm -rf "$work"
mkdir -p "$work/crashes"
mapfile -t options < <(fuzz_options "$name")

regressions=("$src/tests/fuzz-regressions/$name"/*)
if [ -e "${regressions[0]}" ]; then
  if ! "$binary" "${options[@]}" "${regressions[@]}" >"$work/replay.log" 2>&1; then
    tail -n 40 "$work/replay.log"
    echo "fuzz.$name: a saved regression input fails again (log: $work/replay.log)" >&2
    exit 1
  fi
fi

fill_corpus "$name" "$work/corpus" "$src"
if ! "$binary" "${options[@]}" -max_total_time="$seconds" -artifact_prefix="$work/crashes/" "$work/corpus" \
  >"$work/fuzz.log" 2>&1; then
  tail -n 60 "$work/fuzz.log"
  echo "fuzz.$name: found an input that fails: $(ls "$work/crashes"/* 2>/dev/null | head -n 1)" >&2
  echo "Keep it under tests/fuzz-regressions/$name/ with a test, then fix the parser (docs/fuzzing.md)." >&2
  exit 1
fi
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/fuzz.log" | grep -o '[0-9]*$' || echo '?')
echo "fuzz.$name: $runs inputs in $seconds s, no failure"
