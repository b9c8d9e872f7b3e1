#!/usr/bin/env bash
# The bench-size fuzz run (docs/fuzzing.md): each target for MINUTES (default 5), one after the
# other at low priority, then one table of inputs executed, corpus size and failures.
#   fuzz/run.sh [MINUTES [TARGET...]]
# Builds build/fuzz-bench with clang (the command-line target needs the whole app, so this build
# has the GUI). The corpora grow in build/fuzz-bench/corpus between runs; failures are kept in
# build/fuzz-bench/crashes/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
source fuzz/corpus.bash

minutes=${1:-5}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(pabulib catalog kiosk_setup event_payload bundle command_line)
build=${BUURTSTEM_FUZZ_BUILD:-build/fuzz-bench}

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DBUURTSTEM_FUZZ=ON -DBUURTSTEM_TESTS=OFF -DBUURTSTEM_GUI=ON >/dev/null
nice -n 10 cmake --build "$build" -j "$(nproc)" --target "${targets[@]/#/fuzz_}"
export BUURTSTEM_FUZZ_SEED_MAKER=$build/fuzz/fuzz_bundle_seeds

rows=()
failed=0
for name in "${targets[@]}"; do
  corpus=$build/corpus/$name seeds=$build/seeds/$name crashes=$build/crashes/$name log=$build/logs/$name.log
  rm -rf "$seeds"
  mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
  fill_corpus "$name" "$seeds" "$PWD"
  mapfile -t options < <(fuzz_options "$name")
  echo "fuzzing $name for $minutes min (log: $log)"
  status=ok
  # New inputs go to the first folder, the corpus; the seeds are read only.
  if ! nice -n 10 "$build/fuzz/fuzz_$name" "${options[@]}" -max_total_time=$((minutes * 60)) \
    -artifact_prefix="$crashes/" "$corpus" "$seeds" >"$log" 2>&1; then
    status="FAILED: $(ls -t "$crashes" | head -n 1)"
    failed=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  rows+=("$(printf '| %-14s | %7s | %15s | %8s | %s |' "$name" "$minutes" "$runs" "$(ls "$corpus" | wc -l)" "$status")")
done

echo
echo "Fuzzing on $(nproc) cores, $(date -u +%Y-%m-%d), clang $(clang++ -dumpversion)"
printf '| %-14s | %7s | %15s | %8s | %s |\n' target minutes "inputs executed" corpus result
printf '|%s|%s|%s|%s|%s|\n' ---------------- --------- ----------------- ---------- --------
printf '%s\n' "${rows[@]}"
exit $failed
