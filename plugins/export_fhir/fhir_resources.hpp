// fhir_resources.hpp — one function per FHIR resource the export writes, each appending a whole
// Bundle entry (fullUrl + resource) in the element order the R4 (4.0.1) schema requires.
#pragma once

#include <map>
#include <string>

#include <knotnotes/sdk/records.hpp>

#include "fhir_xml_writer.hpp"

namespace knotnotes::fhir {

// Kinds of resource, part of every generated fullUrl.
enum class Kind {
    patient = 1,
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
};

// fullUrls: "urn:uuid:" + a random prefix drawn once per export + the kind + the record id, so
// they are valid, unique within the bundle and stable while it is written.
class Urls {
  public:
    Urls();
    std::string of(Kind kind, sdk::Id id) const;

  private:
    std::string prefix_;
};

struct People {
    std::string patient_url;
    std::string patient_name;
    std::map<sdk::Id, std::pair<std::string, std::string>> practitioners;  // id -> url, name
};

// A FHIR decimal without the locale: ten significant digits, as "%.10g" in the C locale.
std::string decimal_text(double value);

// Opens <entry><fullUrl/><resource><Type><id/>; close_entry closes them.
void open_entry(XmlWriter& w, const std::string& url, const char* type, const std::string& id);
void close_entry(XmlWriter& w, const char* type);

void write_patient(XmlWriter& w, const Urls& urls, const sdk::Client& client);
void write_practitioner(XmlWriter& w, const Urls& urls, const sdk::Practitioner& practitioner);
void write_consent(XmlWriter& w, const Urls& urls, const People& people, const sdk::Intake& intake);
void write_questionnaire_response(XmlWriter& w, const Urls& urls, const People& people,
                                  const sdk::QuestionnaireResponse& response);

// A session: Encounter, Observations (pain, knots, pressure), Procedures, Composition, and a
// Provenance when it is signed.
void write_encounter(XmlWriter& w, const Urls& urls, const People& people, const sdk::Session& s);
void write_observations(XmlWriter& w, const Urls& urls, const People& people,
                        const sdk::Session& s);
void write_procedures(XmlWriter& w, const Urls& urls, const People& people, const sdk::Session& s);
void write_composition(XmlWriter& w, const Urls& urls, const People& people, const sdk::Session& s);
void write_provenance(XmlWriter& w, const Urls& urls, const People& people, const sdk::Session& s);

}  // namespace knotnotes::fhir
