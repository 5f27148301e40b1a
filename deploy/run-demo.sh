#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds Ducha and runs the sync server on embedded SQLite with
# Anshan's demo data (8 districts, ~1,500 institutions, 258 volunteers); where a display exists it
# also opens ducha-app, ready to enroll as a demo volunteer (paste the printed link or open the QR).
#   DUCHA_DATA   data directory (default: ~/.local/share/ducha-demo); kept between runs
#   DUCHA_LISTEN address to serve on (default: 127.0.0.1:8443)
#   DUCHA_NO_APP=1  never open the app
set -euo pipefail
cd "$(dirname "$0")/.."

bash deploy/setup-debian.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
targets=(ducha-server ducha ducha-bench)
with_app=0
if [ -z "${DUCHA_NO_APP:-}" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  with_app=1
  targets+=(ducha-app)
fi
cmake --build build -j2 --target "${targets[@]}"

data="${DUCHA_DATA:-$HOME/.local/share/ducha-demo}"
listen="${DUCHA_LISTEN:-127.0.0.1:8443}"
if [ ! -f "$data/ducha.db" ]; then
  ./build/server/ducha-server init --data "$data" --demo
fi

./build/server/ducha-server serve --data "$data" --listen "$listen" > "$data/serve.log" 2>&1 &
server=$!
app=""
stop() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  kill -TERM "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
}
trap stop EXIT INT TERM
for _ in $(seq 1 100); do
  grep -q '^listening on' "$data/serve.log" && break
  kill -0 "$server" 2>/dev/null || { cat "$data/serve.log"; exit 1; }
  sleep 0.2
done
cat "$data/serve.log"
pin=$(awk '/^pin:/{print $2; exit}' "$data/serve.log")
volunteer=$(awk -F, '$2=="volunteer"{print $1; exit}' "$data/enrollment-codes.csv")
name=$(awk -F, '$2=="volunteer"{print $3; exit}' "$data/enrollment-codes.csv")
link=$(./build/server/ducha-server enrollment-code --data "$data" --user "$volunteer" --server-url "https://$listen" |
       awk '/^enrollment link:/{print $3}')
qrencode -s 8 -o "$data/enroll-volunteer.png" "$link"
# A coordinator (铁东区) and a supervisor, for the desk screens and commands.
desk_link() {
  ./build/server/ducha-server enrollment-code --data "$data" --user "$1" --server-url "https://$listen" |
    awk '/^enrollment link:/{print $3}'
}
coordinator=$(awk -F, '$2=="coordinator" && $4=="铁东区"{print $1; exit}' "$data/enrollment-codes.csv")
coordinator_name=$(awk -F, '$2=="coordinator" && $4=="铁东区"{print $3; exit}' "$data/enrollment-codes.csv")
supervisor=$(awk -F, '$2=="supervisor"{print $1; exit}' "$data/enrollment-codes.csv")
supervisor_name=$(awk -F, '$2=="supervisor"{print $3; exit}' "$data/enrollment-codes.csv")
coordinator_link=$(desk_link "$coordinator")
supervisor_link=$(desk_link "$supervisor")

cat <<MSG

Demo data in $data (one-time enrollment codes for every demo user: $data/enrollment-codes.csv).
Server pin: $pin
Enroll a device as the demo volunteer $name with this one-time link (or its QR: $data/enroll-volunteer.png):
  $link
From the command line:
  ./build/shared/ducha --profile /tmp/ducha-volunteer enroll --link '$link'
  ./build/shared/ducha --profile /tmp/ducha-volunteer sync && ./build/shared/ducha --profile /tmp/ducha-volunteer tasks

Coordinator of 铁东区 ($coordinator_name) and supervisor ($supervisor_name), one-time links:
  $coordinator_link
  $supervisor_link
  ./build/shared/ducha --profile /tmp/ducha-coordinator enroll --link '$coordinator_link'
  ./build/shared/ducha --profile /tmp/ducha-coordinator sync && ./build/shared/ducha --profile /tmp/ducha-coordinator coverage
  ./build/mobile/ducha-app --profile /tmp/ducha-coordinator-app   (wide window: the coordinator's screens; docs/DESK.md)
Public results (一公开): https://$listen/v1/public/results?format=html
MSG

if [ $with_app -eq 1 ]; then
  echo "Opening ducha-app (profile $data/app-profile): paste the link above or open the QR image."
  ./build/mobile/ducha-app --profile "$data/app-profile" &
  app=$!
else
  echo "No display: ducha-app not opened (run ./build/mobile/ducha-app where a display exists)."
fi
echo "Serving on https://$listen; Ctrl-C stops."
wait "$server"
