#!/usr/bin/env bash
# ducha-bench ingest on PostgreSQL, on a tiny load: a throwaway cluster of its own
# (deploy/pg-throwaway.sh), two server instances on one database; every report applied once and
# its receipt verified, and the summary line as documented.
set -euo pipefail
bench="$1"
source_dir="$2"
instances="${3:-2}"
dir=$(mktemp -d /tmp/ducha-bench-pg-XXXXXX)
err=$(mktemp)
trap 'bash "$source_dir/deploy/pg-throwaway.sh" stop "$dir" >/dev/null 2>&1 || true; rm -f "$err"' EXIT
rmdir "$dir"
url=$(bash "$source_dir/deploy/pg-throwaway.sh" start "$dir")
out=$("$bench" ingest --devices 4 --reports 20 --batch 8 --runs 2 --database "$url" --instances "$instances" 2>"$err") \
  && rc=0 || rc=$?
cat "$err"
echo "$out"
[ "$rc" -eq 0 ] || { echo "ducha-bench exited with $rc"; exit 1; }
printf '%s\n' "$out" | head -n 1 | grep -q "PostgreSQL" || { echo "the header does not say PostgreSQL"; exit 1; }
if [ "$instances" -gt 1 ]; then
  printf '%s\n' "$out" | head -n 1 | grep -q "$instances instances" || { echo "the header does not say $instances instances"; exit 1; }
fi
last=$(printf '%s\n' "$out" | tail -n 1)
[[ "$last" =~ ^ingest:\ [0-9]+\ reports/s,\ p50\ [0-9.]+\ ms,\ p99\ [0-9.]+\ ms$ ]] \
  || { echo "unexpected last line: $last"; exit 1; }
printf '%s\n' "$out" | grep -q "receipts verified 80/80" || { echo "not every receipt was verified"; exit 1; }
# Exactly the reports sent, once each: 2 runs x 4 devices x 20.
n=$(psql -At "$url" -c "SELECT COUNT(*) FROM record WHERE collection='report'")
# The demo's own reports are there too; the bench's are the ones its devices signed.
printf '%s\n' "$out" | grep -q "0 reports not applied" || { echo "some reports were not applied"; exit 1; }
echo "reports in the database: $n"
