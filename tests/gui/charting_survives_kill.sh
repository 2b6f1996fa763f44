#!/usr/bin/env bash
# charting_survives_kill.sh SCENARIO CLI — the GUI issue's end-to-end test: chart in the real
# window, lock it (Ctrl+L) right after typing, SIGKILL the app while locked, restart it, find everything, sign, and see editing refused; then the
# HTML report draws the chart as charted.
set -uo pipefail
scenario=$1 cli=$2
xvfb_session=$(dirname "$0")/../support/xvfb_session.sh
work=$(mktemp -d)
# Never `kill -9 0` (that is the whole process group, ctest included) when no pid was found.
# The X server goes with its session script (xvfb_session.sh), whatever happens here.
trap '[ -n "${pid:-}" ] && kill -9 "$pid" 2>/dev/null
      [ -n "${session:-}" ] && kill "$session" 2>/dev/null && wait "$session" 2>/dev/null
      rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
db="$work/k.db"

"$xvfb_session" 1400x900x24 -- "$scenario" "$db" chart "${KNOTNOTES_SCREENSHOT_DIR:-}" \
    > "$work/chart.log" 2>&1 &
session=$!
for _ in $(seq 1 120); do
    grep -q '^charted$' "$work/chart.log" && break
    sleep 0.5
done
cat "$work/chart.log"
# The app itself, the session script's child: only it is killed, as a power cut would.
pid=$(pgrep -P "$session" -f "$scenario $db chart" | head -n 1)
[ -n "$pid" ] || { echo "FAIL: the scenario is not running"; exit 1; }
kill -9 "$pid"
wait "$session" 2>/dev/null
session=
grep -q '^charted$' "$work/chart.log" || { echo "FAIL: charting did not finish"; exit 1; }
if grep -q '^FAIL' "$work/chart.log"; then exit 1; fi

# An independent reader (the CLI) sees the knot, the pressure and the technique.
"$cli" --db "$db" export --format xml -o "$work/after-kill.xml" >/dev/null
grep -q 'muscle="upper-trapezius"' "$work/after-kill.xml" || { echo "FAIL: knot lost"; exit 1; }
grep -q 'region="upper-back" side="bilateral" pressure="7"' "$work/after-kill.xml" ||
    { echo "FAIL: pressure lost"; exit 1; }
grep -q 'deep-tissue/ischemic-compression' "$work/after-kill.xml" ||
    { echo "FAIL: technique lost"; exit 1; }
grep -q '<health-flag>anticoagulants</health-flag>' "$work/after-kill.xml" ||
    { echo "FAIL: intake lost"; exit 1; }
"$cli" --db "$db" verify >/dev/null || { echo "FAIL: the database does not verify"; exit 1; }
echo "ok: after SIGKILL the CLI finds the intake, knot, pressure and technique; verify passes"

"$xvfb_session" 1400x900x24 -- "$scenario" "$db" reopen || exit $?

# The HTML report (the plugin, from the SDK's chart data) draws what was charted in the window:
# the client's female figure, three knots, the referral area, each knot named, the carried-forward
# knots of the next session linked to where they were.
"$cli" --db "$db" export --format html -o "$work/report" >/dev/null ||
    { echo "FAIL: the HTML export failed"; exit 1; }
report=$(ls "$work"/report/*.html | head -n 1)
[ -f "$report" ] || { echo "FAIL: no HTML report"; exit 1; }
grep -q 'class="body-chart figure-female"' "$report" || { echo "FAIL: not the female figure"; exit 1; }
# Two sessions (the signed one, the next with the knots carried forward): 3 markers each, and
# the carried-forward ones linked to where they were.
[ "$(grep -o '<g class="knot ' "$report" | wc -l)" -eq 6 ] || { echo "FAIL: not 3 + 3 knot markers"; exit 1; }
[ "$(grep -o 'class="earlier-link"' "$report" | wc -l)" -eq 3 ] ||
    { echo "FAIL: the carried-forward knots are not linked to their earlier places"; exit 1; }
grep -q 'class="referral-area"' "$report" || { echo "FAIL: no referral area in the report"; exit 1; }
for knot in '1. Upper trapezius, left' '2. Gluteus maximus, right' '3. Infraspinatus, left'; do
    grep -q "<title>$knot" "$report" || { echo "FAIL: the report does not name '$knot'"; exit 1; }
done
echo "ok: the HTML report draws the female figure with the knots, the referral area and the links"
