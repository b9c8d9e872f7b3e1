#!/usr/bin/env bash
# Buurtstem's one entry point for a fresh Debian bookworm (or Raspberry Pi OS) machine:
# it installs the Debian packages that are missing, builds with CMake and Ninja, and then
#   ./dev.sh run [ARGS...]   starts the kiosk (demo neighbourhood on an empty data folder)
#   ./dev.sh test            runs the whole test suite under AddressSanitizer + UBSan, then the
#                            fuzz targets for a few seconds each (clang)
#   ./dev.sh bench [--sync-events N] [--sync-only]   prints the benchmark table (release build)
#   ./dev.sh screenshots DIR renders every screen in every language to DIR
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  cmake ninja-build g++ pkg-config                     # build
  libimgui-dev libglfw3-dev libgl-dev libfreetype-dev libstb-dev
  libsqlitecpp-dev libsqlite3-dev libcereal-dev libcli11-dev libsodium-dev libfmt-dev libfribidi-dev
  libgmp-dev                                           # exact fractions for the tally
  libcairo2-dev libqrencode-dev                        # printed voting-code cards
  libxlsxwriter-dev                                    # exports as XLSX
  fonts-noto-core fonts-font-awesome                   # the kiosk's fonts
  fonts-dejavu-core                                    # the printed cards' fonts
  libgl1-mesa-dri                                      # OpenGL, also in software
  catch2 xvfb xauth xdotool sqlite3 poppler-utils      # tests: unit tests, a virtual screen, taps, the database, PDF text
  clang libclang-rt-14-dev                             # tests: the fuzz targets (libFuzzer)
)

install_missing() {
  local missing=()
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {  # build DIR CMAKE_ARGS...
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
  cmake --build "$dir" -j "$(nproc)"
}

command=${1:-run}
[ $# -gt 0 ] && shift
case "$command" in
  run)
    install_missing
    build build/release -DCMAKE_BUILD_TYPE=Release -DBUURTSTEM_TESTS=OFF
    echo "Starting the kiosk. Ctrl+Alt+Q leaves it."
    exec build/release/app/buurtstem --demo --allow-quit "$@"
    ;;
  test)
    install_missing
    build build/asan -DCMAKE_BUILD_TYPE=Debug -DBUURTSTEM_SANITIZE=ON -DBUURTSTEM_WERROR=ON
    ctest --test-dir build/asan --output-on-failure -j "$(nproc)" "$@"
    # The parsers' fuzz targets (clang and libFuzzer, docs/fuzzing.md), only on a whole run:
    # arguments above choose tests of the ASan build.
    if [ $# -eq 0 ]; then
      cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
        -DBUURTSTEM_FUZZ=ON -DBUURTSTEM_TESTS=OFF -DBUURTSTEM_GUI=OFF -DBUURTSTEM_WERROR=ON >/dev/null
      cmake --build build/fuzz -j "$(nproc)" --target fuzz_all
      ctest --test-dir build/fuzz --output-on-failure -j "$(nproc)"
    fi
    ;;
  bench)
    install_missing
    build build/release -DCMAKE_BUILD_TYPE=Release -DBUURTSTEM_TESTS=OFF
    exec bash bench/run.sh build/release "$@"
    ;;
  screenshots)
    install_missing
    build build/release -DCMAKE_BUILD_TYPE=Release -DBUURTSTEM_TESTS=OFF
    out=${1:-screenshots}
    mkdir -p "$out"
    for screen in $(build/release/app/buurtstem screenshot --list); do
      for lang in nl en; do
        build/release/app/buurtstem screenshot --screen "$screen" --lang "$lang" --out "$out/$screen-$lang.png" >/dev/null
        build/release/app/buurtstem screenshot --screen "$screen" --lang "$lang" --large-text --size 1280x800 \
          --out "$out/$screen-$lang-large-1280x800.png" >/dev/null
      done
    done
    echo "Screenshots in $out/"
    ;;
  *)
    echo "usage: ./dev.sh run [kiosk options] | test | bench | screenshots [DIR]" >&2
    exit 2
    ;;
esac
