#!/usr/bin/env bash
# Builds the server's Debian package: ducha-server, the ducha admin CLI, the systemd units, the
# settings file and the operations docs (deploy/packaging.cmake). Prints the .deb's path.
#   bash deploy/build-deb.sh [OUT_DIR]        (default: build-deb/)
# Install it on the server with: sudo apt install ./ducha-server_*.deb   (docs/OPERATIONS.md)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build-deb}
bash deploy/setup-debian.sh
cmake -S . -B "$out/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDUCHA_BUILD_APP=OFF
cmake --build "$out/build" -j2 --target ducha-server ducha
cpack --config "$out/build/CPackConfig.cmake" -B "$out" >/dev/null
ls "$PWD/$out"/ducha-server_*.deb
