// The session as an Encounter, its SOAP note as a Composition, and its signature as Provenance.
#include <knotnotes/sdk/vocabulary.hpp>

#include "fhir_resources.hpp"
#include "fhir_time.hpp"

namespace knotnotes::fhir {
namespace {

std::string practitioner_url(const People& people, sdk::Id id) {
    auto it = people.practitioners.find(id);
    return it == people.practitioners.end() ? std::string() : it->second.first;
}

std::string practitioner_name(const People& people, sdk::Id id) {
    auto it = people.practitioners.find(id);
    return it == people.practitioners.end() ? std::string() : it->second.second;
}

}  // namespace

void write_encounter(XmlWriter& w, const Urls& urls, const People& people, const sdk::Session& s) {
    open_entry(w, urls.of(Kind::encounter, s.id), "Encounter", "session-" + std::to_string(s.id));
    w.value("status", "finished");
    w.open("class");
    w.value("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode");
    w.value("code", "AMB");
    w.value("display", "ambulatory");
    w.close("class");
    w.concept_text("type", "Massage therapy session");
    w.reference("subject", people.patient_url, people.patient_name);
    if (const auto url = practitioner_url(people, s.practitioner_id); !url.empty()) {
        w.open("participant");
        w.reference("individual", url, practitioner_name(people, s.practitioner_id));
        w.close("participant");
    }
    const auto start = fhir_date_time(s.started_at);
    if (!start.empty()) {
        w.open("period");
        w.value("start", start);
        if (auto end = add_minutes(s.started_at, s.duration_minutes))
            w.value("end", *end);
        w.close("period");
    }
    w.open("length");
    w.value("value", std::to_string(s.duration_minutes));
    w.value("unit", "min");
    w.value("system", ucum);
    w.value("code", "min");
    w.close("length");
    close_entry(w, "Encounter");
}

void write_composition(XmlWriter& w, const Urls& urls, const People& people,
                       const sdk::Session& s) {
    open_entry(w, urls.of(Kind::composition, s.id), "Composition", "note-" + std::to_string(s.id));
    w.value("status", s.is_signed() ? "final" : "preliminary");
    w.open("type");
    w.coding(loinc, "11506-3", "Progress note");
    w.value("text", "Massage therapy SOAP note");
    w.close("type");
    w.reference("subject", people.patient_url, people.patient_name);
    w.reference("encounter", urls.of(Kind::encounter, s.id));
    w.value("date", fhir_date_time(s.started_at));
    w.reference("author", practitioner_url(people, s.practitioner_id),
                practitioner_name(people, s.practitioner_id));
    w.value("title", s.amends_session_id ? "SOAP note (amendment)" : "SOAP note");
    if (s.signature) {
        w.open("attester");
        w.value("mode", "legal");
        w.value("time", fhir_date_time(s.signature->signed_at));
        w.reference("party", practitioner_url(people, s.practitioner_id), s.signature->signer);
        w.close("attester");
    }
    if (s.amends_session_id) {
        w.open("relatesTo");
        w.value("code", "replaces");
        w.reference("targetReference", urls.of(Kind::composition, *s.amends_session_id));
        w.close("relatesTo");
    }
    struct Section {
        const char* title;
        const char* loinc_code;
        const char* display;
        const std::string& text;
    };
    const Section sections[] = {
        {"Subjective", "61150-9", "Subjective Narrative", s.subjective},
        {"Objective", "61149-1", "Objective Narrative", s.objective},
        {"Assessment", "51848-0", "Evaluation note", s.assessment},
        {"Plan", "18776-5", "Plan of care note", s.plan},
    };
    for (const auto& section : sections) {
        w.open("section");
        w.value("title", section.title);
        w.concept("code", loinc, section.loinc_code, section.display);
        w.narrative(section.text);
        const std::string title = section.title;
        if (title == "Objective") {
            for (const auto& k : s.knots)
                w.reference("entry", urls.of(Kind::knot, k.id));
            for (const auto& r : s.pressure_readings) {
                w.reference("entry", urls.of(Kind::pressure, r.id));
            }
            for (const auto& t : s.techniques)
                w.reference("entry", urls.of(Kind::procedure, t.id));
        } else if (title == "Assessment") {
            if (s.pain_before)
                w.reference("entry", urls.of(Kind::pain_before, s.id));
            if (s.pain_after)
                w.reference("entry", urls.of(Kind::pain_after, s.id));
        }
        w.close("section");
    }
    close_entry(w, "Composition");
}

void write_provenance(XmlWriter& w, const Urls& urls, const People& people, const sdk::Session& s) {
    if (!s.signature)
        return;
    const auto signer_url = practitioner_url(people, s.practitioner_id);
    open_entry(w, urls.of(Kind::provenance, s.id), "Provenance",
               "signature-" + std::to_string(s.id));
    w.reference("target", urls.of(Kind::composition, s.id));
    w.reference("target", urls.of(Kind::encounter, s.id));
    w.value("recorded", fhir_date_time(s.signature->signed_at));
    w.concept("activity", "http://terminology.hl7.org/CodeSystem/v3-DataOperation", "CREATE",
              "create");
    w.open("agent");
    w.concept("type", "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "author",
              "Author");
    w.reference("who", signer_url, s.signature->signer);
    w.close("agent");
    w.open("signature");
    w.open("type");
    w.value("system", "urn:iso-astm:E1762-95:2013");
    w.value("code", "1.2.840.10065.1.12.1.1");
    w.value("display", "Author's Signature");
    w.close("type");
    w.value("when", fhir_date_time(s.signature->signed_at));
    w.reference("who", signer_url, s.signature->signer);
    // KnotNotes seals a note with the SHA-256 of its canonical content, not with a key: the
    // hash is carried as the signature data, its format named so nobody mistakes it for PKI.
    w.value("sigFormat", "application/x-knotnotes-sha256");
    w.value("data", [&] {
        static constexpr char alphabet[] =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        const std::string& in = s.signature->content_sha256;
        std::string out;
        for (std::size_t i = 0; i < in.size(); i += 3) {
            unsigned n = static_cast<unsigned char>(in[i]) << 16;
            if (i + 1 < in.size())
                n |= static_cast<unsigned char>(in[i + 1]) << 8;
            if (i + 2 < in.size())
                n |= static_cast<unsigned char>(in[i + 2]);
            out += alphabet[(n >> 18) & 63];
            out += alphabet[(n >> 12) & 63];
            out += i + 1 < in.size() ? alphabet[(n >> 6) & 63] : '=';
            out += i + 2 < in.size() ? alphabet[n & 63] : '=';
        }
        return out;
    }());
    w.close("signature");
    close_entry(w, "Provenance");
}

}  // namespace knotnotes::fhir
