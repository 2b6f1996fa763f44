// fhir_identity.hpp — the stable identity of every resource the export writes, so that the same
// record gets the same fullUrl, id and identifier in every export, and a FHIR server that is
// sent the same transaction twice finds what it already has (conditional create).
//
// - fullUrl and Resource.id: a name-based UUID (RFC 4122 version 5, SHA-1) of the installation
//   id, the resource kind and the record's uid: stable across exports of one database, distinct
//   between databases that hold a copy of the record.
// - identifier: the record's own uid ("urn:uuid:<uid>", system urn:ietf:rfc:3986) for the
//   resources that are a record (Patient, Encounter, ...), and a version 5 UUID of the kind and
//   the record's uid for those derived from one (the note's Composition, its pain scores): the
//   same wherever the record is exported from, which is what an importer and a server match on.
#pragma once

#include <string>
#include <string_view>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::fhir {

// Kinds of resource: each names its part of a generated UUID, so never rename one.
enum class Kind {
    patient,
    practitioner,
    encounter,
    pain_before,
    pain_after,
    knot,
    pressure,
    procedure,
    composition,
    provenance,
    consent,
    questionnaire_response,
    bundle,
    index,  // a document Bundle's first Composition
    code_system,
    questionnaire,
    intake,  // the intake's QuestionnaireResponse
};

// The RFC 4122 version 5 UUID of `name` in the namespace `space` (a UUID "8-4-4-4-12"),
// lower-case "8-4-4-4-12".
std::string uuid_v5(std::string_view space, std::string_view name);
// The same in KnotNotes' own namespace.
std::string name_based_uuid(std::string_view name);

// A record's key: its uid, or (a record never stored has none) its row id.
std::string record_key(const std::string& uid, sdk::Id id);

class Identity {
  public:
    explicit Identity(std::string installation_id);

    // "urn:uuid:..." for Bundle.entry.fullUrl; resource_id() is the same UUID.
    std::string url(Kind kind, const std::string& key) const;
    std::string resource_id(Kind kind, const std::string& key) const;
    // Identifier.value under the system `identifier_system`.
    std::string identifier(Kind kind, const std::string& key) const;
    const std::string& installation() const { return installation_; }

  private:
    std::string installation_;
    mutable Kind last_kind_ = Kind::bundle;
    mutable std::string last_key_, last_id_;
};

inline constexpr const char* identifier_system = "urn:ietf:rfc:3986";

}  // namespace knotnotes::fhir
