#!/usr/bin/env bash
# app_logs_crash.sh APP — the real knotnotes binary, hit by a fatal signal (SIGSEGV) once its
# window is up, runs its fatal handler (CrashReportingApp::OnFatalException) before it ends:
# stderr says it crashed and that the committed edits are safe, and the database still opens.
set -euo pipefail
app=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
# A plain database made beforehand (the CLI sits beside the app): a new one would be encrypted
# and, with no keyring here, the app would first ask for a passphrase.
"$(dirname "$app")/knotnotes-cli" --db "$work/k.db" --unencrypted demo --clients 2 \
    --sessions-per-client 1 >/dev/null
cat >"$work/crash.sh" <<'INNER'
set -uo pipefail
app=$1 work=$2
"$app" --db "$work/k.db" 2>"$work/stderr" &
pid=$!
for _ in $(seq 1 100); do  # until its main window is mapped
    xdotool search --onlyvisible --pid "$pid" >/dev/null 2>&1 && break
    sleep 0.1
done
xdotool search --onlyvisible --pid "$pid" >/dev/null || { echo "FAIL: no window" >&2; exit 1; }
kill -SEGV "$pid"
wait "$pid"
echo $? >"$work/status"
INNER
"$(dirname "$0")/../support/xvfb_session.sh" 1280x800x24 -- bash "$work/crash.sh" "$app" "$work"
status=$(cat "$work/status")
[ "$status" -ne 0 ] || { echo "FAIL: the app ended with status 0 after SIGSEGV" >&2; exit 1; }
grep -q 'knotnotes: crashed (fatal signal). Every committed edit is in the database; start KnotNotes again.' \
    "$work/stderr" || { echo "FAIL: no crash message; stderr was:" >&2; cat "$work/stderr" >&2; exit 1; }
[ "$(sqlite3 "$work/k.db" 'PRAGMA integrity_check')" = ok ] ||
    { echo "FAIL: the database is damaged after the crash" >&2; exit 1; }
echo "crash logged (status $status), database intact"
