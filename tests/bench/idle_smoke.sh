#!/usr/bin/env bash
# ducha-bench idle end to end on a small load: 200 idle TLS keep-alive connections to its own
# server, a device syncing beside them; every connection must open and stay open, every sync pass
# push its report (exit 0), and the last line must be the documented summary.
set -euo pipefail
bench="$1"
err=$(mktemp)
trap 'rm -f "$err"' EXIT
out=$("$bench" idle --connections 200 --syncs 10 --runs 2 2>"$err") && rc=0 || rc=$?
cat "$err"
echo "$out"
[ "$rc" -eq 0 ] || { echo "ducha-bench exited with $rc"; exit 1; }
last=$(printf '%s\n' "$out" | tail -n 1)
[[ "$last" =~ ^idle:\ 200\ connections,\ server\ RSS\ [0-9.]+\ MB,\ sync\ p50\ [0-9.]+\ ms,\ p99\ [0-9.]+\ ms$ ]] \
  || { echo "unexpected last line: $last"; exit 1; }
printf '%s\n' "$out" | grep -q "^opened 200 of 200 connections" || { echo "not every connection opened"; exit 1; }
# a misspelt flag is a usage error
if "$bench" idle --conections 5 >/dev/null 2>&1; then echo "a misspelt flag was accepted"; exit 1; else [ $? -eq 2 ]; fi
