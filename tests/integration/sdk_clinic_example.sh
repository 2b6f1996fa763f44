#!/usr/bin/env bash
# sdk_clinic_example.sh BUILD_DIR EXAMPLE_DIR CLI — as sdk/README.md tells an outside developer:
# install the SDK into a temporary prefix, build the questionnaire + technique library example
# outside the source tree with Clang and only find_package(KnotNotesSDK 2), then test it with
# knotnotes-cli (plugins check, questionnaires score, techniques list).
set -euo pipefail
build_dir=$1 example=$2 cli=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build_dir" --component sdk --prefix "$work/prefix" >/dev/null
cp -r "$example" "$work/clinic"
# With Clang, while KnotNotes is built with GCC: only the C interface (abi.h) is shared.
HOME="$work/home" cmake -S "$work/clinic" -B "$work/build" -G Ninja \
    -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null

export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" HOME="$work/home"
"$cli" plugins check "$work/build/example-clinic.so"
kn() { "$cli" --plugin-path "$work/build" "$@"; }

out=$(kn questionnaires score org.example.clinic/neck-ease turning=2 looking-up=3)
[ "$out" = "org.example.clinic/neck-ease: 5 (moderate)" ] || fail "score: $out"
out=$(kn questionnaires score org.example.clinic/neck-ease turning=5 looking-up=5)
[ "$out" = "org.example.clinic/neck-ease: 10 (severe)" ] || fail "score of the closed last band: $out"
if err=$(kn questionnaires score org.example.clinic/neck-ease turning=9 looking-up=1 2>&1); then
    fail "an answer out of range was scored: $err"
fi
echo "$err" | grep -q "item 'turning' needs a value from 0 to 5" || fail "out of range: $err"
kn questionnaires list | grep -q "^org.example.clinic/neck-ease" || fail "not listed"

out=$(kn techniques list --library org.example.clinic)
echo "$out"
[ "$(echo "$out" | grep -c '^org.example.clinic/')" = 2 ] || fail "techniques: $out"
echo "$out" | grep -q "^org.example.clinic/pin-and-stretch	Pin and stretch	" || fail "pin-and-stretch"
echo "questionnaire and technique library example built out of tree and tested with the CLI"
