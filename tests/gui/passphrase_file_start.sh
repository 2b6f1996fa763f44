#!/usr/bin/env bash
# passphrase_file_start.sh APP CLI — the app takes a database's passphrase from the file
# KNOTNOTES_PASSPHRASE_FILE names, as the CLI does (issue 13; scripts, kiosks and the package
# test start it without a dialog). Without a keyring (no session bus):
#   1. a new database is created encrypted with that passphrase: the CLI opens it with the same
#      file and refuses it with another passphrase;
#   2. an encrypted database the CLI made opens without a dialog (no open problem reported);
#   3. a wrong passphrase, or a passphrase file other users may read, is reported on stderr
#      naming the file and the problem, and the database is left byte-identical.
set -euo pipefail
app=$1 cli=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
unset DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR  # no keyring: the file is the only key source
mkdir -p "$HOME"
xvfb() { "$(dirname "$0")/../support/xvfb_session.sh" 1280x800x24 -- "$@" </dev/null; }
secret() { (umask 077 && printf '%s\n' "$2" >"$1"); }
secret "$work/pass" "correct horse battery staple"
secret "$work/other" "a different passphrase"

# 1. A new database, encrypted with the file's passphrase.
new_db="$work/new.db"
KNOTNOTES_PASSPHRASE_FILE="$work/pass" xvfb "$app" --db "$new_db" --screenshot "$work/new.png" \
    2>"$work/new.err" || fail "the app failed on a new database: $(cat "$work/new.err")"
[ -f "$new_db" ] || fail "the app created no database at $new_db"
[ "$(head -c 8 "$new_db")" = KnotNote ] || fail "the new database is not encrypted"
! grep -q "could not open" "$work/new.err" || fail "$(cat "$work/new.err")"
"$cli" --db "$new_db" --passphrase-file "$work/pass" verify >"$work/verify.out" 2>&1 ||
    fail "the CLI cannot open it with the same passphrase: $(cat "$work/verify.out")"
status=0
"$cli" --db "$new_db" --passphrase-file "$work/other" verify >/dev/null 2>&1 || status=$?
[ "$status" -eq 5 ] || fail "another passphrase opened the new database (status $status)"
echo "ok: a new database is encrypted with the passphrase in KNOTNOTES_PASSPHRASE_FILE"

# 2. An encrypted database the CLI made, opened without a dialog.
db="$work/cli.db"
"$cli" --db "$db" --passphrase-file "$work/pass" demo --clients 3 --sessions-per-client 1 \
    >/dev/null
KNOTNOTES_PASSPHRASE_FILE="$work/pass" xvfb "$app" --db "$db" --screenshot "$work/cli.png" \
    2>"$work/cli.err" || fail "the app failed: $(cat "$work/cli.err")"
! grep -q "could not open" "$work/cli.err" || fail "$(cat "$work/cli.err")"
echo "ok: the app opens an encrypted database with the passphrase file, no dialog"

# 3. Problems are named, and the database is not touched.
before=$(sha256sum "$db")
KNOTNOTES_PASSPHRASE_FILE="$work/other" xvfb "$app" --db "$db" --screenshot "$work/wrong.png" \
    2>"$work/wrong.err" || true
grep -q "could not open the database: .*$db" "$work/wrong.err" ||
    fail "a wrong passphrase is not reported with the file name: $(cat "$work/wrong.err")"
chmod 644 "$work/pass"
KNOTNOTES_PASSPHRASE_FILE="$work/pass" xvfb "$app" --db "$db" --screenshot "$work/open.png" \
    2>"$work/open.err" || true
grep -q "$work/pass: other users may read this passphrase file" "$work/open.err" ||
    fail "a readable passphrase file is not refused by name: $(cat "$work/open.err")"
[ "$(sha256sum "$db")" = "$before" ] || fail "a refused start changed $db"
echo "ok: a wrong or readable passphrase file is reported by name; the database is unchanged"
