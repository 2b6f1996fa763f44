#!/usr/bin/env bash
# postgres_session.sh [--durable] -- COMMAND [ARG...]
#
# Runs COMMAND against a throw-away PostgreSQL cluster and removes the cluster whatever
# happens: COMMAND ends, fails, or this script is killed (the server is started with a
# parent-death signal, so it never outlives the script).
# - The cluster lives in a temporary folder, listens on 127.0.0.1 only, on a free port, and
#   takes passwords (scram-sha-256) for every connection, as a clinic server would.
# - PostgreSQL refuses to run as root, so under root the server runs as the unprivileged
#   `postgres` user that Debian's postgresql-common creates; anyone else runs it as themselves.
# - COMMAND gets KNOTNOTES_TEST_PG_URI (libpq URI of a superuser, `kn_admin`, on the `postgres`
#   database) and KNOTNOTES_TEST_PG_PASSWORD_FILE (that superuser's password).
# - The server speaks TLS as a clinic's should, with a certificate for the host name
#   "localhost" only, issued by a certificate authority made for this run: COMMAND gets that
#   authority's certificate as KNOTNOTES_TEST_PG_CA_FILE, and another authority's, which did
#   not issue it, as KNOTNOTES_TEST_PG_OTHER_CA_FILE. Connections that do not ask for TLS
#   (sslmode=prefer, libpq's default) get it too.
# - Tests run it with fsync off (a thrown-away cluster need not survive a power cut);
#   --durable keeps PostgreSQL's defaults (fsync, synchronous_commit), for benchmarks.
# The exit status is COMMAND's; 77 (skipped) when no PostgreSQL server is installed.
set -uo pipefail
durability=(-c fsync=off)
if [ "${1:-}" = "--durable" ]; then
    durability=()
    shift
fi
[ "${1:-}" = "--" ] || { echo "usage: $0 [--durable] -- COMMAND [ARG...]" >&2; exit 2; }
shift
# Listing a test binary's tests (catch_discover_tests, at build time) needs no server.
for arg in "$@"; do
    case $arg in --list-test-names-only | --list-reporters) exec "$@" ;; esac
done

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "postgres_session.sh: no PostgreSQL server installed (apt-get install postgresql-15)" >&2
    exit 77
fi

work=$(mktemp -d)
server=
run_as=()
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "postgres_session.sh: running as root needs the postgres user (apt-get install postgresql-15)" >&2; exit 1; }
    run_as=(setpriv --reuid=postgres --regid=postgres --init-groups)
fi
cleanup() {
    if [ -n "$server" ]; then
        "${run_as[@]}" "$bin/pg_ctl" -D "$work/data" stop -m immediate -w >/dev/null 2>&1
        kill "$server" 2>/dev/null
        wait "$server" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

umask 077
head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$work/admin.pw"
mkdir "$work/data" "$work/socket"
[ ${#run_as[@]} -eq 0 ] || chown -R postgres:postgres "$work"
if ! "${run_as[@]}" "$bin/initdb" -D "$work/data" -U kn_admin --pwfile="$work/admin.pw" \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1; then
    echo "postgres_session.sh: initdb failed:" >&2
    cat "$work/initdb.log" >&2
    exit 1
fi

# The run's certificate authority, the server's certificate for "localhost" (no IP address in
# it, so verify-full against 127.0.0.1 fails as it should), and an authority that did not
# issue it. The key is the server's own: PostgreSQL refuses a key others may read.
make_tls() {
    local tls=$work/tls
    mkdir "$tls"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
        -subj "/CN=KnotNotes test clinic CA" -keyout "$tls/ca.key" -out "$tls/ca.crt" &&
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
            -subj "/CN=Another CA" -keyout "$tls/other-ca.key" -out "$tls/other-ca.crt" &&
        openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
            -subj "/CN=localhost" -keyout "$tls/server.key" -out "$tls/server.csr" &&
        printf 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n' >"$tls/server.ext" &&
        openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.crt" -CAkey "$tls/ca.key" \
            -CAcreateserial -days 2 -extfile "$tls/server.ext" -out "$tls/server.crt"
}
if ! make_tls >"$work/tls.log" 2>&1; then
    echo "postgres_session.sh: could not make the test certificates (openssl):" >&2
    cat "$work/tls.log" >&2
    exit 1
fi
chmod 0644 "$work/tls/ca.crt" "$work/tls/other-ca.crt"
[ ${#run_as[@]} -eq 0 ] || chown -R postgres:postgres "$work/tls"
tls_settings=(-c ssl=on -c ssl_cert_file="$work/tls/server.crt" -c ssl_key_file="$work/tls/server.key")

# A port another program holds makes the server exit at once; then try another one.
for _ in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 40000))
    "${run_as[@]}" setpriv --pdeathsig KILL -- "$bin/postgres" -D "$work/data" \
        -c listen_addresses=127.0.0.1 -c port="$port" -c unix_socket_directories="$work/socket" \
        "${durability[@]}" "${tls_settings[@]}" -c max_connections=60 >"$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 100); do
        "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" && break
        kill -0 "$server" 2>/dev/null || break
        sleep 0.1
    done
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" && break
    kill "$server" 2>/dev/null
    wait "$server" 2>/dev/null
    server=
done
if [ -z "$server" ]; then
    echo "postgres_session.sh: the PostgreSQL server did not start:" >&2
    cat "$work/server.log" >&2
    exit 1
fi

export KNOTNOTES_TEST_PG_URI="postgresql://kn_admin@127.0.0.1:$port/postgres"
export KNOTNOTES_TEST_PG_PASSWORD_FILE="$work/admin.pw"
export KNOTNOTES_TEST_PG_CA_FILE="$work/tls/ca.crt"
export KNOTNOTES_TEST_PG_OTHER_CA_FILE="$work/tls/other-ca.crt"
"$@"
