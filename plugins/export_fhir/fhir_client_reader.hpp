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

#include "fhir_import_tally.hpp"
#include "fhir_node.hpp"

namespace knotnotes::fhir {

// A resource kept until its patient's records are complete. Owns a copy of the element.
struct HeldResource {
    std::size_t position = 0;
    std::string type;
    std::string key;  // what references to it say (reference_key)
    Node node = nullptr;
};

class ClientGroup {
  public:
    ClientGroup() = default;
    ClientGroup(const ClientGroup&) = delete;
    ClientGroup& operator=(const ClientGroup&) = delete;
    ClientGroup(ClientGroup&& other) noexcept : resources(std::move(other.resources)) {
        other.resources.clear();
    }
    ~ClientGroup();

    // Keeps a copy of `node`.
    void add(std::size_t position, const std::string& type, const std::string& key, Node node);
    // Moves the Patient to the front (it may have come after its resources), keeping the
    // others in file order.
    void patient_first();

    std::vector<HeldResource> resources;
};

// The ids the records get in the delivered stream (the host maps them to its own).
struct FileIds {
    sdk::Id client = 0, intake = 0, session = 0, knot = 0, reading = 0, use = 0, response = 0;
};

// What a reference says, as the key of the entry it points to: a "urn:uuid:"/"urn:oid:"
// fullUrl as it is, anything else (a server's URL, "Patient/123") as "Type/id".
std::string reference_key(const std::string& reference);
// The key of an entry: its urn: fullUrl, else "Type/id" of the resource.
std::string entry_key(const std::string& full_url, Node resource);
// The patient a resource is about (its subject or patient reference), as a key; "" if none.
std::string patient_reference(Node resource);

// The record's uid: its urn:uuid identifier, or a name-based UUID of its first identifier or
// else of `key`, so that importing the same file twice is refused as already imported.
std::string uid_of(Node resource, const std::string& type, const std::string& key);

// A Practitioner as a record (file id `id`).
sdk::Practitioner read_practitioner(Node resource, const std::string& key, sdk::Id id);

// Reads the group (Patient first: patient_first()) and delivers its records to `sink` (nullptr:
// only read and check). `practitioners` maps Practitioner keys to their file ids. Throws
// ImportError.
void deliver_client(const ClientGroup& group, const std::map<std::string, sdk::Id>& practitioners,
                    FileIds& ids, ImportTally& tally, sdk::ImportSink* sink);

}  // namespace knotnotes::fhir
