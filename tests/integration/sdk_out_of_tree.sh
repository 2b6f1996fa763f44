#!/usr/bin/env bash
# sdk_out_of_tree.sh BUILD_DIR EXAMPLE_DIR CLI — install the SDK from BUILD_DIR into a temporary
# prefix, copy the example somewhere outside the source tree, build it there with only
# find_package(KnotNotesSDK 2), then check and load it through the real knotnotes-cli.
set -euo pipefail
build_dir=$1 example=$2 cli=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build_dir" --component sdk --prefix "$work/prefix" >/dev/null
test -f "$work/prefix/include/knotnotes/sdk/sdk.hpp"
cp -r "$example" "$work/hello_exporter"
# HOME decides where the example's install rule puts it (~/.local/share/knotnotes/plugins).
HOME="$work/home" cmake -S "$work/hello_exporter" -B "$work/build" -G Ninja \
    -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
test -f "$work/build/hello-exporter.so"
test -f "$work/build/org.example.hello.plugin.xml"

export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" HOME="$work/home"
"$cli" plugins check "$work/build/hello-exporter.so"
listing=$("$cli" --plugin-path "$work/build" plugins list)
echo "$listing"
echo "$listing" | grep -E '^org\.example\.hello +1\.0\.0 +exporter +loaded$' >/dev/null ||
    { echo "FAIL: the example is not listed as loaded" >&2; exit 1; }

# `cmake --install` puts it among the user's plugins, where the host finds it with no options.
cmake --install "$work/build" >/dev/null
test -f "$work/home/.local/share/knotnotes/plugins/hello-exporter.so"
listing=$(env -u XDG_DATA_HOME HOME="$work/home" "$cli" plugins list)
echo "$listing" | grep -E '^org\.example\.hello +1\.0\.0 +exporter +loaded$' >/dev/null ||
    { echo "FAIL: the installed example is not found in the user's plugin folder" >&2; exit 1; }
echo "out-of-tree example built, installed and loaded"
