// fhir_client_reader.hpp — one patient's resources of a FHIR Bundle read back into KnotNotes
// records: the Patient as the client, KnotNotes' intake QuestionnaireResponse (or, from other
// systems, a Consent) as an intake, each Composition with its Encounter, Observations,
// Procedures and Provenance as a session, and the other QuestionnaireResponses.
//
// KnotNotes' own exports come back exactly (their extensions carry what FHIR has no element
// for, docs/fhir.md); other systems' resources are read as far as they map, and what does not
// map is counted as skipped, with why, rather than guessed at.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <knotnotes/sdk/importer.hpp>

#include "fhir_held_resources.hpp"
#include "fhir_import_tally.hpp"

namespace knotnotes::fhir {

// The ids the records get in the delivered stream (the host maps them to its own).
struct FileIds {
    sdk::Id client = 0, intake = 0, session = 0, knot = 0, reading = 0, use = 0, response = 0;
};

// A Practitioner as a record (file id `id`).
sdk::Practitioner read_practitioner(Node resource, const std::string& key, sdk::Id id);

// Reads the group (Patient first: patient_first()) and delivers its records to `sink` (nullptr:
// only read and check). `practitioners` maps Practitioner keys to their file ids. Throws
// ImportError.
void deliver_client(const ClientGroup& group, const std::map<std::string, sdk::Id>& practitioners,
                    FileIds& ids, ImportTally& tally, sdk::ImportSink* sink);

}  // namespace knotnotes::fhir
