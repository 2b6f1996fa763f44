#!/usr/bin/env bash
# fhir_validate.sh SAMPLER CLI SOURCE_DIR — exports an edge-case database as FHIR R4 and checks
# it with xmllint against the official HL7 R4 (4.0.1) schema, from $KNOTNOTES_FHIR_XSD_DIR or
# the shared folder beside the repository. Without the schema the test is SKIPPED (exit 77),
# never reported as passed.
set -euo pipefail
sampler=$1 cli=$2 source_dir=$3
xsd_dir=${KNOTNOTES_FHIR_XSD_DIR:-$source_dir/../shared/schemas/fhir-r4}
if [ ! -f "$xsd_dir/fhir-single.xsd" ]; then
    echo "SKIPPED: no FHIR R4 schema at $xsd_dir (set KNOTNOTES_FHIR_XSD_DIR)"
    exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" KNOTNOTES_PLUGIN_PATH=
"$sampler" "$work/k.db"
"$cli" --db "$work/k.db" export --format fhir-r4-xml -o "$work/bundle.xml"
xmllint --noout --nonet --schema "$xsd_dir/fhir-single.xsd" "$work/bundle.xml"
# The other Bundle types and the export without SNOMED CT are as valid.
for option in bundle=collection bundle=document snomed=no; do
    "$cli" --db "$work/k.db" export --format fhir-r4-xml --option "$option" -o "$work/$option.xml"
    xmllint --noout --nonet --schema "$xsd_dir/fhir-single.xsd" "$work/$option.xml"
done
grep -q 'http://snomed.info/sct' "$work/bundle.xml" || { echo "FAIL: no SNOMED CT" >&2; exit 1; }
if grep -q 'http://snomed.info/sct' "$work/snomed=no.xml"; then
    echo "FAIL: SNOMED CT in the export with snomed=no" >&2
    exit 1
fi
# The resources the issue asks for are all there.
for resource in Patient Practitioner Encounter Observation Procedure QuestionnaireResponse \
                Consent Composition Provenance CodeSystem Questionnaire; do
    grep -q "<$resource>" "$work/bundle.xml" || { echo "FAIL: no $resource" >&2; exit 1; }
done
grep -q '<code value="72514-3"/>' "$work/bundle.xml" || { echo "FAIL: no LOINC pain" >&2; exit 1; }
# FMA has no system URI FHIR R4 registers: no coding claims one.
if grep -q 'purl.org/sig/ont/fma' "$work/bundle.xml"; then
    echo "FAIL: an unverified FMA system URI" >&2
    exit 1
fi
grep -q '<code value="replaces"/>' "$work/bundle.xml" || { echo "FAIL: no amendment" >&2; exit 1; }
# The knot's drawn referral zone, with the points the database holds.
grep -q '<valueString value="back view: 0.38,0.05 0.4525,0.0625 0.44,0.125"/>' "$work/bundle.xml" ||
    { echo "FAIL: no referral area on the back-view knot" >&2; exit 1; }
# Every resource has a narrative (the Bundle itself is not a DomainResource).
resources=$(grep -c '<resource>' "$work/bundle.xml")
narratives=$(grep -o '<resource><[A-Za-z]*><id value="[^"]*"/><text><status value="generated"/>' \
    "$work/bundle.xml" | wc -l)
[ "$resources" -eq "$narratives" ] ||
    { echo "FAIL: $narratives narratives for $resources resources" >&2; exit 1; }
# The questionnaire canonicals resolve inside the bundle.
grep -o '<questionnaire value="[^"|]*' "$work/bundle.xml" | sed 's/.*value="//' | sort -u |
    while read -r url; do
        grep -q "<url value=\"$url\"/>" "$work/bundle.xml" ||
            { echo "FAIL: Questionnaire $url not in the bundle" >&2; exit 1; }
    done
# Every reference points at an entry of the bundle.
missing=$(grep -o '<reference value="[^"]*"' "$work/bundle.xml" | sed 's/.*value="//; s/"$//' |
    sort -u | while read -r ref; do
        grep -q "<fullUrl value=\"$ref\"/>" "$work/bundle.xml" || echo "$ref"
    done)
[ -z "$missing" ] || { echo "FAIL: dangling references: $missing" >&2; exit 1; }
echo "FHIR bundle valid against the R4 schema"
