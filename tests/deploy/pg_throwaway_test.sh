#!/usr/bin/env bash
# deploy/pg-throwaway.sh as a benchmark or a hand check uses it: `start DIR` prints a libpq URL on
# which psql reaches database "ducha" over the socket in DIR, with fsync off and no TCP listener;
# a second `start` on the same DIR is refused; `stop DIR` stops the server and removes DIR.
#   pg_throwaway_test.sh SOURCE_DIR
set -euo pipefail
script="$1/deploy/pg-throwaway.sh"
dir=$(mktemp -u /tmp/pg-throwaway-test-XXXXXX)
trap 'bash "$script" stop "$dir" >/dev/null 2>&1 || true' EXIT
fail() { echo "pg_throwaway_test: $*" >&2; exit 1; }

url=$(bash "$script" start "$dir")
[ "$url" = "postgresql:///ducha?host=$dir&port=5432&user=ducha" ] || fail "unexpected URL: $url"
answer=$(psql "$url" -XAtc "SELECT current_database(), current_setting('fsync'), current_setting('listen_addresses') = ''")
[ "$answer" = "ducha|off|t" ] || fail "psql answered: $answer"
if bash "$script" start "$dir" >/dev/null 2>&1; then fail "a second start on the same directory was not refused"; fi
bash "$script" stop "$dir"
[ ! -e "$dir" ] || fail "$dir is still there after stop"
echo "pg-throwaway: started, answered, stopped and removed"
