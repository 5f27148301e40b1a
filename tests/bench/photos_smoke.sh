#!/usr/bin/env bash
# ducha-bench photos end to end on a tiny load: starts its own server, every photo must be stored
# whole (exit 0), and the last line must be the documented summary.
set -euo pipefail
bench="$1"
err=$(mktemp)
trap 'rm -f "$err"' EXIT
out=$("$bench" photos --devices 3 --photos 5 --photo-bytes 300000 --runs 2 2>"$err") && rc=0 || rc=$?
cat "$err"
echo "$out"
[ "$rc" -eq 0 ] || { echo "ducha-bench exited with $rc"; exit 1; }
last=$(printf '%s\n' "$out" | tail -n 1)
[[ "$last" =~ ^photos:\ [0-9.]+\ MB/s,\ p50\ [0-9.]+\ ms,\ p99\ [0-9.]+\ ms$ ]] \
  || { echo "unexpected last line: $last"; exit 1; }
[ "$(printf '%s\n' "$out" | grep -c 'stored whole 15/15')" -eq 2 ] || { echo "not every photo was stored whole"; exit 1; }
# A misspelt flag is a usage error.
"$bench" photos --photo 3 >/dev/null 2>&1 && rc=0 || rc=$?
[ "$rc" -eq 2 ] || { echo "a misspelt flag gave status $rc, not 2"; exit 1; }
