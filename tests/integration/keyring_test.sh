#!/usr/bin/env bash
# keyring_test.sh CLI — the desktop keyring as the key source (issue 13), with a real Secret
# Service: run inside `dbus-run-session`, a fresh HOME, gnome-keyring-daemon unlocked with a
# login password as a desktop login does. A new database gets a random key kept there; it then
# opens, backs up and restores without any passphrase; without the session it is locked (exit 5).
set -euo pipefail
cli=$1
work=$(mktemp -d)
# gnome-keyring-daemon ends with the session bus that dbus-run-session tears down.
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export XDG_RUNTIME_DIR="$work/run" KNOTNOTES_PLUGIN_PATH= KNOTNOTES_PASSPHRASE_FILE=
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || fail "run me under dbus-run-session"
eval "$(printf 'login password' | gnome-keyring-daemon --unlock --components=secrets)"

db="$work/k.db"
"$cli" --db "$db" demo --clients 3 </dev/null >"$work/out" 2>"$work/err" ||
    fail "demo: $(cat "$work/err")"
grep -q "is encrypted. Its key is kept in your desktop keyring" "$work/err" ||
    fail "no word of where the key is kept: $(cat "$work/err")"
[ "$(head -c 8 "$db")" = KnotNote ] || fail "the new database is not encrypted"
# The entry is there, found by the file's salt.
key_id=$(head -c 16 "$db" | od -An -tx1 | tr -d ' \n')
secret-tool lookup key-id "$key_id" | grep -Eq '^[0-9a-f]{96}$' || fail "no key in the keyring"

"$cli" --db "$db" verify </dev/null >"$work/out" 2>&1 || fail "verify: $(cat "$work/out")"
grep -q "The database is intact." "$work/out" || fail "verify did not check the database"
"$cli" --db "$db" backup -o "$work/b.db" </dev/null >/dev/null 2>&1 || fail "backup"
[ "$(head -c 16 "$work/b.db" | od -An -tx1 | tr -d ' \n')" = "$key_id" ] ||
    fail "the backup does not carry the database's key id"
"$cli" --db "$db" restore "$work/b.db" </dev/null >/dev/null 2>&1 || fail "restore"
"$cli" --db "$db" verify </dev/null >/dev/null 2>&1 || fail "verify after restore"

# Without the desktop session there is no key: locked, and the file untouched.
before=$(sha256sum "$db")
status=0
env -u DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR="$work/none" "$cli" --db "$db" verify \
    </dev/null >/dev/null 2>"$work/err" || status=$?
[ "$status" -eq 5 ] || fail "without the keyring: exit $status, not 5"
grep -q "this database is encrypted and no key was given" "$work/err" || fail "$(cat "$work/err")"
[ "$(sha256sum "$db")" = "$before" ] || fail "the database changed"
echo "ok: keyring key created, found, used for backup and restore; locked without it"
