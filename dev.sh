#!/usr/bin/env bash
# dev.sh — everything a developer needs on a fresh Debian 12 machine.
#   ./dev.sh run      install missing packages, build, launch KnotNotes (the first time on the
#                     demo database of synthetic clients, apart from real records; with no
#                     display: under Xvfb, saving build/screenshot.png, then exit)
#   ./dev.sh test     install missing packages, build, run every test (CTest)
#   ./dev.sh build    install missing packages and build only
#   ./dev.sh bench    build, then run the benchmarks in tests/bench (they print figures)
#   ./dev.sh example  install the SDK into build/sdk-prefix, build sdk/examples/hello_exporter
#                     out of tree against it (build/example) and list it with the other plugins
#   ./dev.sh package  build the Debian packages knotnotes and knotnotes-sdk-dev into
#                     build/packages/ (from their own build, build/package-build, prefix /usr)
#   ./dev.sh package-test
#                     ./dev.sh package, then tests/package/package_test.sh: lintian, install
#                     both packages, check the installed app, CLI, plugins and SDK, remove them
# Extra arguments after `run` go to the app, e.g. ./dev.sh run --db /tmp/demo.knotnotes
set -euo pipefail
cd "$(dirname "$0")"

BUILD_DIR=${KNOTNOTES_BUILD_DIR:-build}
PACKAGES=(
    build-essential cmake ninja-build pkg-config ccache clang-format clang-14 libclang-rt-14-dev
    libwxgtk3.2-dev libboost-dev libsqlite3-dev sqlite3 libpugixml-dev libcli11-dev catch2
    xvfb xauth xdotool libxml2-utils fonts-dejavu-core libcairo2-dev poppler-utils tzdata
    desktop-file-utils appstream groff-base
)
# Only for ./dev.sh package and package-test.
PACKAGE_TOOLS=(dpkg-dev file librsvg2-bin)
PACKAGE_TEST_TOOLS=(lintian man-db shared-mime-info libglib2.0-bin)
JOBS=${KNOTNOTES_JOBS:-$(nproc)}

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_packages() {
    local missing=()
    for p in "${PACKAGES[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "Installing missing packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

build() {
    install_packages
    if [ ! -f "$BUILD_DIR/build.ninja" ]; then
        log "Configuring ($BUILD_DIR, RelWithDebInfo)"
        cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
    fi
    log "Building"
    cmake --build "$BUILD_DIR" --parallel "$JOBS"
}

run_app() {
    build
    local app="$BUILD_DIR/bin/knotnotes"
    # A first run starts on demo data, in a demo database of its own: synthetic clients are
    # never written into the user's records (the default database stays as it is, or is not
    # created at all). --db PATH opens another file; File > Open database goes back.
    local data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/knotnotes"
    local demo_db="$data_dir/demo.knotnotes.db"
    if [[ " $* " != *" --db "* ]] && [ ! -e "$data_dir/knotnotes.db" ]; then
        if [ ! -e "$demo_db" ]; then
            log "First run: creating the demo database $demo_db (synthetic clients)"
            mkdir -p "$data_dir"
            "$BUILD_DIR/bin/knotnotes-cli" --db "$demo_db" demo --clients 200 \
                --sessions-per-client 8 >/dev/null
        fi
        set -- --db "$demo_db" "$@"
    fi
    if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
        log "Starting KnotNotes"
        exec "$app" "$@"
    fi
    log "No display: starting KnotNotes under Xvfb and saving $BUILD_DIR/screenshot.png"
    xvfb-run -a -s "-screen 0 1280x800x24" "$app" --screenshot "$BUILD_DIR/screenshot.png" "$@"
    log "Saved $BUILD_DIR/screenshot.png"
}

run_tests() {
    build
    log "Running tests"
    ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "$(nproc)" "$@"
}

run_benchmarks() {
    build
    log "Running benchmarks (the first run also creates build/bench/demo-10k.db)"
    for bench in "$BUILD_DIR"/bin/knotnotes_*_bench; do
        if [ "$(basename "$bench")" = knotnotes_gui_bench ] && [ -z "${DISPLAY:-}" ]; then
            xvfb-run -a -s "-screen 0 1400x900x24" "$bench"
        else
            "$bench"
        fi
    done
}

build_example() {
    build
    log "Installing the SDK into $BUILD_DIR/sdk-prefix"
    cmake --install "$BUILD_DIR" --component sdk --prefix "$BUILD_DIR/sdk-prefix" >/dev/null
    log "Building sdk/examples/hello_exporter out of tree against it ($BUILD_DIR/example)"
    cmake -S sdk/examples/hello_exporter -B "$BUILD_DIR/example" -G Ninja \
        -DCMAKE_PREFIX_PATH="$PWD/$BUILD_DIR/sdk-prefix" >/dev/null
    cmake --build "$BUILD_DIR/example"
    "$BUILD_DIR/bin/knotnotes-cli" plugins check "$BUILD_DIR/example/hello-exporter.so"
    "$BUILD_DIR/bin/knotnotes-cli" --plugin-path "$BUILD_DIR/example" plugins list
}

# The packages come from a build of their own: installed to /usr (so GNUInstallDirs gives
# lib/<multiarch>), no tests, Debian's hardening flags, PNG icons required.
build_packages() {
    install_packages "${PACKAGE_TOOLS[@]}" "$@"
    local dir="$BUILD_DIR/package-build" out="$BUILD_DIR/packages"
    if [ ! -f "$dir/build.ninja" ]; then
        log "Configuring ($dir, RelWithDebInfo, prefix /usr)"
        (
            eval "$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --export=sh)"
            CXXFLAGS="$CXXFLAGS $CPPFLAGS" LDFLAGS="$LDFLAGS" \
                cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
                -DCMAKE_INSTALL_PREFIX=/usr -DKNOTNOTES_BUILD_TESTS=OFF \
                -DKNOTNOTES_REQUIRE_PNG_ICONS=ON -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
        )
    fi
    log "Building ($dir)"
    cmake --build "$dir" --parallel "$JOBS"
    log "Packaging into $out"
    rm -rf "$out"
    mkdir -p "$out"
    local out_abs
    out_abs=$(cd "$out" && pwd)
    (cd "$dir" && cpack -G DEB -B "$out_abs") ||
        { echo "cpack failed; see $out/_CPack_Packages" >&2; return 1; }
    rm -rf "$out/_CPack_Packages"
    ls -l "$out"/*.deb
}

test_packages() {
    build_packages "${PACKAGE_TEST_TOOLS[@]}"
    log "Testing the packages (install, use, remove)"
    tests/package/package_test.sh "$BUILD_DIR/packages"
}

case "${1:-}" in
    run) shift; run_app "$@" ;;
    test) shift; run_tests "$@" ;;
    build) build ;;
    bench) run_benchmarks ;;
    example) build_example ;;
    package) build_packages ;;
    package-test) test_packages ;;
    *) echo "usage: ./dev.sh run|test|build|bench|example|package|package-test" >&2; exit 2 ;;
esac
