// fhir_resources.hpp — one function per FHIR resource the export writes, each appending a whole
// Bundle entry (fullUrl, resource and, in a transaction, its request) in the element order the
// R4 (4.0.1) schema requires.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <knotnotes/sdk/records.hpp>

#include "fhir_identity.hpp"
#include "fhir_xml_writer.hpp"

namespace knotnotes::fhir {

// Bundle.type: a transaction (a server loads it at its base URL; the default), a collection,
// or a document (its first entry a Composition that indexes the export).
enum class BundleType { transaction, collection, document };

// What the resource writers share during one export.
struct Export {
    explicit Export(std::string installation_id) : identity(std::move(installation_id)) {}

    Identity identity;
    BundleType type = BundleType::transaction;
    // SNOMED CT laterality qualifiers beside KnotNotes' own side codes (option snomed=no: none).
    bool snomed = true;

    // The practitioners (all written first), and the client being written with their sessions
    // so far: the records later ones reference.
    struct Person {
        std::string url;
        std::string name;
    };
    std::map<sdk::Id, Person> practitioners;
    Person patient;
    std::string patient_key;
    // This client's sessions written so far: an amendment's Composition joins its original's
    // Encounter and, when its charting is the same, refers to the original's resources.
    struct SessionWritten {
        std::string key;
        std::string charting;  // what was charted, in a form that compares (charting_of)
        std::vector<std::string> objective, assessment;  // the entries of those sections
        std::string encounter_key;                       // the original's, for an amendment
        bool amendment = false;
        int duration_minutes = 0;  // what its Encounter says (an amendment's differs or not)
        sdk::SessionLocation location = sdk::SessionLocation::unspecified;
    };
    std::map<sdk::Id, SessionWritten> sessions;
    // This client's intakes and knots written so far, by id: their keys, for references. A
    // knot of an amendment that repeats its original's charting has no Observation of its own
    // (`observed` false) but is still referred to by its uid.
    std::map<sdk::Id, std::string> intakes;
    struct KnotWritten {
        std::string key;
        bool observed = true;
    };
    std::map<sdk::Id, KnotWritten> knots;

    // What the export names, for the CodeSystem and Questionnaire resources at its end.
    std::map<std::string, std::string> techniques;  // technique id -> display
    struct Instrument {
        std::string url, version, name;
        std::map<std::string, bool> items;  // linkId -> answered with text (else a number)
    };
    std::map<std::string, Instrument> instruments;  // canonical -> what was answered
    bool intakes_written = false;                   // the intake Questionnaire is then included

    const Person* practitioner(sdk::Id id) const {
        auto it = practitioners.find(id);
        return it == practitioners.end() ? nullptr : &it->second;
    }
};

// Opens <entry><fullUrl/><resource><Type><id/><text/> (the narrative: `summary`, which the
// export generated); close_entry closes them and, in a transaction,
// writes the entry's request: a conditional create on the resource's identifier, or (for a
// resource without one, Provenance) an update of its stable id.
void open_entry(XmlWriter& w, const Export& x, Kind kind, const std::string& key, const char* type,
                const std::string& summary);
void close_entry(XmlWriter& w, const Export& x, Kind kind, const std::string& key,
                 const char* type);
// <identifier> with the resource's stable identifier (fhir_identity.hpp).
void write_identifier(XmlWriter& w, const Export& x, Kind kind, const std::string& key);

void write_patient(XmlWriter& w, const Export& x, const sdk::Client& client);
void write_practitioner(XmlWriter& w, const Export& x, const sdk::Practitioner& practitioner);
void write_consent(XmlWriter& w, const Export& x, const sdk::Intake& intake);
// The intake's health history as a QuestionnaireResponse to KnotNotes' intake Questionnaire
// (written at the export's end), every field an item: what a KnotNotes import reads back.
void write_intake(XmlWriter& w, Export& x, const sdk::Intake& intake);
inline constexpr const char* intake_questionnaire_url =
    "https://knotnotes.org/fhir/Questionnaire/intake";
inline constexpr const char* intake_questionnaire_version = "1";
void write_questionnaire_response(XmlWriter& w, Export& x,
                                  const sdk::QuestionnaireResponse& response);

// A session: Encounter, Observations (pain, knots, pressure), Procedures, Composition, and a
// Provenance when it is signed. An amendment is a Composition on its original's Encounter,
// with Observations and Procedures of its own only where its charting differs.
void write_session(XmlWriter& w, Export& x, const sdk::Session& s);
void write_encounter(XmlWriter& w, const Export& x, const sdk::Session& s);
// Each appends the urls of what it wrote to the Composition's sections.
void write_observations(XmlWriter& w, Export& x, const sdk::Session& s,
                        const std::string& encounter_key, Export::SessionWritten& written);
void write_procedures(XmlWriter& w, Export& x, const sdk::Session& s,
                      const std::string& encounter_key, Export::SessionWritten& written);
void write_composition(XmlWriter& w, const Export& x, const sdk::Session& s,
                       const Export::SessionWritten& written);
void write_provenance(XmlWriter& w, const Export& x, const sdk::Session& s,
                      const std::string& encounter_key);
// What was charted in a session (pain, knots, pressure, techniques) without its record ids.
std::string charting_of(const sdk::Session& s);

// The export's terminology, written at its end: KnotNotes' muscle and technique CodeSystems and
// a Questionnaire for each instrument the responses answered.
void write_code_systems(XmlWriter& w, const Export& x, const std::string& version);
void write_questionnaires(XmlWriter& w, const Export& x);
// "org.knotnotes.techniques.deep-tissue/stripping" -> "Stripping (org.knotnotes.techniques.deep-
// tissue)": the technique's words, and the library it comes from.
std::string technique_display(const std::string& technique_id);
// The canonical URL of a questionnaire the export includes.
std::string questionnaire_url(const std::string& instrument_id);
// A FHIR decimal without the locale (ten significant digits), for what people read.
std::string decimal_text(double value);
// A FHIR decimal that reads back as exactly `value`, for what is read back.
std::string exact_decimal(double value);

// A document Bundle's first entry: a Composition that says what the document is.
void write_document_index(XmlWriter& w, const Export& x, const std::string& timestamp,
                          const std::string& application);

}  // namespace knotnotes::fhir
