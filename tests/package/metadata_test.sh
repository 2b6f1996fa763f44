#!/usr/bin/env bash
# metadata_test.sh SOURCE_DIR VERSION PACKAGING_BUILD_DIR KNOTNOTES_CLI
#
# The quick packaging check that runs with every `./dev.sh test` (CTest: packaging_metadata):
# the desktop entry, AppStream metadata, MIME type, icon and man pages are valid and agree with
# each other, with the SDK's records schema, with `knotnotes-cli --help` and with the one
# version number in CMakeLists.txt. Building and installing the .deb files is
# tests/package/package_test.sh (./dev.sh package-test).
set -uo pipefail

src=$1 version=$2 build=$3 cli=$4
pkg=$src/packaging
app_id=org.knotnotes.KnotNotes
desktop=$pkg/$app_id.desktop
metainfo=$pkg/$app_id.metainfo.xml
mime=$pkg/$app_id.mime.xml
mime_type=application/x-knotnotes-records+xml
failures=0

fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }
pass() { printf 'ok:   %s\n' "$*"; }
need() { command -v "$1" >/dev/null || { echo "FAIL: $1 is missing (Debian package $2)"; exit 1; }; }
need desktop-file-validate desktop-file-utils
need appstreamcli appstream
need xmllint libxml2-utils
need groff groff-base

# ---- desktop entry: valid, no warnings, and declares our MIME type ---------------------------
section=$failures
out=$(desktop-file-validate "$desktop" 2>&1)
if [ $? -ne 0 ] || grep -qE '(error|warning):' <<<"$out"; then
    fail "desktop-file-validate $desktop: $out"
else
    pass "desktop-file-validate${out:+ (hints: $(grep -c hint: <<<"$out"))}"
fi
grep -qx "Exec=knotnotes %f" "$desktop" || fail "desktop Exec is not 'knotnotes %f'"
grep -q "^MimeType=.*$mime_type;" "$desktop" || fail "desktop entry does not declare $mime_type"
grep -qx "Icon=$app_id" "$desktop" || fail "desktop Icon is not $app_id"

# ---- AppStream metadata --------------------------------------------------------------------
section=$failures
if out=$(appstreamcli validate --no-net "$metainfo" 2>&1); then
    pass "appstreamcli validate --no-net"
else
    fail "appstreamcli validate --no-net $metainfo: $out"
fi
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
    fail "metainfo does not launch $app_id.desktop"
grep -q "<mediatype>$mime_type</mediatype>" "$metainfo" || fail "metainfo does not provide $mime_type"
# The screenshot's public URL serves docs/screenshots/<name>; its size must be the one declared.
while read -r url width height; do
    shot=$src/docs/screenshots/${url##*/}
    [ -f "$shot" ] || { fail "metainfo screenshot $url: no $shot"; continue; }
    file "$shot" | grep -q "PNG image data, $width x $height," ||
        fail "$shot is not ${width}x$height as the metainfo says: $(file -b "$shot")"
done < <(xmllint --xpath '//screenshot/image' "$metainfo" |
         sed -nE 's|.*width="([0-9]+)" height="([0-9]+)">([^<]+)<.*|\3 \1 \2|p')
[ $failures -eq "$section" ] && pass "metainfo screenshots match docs/screenshots/"

# ---- MIME type: matches the records schema's namespace and root element ---------------------
section=$failures
xmllint --noout "$mime" || fail "$mime is not well-formed"
# Each records schema (format 2, and format 1 that 1.0 wrote) has its root-XML rule and its magic.
for schema in records-2.xsd records-1.xsd; do
    ns=$(xmllint --xpath 'string(/*[local-name()="schema"]/@targetNamespace)' \
         "$src/sdk/schema/$schema")
    root=$(xmllint --xpath "string(//*[local-name()='root-XML'][@namespaceURI='$ns']/@localName)" \
           "$mime")
    [ -n "$root" ] || fail "$mime has no root-XML rule for $schema's namespace '$ns'"
    grep -q "value=\"$ns\"" "$mime" || fail "$mime's magic does not match $schema's namespace '$ns'"
    xmllint --xpath "/*[local-name()='schema']/*[local-name()='element'][@name='$root']" \
        "$src/sdk/schema/$schema" >/dev/null 2>&1 ||
        fail "$schema has no top-level element '$root'"
done
grep -q "type=\"$mime_type\"" "$mime" && grep -q 'pattern="\*\.knotnotes\.xml"' "$mime" ||
    fail "$mime does not define $mime_type with the glob *.knotnotes.xml"
[ $failures -eq "$section" ] && pass "MIME type $mime_type ($root in $ns, *.knotnotes.xml)"

# ---- icon ----------------------------------------------------------------------------------
section=$failures
icon=$pkg/icons/knotnotes.svg
if xmllint --noout "$icon" &&
    [ "$(xmllint --xpath 'string(/*[local-name()="svg"]/@viewBox)' "$icon")" = "0 0 128 128" ]; then
    pass "icon $icon (square SVG)"
else
    fail "$icon is not a well-formed square SVG"
fi
for size in 16 22 24 32 48 64 128 256; do
    png=$build/icons/${size}x${size}/$app_id.png
    if [ -f "$png" ]; then
        file "$png" | grep -q "PNG image data, $size x $size" || fail "$png is not $size x $size"
    fi
done

# ---- one version everywhere ----------------------------------------------------------------
section=$failures
changelog_version=$(grep -m1 -oP '^## \[\K[0-9][^]]*(?=\] - [0-9]{4}-[0-9]{2}-[0-9]{2})' \
                    "$src/CHANGELOG.md")
metainfo_version=$(xmllint --xpath 'string((//release)[1]/@version)' "$metainfo")
cli_version=$("$cli" --version)
[ "$changelog_version" = "$version" ] ||
    fail "newest CHANGELOG.md release is '$changelog_version', CMakeLists.txt says $version"
[ "$metainfo_version" = "$version" ] ||
    fail "newest metainfo <release> is '$metainfo_version', CMakeLists.txt says $version"
[[ "$cli_version" == "knotnotes-cli $version "* ]] ||
    fail "knotnotes-cli --version says '$cli_version', CMakeLists.txt says $version"
grep -q "^knotnotes ($version-" "$build/doc/changelog.Debian" ||
    fail "changelog.Debian does not name version $version"
release_date=$(grep -m1 -oP "^## \[${version//./\\.}\] - \K[0-9-]+" "$src/CHANGELOG.md")
metainfo_date=$(xmllint --xpath 'string((//release)[1]/@date)' "$metainfo")
[ "$release_date" = "$metainfo_date" ] ||
    fail "release date: CHANGELOG.md '$release_date', metainfo '$metainfo_date'"
[ $failures -eq "$section" ] && pass "version $version in CMakeLists.txt, CHANGELOG.md, metainfo, --version"

# ---- man pages: render without warnings, document every command and option -----------------
section=$failures
for page in knotnotes knotnotes-cli; do
    man_file=$build/man/$page.1
    [ -f "$man_file" ] && [ -f "$man_file.gz" ] || { fail "$man_file(.gz) not built"; continue; }
    warnings=$(LC_ALL=C.UTF-8 groff -man -ww -z -Tutf8 "$man_file" 2>&1)
    [ -z "$warnings" ] || fail "$man_file: groff warnings: $warnings"
    grep -q "\"KnotNotes $version\"" "$man_file" || fail "$man_file does not carry version $version"
    grep -q '@' "$man_file" && fail "$man_file has an unsubstituted @VARIABLE@"
done
cli_page=$build/man/knotnotes-cli.1
commands=$("$cli" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
plugin_commands=$("$cli" plugins --help | sed -n '/^Subcommands:/,/^$/p' |
                  awk 'NR > 1 && NF { print "plugins " $1 }')
[ -n "$commands" ] || fail "could not read the subcommands from knotnotes-cli --help"
while read -r command; do
    [ -n "$command" ] || continue
    grep -qE "^\.BI? \"?${command}( |\"|$)" "$cli_page" ||
        fail "knotnotes-cli.1 does not document '$command'"
done <<<"$commands"$'\n'"$plugin_commands"
for option in db plugin-path version help; do
    grep -qF "\\-\\-${option//-/\\-}" "$cli_page" || fail "knotnotes-cli.1 does not mention --$option"
done
[ $failures -eq "$section" ] && pass "man pages: no groff warnings; every knotnotes-cli command documented"

# ---- licences: the SDK is MIT file by file, the app GPL with the plugin exception ------------
section=$failures
while IFS= read -r -d '' file; do
    case $file in */LICENSE) continue ;; esac
    head -n 3 "$file" | grep -q "SPDX-License-Identifier: MIT" ||
        fail "$file has no 'SPDX-License-Identifier: MIT' line in its first 3 lines"
done < <(find "$src/sdk" -type f -print0)
copyright=$pkg/copyright
grep -q "^Files: sdk/\*" "$copyright" || fail "$copyright: no 'Files: sdk/*' stanza"
grep -q "^License: MIT$" "$copyright" || fail "$copyright: the SDK is not licensed MIT"
grep -q "^License: GPL-3.0-or-later with KnotNotes-plugin exception$" "$copyright" ||
    fail "$copyright: the app's licence does not name the plugin exception"
grep -q "Additional permission under GNU GPL version 3 section 7" "$copyright" ||
    fail "$copyright: the section 7 additional permission is missing"
grep -q "Additional permission under GNU GPL version 3 section 7" "$src/LICENSE-PLUGIN-EXCEPTION" ||
    fail "LICENSE-PLUGIN-EXCEPTION is missing"
[ $failures -eq "$section" ] && pass "licences: every SDK file says MIT; copyright has the plugin exception"

if [ $failures -ne 0 ]; then
    echo "$failures packaging metadata check(s) failed"
    exit 1
fi
echo "packaging metadata: all checks passed"
