#!/usr/bin/env bash
# Fuzzes every decoder that takes bytes from outside (docs/FUZZING.md): configures a clang build
# with libFuzzer, AddressSanitizer and UBSan (build-fuzz/), builds the targets of tests/fuzz/ and
# runs each for a while over a copy of its seed corpus. Fails on any crash, leak, timeout or
# out-of-memory, and prints the input that reproduces it.
#   bash deploy/fuzz.sh                      the CI run: 30 s per target, about 5 minutes in all
#   bash deploy/fuzz.sh --seconds 200        a longer run
#   bash deploy/fuzz.sh --target csv_import  one target (may be given more than once)
#   bash deploy/fuzz.sh --build-dir DIR      another build directory (default build-fuzz)
# A reproducer runs again with: build-fuzz/tests/fuzz/fuzz_TARGET INPUT
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=30
dir=build-fuzz
only=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --target) only+=("$2"); shift 2 ;;
    --build-dir) dir="$2"; shift 2 ;;
    *) echo "usage: deploy/fuzz.sh [--seconds N] [--target NAME]... [--build-dir DIR]" >&2; exit 2 ;;
  esac
done

# Each target and the longest input worth trying: about the size of the largest real message of
# its kind (longer inputs only slow the search down).
declare -A max_len=(
  [server_sync]=16384 [server_records]=8192 [server_auth]=4096 [badge_token]=1024
  [audit_query]=2048 [public_results_query]=2048 [sync_reply]=16384 [wire_error]=4096
  [enroll_link]=2048 [csv_import]=8192 [server_request]=4096
)
targets=(server_sync server_records server_auth badge_token audit_query public_results_query
         sync_reply wire_error enroll_link csv_import server_request)
if [ ${#only[@]} -gt 0 ]; then targets=("${only[@]}"); fi
for t in "${targets[@]}"; do
  [ -n "${max_len[$t]:-}" ] || { echo "fuzz: unknown target $t" >&2; exit 2; }
done

bash deploy/setup-debian.sh

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
nice -n 10 cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DDUCHA_FUZZ=ON -DDUCHA_BUILD_APP=OFF "${launcher[@]}"
nice -n 10 cmake --build "$dir" -j2 --target fuzz_targets

export ASAN_OPTIONS=detect_leaks=1
export LSAN_OPTIONS="suppressions=$PWD/deploy/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

work="$dir/fuzz-runs"
rm -rf "$work"
failed=()
summary=()
for t in "${targets[@]}"; do
  run="$work/$t"
  mkdir -p "$run/corpus"
  cp tests/fuzz/corpus/"$t"/* "$run/corpus/"
  echo "fuzz: $t for ${seconds}s (max_len ${max_len[$t]})"
  rc=0
  nice -n 10 "$dir/tests/fuzz/fuzz_$t" "$run/corpus" -max_total_time="$seconds" -max_len="${max_len[$t]}" \
    -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$run/" >"$run/log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$run/log" | tail -1)
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$run/log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\) ft: \([0-9]*\) corp: \([0-9]*\)\/.*/cov \1, features \2, corpus \3/p' <<<"$done_line")
  if [ $rc -ne 0 ]; then
    failed+=("$t")
    summary+=("$t: FAILED (exit $rc)")
    echo "fuzz: $t FAILED (exit $rc); the end of its log ($run/log):"
    tail -40 "$run/log"
    for f in "$run"/crash-* "$run"/leak-* "$run"/timeout-* "$run"/oom-* "$run"/slow-unit-*; do
      [ -e "$f" ] && echo "fuzz: reproducer: $f  (run: $dir/tests/fuzz/fuzz_$t $f)"
    done
  else
    summary+=("$t: ok, ${execs:-?} runs, ${cov:-no coverage line}")
  fi
done

echo
echo "fuzz: summary (${seconds}s per target)"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]}"
  exit 1
fi
echo "fuzz: no crash, leak or timeout"
