#!/usr/bin/env bash
# run_fhir_validators.sh SAMPLER CLI CACHE_DIR — exports the demo database and the edge-case
# database as FHIR R4 (every Bundle type) and checks each file with validators KnotNotes did not
# write (validate_bundle.js: FHIR.js and Medplum's validateResource, which evaluates the R4
# FHIRPath invariants). The validators are the exact versions of package-lock.json, installed
# with `npm ci` into CACHE_DIR (again only when the lock file changes). Fails on any error.
set -euo pipefail
sampler=$1 cli=$2 cache=$3
here=$(cd "$(dirname "$0")" && pwd)
command -v node >/dev/null && command -v npm >/dev/null ||
    { echo "FAIL: node and npm are needed (./dev.sh installs nodejs and npm)" >&2; exit 1; }
mkdir -p "$cache"
if ! cmp -s "$here/package-lock.json" "$cache/package-lock.json" || [ ! -d "$cache/node_modules" ]; then
    cp "$here/package.json" "$here/package-lock.json" "$cache/"
    (cd "$cache" && npm ci --no-audit --no-fund --loglevel=error) ||
        { echo "FAIL: npm ci of the FHIR validators failed in $cache (no network?)" >&2; exit 1; }
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" KNOTNOTES_PLUGIN_PATH=
"$sampler" "$work/edge.db" >/dev/null
"$cli" --db "$work/demo.db" --unencrypted demo --clients 8 --sessions-per-client 4 --seed 11 >/dev/null
status=0
for db in edge demo; do
    for option in bundle=transaction bundle=collection bundle=document snomed=no; do
        out="$work/$db-$option.xml"
        "$cli" --db "$work/$db.db" export --format fhir-r4-xml --option "$option" -o "$out" >/dev/null
        NODE_PATH="$cache/node_modules" node "$here/validate_bundle.js" "$out" || status=1
    done
done
exit $status
