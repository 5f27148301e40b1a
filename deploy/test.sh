#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds everything and runs every test through ctest.
#   bash deploy/test.sh              normal build (build/), all tests
#   bash deploy/test.sh --sanitize   AddressSanitizer + UBSan build (build-asan/), core and server tests
set -euo pipefail
cd "$(dirname "$0")/.."

sanitize=0
[ "${1:-}" = "--sanitize" ] && sanitize=1

bash deploy/setup-debian.sh

if [ $sanitize -eq 1 ]; then
  dir=build-asan
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DDUCHA_SANITIZE=ON -DDUCHA_BUILD_APP=OFF
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export LSAN_OPTIONS="suppressions=$PWD/deploy/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
else
  dir=build
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$dir" -j2
ctest --test-dir "$dir" --output-on-failure -j2 --timeout 600
