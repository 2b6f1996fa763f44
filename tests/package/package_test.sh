#!/usr/bin/env bash
# package_test.sh PACKAGES_DIR — the Debian packages, tested the way a user and a plugin author
# meet them (./dev.sh package-test builds the packages and runs this; CI runs it too):
#   1. control fields and contents of knotnotes_*.deb and knotnotes-sdk-dev_*.deb, lintian
#   2. dpkg -i both into this machine
#   3. as a new user: the installed knotnotes-cli lists every built-in plugin as loaded from
#      /usr/lib/<multiarch>/knotnotes/plugins; demo data, export, import; the desktop entry,
#      AppStream metadata, icons, MIME type (our exports open in KnotNotes) and man pages
#   4. sdk/examples/hello_exporter, copied from the installed documentation, builds against the
#      installed SDK with a plain find_package(KnotNotesSDK), and the installed app loads it
#   5. the installed knotnotes starts under Xvfb and saves a screenshot
#   6. dpkg -r both: every file they installed is gone, the MIME and desktop caches forget us
# Needs root (dpkg -i); leaves the machine as it found it, also when a check fails.
set -euo pipefail

packages_dir=$(cd "${1:?usage: package_test.sh PACKAGES_DIR}" && pwd)
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
app_id=org.knotnotes.KnotNotes
mime_type=application/x-knotnotes-records+xml
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
plugin_dir=/usr/lib/$multiarch/knotnotes/plugins
our_packages=(knotnotes-sdk-dev knotnotes)

step() { printf '\n\033[1m--- %s\033[0m\n' "$*"; }
ok() { printf 'ok:   %s\n' "$*"; }
die() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
installed() { dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null | grep -q '^.[^n]'; }

remove_our_packages() {
    local present=()
    for p in "${our_packages[@]}"; do installed "$p" && present+=("$p"); done
    [ ${#present[@]} -eq 0 ] || dpkg --purge "${present[@]}" >/dev/null
}

[ "$(id -u)" -eq 0 ] || die "package_test.sh installs packages: run it as root"
work=$(mktemp -d /tmp/knotnotes-package-test.XXXXXX)
cleanup() {
    local status=$?
    trap - EXIT
    remove_our_packages || true
    rm -rf "$work"
    [ $status -eq 0 ] || echo "package test FAILED (packages removed, $work deleted)" >&2
    exit $status
}
trap cleanup EXIT

shopt -s nullglob
app_debs=("$packages_dir"/knotnotes_*.deb)
sdk_debs=("$packages_dir"/knotnotes-sdk-dev_*.deb)
shopt -u nullglob
[ ${#app_debs[@]} -eq 1 ] || die "expected one knotnotes_*.deb in $packages_dir"
[ ${#sdk_debs[@]} -eq 1 ] || die "expected one knotnotes-sdk-dev_*.deb in $packages_dir"
app_deb=${app_debs[0]} sdk_deb=${sdk_debs[0]}
version=$(sed -nE 's/^project\(KnotNotes VERSION ([0-9.]+).*/\1/p' "$source_dir/CMakeLists.txt")
[ -n "$version" ] || die "no project(KnotNotes VERSION ...) in CMakeLists.txt"

# ---------------------------------------------------------------------------------------------
step "1. Control fields, contents, lintian"
for deb in "$app_deb" "$sdk_deb"; do
    deb_version=$(dpkg-deb -f "$deb" Version)
    [ "${deb_version%-*}" = "$version" ] ||
        die "$(basename "$deb"): version $deb_version, CMakeLists.txt says $version"
    [ "$(dpkg-deb -f "$deb" Architecture)" = "$(dpkg --print-architecture)" ] ||
        die "$(basename "$deb"): wrong architecture"
    for field in Maintainer Section Homepage Description; do
        [ -n "$(dpkg-deb -f "$deb" $field)" ] || die "$(basename "$deb"): no $field"
    done
    outside=$(dpkg-deb -c "$deb" | awk '{print $6}' | grep -vE '^\./(usr/)?$|^\./usr/' || true)
    [ -z "$outside" ] || die "$(basename "$deb") installs outside /usr: $outside"
    if dpkg-deb -c "$deb" | grep -q '/usr/local/'; then die "$(basename "$deb") uses /usr/local"; fi
done
[ "$(dpkg-deb -f "$app_deb" Package)" = knotnotes ] || die "app package is not named knotnotes"
[ "$(dpkg-deb -f "$sdk_deb" Package)" = knotnotes-sdk-dev ] || die "SDK package name"
depends=$(dpkg-deb -f "$app_deb" Depends)
depend_names=$(tr ',' '\n' <<<"$depends" | sed -E 's/^ *([^ ]+).*/\1/')
# libpq5: loaded by name when a clinic server is connected, so listed by hand (cpack.cmake).
for lib in libc6 libstdc++6 libssl3 libpugixml1v5 libwxgtk3.2-1 libpq5; do
    grep -qxF "$lib" <<<"$depend_names" || die "knotnotes Depends lacks $lib: $depends"
done
ok "versions $version-*, fields, Depends from dpkg-shlibdeps: $depends"
app_files=$(dpkg-deb -c "$app_deb" | awk '{print $6}')
for f in usr/bin/knotnotes usr/bin/knotnotes-cli "${plugin_dir#/}/knotnotes-export-xml.so" \
         usr/share/applications/$app_id.desktop usr/share/metainfo/$app_id.metainfo.xml \
         usr/share/mime/packages/$app_id.xml usr/share/icons/hicolor/scalable/apps/$app_id.svg \
         usr/share/icons/hicolor/48x48/apps/$app_id.png usr/share/man/man1/knotnotes.1.gz \
         usr/share/man/man1/knotnotes-cli.1.gz usr/share/doc/knotnotes/copyright \
         usr/share/doc/knotnotes/changelog.Debian.gz; do
    grep -qx "\./$f" <<<"$app_files" || die "knotnotes does not contain /$f"
done
sdk_files=$(dpkg-deb -c "$sdk_deb" | awk '{print $6}')
for f in usr/include/knotnotes/sdk/sdk.hpp usr/include/knotnotes/sdk/abi_version.hpp \
         usr/lib/$multiarch/cmake/KnotNotesSDK/KnotNotesSDKConfig.cmake \
         usr/share/knotnotes/schema/records-1.xsd usr/share/doc/knotnotes-sdk-dev/copyright; do
    grep -qx "\./$f" <<<"$sdk_files" || die "knotnotes-sdk-dev does not contain /$f"
done
ok "contents: binaries in /usr/bin, plugins in $plugin_dir, SDK in /usr/include and /usr/lib/$multiarch/cmake"

extracted=$work/extracted
mkdir -p "$extracted"
dpkg-deb -x "$app_deb" "$extracted"
appstreamcli validate-tree --no-net --strict "$extracted" >"$work/appstream.log" 2>&1 ||
    { cat "$work/appstream.log"; die "appstreamcli validate-tree"; }
ok "appstreamcli validate-tree --no-net --strict (metainfo, desktop entry and icon agree)"

# Nothing points at /usr: unpacked anywhere, the programs find their plugins beside them.
relocated_dir=$extracted$plugin_dir
"$extracted/usr/bin/knotnotes-cli" --db "$work/relocated.db" plugins list -v >"$work/relocated.txt" ||
    { cat "$work/relocated.txt"; die "the unpacked knotnotes-cli failed"; }
[ "$(sed -n '2p' "$work/relocated.txt" | sed 's/^ *//')" = "$relocated_dir" ] ||
    die "unpacked in $extracted, knotnotes-cli looks for plugins in: $(sed -n '2p' "$work/relocated.txt")"
loaded=$(grep -c ' loaded$' "$work/relocated.txt" || true)
[ "$loaded" -eq "$(find "$relocated_dir" -name '*.so' | wc -l)" ] ||
    { cat "$work/relocated.txt"; die "unpacked in $extracted, not every plugin loads"; }
ok "relocatable: unpacked in $extracted, knotnotes-cli loads its $loaded plugins from there"

lintian_log=$work/lintian.log
lintian_status=0
lintian --fail-on error --display-info --pedantic "$app_deb" "$sdk_deb" >"$lintian_log" 2>&1 ||
    lintian_status=$?
grep -v 'running with root privileges' "$lintian_log" | sed 's/^/    /' || true
[ $lintian_status -eq 0 ] || die "lintian found errors (exit $lintian_status)"
ok "lintian: $(grep -c '^E:' "$lintian_log" || true) errors, $(grep -c '^W:' "$lintian_log" || true) warnings, $(grep -c '^[IP]:' "$lintian_log" || true) info/pedantic"

# ---------------------------------------------------------------------------------------------
step "2. dpkg -i"
if installed knotnotes || installed knotnotes-sdk-dev; then
    echo "removing knotnotes packages left installed by an earlier run"
    remove_our_packages
fi
dpkg -i "$app_deb" "$sdk_deb" >"$work/dpkg-install.log" 2>&1 ||
    { cat "$work/dpkg-install.log"; die "dpkg -i"; }
[ -z "$(dpkg --audit 2>&1)" ] || die "dpkg --audit after installing: $(dpkg --audit 2>&1)"
installed_files=$work/installed-files
dpkg -L "${our_packages[@]}" | while read -r f; do
    if [ ! -d "$f" ] || [ -L "$f" ]; then echo "$f"; fi
done >"$installed_files"
ok "installed knotnotes and knotnotes-sdk-dev ($(wc -l <"$installed_files") files)"

# ---------------------------------------------------------------------------------------------
step "3. The installed app and CLI, as a new user"
home=$work/home
mkdir -p "$home"
# New databases are encrypted; without a desktop keyring here, a script gives the passphrase
# in a private file (as the man page says), which the CLI and the app both read.
passphrase_file=$work/passphrase
(umask 077 && echo "package test passphrase" >"$passphrase_file")
# A clean environment: a new user's HOME, no plugin path, outside the source tree.
as_user() {
    (cd "$work" && env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 \
        KNOTNOTES_PASSPHRASE_FILE="$passphrase_file" "$@")
}
[ "$(as_user sh -c 'command -v knotnotes-cli')" = /usr/bin/knotnotes-cli ] ||
    die "knotnotes-cli is not /usr/bin/knotnotes-cli on PATH"
cli_version=$(as_user knotnotes-cli --version)
[[ "$cli_version" == "knotnotes-cli $version "* ]] || die "knotnotes-cli --version: $cli_version"
ok "$cli_version"

db=$work/demo.db
as_user knotnotes-cli --db "$db" demo --clients 5 --sessions-per-client 3 >/dev/null
[ "$(head -c 8 "$db")" = KnotNote ] || die "the installed CLI made an unencrypted database"
as_user knotnotes-cli --db "$db" plugins list -v >"$work/plugins.txt"
sed 's/^/    /' "$work/plugins.txt"
first_folder=$(sed -n '2p' "$work/plugins.txt" | sed 's/^ *//')
[ "$first_folder" = "$plugin_dir" ] || die "the built-in plugin folder is '$first_folder', not $plugin_dir"
builtin_count=0
for manifest in "$plugin_dir"/*.plugin.xml; do
    id=$(xmllint --xpath 'string(/*[local-name()="plugin"]/*[local-name()="id"])' "$manifest")
    grep -qE "^$id +.* loaded$" "$work/plugins.txt" || die "built-in plugin $id is not loaded"
    grep -qx "    manifest: $manifest" "$work/plugins.txt" ||
        die "$id was not found in the installed location $plugin_dir"
    builtin_count=$((builtin_count + 1))
done
so_count=$(find "$plugin_dir" -name '*.so' | wc -l)
[ "$builtin_count" -gt 0 ] && [ "$builtin_count" -eq "$so_count" ] ||
    die "$builtin_count manifests for $so_count plugin libraries in $plugin_dir"
ok "all $builtin_count built-in plugins loaded from $plugin_dir"

export_file=$work/records.knotnotes.xml
as_user knotnotes-cli --db "$db" export --format xml -o "$export_file" >/dev/null
as_user knotnotes-cli --db "$work/imported.db" import "$export_file" >/dev/null
as_user knotnotes-cli --db "$work/imported.db" verify >/dev/null
ok "demo data (encrypted with SQLCipher), export to KnotNotes XML, import into a new database, verify"

# Desktop integration, as the installed files and the caches dpkg's triggers rebuilt.
validation=$(desktop-file-validate /usr/share/applications/$app_id.desktop 2>&1) ||
    die "desktop-file-validate: $validation"
if grep -qE ': (error|warning): ' <<<"$validation"; then die "desktop-file-validate: $validation"; fi
appstreamcli validate --no-net /usr/share/metainfo/$app_id.metainfo.xml >/dev/null
ok "installed desktop entry and metainfo validate"
for size in 16x16 22x22 24x24 32x32 48x48 64x64 128x128 256x256; do
    png=/usr/share/icons/hicolor/$size/apps/$app_id.png
    file "$png" | grep -q "PNG image data, ${size/x/ x }" || die "$png is not a $size PNG"
done
ok "icons: scalable SVG and PNG 16 to 256"
if command -v update-mime-database >/dev/null; then
    [ -f "/usr/share/mime/${mime_type}.xml" ] || die "the MIME database does not know $mime_type"
    detected=$(as_user gio info -a standard::content-type "$export_file" |
               sed -n 's/^ *standard::content-type: //p')
    [ "$detected" = "$mime_type" ] || die "$export_file is detected as '$detected'"
    # Without a telling name, the root element decides. (A plain *.xml name wins over the
    # content: shared-mime-info sniffs only when the name is not conclusive.)
    cp "$export_file" "$work/records-export"
    detected=$(as_user gio info -a standard::content-type "$work/records-export" |
               sed -n 's/^ *standard::content-type: //p')
    [ "$detected" = "$mime_type" ] || die "content sniffing: records-export detected as '$detected'"
    ok "MIME: *.knotnotes.xml, and a file whose root element is knotnotes-records, are $mime_type"
fi
if command -v update-desktop-database >/dev/null; then
    grep -q "^$mime_type=.*$app_id.desktop" /usr/share/applications/mimeinfo.cache ||
        die "mimeinfo.cache does not open $mime_type with $app_id.desktop"
    handler=$(as_user gio mime "$mime_type" | sed -n 's/^Default application for .*: //p')
    [ "$handler" = "$app_id.desktop" ] || die "default application for $mime_type: '$handler'"
    ok "a double-click on an export opens $app_id.desktop (Exec: $(grep ^Exec= \
        /usr/share/applications/$app_id.desktop | cut -d= -f2-))"
fi
for page in knotnotes knotnotes-cli; do
    [ "$(man -w "$page")" = "/usr/share/man/man1/$page.1.gz" ] || die "man -w $page"
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "/usr/share/man/man1/$page.1.gz" 2>&1 >/dev/null)
    [ -z "$warnings" ] || die "man $page: $warnings"
done
ok "man knotnotes, man knotnotes-cli"

# ---------------------------------------------------------------------------------------------
step "4. A plugin built against the installed knotnotes-sdk-dev"
sdk_doc=$(dpkg -L knotnotes-sdk-dev | grep '/examples/hello_exporter/CMakeLists.txt$' | xargs dirname)
[ -n "$sdk_doc" ] || die "knotnotes-sdk-dev has no examples/hello_exporter"
cp -r "$sdk_doc" "$work/hello_exporter"
# No CMAKE_PREFIX_PATH: find_package(KnotNotesSDK) must find /usr/lib/<multiarch>/cmake.
as_user cmake -S "$work/hello_exporter" -B "$work/hello-build" -DCMAKE_BUILD_TYPE=Release \
    >"$work/hello-configure.log" 2>&1 || { cat "$work/hello-configure.log"; die "configure hello_exporter"; }
grep -q "KnotNotesSDK_DIR:PATH=/usr/lib/$multiarch/cmake/KnotNotesSDK" "$work/hello-build/CMakeCache.txt" ||
    die "hello_exporter did not use the installed SDK: $(grep KnotNotesSDK_DIR "$work/hello-build/CMakeCache.txt")"
as_user cmake --build "$work/hello-build" >"$work/hello-build.log" 2>&1 ||
    { cat "$work/hello-build.log"; die "build hello_exporter"; }
as_user knotnotes-cli plugins check "$work/hello-build/hello-exporter.so" | sed 's/^/    /'
as_user knotnotes-cli --db "$db" --plugin-path "$work/hello-build" plugins list |
    grep -qE '^org\.example\.hello +.* loaded$' || die "hello_exporter is not loaded with --plugin-path"
as_user cmake --install "$work/hello-build" >/dev/null
as_user knotnotes-cli --db "$db" plugins list | grep -qE '^org\.example\.hello +.* loaded$' ||
    die "hello_exporter installed into ~/.local/share/knotnotes/plugins is not loaded"
ok "hello_exporter built with find_package(KnotNotesSDK), loaded from --plugin-path and from ~/.local"

# The SDK package carries the SDK's own version (its ABI, abi.h), not KnotNotes' version.
abi_h="$source_dir/sdk/include/knotnotes/sdk/abi.h"
sdk_major=$(sed -nE 's/^#define KNOTNOTES_SDK_ABI_MAJOR ([0-9]+)$/\1/p' "$abi_h")
sdk_minor=$(sed -nE 's/^#define KNOTNOTES_SDK_ABI_MINOR ([0-9]+)$/\1/p' "$abi_h")
sdk_version=$sdk_major.$sdk_minor.0
mkdir -p "$work/version_probe"
cat >"$work/version_probe/CMakeLists.txt" <<EOF
cmake_minimum_required(VERSION 3.16)
project(version_probe LANGUAGES CXX)
find_package(KnotNotesSDK $sdk_version EXACT REQUIRED)
file(WRITE \${CMAKE_BINARY_DIR}/found.txt "\${KnotNotesSDK_VERSION} \${KNOTNOTES_SDK_SCHEMA_DIR}")
EOF
as_user cmake -S "$work/version_probe" -B "$work/version_probe/build" >"$work/probe.log" 2>&1 ||
    { cat "$work/probe.log"; die "find_package(KnotNotesSDK $sdk_version EXACT)"; }
[ "$(cat "$work/version_probe/build/found.txt")" = "$sdk_version /usr/share/knotnotes/schema" ] ||
    die "KnotNotesSDK: $(cat "$work/version_probe/build/found.txt")"
grep -q "^#define KNOTNOTES_SDK_ABI_MAJOR $sdk_major\$" /usr/include/knotnotes/sdk/abi.h &&
    grep -q "^#define KNOTNOTES_SDK_ABI_MINOR $sdk_minor\$" /usr/include/knotnotes/sdk/abi.h ||
    die "the installed abi.h does not say ABI $sdk_major.$sdk_minor"
ok "find_package(KnotNotesSDK $sdk_version EXACT) (the SDK's own version), schemas in /usr/share/knotnotes/schema"

# ---------------------------------------------------------------------------------------------
step "5. The installed knotnotes under Xvfb"
shot=$work/screenshot.png
as_user xvfb-run -a -s "-screen 0 1280x800x24" knotnotes --db "$db" --screenshot "$shot" \
    >"$work/xvfb.log" 2>&1 || { cat "$work/xvfb.log"; die "knotnotes did not start"; }
! grep -q "could not open the database" "$work/xvfb.log" || die "$(cat "$work/xvfb.log")"
file "$shot" | grep -q 'PNG image data' || die "knotnotes saved no screenshot"
# And once as a brand-new user, with the default database created on first start.
as_user env -u KNOTNOTES_PASSPHRASE_FILE \
    xvfb-run -a -s "-screen 0 1280x800x24" knotnotes --screenshot "$work/first-run.png" \
    >"$work/xvfb-first.log" 2>&1 || { cat "$work/xvfb-first.log"; die "first start failed"; }
[ -f "$home/.local/share/knotnotes/knotnotes.db" ] || die "first start made no database"
ok "knotnotes started ($(file -b "$shot" | cut -d, -f2 | xargs)), also on a first run"

# ---------------------------------------------------------------------------------------------
step "6. dpkg -r"
dpkg -r "${our_packages[@]}" >"$work/dpkg-remove.log" 2>&1 ||
    { cat "$work/dpkg-remove.log"; die "dpkg -r"; }
left=$(while read -r f; do
    if [ -e "$f" ] || [ -L "$f" ]; then echo "$f"; fi
done <"$installed_files")
[ -z "$left" ] || die "left behind after dpkg -r: $left"
for p in "${our_packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
    case "$status" in
        "" | "un "*) ;;
        "rc "*) dpkg --purge "$p" >/dev/null ;;  # only dpkg's record of it remains
        *) die "$p is still '$status' after dpkg -r" ;;
    esac
done
[ ! -e "$plugin_dir" ] || die "$plugin_dir still exists"
[ ! -e "/usr/share/mime/${mime_type}.xml" ] || die "the MIME database still knows $mime_type"
if grep -qs "$app_id.desktop" /usr/share/applications/mimeinfo.cache; then
    die "mimeinfo.cache still names $app_id.desktop"
fi
[ -z "$(dpkg --audit 2>&1)" ] || die "dpkg --audit after removing: $(dpkg --audit 2>&1)"
ok "removed: no file left, MIME and desktop caches updated"

printf '\n\033[1mpackage test passed\033[0m (%s, %s)\n' "$(basename "$app_deb")" "$(basename "$sdk_deb")"
