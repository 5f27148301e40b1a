#!/usr/bin/env bash
# Installs every Debian 12 package that building, testing and running Ducha needs.
# Idempotent and non-interactive: safe to run again; it only adds what is missing.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git ca-certificates
  # core and server libraries
  libsqlite3-dev sqlite3 libssl-dev openssl libcurl4-openssl-dev
  # Ed25519 verification of every pushed report (shared/crypto/ed25519.cpp)
  libsodium-dev
  libprotobuf-dev protobuf-compiler libboost1.81-dev
  libpq-dev nlohmann-json3-dev
  # the PostgreSQL backend's tests start a throwaway cluster (initdb, postgres, pg_ctl in
  # /usr/lib/postgresql/15/bin; tests/support/throwaway_postgres.h, deploy/pg-throwaway.sh)
  postgresql-15
  # several server instances behind one address (deploy/haproxy/ducha.cfg), and its [pg] test
  haproxy
  # exports: XLSX (libzip), the PDF record (cairo, Pango, libjpeg; its Chinese font is
  # fonts-wqy-microhei below) and pdftotext/pdfinfo for its tests
  libzip-dev libcairo2-dev libpango1.0-dev libjpeg-dev poppler-utils
  # tests; the server's .deb (cpack needs dpkg-shlibdeps) and its unit check (systemd-analyze)
  catch2 dpkg-dev file systemd
  # fuzzing (deploy/fuzz.sh): clang's libFuzzer and sanitizers, llvm's symbolizer for their reports
  clang llvm
  # the Qt Quick app (ducha-app) and its tests
  qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-templates qml6-module-qtquick-window qml6-module-qtqml-workerscript
  qml6-module-qtquick-dialogs qml6-module-qttest qml6-module-qtquick-shapes
  qt6-positioning-dev libzbar-dev libqrencode-dev qrencode
  libgl1-mesa-dev libxkbcommon-dev
  fonts-wqy-microhei xvfb xauth
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-debian: all ${#packages[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
echo "setup-debian: installing ${#missing[@]} packages: ${missing[*]}"
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "setup-debian: done"
