// Patient, Practitioner, Consent and QuestionnaireResponse entries, and the bundle plumbing.
#include <charconv>
#include <cstdio>
#include <random>

#include "fhir_resources.hpp"
#include "fhir_time.hpp"

namespace knotnotes::fhir {

std::string decimal_text(double value) {
    char digits[32];
    const auto end =
        std::to_chars(digits, digits + sizeof digits, value, std::chars_format::general, 10).ptr;
    return std::string(digits, end);
}

Urls::Urls() {
    std::random_device device;
    std::mt19937_64 random(device());
    char text[32];
    std::snprintf(text, sizeof text, "%08llx-%04llx-4",
                  static_cast<unsigned long long>(random() & 0xffffffffULL),
                  static_cast<unsigned long long>(random() & 0xffffULL));
    prefix_ = std::string("urn:uuid:") + text;
}

std::string Urls::of(Kind kind, sdk::Id id) const {
    char text[40];
    std::snprintf(text, sizeof text, "%03x-8000-%012llx", static_cast<unsigned>(kind),
                  static_cast<unsigned long long>(id) & 0xffffffffffffULL);
    return prefix_ + text;
}

void open_entry(XmlWriter& w, const std::string& url, const char* type, const std::string& id) {
    w.open("entry");
    w.value("fullUrl", url);
    w.open("resource");
    w.open(type);
    w.value("id", id);
}

void close_entry(XmlWriter& w, const char* type) {
    w.close(type);
    w.close("resource");
    w.close("entry");
}

void write_patient(XmlWriter& w, const Urls& urls, const sdk::Client& c) {
    open_entry(w, urls.of(Kind::patient, c.id), "Patient", "patient-" + std::to_string(c.id));
    w.value("active", "true");
    w.open("name");
    w.value("use", "official");
    w.value("family", c.family_name);
    w.value("given", c.given_name);
    w.close("name");
    for (const auto& [system, value] :
         {std::pair<const char*, const std::string&>{"phone", c.phone}, {"email", c.email}}) {
        if (value.empty())
            continue;
        w.open("telecom");
        w.value("system", system);
        w.value("value", value);
        w.close("telecom");
    }
    w.value("birthDate", fhir_date(c.birth_date));
    if (!c.emergency_contact.empty()) {
        w.open("contact");
        w.open("relationship");
        w.coding("http://terminology.hl7.org/CodeSystem/v2-0131", "C", "Emergency Contact");
        w.close("relationship");
        w.open("name");
        w.value("text", c.emergency_contact);
        w.close("name");
        w.close("contact");
    }
    close_entry(w, "Patient");
}

void write_practitioner(XmlWriter& w, const Urls& urls, const sdk::Practitioner& p) {
    open_entry(w, urls.of(Kind::practitioner, p.id), "Practitioner",
               "practitioner-" + std::to_string(p.id));
    w.value("active", "true");
    w.open("name");
    w.value("text", p.name);
    w.close("name");
    if (!p.credentials.empty()) {
        w.open("qualification");
        w.concept_text("code", p.credentials);
        w.close("qualification");
    }
    close_entry(w, "Practitioner");
}

void write_consent(XmlWriter& w, const Urls& urls, const People& people, const sdk::Intake& i) {
    open_entry(w, urls.of(Kind::consent, i.id), "Consent", "consent-" + std::to_string(i.id));
    w.value("status", i.consent.agreed ? "active" : "rejected");
    w.open("scope");
    w.coding("http://terminology.hl7.org/CodeSystem/consentscope", "treatment", "Treatment");
    w.close("scope");
    w.open("category");
    w.coding(loinc, "59284-0", "Patient Consent");
    w.value("text",
            "Consent to massage therapy (intake version " + std::to_string(i.version) + ")");
    w.close("category");
    w.reference("patient", people.patient_url, people.patient_name);
    w.value("dateTime", fhir_date_time(i.consent.date.empty() ? i.recorded_at : i.consent.date));
    w.reference("performer", people.patient_url, i.consent.signer_name);
    if (!i.consent.signature_png_base64.empty()) {
        w.open("sourceAttachment");
        w.value("contentType", "image/png");
        w.value("data", i.consent.signature_png_base64);
        w.value("title", "Signature of " + i.consent.signer_name);
        w.close("sourceAttachment");
    }
    // A consent needs a policy or a policy rule (invariant ppc-1).
    w.open("policyRule");
    w.coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN", "opt-in");
    w.close("policyRule");
    close_entry(w, "Consent");
}

void write_questionnaire_response(XmlWriter& w, const Urls& urls, const People& people,
                                  const sdk::QuestionnaireResponse& r) {
    open_entry(w, urls.of(Kind::questionnaire_response, r.id), "QuestionnaireResponse",
               "questionnaire-response-" + std::to_string(r.id));
    std::string canonical = "https://knotnotes.org/fhir/Questionnaire/" + r.instrument_id;
    if (!r.instrument_version.empty())
        canonical += "|" + r.instrument_version;
    w.value("questionnaire", canonical);
    w.value("status", "completed");
    w.reference("subject", people.patient_url, people.patient_name);
    if (r.session_id)
        w.reference("encounter", urls.of(Kind::encounter, *r.session_id));
    w.value("authored", fhir_date_time(r.completed_at));
    w.reference("source", people.patient_url);
    for (const auto& a : r.answers) {
        w.open("item");
        w.value("linkId", a.item_id);
        if (a.value || !a.text.empty()) {
            if (a.value) {
                w.open("answer");
                w.value("valueDecimal", decimal_text(*a.value));
                w.close("answer");
            }
            if (!a.text.empty()) {
                w.open("answer");
                w.value("valueString", a.text);
                w.close("answer");
            }
        }
        w.close("item");
    }
    if (r.score) {
        w.open("item");
        w.value("linkId", "score");
        w.value("text", r.interpretation.empty() ? "Score" : "Score: " + r.interpretation);
        w.open("answer");
        w.value("valueDecimal", decimal_text(*r.score));
        w.close("answer");
        w.close("item");
    }
    close_entry(w, "QuestionnaireResponse");
}

}  // namespace knotnotes::fhir
