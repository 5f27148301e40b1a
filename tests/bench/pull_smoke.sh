#!/usr/bin/env bash
# ducha-bench pull end to end on a tiny load: it starts its own server, fills the store through
# the wire past the demo data, times first and delta pulls (exit 0: every pull answered), and the
# last line must be the documented summary with a server time (the Server-Timing header) in it.
set -euo pipefail
bench="$1"
records="${2:-12000}"
err=$(mktemp)
trap 'rm -f "$err"' EXIT
out=$("$bench" pull --records "$records" --fill-devices 3 --fill-batch 500 --volunteers 12 --alone 3 \
        --changes 20 --samples 3 --runs 2 2>"$err") && rc=0 || rc=$?
cat "$err"
echo "$out"
[ "$rc" -eq 0 ] || { echo "ducha-bench exited with $rc"; exit 1; }
last=$(printf '%s\n' "$out" | tail -n 1)
num='[0-9]+(\.[0-9]+)?'
[[ "$last" =~ ^pull:\ delta\ 20\ changes\ p50\ ${num}\ ms\ server,\ ${num}\ ms\ end\ to\ end\ \(p99\ ${num}\ /\ ${num}\ ms\)\;\ first\ pull\ p50\ ${num}\ ms\ alone,\ [0-9]+\ at\ once\ in\ [0-9]+\ ms\ \(p50\ ${num}\ ms,\ p99\ ${num}\ ms\)$ ]] \
  || { echo "unexpected last line: $last"; exit 1; }
# Every delta pull got its full page of changes.
if printf '%s\n' "$out" | grep -q "fewer changes"; then echo "a delta pull had fewer changes than asked"; exit 1; fi
# The store was filled to the record count asked for.
seq=$(sed -n 's/^the store.s change sequence is at \([0-9]*\)$/\1/p' "$err")
[ -n "$seq" ] && [ "$seq" -ge "$records" ] || { echo "the store holds ${seq:-?} records, not $records"; exit 1; }
# The server's time came from its Server-Timing header (a missing header reads as -1).
printf '%s\n' "$out" | grep -q "server p50 -" && { echo "no Server-Timing header"; exit 1; }
echo "ok"
