#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for benchmarks and hand checks, the shell twin of the tests'
# ThrowawayPostgres (tests/support/throwaway_postgres.h):
#   deploy/pg-throwaway.sh start DIR   initdb into DIR (new or empty), start postgres on a Unix socket
#                                      in DIR only, create database "ducha", print its libpq URL
#   deploy/pg-throwaway.sh stop DIR    stop it (fast, then immediate) and delete DIR
# Tuned for speed, not durability: fsync, synchronous_commit and full_page_writes are off.
# Under root, initdb and postgres run as the `postgres` account (else `nobody`), which owns DIR
# (so DIR must be reachable by that account: under /tmp, not under /root).
set -euo pipefail

usage() { echo "usage: $0 start DIR | stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
cmd=$1
dir=$2
port=5432   # names the socket file only: nothing listens on TCP
user=ducha
database=ducha

bindir=$(pg_config --bindir 2>/dev/null || true)
[ -x "$bindir/initdb" ] || bindir=/usr/lib/postgresql/15/bin
if [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ]; then
  echo "pg-throwaway: PostgreSQL's server programs were not found: install postgresql-15 (deploy/setup-debian.sh)" >&2
  exit 1
fi

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  id -u "$owner" >/dev/null 2>&1 || owner=nobody
  as_owner=(runuser -u "$owner" --)
fi

case "$cmd" in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ -n "$(ls -A "$dir")" ]; then echo "pg-throwaway: $dir is not empty" >&2; exit 1; fi
    # The socket's path (DIR/.s.PGSQL.5432) must fit in 107 bytes.
    if [ ${#dir} -gt 90 ]; then echo "pg-throwaway: $dir is too long a path for a Unix socket" >&2; exit 1; fi
    chmod 700 "$dir"
    [ ${#as_owner[@]} -eq 0 ] || chown "$owner": "$dir"
    cd "$dir"   # the account must be able to stand in its working directory
    "${as_owner[@]}" "$bindir/initdb" -D "$dir/data" -U "$user" --auth=trust --encoding=UTF8 --no-locale \
      --no-sync --no-instructions >"$dir/setup.log" 2>&1 || { cat "$dir/setup.log" >&2; exit 1; }
    "${as_owner[@]}" "$bindir/pg_ctl" start -w -t 120 -D "$dir/data" -l "$dir/postgres.log" \
      -o "-c listen_addresses='' -k $dir -p $port -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      >>"$dir/setup.log" 2>&1 || { cat "$dir/setup.log" "$dir/postgres.log" >&2; exit 1; }
    "$bindir/createdb" -h "$dir" -p "$port" -U "$user" "$database"
    echo "postgresql:///$database?host=$dir&port=$port&user=$user"
    ;;
  stop)
    dir=$(cd "$dir" && pwd)
    cd "$dir"
    if [ -f "$dir/data/postmaster.pid" ]; then
      "${as_owner[@]}" "$bindir/pg_ctl" stop -w -t 30 -D "$dir/data" -m fast >/dev/null 2>&1 ||
        "${as_owner[@]}" "$bindir/pg_ctl" stop -w -t 30 -D "$dir/data" -m immediate >/dev/null
    fi
    cd /
    rm -rf "$dir"
    ;;
  *) usage ;;
esac
