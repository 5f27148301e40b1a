#!/usr/bin/env bash
# docs/OPERATIONS.md, "From nothing to the first report", run as written: an empty `init` (no
# demo), a server on 127.0.0.1, the admin's desk, districts, zones, people and institutions from
# CSV, the 3包 assignments, the enrollment sheets, a volunteer's enrollment, a task, her report and
# its receipt on the admin's desk. The commands come from the page itself: every fenced block whose
# info string is `sh first-run` is sourced in order into one shell, every `LANG first-run FILE`
# block is written to FILE, and the `sh first-run-settings` block names the variables this test
# sets to its own values. Between blocks the test reads what a person would read off the screen
# (the admin's code, the pin, the volunteer's sheet code). A `text first-run-output` block is a
# command that must fail, run where it stands: the two failures an admin meets first, a CSV with a
# bad row (refused whole, each problem with its line) and a misspelt flag (exit 2 with the usage).
# Then it checks the outcome: the sheets, the report and its receipt on the admin's desk.
#   first_run_test.sh DUCHA_SERVER DUCHA OPERATIONS.md
set -euo pipefail
server_bin=$(realpath "$1")
ducha_bin=$(realpath "$2")
doc=$(realpath "$3")
for tool in pdftotext awk; do
  command -v "$tool" >/dev/null || { echo "first_run_test: needs $tool (poppler-utils)" >&2; exit 1; }
done

work=$(mktemp -d)
server_pid=""
stop_server() {
  [ -n "$server_pid" ] || server_pid=$(cat "$work/serve.pid" 2>/dev/null || true)
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}
on_exit() {
  local rc=$?
  if [ $rc -ne 0 ] && [ -s "$work/serve.log" ]; then
    echo "--- server log (last lines)" >&2; tail -n 20 "$work/serve.log" >&2
  fi
  stop_server
  rm -rf "$work"
}
trap on_exit EXIT
fail() {
  echo "first_run_test: $*" >&2
  exit 1
}
step() { printf '\n=== %s\n' "$*"; }

# --- the page, cut into its blocks -------------------------------------------------------------
section=$(awk '/^## From nothing to the first report/ { on = 1; next } /^## / { on = 0 } on' "$doc")
[ -n "$section" ] || fail "docs/OPERATIONS.md has no section 'From nothing to the first report'"
mkdir -p "$work/blocks"
# Each block goes to blocks/NNN.KIND (KIND: sh, settings, output, or file:NAME).
awk -v dir="$work/blocks" '
  /^```[a-z]+ first-run/ && !inside {
    inside = 1; n++
    kind = ($2 == "first-run-settings") ? "settings" : ($2 == "first-run-output") ? "output" : ($3 != "" ? "file:" $3 : "sh")
    out = sprintf("%s/%03d.%s", dir, n, kind); printf "" > out; next
  }
  /^```/ && inside { inside = 0; close(out); next }
  inside { print >> out }
' <<<"$section"
mapfile -t blocks < <(ls "$work/blocks" | sort)
[ "${#blocks[@]}" -ge 8 ] || fail "only ${#blocks[@]} first-run blocks in the section"

# The settings block must define exactly the variables this test sets.
settings=$(ls "$work/blocks"/*.settings 2>/dev/null | head -1)
[ -n "$settings" ] || fail "no 'sh first-run-settings' block"
defined=$(grep -oE '^[A-Z_]+=' "$settings" | tr -d '=' | sort | tr '\n' ' ')
[ "$defined" = "DATA LISTEN SERVER " ] || fail "the settings block defines '$defined', the test sets DATA LISTEN SERVER"

# --- this machine's values for the settings ----------------------------------------------------
port=""
for _ in $(seq 1 50); do
  # below Linux's ephemeral range (32768-60999), where the ports of the other tests' servers
  # (bound to port 0) and clients come from: a free port there can be taken before our bind
  candidate=$((20000 + RANDOM % 12000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || fail "no free port on 127.0.0.1"
DATA="$work/data"
LISTEN="127.0.0.1:$port"
SERVER="https://127.0.0.1:$port"
CODE="" PIN="" SHEET_CODE=""

# --- the two commands, as the page calls them ---------------------------------------------------
# Each prints the command line, then its output (kept in the transcript for the checks below).
# `ducha-server serve` is started in the background by the page (`&`): it writes its pid and log
# to files, and the test stops it on exit.
ducha-server() {
  echo "\$ ducha-server $*" >&2
  if [ "${1:-}" = serve ]; then
    echo "$BASHPID" >"$work/serve.pid"
    exec "$server_bin" "$@" >"$work/serve.log" 2>&1
  fi
  "$server_bin" "$@" | tee -a "$work/transcript"
}
ducha() {
  echo "\$ ducha $*" >&2
  "$ducha_bin" "$@" | tee -a "$work/transcript"
}

# What a person reads off the screen once a block has run.
read_the_screen() {
  if [ -z "$CODE" ] && grep -q '^admin enrollment code: ' "$work/transcript" 2>/dev/null; then
    CODE=$(sed -n 's/^admin enrollment code: //p' "$work/transcript" | tail -1)
    echo "(read: CODE=$CODE)"
  fi
  if [ -z "$PIN" ] && [ -f "$work/serve.pid" ]; then
    server_pid=$(cat "$work/serve.pid")
    for _ in $(seq 1 200); do
      grep -q '^listening on ' "$work/serve.log" 2>/dev/null && break
      kill -0 "$server_pid" 2>/dev/null || fail "the server stopped at start"
      sleep 0.1
    done
    grep -q '^listening on https://127.0.0.1:' "$work/serve.log" || fail "the server did not start on 127.0.0.1"
    PIN=$(sed -n 's/^pin: //p' "$work/serve.log")
    echo "(read: PIN=$PIN, server pid $server_pid)"
  fi
  # The sheet of the volunteer the page names WANGFANG: her row of `USER_ID<TAB>NAME<TAB>CODE`.
  if [ -z "$SHEET_CODE" ] && [ -n "${WANGFANG:-}" ] && grep -q "^$WANGFANG	" "$work/transcript"; then
    SHEET_CODE=$(awk -F'\t' -v id="$WANGFANG" '$1 == id { print $3 }' "$work/transcript" | tail -1)
    echo "(read: SHEET_CODE=$SHEET_CODE)"
  fi
}

# --- run the page -------------------------------------------------------------------------------
cd "$work"
for b in "${blocks[@]}"; do
  case "$b" in
    *.file:*)
      name=${b#*.file:}
      cp "$work/blocks/$b" "$work/$name"
      step "file $name ($(wc -l <"$work/$name") lines)"
      ;;
  esac
done
# A `first-run-output` block: `$ COMMAND`, the lines it must print (the English half of a
# bilingual line, after its last " / "), and `(exit N)`.
expect_output() {
  local block="$work/blocks/$1" cmd want_rc out rc line
  cmd=$(sed -n '1s/^\$ //p' "$block")
  want_rc=$(sed -n 's/^(exit \([0-9]*\))$/\1/p' "$block")
  [ -n "$cmd" ] && [ -n "$want_rc" ] || fail "block $1: no '\$ COMMAND' first line or no '(exit N)' line"
  set +e
  out=$(eval "$cmd" 2>&1)
  rc=$?
  set -e
  printf '%s\n' "$out" | head -n 6
  [ "$rc" -eq "$want_rc" ] || fail "block $1: exit $rc, the page says $want_rc"
  while IFS= read -r line; do
    [[ "$line" == '$ '* || "$line" == '(exit '* || -z "$line" ]] && continue
    grep -qF -- "${line##* / }" <<<"$out" || fail "block $1: the output lacks: ${line##* / }"
  done <"$block"
}

for b in "${blocks[@]}"; do
  case "$b" in
    *.sh) ;;
    *.output)
      step "block $b (must fail)"
      sed 's/^/  | /' "$work/blocks/$b"
      expect_output "$b"
      continue ;;
    *) continue ;;
  esac
  step "block $b"
  sed 's/^/  | /' "$work/blocks/$b"
  # errexit stays on inside the block (a `|| ...` here would switch it off): a failing
  # command ends the test, and the ERR trap (errtrace: in the wrappers too) says which block.
  set -E
  trap 'echo "first_run_test: block $b stopped: the command above failed (exit $?)" >&2; trap - ERR' ERR
  # shellcheck disable=SC1090
  source "$work/blocks/$b"
  trap - ERR
  set +E
  read_the_screen
done

# --- what the page promised -------------------------------------------------------------------
step "check: a server was started and is serving"
[ -n "$server_pid" ] && kill -0 "$server_pid" || fail "no server is running"
[ -n "$CODE" ] && [ -n "$PIN" ] && [ -n "$SHEET_CODE" ] || fail "the screen did not give CODE, PIN and SHEET_CODE"

step "check: the enrollment sheets name the volunteer"
[ -s tiedong-sheets.pdf ] || fail "tiedong-sheets.pdf was not written"
sheets=$(pdftotext tiedong-sheets.pdf -)
grep -q "王芳" <<<"$sheets" || fail "the sheets do not name 王芳"
grep -q "$WANGFANG" <<<"$sheets" || fail "the sheets do not carry 王芳's user id"
# The sheet sets the code in groups of four, spaces between.
grep -q "${SHEET_CODE//-/ }" <<<"$sheets" || fail "王芳's sheet does not show her code $SHEET_CODE"

step "check: the volunteer's report reached the server with a receipt"
report=$("$ducha_bin" --profile wangfang reports --json)
echo "$report"
report_id=$(grep -oE '"id": ?"[^"]+"' <<<"$report" | head -1 | sed -E 's/.*"([^"]+)"$/\1/')
[ -n "$report_id" ] || fail "the volunteer's device holds no report"
admin_reports=$("$ducha_bin" --profile admin reports)
grep -q "^$report_id .*receipt seq [0-9]" <<<"$admin_reports" \
  || fail "the admin's desk does not hold report $report_id with its receipt: $admin_reports"
verify=$("$ducha_bin" --profile admin verify)
[ "$verify" = "checked 1 reports, 1 receipts, 0 photos: all valid" ] || fail "ducha verify said: $verify"
"$ducha_bin" --profile wangfang tasks --all | grep -q "$TASK .*submitted" || fail "the task is not submitted"
[ "$("$ducha_bin" --profile wangfang outbox --json)" = "[]" ] || fail "the volunteer's outbox is not empty"

step "check: the refused CSV imported nobody, the misspelt flag did nothing"
# Both ran above, where the page shows them (first-run-output blocks).
[ "$(ls "$work"/blocks/*.output | wc -l)" -ge 2 ] || fail "the page shows fewer than two failures"
grep -q "people-bad.csv" "$work"/blocks/*.output || fail "the page does not show the refused CSV"
! "$ducha_bin" --profile admin user list | grep -q "赵丽" || fail "the refused CSV's good row was imported"
[ "$("$ducha_bin" --profile admin outbox --json)" = "[]" ] || fail "the admin's outbox is not empty"
[ ! -e typo.pdf ] || fail "a misspelt flag still wrote the sheets"
set +e
"$ducha_bin" --profile admin user import --distrct "$TIEDONG" people.csv >typo.out 2>&1
rc=$?
set -e
[ $rc -eq 2 ] && grep -q "has no option --distrct" typo.out && grep -q "Usage:" typo.out \
  || { cat typo.out; fail "ducha's misspelt flag: exit $rc, or not named, or no usage"; }

stop_server
echo
echo "first_run_test: ok"
