# fill_corpus NAME DIR SOURCE_DIR: the starting inputs of fuzz target NAME, copied into DIR.
# They come from the repository itself (and the Pabulib elections in ../shared/data when that
# folder is there), so no corpus is kept in git; fuzz/seeds holds only a few hand-made ones.
fill_corpus() {
  local name=$1 dir=$2 src=$3
  mkdir -p "$dir"
  local seeds="$src/fuzz/seeds/$name" regressions="$src/tests/fuzz-regressions/$name"
  if [ -d "$seeds" ]; then cp "$seeds"/* "$dir"/; fi
  if [ -d "$regressions" ]; then cp "$regressions"/* "$dir"/; fi
  case "$name" in
    pabulib)
      # The smaller real elections: big ones only slow every run down.
      local pb
      for pb in "$src"/../shared/data/pabulib/*.pb; do
        if [ -f "$pb" ] && [ "$(stat -c %s "$pb")" -le 65536 ]; then cp "$pb" "$dir"/; fi
      done
      ;;
    catalog)
      # Each language's header and its entries in pieces of 30: a whole catalog is 70 kB, and
      # every input would cost that much.
      local po
      for po in "$src"/assets/i18n/*.po; do
        awk -v out="$dir/$(basename "$po" .po)" 'BEGIN { RS = ""; ORS = "\n\n" }
          { print > (out "-" int((NR - 1) / 30) ".po") }' "$po"
      done
      ;;
    event_payload)
      # Every JSON payload the core tests spell out as a raw string, for each of the 28 decoders
      # (the first byte chooses one, EventPayloadFuzz.cpp).
      local i=0 json decoder byte
      while IFS= read -r json; do
        i=$((i + 1))
        for ((decoder = 0; decoder < 28; decoder++)); do
          printf -v byte '\\x%02x' "$decoder"
          printf "$byte%s" "$json" >"$dir/test-payload-$i-$decoder"
        done
      done < <(grep -oh 'R"({.*})"' "$src"/tests/core/*.cpp | sed -e 's/^R"(//' -e 's/)"$//' | sort -u)
      ;;
    bundle)
      "${BUURTSTEM_FUZZ_SEED_MAKER:?the bundle seeds need fuzz_bundle_seeds}" "$dir"
      ;;
  esac
  return 0
}

# The options every run shares: a slow input is a bug too (5 s). The command line prints help
# and a message for nearly every input; libFuzzer and the sanitizers still report on their own
# copy of standard error when both are closed.
fuzz_options() {
  local name=$1
  local options=(-timeout=5 -rss_limit_mb=2048 -print_final_stats=1)
  [ "$name" = command_line ] && options+=(-close_fd_mask=3)
  [ "$name" = pabulib ] && options+=(-max_len=65536)
  printf '%s\n' "${options[@]}"
}
