#!/usr/bin/env bash
# validate_manifests.sh XSD DIR... — every *.plugin.xml under the folders validates against the
# manifest schema, except the fixtures that are broken on purpose (they must NOT validate).
set -euo pipefail
xsd=$1; shift
broken_on_purpose='org.knotnotes.test.malformed.plugin.xml'
checked=0
while IFS= read -r -d '' manifest; do
    name=$(basename "$manifest")
    if [ "$name" = "$broken_on_purpose" ]; then
        if xmllint --noout --nonet --schema "$xsd" "$manifest" 2>/dev/null; then
            echo "FAIL: $manifest is broken on purpose but validates" >&2; exit 1
        fi
    else
        xmllint --noout --nonet --schema "$xsd" "$manifest"
    fi
    checked=$((checked + 1))
done < <(find "$@" -name '*.plugin.xml' -not -path '*/build*/CMakeFiles/*' -print0 2>/dev/null | sort -zu)
[ "$checked" -ge 10 ] || { echo "FAIL: only $checked manifests found" >&2; exit 1; }
echo "$checked manifests checked"
