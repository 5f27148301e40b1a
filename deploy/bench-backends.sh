#!/usr/bin/env bash
# `ducha-bench ingest` on each backend in one sitting, with the same load: SQLite (the default),
# PostgreSQL with one server instance, PostgreSQL with two instances on one database. Each
# PostgreSQL run gets an empty database in one throwaway cluster (deploy/pg-throwaway.sh), stopped
# at the end. Prints each run's summary line and the ratios to SQLite.
#   bash deploy/bench-backends.sh BUILD_DIR [ducha-bench ingest options...]
# e.g. bash deploy/bench-backends.sh build --devices 50 --reports 400 --runs 3
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 BUILD_DIR [ingest options]" >&2; exit 2; }
build=$1
shift
bench="$build/server/ducha-bench"
[ -x "$bench" ] || { echo "bench-backends: no $bench (build first)" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d /tmp/ducha-bench-backends-XXXXXX)
rmdir "$dir"
trap 'bash "$here/pg-throwaway.sh" stop "$dir" >/dev/null 2>&1 || true' EXIT
url=$(bash "$here/pg-throwaway.sh" start "$dir")
base=${url%%\?*}
query=${url#*\?}

run() {  # label, extra options
  local label=$1
  shift
  echo "== $label" >&2
  local out
  out=$("$bench" ingest "$@" 2>/dev/null)
  printf '%s\n' "$out" >&2
  printf '%s\n' "$out" | tail -n 1 | sed -E 's/^ingest: ([0-9]+) reports.*/\1/'
}

sqlite=$(run "SQLite" "$@")
createdb_url() { psql -q "$url" -c "CREATE DATABASE $1" >/dev/null; echo "${base%/*}/$1?$query"; }
pg1=$(run "PostgreSQL, one instance" "$@" --database "$(createdb_url bench_one)")
pg2=$(run "PostgreSQL, two instances" "$@" --database "$(createdb_url bench_two)" --instances 2)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "SQLite: $sqlite reports/s"
echo "PostgreSQL, one instance: $pg1 reports/s ($(ratio "$pg1" "$sqlite") x SQLite)"
echo "PostgreSQL, two instances: $pg2 reports/s ($(ratio "$pg2" "$sqlite") x SQLite, $(ratio "$pg2" "$pg1") x one instance)"
