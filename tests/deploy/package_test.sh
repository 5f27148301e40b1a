#!/usr/bin/env bash
# The server's .deb and its systemd units, as an operator gets them: cpack builds the package from
# this build directory; its contents, control scripts and conffile are checked; the units from the
# package pass `systemd-analyze verify` (with ExecStart pointing at the packaged binary) and the
# sandbox keeps `systemd-analyze security` at 2.0 or less; the packaged binary reads the packaged
# settings file and refuses a misspelt setting with exit 2.
#   package_test.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "package_test: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; fail "cpack failed"; }
deb=$(ls "$tmp"/out/ducha-server_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no ducha-server_*.deb in $tmp/out"
echo "package: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/ducha-server ./usr/bin/ducha ./usr/lib/systemd/system/ducha-server.service \
         ./usr/lib/systemd/system/ducha-backup.service ./usr/lib/systemd/system/ducha-backup.timer \
         ./etc/ducha/ducha-server.conf ./usr/share/doc/ducha-server/OPERATIONS.md; do
  grep -q " $f\$" <<<"$contents" || fail "the package lacks $f"
done
# The app is not part of the server's package.
! grep -q "ducha-app" <<<"$contents" || fail "the server package carries the app"

depends=$(dpkg-deb -f "$deb" Depends)
for lib in libssl3 libsqlite3 libprotobuf adduser; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done

dpkg-deb -e "$deb" "$tmp/control"
grep -qx "/etc/ducha/ducha-server.conf" "$tmp/control/conffiles" || fail "the settings file is not a conffile"
for s in postinst prerm postrm; do
  [ -x "$tmp/control/$s" ] || fail "$s missing or not executable"
  sh -n "$tmp/control/$s" || fail "$s is not valid sh"
done
grep -q "adduser --system" "$tmp/control/postinst" || fail "postinst makes no service user"

dpkg-deb -x "$deb" "$tmp/root"
bin="$tmp/root/usr/bin/ducha-server"
"$bin" --help >/dev/null || fail "the packaged ducha-server does not run"
file "$bin" 2>/dev/null | grep -q "not stripped" && fail "the packaged binary is not stripped"

# systemd-analyze checks the unit files as systemd would load them.
mkdir -p "$tmp/units"
for u in ducha-server.service ducha-backup.service ducha-backup.timer; do
  sed "s|/usr/bin/ducha-server|$bin|g" "$tmp/root/usr/lib/systemd/system/$u" >"$tmp/units/$u"
done
(cd "$tmp/units" && systemd-analyze verify --man=no ducha-server.service ducha-backup.service ducha-backup.timer) \
  >"$tmp/verify.log" 2>&1 || { cat "$tmp/verify.log"; fail "systemd-analyze verify failed"; }
[ ! -s "$tmp/verify.log" ] || { cat "$tmp/verify.log"; fail "systemd-analyze verify printed warnings"; }
for u in ducha-server.service ducha-backup.service; do
  systemd-analyze security --offline=true --threshold=20 "$tmp/units/$u" >"$tmp/security.log" 2>&1 \
    || { tail -5 "$tmp/security.log"; fail "$u: sandbox exposure above 2.0"; }
  echo "$u: $(grep -o 'Overall exposure level.*' "$tmp/security.log")"
done

# The packaged settings file is read by the packaged binary: a misspelt name is exit 2, named.
conf="$tmp/root/etc/ducha/ducha-server.conf"
grep -q "^data = /var/lib/ducha" "$conf" || fail "the settings file does not name /var/lib/ducha"
sed 's/^listen = /lsiten = /' "$conf" >"$tmp/bad.conf"
set +e
"$bin" serve --config "$tmp/bad.conf" >"$tmp/bad.out" 2>&1
rc=$?
set -e
[ $rc -eq 2 ] || { cat "$tmp/bad.out"; fail "a misspelt setting gave exit $rc, not 2"; }
grep -q "there is no setting 'lsiten'" "$tmp/bad.out" || { cat "$tmp/bad.out"; fail "the misspelt setting is not named"; }
echo "package_test: ok"
