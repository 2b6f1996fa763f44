// fhir_xml_writer.hpp — appends FHIR XML to a string buffer: elements whose primitive value
// sits in a value="" attribute, and the small composite types (Coding, CodeableConcept,
// Reference) used everywhere. FHIR forbids empty primitive values, so the helpers that take a
// value write nothing at all when it is empty. Text XML cannot hold (not UTF-8, control
// characters) is never changed to fit: the helpers throw sdk::XmlTextError naming the element.
#pragma once

#include <string>
#include <string_view>

namespace knotnotes::fhir {

// Code systems written in the export.
inline constexpr const char* loinc = "http://loinc.org";
inline constexpr const char* ucum = "http://unitsofmeasure.org";
inline constexpr const char* snomed = "http://snomed.info/sct";
// Our own code systems (muscle atlas ids, observation kinds, technique ids, vocabularies).
inline constexpr const char* knotnotes_muscles = "https://knotnotes.org/fhir/CodeSystem/muscle";
inline constexpr const char* knotnotes_codes = "https://knotnotes.org/fhir/CodeSystem/knotnotes";
inline constexpr const char* knotnotes_techniques =
    "https://knotnotes.org/fhir/CodeSystem/technique";
inline constexpr const char* knotnotes_contraindications =
    "https://knotnotes.org/fhir/CodeSystem/contraindication";

class XmlWriter {
  public:
    std::string& buffer() { return out_; }

    void open(std::string_view name, std::string_view attributes = {});
    void close(std::string_view name);
    // <name value="..."/>, or nothing when value is empty.
    void value(std::string_view name, std::string_view value);
    void coding(std::string_view system, std::string_view code, std::string_view display = {});
    // <name><coding>...</coding><text value/></name>; an empty system writes only the text.
    void concept(std::string_view name, std::string_view system, std::string_view code,
                 std::string_view display, std::string_view text = {});
    void concept_text(std::string_view name, std::string_view text);
    void reference(std::string_view name, std::string_view url, std::string_view display = {});
    // <text><status value="..."/><div xmlns="http://www.w3.org/1999/xhtml"><p>...</p></div>:
    // "generated" for what the export summarises, "additional" for text a person wrote.
    void narrative(std::string_view status, std::string_view text);

  private:
    void indent();
    std::string out_;
    int depth_ = 0;
};

}  // namespace knotnotes::fhir
