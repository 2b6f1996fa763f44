// fhir_extensions.hpp — what FHIR R4 has no element for, in KnotNotes' own extensions (their
// URLs are stable; docs/fhir.md says what each holds), and the side of the body as codes.
#pragma once

#include <string>

#include <knotnotes/sdk/records.hpp>

#include "fhir_xml_writer.hpp"

namespace knotnotes::fhir {

inline constexpr const char* extension_amendment_reason =
    "https://knotnotes.org/fhir/StructureDefinition/amendment-reason";
inline constexpr const char* extension_conflict_acknowledgement =
    "https://knotnotes.org/fhir/StructureDefinition/conflict-acknowledgement";
inline constexpr const char* extension_session_location =
    "https://knotnotes.org/fhir/StructureDefinition/session-location";
inline constexpr const char* extension_laterality =
    "https://knotnotes.org/fhir/StructureDefinition/laterality";
inline constexpr const char* extension_signature =
    "https://knotnotes.org/fhir/StructureDefinition/note-signature";
// What KnotNotes keeps that FHIR has no element for, so that a KnotNotes import of its own
// export gets back exactly what was exported (docs/fhir.md, "Coming back").
#define KNOTNOTES_EXTENSION(name, path) \
    inline constexpr const char* name = "https://knotnotes.org/fhir/StructureDefinition/" path;
KNOTNOTES_EXTENSION(extension_created_at, "created-at")
KNOTNOTES_EXTENSION(extension_occupation, "occupation")
KNOTNOTES_EXTENSION(extension_chart_figure, "chart-figure")
KNOTNOTES_EXTENSION(extension_public_key, "signing-public-key")
KNOTNOTES_EXTENSION(extension_intake_version, "intake-version")
KNOTNOTES_EXTENSION(extension_intake, "intake")
KNOTNOTES_EXTENSION(extension_session_length, "session-length")
KNOTNOTES_EXTENSION(extension_charting_uids, "charting-uids")
KNOTNOTES_EXTENSION(extension_previous_knot, "previous-knot")
KNOTNOTES_EXTENSION(extension_technique_seconds, "technique-seconds")
KNOTNOTES_EXTENSION(extension_technique_direction, "technique-direction")
KNOTNOTES_EXTENSION(extension_technique_pressure, "technique-pressure")
KNOTNOTES_EXTENSION(extension_interpretation, "score-interpretation")
KNOTNOTES_EXTENSION(extension_session_note, "session-note")
KNOTNOTES_EXTENSION(extension_session_uid, "session-uid")
#undef KNOTNOTES_EXTENSION

// <extension url="..."><valueString/></extension>, nothing when the value is empty.
void extension_string(XmlWriter& w, const char* url, const std::string& value);
// <extension url="..."><valueX value="..."/></extension> for a primitive `type` ("valueInteger",
// "valueCode", ...), nothing when the value is empty.
void extension_value(XmlWriter& w, const char* url, const char* type, const std::string& value);
// <extension url="..."><valueReference><reference value="..."/></valueReference></extension>.
void extension_reference(XmlWriter& w, const char* url, const std::string& reference);
// <extension url="..."><valueCoding><system/><code/></valueCoding></extension>.
void extension_code(XmlWriter& w, const char* url, const char* system, const std::string& code);
// The note's Ed25519 signature (or 1.0 seal) with everything needed to check it.
void write_signature_extension(XmlWriter& w, const sdk::Signature& signature);

// A side as codings: KnotNotes' own, then (when `snomed`) the SNOMED CT laterality qualifier
// (left 7771000, right 24028007, bilateral 51440002; midline has none).
void laterality_codings(XmlWriter& w, sdk::Side side, bool with_snomed);

}  // namespace knotnotes::fhir
