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
#   ./dev.sh fresh-test
#                     the README's Quick start on a brand-new minimal Debian 12: builds one
#                     with debootstrap in build/fresh (cached), copies this checkout into it and
#                     runs ./dev.sh test, ./dev.sh run and ./dev.sh package-test there, once as a
#                     desktop user with sudo and once as root, each on a root of its own. CI runs
#                     it. Needs root or sudo (debootstrap, chroot, mounts).
# Extra arguments after `run` go to the app, e.g. ./dev.sh run --db /tmp/demo.knotnotes
set -euo pipefail
cd "$(dirname "$0")"

BUILD_DIR=${KNOTNOTES_BUILD_DIR:-build}
# Everything ./dev.sh build, run and test use, checked on a minimal Debian 12 (./dev.sh
# fresh-test): compilers and libraries, and the tools the tests call (sqlite3, xmllint, file,
# pgrep/pkill from procps, setpriv from util-linux, openssl (checks our signatures), Xvfb, xdotool, desktop-file-validate,
# appstreamcli, groff). libssl-dev and npm (over HTTPS: ca-certificates): SQLCipher is built from its npm package
# (cmake/SQLCipher.cmake; fetched once into ~/.cache/knotnotes, SHA-256 pinned). libsecret-1-dev:
# database keys in the desktop keyring; gnome-keyring, dbus (dbus-run-session) and secret-tool
# (libsecret-tools): its tests. libpq-dev: the clinic server backend (db/postgres);
# postgresql-15: the throw-away server its tests start (tests/support/postgres_session.sh).
PACKAGES=(
    ca-certificates build-essential cmake ninja-build pkg-config ccache clang-format clang-14 libclang-rt-14-dev
    libwxgtk3.2-dev libboost-dev libssl-dev libsecret-1-dev libsecret-tools gnome-keyring dbus sqlite3 libpugixml-dev libcli11-dev catch2 libsodium-dev
    xvfb xauth xdotool libxml2-utils libxml2-dev fonts-dejavu-core file procps util-linux openssl
    libcairo2-dev poppler-utils tzdata libpq-dev postgresql-15
    desktop-file-utils appstream groff-base
)
# Only for ./dev.sh package and package-test.
PACKAGE_TOOLS=(dpkg-dev file librsvg2-bin)
PACKAGE_TEST_TOOLS=(lintian man-db shared-mime-info libglib2.0-bin)
JOBS=${KNOTNOTES_JOBS:-$(nproc)}

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

fail() { printf '\033[1;31mdev.sh: %s\033[0m\n' "$*" >&2; exit 1; }

# Root runs commands as they are; anyone else through sudo (a desktop user's way).
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    else
        sudo "$@"
    fi
}

install_packages() {
    local missing=()
    # npm fetches SQLCipher once (cmake/SQLCipher.cmake) and the FHIR validators the tests run
    # (tests/fhir-validators, `npm ci`); any npm will do (Debian's, or the one
    # that comes with a nodejs from elsewhere, which Debian's npm package would conflict with).
    command -v npm >/dev/null || missing+=(npm)
    for p in "${PACKAGES[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local by_hand="install them by hand and run this again:
    sudo apt-get update && sudo apt-get install --no-install-recommends ${missing[*]}"
    if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
        fail "these Debian packages are missing and sudo is not installed to add them: ${missing[*]}
As root, $by_hand"
    fi
    log "Installing missing packages: ${missing[*]}"
    local log_file
    log_file=$(mktemp)
    if ! as_root apt-get update -qq >"$log_file" 2>&1; then
        cat "$log_file" >&2
        rm -f "$log_file"
        fail "apt-get update failed (no network, or no permission?), so these packages could not be installed: ${missing[*]}
When the network is back, or as an administrator, $by_hand"
    fi
    if ! DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >"$log_file" 2>&1; then
        cat "$log_file" >&2
        rm -f "$log_file"
        fail "apt-get could not install: ${missing[*]} (see above for which and why). $by_hand"
    fi
    rm -f "$log_file"
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
            # Synthetic clients only, so unencrypted on purpose (real databases are encrypted).
            "$BUILD_DIR/bin/knotnotes-cli" --db "$demo_db" --unencrypted demo --clients 200 \
                --sessions-per-client 8 >/dev/null
        fi
        set -- --db "$demo_db" "$@"
    fi
    if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
        log "Starting KnotNotes"
        exec "$app" "$@"
    fi
    log "No display: starting KnotNotes under Xvfb and saving $BUILD_DIR/screenshot.png"
    tests/support/xvfb_session.sh 1280x800x24 -- \
        "$app" --screenshot "$BUILD_DIR/screenshot.png" "$@"
    log "Saved $BUILD_DIR/screenshot.png"
}

# Every process a test run starts carries KNOTNOTES_TEST_RUN in its environment, which survives
# when a process is orphaned: what still has it after ctest returns was left running.
processes_of_run() {
    local pid
    for pid in $(pgrep -d ' ' .); do
        [ "$pid" = $$ ] && continue
        if grep -qsz "^KNOTNOTES_TEST_RUN=$1\$" "/proc/$pid/environ" 2>/dev/null; then
            echo "$pid"
        fi
    done
    return 0
}

run_tests() {
    build
    log "Running tests"
    local run_id status=0
    run_id="$$-$(date +%s%N)"
    KNOTNOTES_TEST_RUN=$run_id ctest --test-dir "$BUILD_DIR" --output-on-failure \
        --parallel "$(nproc)" "$@" || status=$?
    # A test run leaves nothing running: every test stops what it started, whatever happened.
    local left
    left=$(processes_of_run "$run_id")
    if [ -n "$left" ]; then
        ps -o pid=,args= -p "$left" >&2 || true
        kill $left 2>/dev/null || true
        fail "the tests left the processes above running (now stopped): a test does not stop what it started"
    fi
    return $status
}

run_benchmarks() {
    build
    log "Running benchmarks (the first run also creates build/bench/demo-10k.db)"
    for bench in "$BUILD_DIR"/bin/knotnotes_*_bench; do
        if [ "$(basename "$bench")" = knotnotes_gui_bench ] && [ -z "${DISPLAY:-}" ]; then
            tests/support/xvfb_session.sh 1400x900x24 -- "$bench"
        elif [ "$(basename "$bench")" = knotnotes_clinic_server_bench ]; then
            tests/support/postgres_session.sh --durable -- "$bench"
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
    as_root tests/package/package_test.sh "$BUILD_DIR/packages"
}

fresh_test() {
    as_root env FRESH_TEST_SOURCE="$PWD" FRESH_TEST_DIR="$PWD/$BUILD_DIR/fresh" \
        tests/fresh/fresh_test.sh "$@"
}

case "${1:-}" in
    run) shift; run_app "$@" ;;
    test) shift; run_tests "$@" ;;
    build) build ;;
    bench) run_benchmarks ;;
    example) build_example ;;
    package) build_packages ;;
    package-test) test_packages ;;
    fresh-test) shift; fresh_test "$@" ;;
    *) echo "usage: ./dev.sh run|test|build|bench|example|package|package-test|fresh-test" >&2; exit 2 ;;
esac
