#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds Ducha and runs the sync server on embedded SQLite with
# Anshan's demo data (8 districts, ~1,500 institutions, 258 volunteers).
#   DUCHA_DATA   data directory (default: ~/.local/share/ducha-demo); kept between runs
#   DUCHA_LISTEN address to serve on (default: 127.0.0.1:8443)
set -euo pipefail
cd "$(dirname "$0")/.."

bash deploy/setup-debian.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j2 --target ducha-server ducha ducha-bench

data="${DUCHA_DATA:-$HOME/.local/share/ducha-demo}"
listen="${DUCHA_LISTEN:-127.0.0.1:8443}"
if [ ! -f "$data/ducha.db" ]; then
  ./build/server/ducha-server init --data "$data" --demo
fi
code=$(awk -F, '$2=="volunteer"{print $5; exit}' "$data/enrollment-codes.csv")
cat <<MSG

Demo data in $data (one-time enrollment codes for every demo user: $data/enrollment-codes.csv).
In another terminal, enroll a volunteer's device and sync (use the pin printed below):
  ./build/shared/ducha --profile /tmp/ducha-volunteer enroll --server https://$listen --code $code --pin PIN
  ./build/shared/ducha --profile /tmp/ducha-volunteer sync
  ./build/shared/ducha --profile /tmp/ducha-volunteer tasks
The phone app (ducha-app) is not part of this build yet; the CLI is the device for now.

MSG
exec ./build/server/ducha-server serve --data "$data" --listen "$listen"
