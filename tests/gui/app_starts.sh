#!/usr/bin/env bash
# app_starts.sh APP — the real knotnotes binary starts under Xvfb, shows its main window (a
# screenshot of it is a real, non-blank PNG) and quits cleanly with status 0.
set -euo pipefail
app=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
"$(dirname "$0")/../support/xvfb_session.sh" 1280x800x24 -- "$app" --screenshot "$work/shot.png"
file "$work/shot.png" 2>/dev/null | grep -q 'PNG image data' ||
    head -c 8 "$work/shot.png" | od -c | grep -q 'P   N   G' ||
    { echo "FAIL: no PNG screenshot" >&2; exit 1; }
size=$(stat -c %s "$work/shot.png")
# A blank window compresses to a few hundred bytes; ours has text and widgets.
[ "$size" -gt 4000 ] || { echo "FAIL: screenshot is only $size bytes (blank window?)" >&2; exit 1; }
echo "screenshot: $size bytes"
