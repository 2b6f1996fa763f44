#!/usr/bin/env bash
# xvfb_session.sh [WIDTHxHEIGHTxDEPTH] -- COMMAND [ARG...]
#
# Runs COMMAND with DISPLAY set to a private Xvfb server and stops that server whatever
# happens: COMMAND ends, fails, or this script is killed (even with SIGKILL: the server is
# started with a parent-death signal, so it never outlives the script). xvfb-run leaves its
# server behind when it is killed, which is how test runs used to leave Xvfb processes running.
# The exit status is COMMAND's.
set -uo pipefail
screen=1280x800x24
if [ $# -gt 0 ] && [ "$1" != "--" ]; then
    screen=$1
    shift
fi
[ "${1:-}" = "--" ] || { echo "usage: $0 [WxHxD] -- COMMAND [ARG...]" >&2; exit 2; }
shift

work=$(mktemp -d)
server=
cleanup() {
    if [ -n "$server" ]; then
        kill "$server" 2>/dev/null
        wait "$server" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# -displayfd: the server picks a free display number and writes it to fd 3 when it is ready.
setpriv --pdeathsig KILL -- Xvfb -displayfd 3 -screen 0 "$screen" -nolisten tcp -noreset \
    3>"$work/display" 2>"$work/xvfb.log" &
server=$!
for _ in $(seq 1 100); do
    [ -s "$work/display" ] && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
done
if [ ! -s "$work/display" ]; then
    echo "xvfb_session.sh: Xvfb did not start:" >&2
    cat "$work/xvfb.log" >&2
    exit 1
fi
export DISPLAY=":$(tr -d '[:space:]' <"$work/display")"
# GTK's file chooser saves its settings through dconf, which needs a D-Bus session; without
# one every change logs a warning. The tests' settings need not outlive the run.
export GSETTINGS_BACKEND=${GSETTINGS_BACKEND:-memory}
"$@"
