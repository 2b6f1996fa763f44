#!/usr/bin/env bash
# first_run_encrypted.sh APP CLI — a first run on a desktop (issue 13): inside a private session
# bus with an unlocked gnome-keyring (as a desktop login leaves it), the real app creates the
# default database encrypted, with a random key kept in the keyring, and asks for nothing; the
# CLI then opens that database with the same keyring key.
set -euo pipefail
app=$1 cli=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export XDG_RUNTIME_DIR="$work/run" KNOTNOTES_PASSPHRASE_FILE=
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || fail "run me under dbus-run-session"
eval "$(printf 'login password' | gnome-keyring-daemon --unlock --components=secrets)"
"$(dirname "$0")/../support/xvfb_session.sh" 1280x800x24 -- "$app" --screenshot "$work/shot.png" \
    </dev/null
db="$XDG_DATA_HOME/knotnotes/knotnotes.db"
[ -f "$db" ] || fail "no default database at $db"
[ "$(head -c 8 "$db")" = KnotNote ] || fail "the first run's database is not encrypted"
[ "$(stat -c %a "$db")" = 600 ] || fail "the database is not private (0600)"
"$cli" --db "$db" verify </dev/null >"$work/out" 2>&1 || fail "verify: $(cat "$work/out")"
grep -q "The database is intact." "$work/out" || fail "$(cat "$work/out")"
echo "ok: the first run made an encrypted database whose key the keyring keeps"
