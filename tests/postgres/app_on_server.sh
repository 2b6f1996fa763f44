#!/usr/bin/env bash
# app_on_server.sh APP CLI — the real knotnotes binary started with --db on a clinic server
# address (run inside postgres_session.sh, under Xvfb): with the login's password in PGPASSFILE
# it opens the server's records, shows its window (a real screenshot) and quits with status 0;
# without a password, unattended, it says which server asked for one (never a password) and
# still shows its window, with no folder "postgresql:" made for a file.
set -euo pipefail
app=$1
cli=$2
work=$(mktemp -d)
here=$(cd "$(dirname "$0")" && pwd)
trap 'rm -rf "$work"' EXIT
cd "$work"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" HOME="$work"
umask 077
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
server=${KNOTNOTES_TEST_PG_URI%/postgres}  # postgresql://kn_admin@127.0.0.1:PORT
host_port=${server#postgresql://kn_admin@}
PGPASSWORD=$(head -n 1 "$KNOTNOTES_TEST_PG_PASSWORD_FILE") "$bin/createdb" -h "${host_port%:*}" \
    -p "${host_port#*:}" -U kn_admin clinic
printf 'jane-password-1\n' >jane.pw
"$cli" --db "$server/clinic" --password-file "$KNOTNOTES_TEST_PG_PASSWORD_FILE" \
    practitioners add --login jane --role therapist --name "Jane Roe" --password-file jane.pw
PGPASSWORD=jane-password-1 "$bin/psql" -q -h "${host_port%:*}" -p "${host_port#*:}" -U jane \
    -d clinic -c "INSERT INTO clients (given_name, family_name) VALUES ('Ann', 'Client')"

printf '%s:%s:clinic:jane:jane-password-1\n' "${host_port%:*}" "${host_port#*:}" >pgpass
status=0
PGPASSFILE="$work/pgpass" "$here/../support/xvfb_session.sh" 1280x800x24 -- \
    "$app" --db "postgresql://jane@$host_port/clinic" --screenshot "$work/shot.png" \
    2>"$work/err.txt" || status=$?
[ "$status" -eq 0 ] || { cat "$work/err.txt" >&2; echo "FAIL: exit status $status" >&2; exit 1; }
if grep -q "could not open" "$work/err.txt"; then
    cat "$work/err.txt" >&2
    echo "FAIL: the app did not open the server's records" >&2
    exit 1
fi
size=$(stat -c %s "$work/shot.png")
[ "$size" -gt 4000 ] || { echo "FAIL: screenshot is only $size bytes" >&2; exit 1; }
echo "ok: the app opened postgresql://jane@$host_port/clinic (screenshot $size bytes)"

"$here/../support/xvfb_session.sh" 1280x800x24 -- \
    "$app" --db "postgresql://jane@$host_port/clinic" --screenshot "$work/shot2.png" \
    2>"$work/err2.txt" || { cat "$work/err2.txt" >&2; echo "FAIL: the app failed" >&2; exit 1; }
grep -q "could not open the database: the clinic server .*jane@.*password" "$work/err2.txt" || {
    cat "$work/err2.txt" >&2
    echo "FAIL: no message saying the server asked for a password" >&2
    exit 1
}
! grep -q "jane-password-1" "$work/err2.txt" || { echo "FAIL: a password in a message" >&2; exit 1; }
[ ! -e "$work/postgresql:" ] || { echo "FAIL: a folder postgresql: was made" >&2; exit 1; }
echo "ok: without a password the app says so and makes no file"
