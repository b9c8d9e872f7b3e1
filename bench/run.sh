#!/usr/bin/env bash
# Buurtstem's benchmark table: idle CPU, start-up time, frame times and peak memory, measured on
# this machine under Xvfb with software rendering, the tally, and sync at the staff office.
# Usage: bash bench/run.sh BUILD_DIR [--sync-events N] [--sync-only] (or ./dev.sh bench [...]).
#   --sync-events N  events in the sync bench (default 1000000; 100000 for a quick run)
#   --sync-only      only the sync bench: no display needed
# Takes a few minutes; exits 0 once it has measured, and says in the table what missed.
set -euo pipefail

build=${1:?usage: bash bench/run.sh BUILD_DIR [--sync-events N] [--sync-only]}
sync_events=1000000
sync_only=""
options=("${@:2}")
for ((i = 0; i < ${#options[@]}; ++i)); do
  case ${options[i]} in
    --sync-events) sync_events=${options[i + 1]:?--sync-events wants a number}; i=$((i + 1)) ;;
    --sync-only) sync_only=1 ;;
    *) echo "bench/run.sh: unknown option ${options[i]}" >&2; exit 1 ;;
  esac
done
kiosk=$build/app/buurtstem
frame_bench=$build/bench/frame_bench
tally_bench=$build/bench/tally_bench
sync_bench=$build/bench/sync_bench
vote_bench=$(cd "$build" && pwd)/bench/vote_bench  # absolute: it runs in the work folder
if [ -n "$sync_only" ]; then binaries=("$sync_bench"); else binaries=("$kiosk" "$frame_bench" "$tally_bench" "$vote_bench" "$sync_bench"); fi
for binary in "${binaries[@]}"; do
  [ -x "$binary" ] || { echo "bench/run.sh: $binary is missing; build $build first (./dev.sh bench does)" >&2; exit 1; }
done

# [SECTION] Sync at the staff office
# sync_bench prints "name key=value ..." lines; sync_table turns them into the table's rows. It
# needs no display, so --sync-only runs it before (and without) Xvfb.
sync_figure() { awk -v n="$1" -v k="$2" '$1 == n { for (i = 2; i <= NF; ++i) if (index($i, k "=") == 1) print substr($i, length(k) + 2) }' "$3"; }
sync_table() {  # sync_table OUTPUT_FILE
  local out=$1 import reimport export_s
  import=$(sync_figure import seconds "$out"); reimport=$(sync_figure reimport seconds "$out")
  export_s=$(sync_figure export seconds "$out")
  # CPU time beside the wall time: on a busy machine the two differ by the time spent waiting.
  cpu() { local v; v=$(sync_figure "$1" cpu_seconds "$out"); if [ -n "$v" ]; then echo " (CPU $v s)"; fi; }
  echo
  echo "## Sync at the staff office ($(sync_figure build events "$out") events from $(sync_figure build kiosks "$out") kiosks, hub on disk, synchronous=FULL)"
  echo
  printf '| %-52s | %-26s | %-9s | %-6s |\n' "Figure" "Measured" "Target" "Met?"
  printf '| %-52s | %-26s | %-9s | %-6s |\n' "----" "----" "----" "----"
  printf '| %-52s | %-26s | %-9s | %-6s |\n' "Import into a fresh hub" "$import s$(cpu import)" "< 10 s" "$(awk -v v="$import" 'BEGIN { print v < 10 ? "yes" : "**no**" }')"
  printf '| %-52s | %-26s | %-9s | %-6s |\n' "Import the same bundles again" "$reimport s$(cpu reimport)" "< 1 s" "$(awk -v v="$reimport" 'BEGIN { print v < 1 ? "yes" : "**no**" }')"
  if [ -n "$export_s" ]; then
    printf '| %-52s | %-26s | %-9s | %-6s |\n' "Export $(sync_figure export initiatives "$out") initiatives as CSV" "$export_s s$(cpu export)" "< 1 s" \
      "$(awk -v v="$export_s" 'BEGIN { print v < 1 ? "yes" : "**no**" }')"
  else
    printf '| %-52s | %-26s | %-9s | %-6s |\n' "Export of the initiatives" "not measured: $(sync_figure export reason "$out")" "< 1 s" "-"
  fi
  printf '| %-52s | %-26s | %-9s | %-6s |\n' "SQLite alone writing the same rows (the anchor)" "$(sync_figure anchor seconds "$out") s" "-" "-"
  printf '| %-52s | %-26s | %-9s | %-6s |\n' "Events imported per second" "$(sync_figure import events_per_s "$out")" "-" "-"
  printf '| %-52s | %-26s | %-9s | %-6s |\n' "Hub database size" "$(sync_figure database megabytes "$out") MB" "-" "-"
  printf '| %-52s | %-26s | %-9s | %-6s |\n' "Bundles, all kiosks together" "$(sync_figure build bundle_megabytes "$out") MB" "-" "-"
  printf '| %-52s | %-26s | %-9s | %-6s |\n' "Peak memory of sync_bench (bundles in memory)" \
    "$(awk '$1 == "peak_memory_kb" { printf "%.0f MiB", $2 / 1024 }' "$out")" "-" "-"
  echo
  echo "Building the bundles in memory (not a target) took $(sync_figure build seconds "$out") s."
}
run_sync_bench() {  # run_sync_bench OUTPUT_FILE
  echo "bench: sync: $sync_events events from 100 kiosks (build, import, import again, export)" >&2
  "$sync_bench" --events "$sync_events" --kiosks 100 >"$1" || { echo "bench: sync_bench failed" >&2; exit 1; }
}
if [ -n "$sync_only" ]; then
  sync_out=$(mktemp "${TMPDIR:-/tmp}/buurtstem-sync-bench.XXXXXX")
  trap 'rm -f "$sync_out"' EXIT
  run_sync_bench "$sync_out"
  sync_table "$sync_out"
  exit 0
fi

# Every figure is taken on the same kind of screen, a private 1920x1080 Xvfb, whatever display
# the caller has: so the numbers compare between machines and runs.
if [ -z "${BUURTSTEM_BENCH_IN_XVFB:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "bench/run.sh: needs xvfb-run (Debian package xvfb)" >&2; exit 1; }
  command -v xdotool >/dev/null || { echo "bench/run.sh: needs xdotool (Debian package xdotool)" >&2; exit 1; }
  export BUURTSTEM_BENCH_IN_XVFB=1
  exec xvfb-run -a -s "-screen 0 1920x1080x24" bash "$0" "$@"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/buurtstem-bench.XXXXXX")
kiosk_pid=""
cleanup() {
  if [ -n "$kiosk_pid" ] && kill -0 "$kiosk_pid" 2>/dev/null; then
    kill -TERM "$kiosk_pid" 2>/dev/null || true
    wait "$kiosk_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "bench: $*" >&2; }
clock_ticks=$(getconf CLK_TCK)
now() { date +%s.%N; }

# utime + stime of a process, all its threads, in clock ticks (/proc/PID/stat fields 14 and 15,
# counted after the command name, which may hold spaces).
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
peak_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }
# Other work on this (possibly shared) machine slows every figure but idle CPU. To say how much
# there was: all busy CPU time (/proc/stat, hypervisor steal included) minus our own, which is
# this script's finished children (fields 16 and 17 of its own stat) and the Xvfb we draw on.
xvfb_pid=$(pgrep -P "$PPID" -x Xvfb | head -n 1 || true)
ours_ticks() {
  local xvfb=0
  [ -n "$xvfb_pid" ] && [ -r "/proc/$xvfb_pid/stat" ] && xvfb=$(cpu_ticks "$xvfb_pid")
  sed 's/.*) //' "/proc/$$/stat" | awk -v x="$xvfb" '{ print $14 + $15 + x }'
}
machine_busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
others_start() { others_busy=$(machine_busy_ticks); others_ours=$(ours_ticks); others_time=$(now); }
others_cores() {  # cores' worth of other work since others_start
  awk -v busy="$(( $(machine_busy_ticks) - others_busy ))" -v ours="$(( $(ours_ticks) - others_ours ))" \
      -v hz="$clock_ticks" -v a="$others_time" -v b="$(now)" \
      'BEGIN { v = (busy - ours) / hz / (b - a); printf "%.2f", v < 0 ? 0 : v }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The running kiosk writes its touch targets after every frame it draws ("id x0 y0 x1 y1 enabled").
widgets=$work/widgets.txt
wait_for_widget() {  # wait_for_widget ID_PREFIX: until a target whose id starts so is on screen
  local deadline=$((SECONDS + 30))
  until [ -f "$widgets" ] && awk -v p="$1" 'index($1, p) == 1 { found = 1 } END { exit !found }' "$widgets"; do
    kill -0 "$kiosk_pid" 2>/dev/null || { say "the kiosk stopped; its messages:"; cat "$work/kiosk.log" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { say "no \"$1\" on screen after 30 s"; exit 1; }
    sleep 0.1
  done
}
tap() {  # tap ID: a click in the middle of that touch target, as a finger would
  local window x y
  window=$(xdotool search --sync --pid "$kiosk_pid" | head -n 1)
  read -r x y < <(awk -v id="$1" '$1 == id { printf "%d %d\n", ($2 + $4) / 2, ($3 + $5) / 2; exit }' "$widgets")
  xdotool mousemove --window "$window" "$x" "$y" click 1
}

# [SECTION] Idle CPU at the home screen, and the kiosk's peak memory
say "idle CPU: starting the kiosk with the demo neighbourhood"
"$kiosk" --windowed --size 1920x1080 --data-dir "$work/idle" --demo --widget-dump "$widgets" 2>"$work/kiosk.log" &
kiosk_pid=$!
wait_for_widget "#attract.start"
tap "#attract.start"
wait_for_widget "home.tile.ideas"
sleep 2  # the frames drawn right after a touch are not idle
say "idle CPU: measuring 10 s at the home screen"
frames_before=$(stat -c '%i %Y' "$widgets")
ticks_before=$(cpu_ticks "$kiosk_pid"); time_before=$(now)
sleep 10
ticks_after=$(cpu_ticks "$kiosk_pid"); time_after=$(now)
frames_after=$(stat -c '%i %Y' "$widgets")
idle_percent=$(awk -v t="$((ticks_after - ticks_before))" -v hz="$clock_ticks" -v a="$time_before" -v b="$time_after" \
  'BEGIN { printf "%.2f", 100 * t / hz / (b - a) }')
# The dump is replaced (a new file) on every drawn frame: the same file means nothing was drawn.
if [ "$frames_before" = "$frames_after" ]; then idle_frames="no frames drawn"; else idle_frames="frames were drawn"; fi

say "peak memory: opening the ideas list"
tap "home.tile.ideas"
wait_for_widget "#idea."
sleep 1
kiosk_peak_kb=$(peak_kb "$kiosk_pid")
# Where the memory is, at this moment: the kiosk's own (anonymous), mapped files (of which
# libLLVM, the compiler inside Mesa's llvmpipe) and shared memory (the image sent to the X server).
kiosk_memory=$(awk '/^RssAnon:/ { a = $2 } /^RssFile:/ { f = $2 } /^RssShmem:/ { s = $2 }
                    END { printf "%.1f MiB anonymous, %.1f MiB mapped files, %.1f MiB shared", a / 1024, f / 1024, s / 1024 }' \
                 "/proc/$kiosk_pid/status")
llvm_mb=$(awk '/^[0-9a-f]+-[0-9a-f]+ / { llvm = ($6 ~ /libLLVM/) } /^Rss:/ && llvm { kb += $2 } END { printf "%.1f", kb / 1024 }' \
            "/proc/$kiosk_pid/smaps")
kill -TERM "$kiosk_pid"
wait "$kiosk_pid" || true
kiosk_pid=""

# [SECTION] Start to first frame
# One run fills the data folder with the demo and brings the program into the page cache; a
# "cold" start here therefore means a new process, not an empty disk cache (that needs root).
say "start-up: 7 runs to the first frame"
others_start
"$kiosk" --windowed --size 1920x1080 --data-dir "$work/start" --demo --exit-after-first-frame 1 2>"$work/start.log" ||
  { say "the kiosk did not start; its messages:"; cat "$work/start.log" >&2; exit 1; }
: >"$work/start-inside.txt"; : >"$work/start-outside.txt"
for _ in 1 2 3 4 5 6 7; do
  started=$(now)
  "$kiosk" --windowed --size 1920x1080 --data-dir "$work/start" --exit-after-first-frame 1 2>"$work/start.log" ||
    { say "the kiosk did not start; its messages:"; cat "$work/start.log" >&2; exit 1; }
  awk -v a="$started" -v b="$(now)" 'BEGIN { printf "%.1f\n", (b - a) * 1000 }' >>"$work/start-outside.txt"
  sed -n 's/^first frame: \([0-9.]*\) ms after process start.*/\1/p' "$work/start.log" >>"$work/start-inside.txt"
done
first_frame_ms=$(median <"$work/start-inside.txt")
start_exit_ms=$(median <"$work/start-outside.txt")
start_others=$(others_cores)

# [SECTION] Frame times
say "frame times: frame_bench, 600 frames per screen (about a minute)"
others_start
"$frame_bench" >"$work/frames.txt"
frames_others=$(others_cores)
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }  # field NAME: the value of NAME=… on a frame line
worst=$(awk '/^frame / { for (i = 3; i <= NF; ++i) if ($i ~ /^p99_ms=/) { v = substr($i, 8) + 0; if (v >= max) { max = v; line = $0 } } }
             END { print line }' "$work/frames.txt")
worst_screen=$(echo "$worst" | awk '{ print $2 }')
bench_peak_kb=$(awk '/^peak_memory_kb/ { print $2 }' "$work/frames.txt")
renderer=$(sed -n 's/^renderer //p' "$work/frames.txt")

# [SECTION] Tally
# The large Pabulib elections, each in its own process so its peak memory is its own. The data
# sits next to the repository (shared/data/pabulib); without it the table says so.
pabulib=$(cd "$(dirname "$0")/.." && pwd)/../shared/data/pabulib
tally_files=(Poland_Warszawa_2026 Poland_Krakow_2024 Poland_Wroclaw_2015_150_-_500 Poland_Gdansk_2020 Poland_Czestochowa_2020)
: >"$work/tally.txt"
if [ -d "$pabulib" ]; then
  say "tally: ${#tally_files[@]} elections, every rule, 3 runs each (about a minute)"
  others_start
  for name in "${tally_files[@]}"; do
    "$tally_bench" "$pabulib/$name.pb" 3 >>"$work/tally.txt" || { say "tally_bench failed on $name"; exit 1; }
  done
  tally_others=$(others_cores)
fi
# tally_figure FILE RULE: median_ms of that rule on that file
tally_figure() {
  awk -v f="$1.pb" -v r="$2" '$1 == "file" { file = $2 } $1 == "tally" && file == f && $2 == r {
    for (i = 3; i <= NF; ++i) if ($i ~ /^median_ms=/) print substr($i, 11) }' "$work/tally.txt"
}

# [SECTION] Confirmed votes
# In the work folder, so on the disk the kiosk's data would be on (not a tmpfs): a confirmed vote
# waits for the disk, and the raw commits are measured on the same one.
say "votes: 3 runs of 1000 votes through the kiosk's store, and as many raw SQLite commits"
others_start
: >"$work/votes.txt"
for _ in 1 2 3; do
  (cd "$work" && "$vote_bench" --votes 1000) >>"$work/votes.txt" || { say "vote_bench failed"; exit 1; }
done
votes_others=$(others_cores)
vote_figure() { awk -v n="$1" -v k="$2" '$1 == n { for (i = 2; i <= NF; ++i) if (index($i, k "=") == 1) print substr($i, length(k) + 2) }' "$work/votes.txt" | median; }

# [SECTION] Sync
run_sync_bench "$work/sync.txt"

# [SECTION] The table
ok() { awk -v v="$1" -v limit="$2" -v op="$3" 'BEGIN { pass = (op == "<=") ? v <= limit : v < limit; print pass ? "yes" : "**no**" }'; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }
row() { printf '| %-50s | %-16s | %-10s | %-24s | %-5s | %-9s | %-6s |\n' "$@"; }

echo
echo "## Machine"
echo
echo "- CPU: $(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores available"
echo "- RAM: $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "- System: $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME"), kernel $(uname -r)"
echo "- Renderer: $renderer, under Xvfb 1920x1080x24"
echo "- Other work on this machine, in cores busy with it: $start_others during the start-up runs, $frames_others during frame_bench, $votes_others during the votes"
echo "- Measured: $(date -u '+%Y-%m-%d %H:%M UTC'), Buurtstem $("$kiosk" --version 2>/dev/null | awk '{ print $NF }')"
echo
echo "## All figures"
echo
echo "Median over the runs given; the anchor is what the figure is read against, measured on the same"
echo "machine in the same run, and the ratio is figure / anchor (see docs/PERFORMANCE.md)."
echo
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
row "Figure" "Median" "Runs" "Anchor" "Ratio" "Target" "Met?"
row "----" "----" "----" "----" "----" "----" "----"
row "Idle CPU at the home screen ($idle_frames)" "$idle_percent % of a core" "1 x 10 s" "-" "-" "<= 1 %" "$(ok "$idle_percent" 1 '<=')"
row "First frame after process start" "$first_frame_ms ms" "7" "-" "-" "<= 300 ms" "$(ok "$first_frame_ms" 300 '<=')"
row "Start to exit after one frame, outside" "$start_exit_ms ms" "7" "-" "-" "-" "-"
empty=$(grep '^frame empty ' "$work/frames.txt" || true)
row "Frame time, worst screen ($worst_screen)" "$(echo "$worst" | field median_ms) ms" "600 frames" \
  "empty window $(echo "$empty" | field median_ms) ms" "$(ratio "$(echo "$worst" | field median_ms)" "$(echo "$empty" | field median_ms)")" "-" "-"
row "Frame time, worst screen ($worst_screen), p99" "$(echo "$worst" | field p99_ms) ms" "600 frames" \
  "empty window $(echo "$empty" | field p99_ms) ms" "$(ratio "$(echo "$worst" | field p99_ms)" "$(echo "$empty" | field p99_ms)")" "< 8 ms" \
  "$(ok "$(echo "$worst" | field p99_ms)" 8 '<')"
row "Peak memory, kiosk after home and ideas list" "$(mb "$kiosk_peak_kb") MiB" "1" "-" "-" "< 80 MB" "$(ok "$kiosk_peak_kb" $((80 * 1024)) '<')"
row "Peak memory, frame_bench (4 screens)" "$(mb "$bench_peak_kb") MiB" "1" "-" "-" "< 80 MB" "$(ok "$bench_peak_kb" $((80 * 1024)) '<')"
votes_per_s=$(vote_figure votes per_s); raw_per_s=$(vote_figure raw_inserts per_s)
row "Confirmed votes per second (synchronous=FULL)" "$votes_per_s /s" "3 x 1000" "raw SQLite $raw_per_s /s" \
  "$(ratio "$votes_per_s" "$raw_per_s")" "-" "-"
row "Time to confirm one vote, p99" "$(vote_figure votes p99_ms) ms" "3 x 1000" "raw SQLite $(vote_figure raw_inserts p99_ms) ms" \
  "$(ratio "$(vote_figure votes p99_ms)" "$(vote_figure raw_inserts p99_ms)")" "-" "-"
if [ -s "$work/tally.txt" ]; then
  warsaw_greedy=$(tally_figure Poland_Warszawa_2026 greedy)
  warsaw_add1=$(tally_figure Poland_Warszawa_2026 mes-add1)
  warsaw_parse=$(awk -v f="Poland_Warszawa_2026.pb" '$1 == "file" { on = ($2 == f) }
                 on && $1 == "parse" { v = $2; sub(/median_ms=/, "", v); print v }' "$work/tally.txt")
  row "Tally Warszawa 2026 (largest), greedy" "$warsaw_greedy ms" "3" "parsing alone $warsaw_parse ms" \
    "$(ratio "$warsaw_greedy" "$warsaw_parse")" "< 300 ms" "$(ok "$warsaw_greedy" 300 '<')"
  row "Tally Warszawa 2026 (largest), Equal Shares + add1" "$warsaw_add1 ms" "3" "parsing alone $warsaw_parse ms" \
    "$(ratio "$warsaw_add1" "$warsaw_parse")" "< 2000 ms" "$(ok "$warsaw_add1" 2000 '<')"
fi
import_s=$(sync_figure import seconds "$work/sync.txt"); reimport_s=$(sync_figure reimport seconds "$work/sync.txt")
export_s=$(sync_figure export seconds "$work/sync.txt")
anchor_s=$(sync_figure anchor seconds "$work/sync.txt")
row "Bundle import, $(sync_figure build events "$work/sync.txt") events from 100 kiosks" "$import_s s" "1" \
  "SQLite alone $anchor_s s" "$(ratio "$import_s" "$anchor_s")" "< 10 s" "$(ok "$import_s" 10 '<')"
row "Bundle re-import, the same bundles" "$reimport_s s" "1" "first import $import_s s" "$(ratio "$reimport_s" "$import_s")" \
  "< 1 s" "$(ok "$reimport_s" 1 '<')"
if [ -n "$export_s" ]; then
  row "Export of $(sync_figure export initiatives "$work/sync.txt") initiatives as CSV" "$export_s s" "1" "-" "-" "< 1 s" "$(ok "$export_s" 1 '<')"
fi
echo
echo "The kiosk's memory with the ideas list open: $kiosk_memory; libLLVM alone $llvm_mb MiB."
echo
echo "## Frame time per screen (1920x1080, vsync off, 600 frames after 30 to warm up)"
echo
printf '| %-12s | %-12s | %-12s | %-12s | %-17s | %-14s | %-8s |\n' Screen "Median (ms)" "p99 (ms)" "Max (ms)" "ImGui median (ms)" "ImGui p99 (ms)" Vertices
printf '| %-12s | %-12s | %-12s | %-12s | %-17s | %-14s | %-8s |\n' ---- ---- ---- ---- ---- ---- ----
grep '^frame ' "$work/frames.txt" | while read -r line; do
  screen=$(echo "$line" | awk '{ print $2 }')
  imgui_p99=$(echo "$line" | field cpu_p99_ms); imgui_median=$(echo "$line" | field cpu_median_ms)
  [ "$screen" = empty ] && { screen="(empty)"; imgui_p99="-"; imgui_median="-"; }
  printf '| %-12s | %-12s | %-12s | %-12s | %-17s | %-14s | %-8s |\n' "$screen" \
    "$(echo "$line" | field median_ms)" "$(echo "$line" | field p99_ms)" "$(echo "$line" | field max_ms)" \
    "$imgui_median" "$imgui_p99" "$(echo "$line" | field vertices)"
done
echo
echo "Whole frame = input, ImGui, OpenGL drawing, swap and glFinish. ImGui = building the frame's draw"
echo "lists alone, without OpenGL. (empty) = clearing and presenting the window with no UI: the floor."
echo "Font atlas $(sed -n 's/^font_atlas //p' "$work/frames.txt"). See docs/PERFORMANCE.md for how to read these."
echo
echo "## Tally (real Pabulib elections; ms with reading and parsing the file, median of 3 runs)"
echo
if [ -s "$work/tally.txt" ]; then
  printf '| %-30s | %-8s | %-6s | %-6s | %-7s | %-6s | %-8s | %-9s | %-13s | %-16s | %-13s |\n' Election Ballots Parse greedy no-skip mes "mes add1" "mes add1u" "add1 + compare" "cardinality add1" "Peak memory"
  printf '| %-30s | %-8s | %-6s | %-6s | %-7s | %-6s | %-8s | %-9s | %-13s | %-16s | %-13s |\n' ---- ---- ---- ---- ---- ---- ---- ---- ---- ---- ----
  for name in "${tally_files[@]}"; do
    awk -v f="$name.pb" '
      $1 == "file" { on = ($2 == f); if (on) { ballots = $3; sub(/ballots=/, "", ballots) } }
      on && $1 == "parse" { parse = $2; sub(/median_ms=/, "", parse) }
      on && $1 == "tally" { v = $3; sub(/median_ms=/, "", v); ms[$2] = v }
      on && $1 == "peak_memory_kb" { peak = $2 }
      END { printf "| %-30s | %-8s | %-6s | %-6s | %-7s | %-6s | %-8s | %-9s | %-13s | %-16s | %-13s |\n", f, ballots, parse,
            ms["greedy"], ms["greedy-no-skip"], ms["mes"], ms["mes-add1"], ms["mes-add1u"], ms["mes-add1-compare"],
            ms["mes-cardinality-add1"], sprintf("%.1f MiB, %.0f B/ballot", peak / 1024, peak * 1024 / ballots) }' "$work/tally.txt"
  done
  echo
  echo "Every figure but Parse includes reading and parsing the file. Equal Shares: cost utilities unless"
  echo "marked; the completion work per election (runs, ranges settled at once, runs in fractions) is in"
  echo "tally_bench's own output. Other work on this machine: $tally_others of $(nproc) cores during these runs."
else
  echo "Skipped: $pabulib is missing."
fi
sync_table "$work/sync.txt"
exit 0
