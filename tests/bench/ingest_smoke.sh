#!/usr/bin/env bash
# ducha-bench ingest end to end on a tiny load: starts its own server, every report must be
# applied and its receipt verified (exit 0), and the last line must be the documented summary.
set -euo pipefail
bench="$1"
err=$(mktemp)
trap 'rm -f "$err"' EXIT
out=$("$bench" ingest --devices 3 --reports 20 --batch 8 --runs 2 2>"$err") && rc=0 || rc=$?
cat "$err"
echo "$out"
[ "$rc" -eq 0 ] || { echo "ducha-bench exited with $rc"; exit 1; }
last=$(printf '%s\n' "$out" | tail -n 1)
[[ "$last" =~ ^ingest:\ [0-9]+\ reports/s,\ p50\ [0-9.]+\ ms,\ p99\ [0-9.]+\ ms$ ]] \
  || { echo "unexpected last line: $last"; exit 1; }
printf '%s\n' "$out" | grep -q "receipts verified 60/60" || { echo "not every receipt was verified"; exit 1; }
