// Patient, Practitioner, Consent and QuestionnaireResponse entries, and the bundle plumbing.
#include <charconv>

#include <knotnotes/sdk/contraindications.hpp>
#include <knotnotes/sdk/vocabulary.hpp>

#include "fhir_extensions.hpp"
#include "fhir_resources.hpp"
#include "fhir_time.hpp"

namespace knotnotes::fhir {

// Ten significant digits, as "%.10g" in the C locale.
std::string decimal_text(double value) {
    char digits[32];
    const auto end =
        std::to_chars(digits, digits + sizeof digits, value, std::chars_format::general, 10).ptr;
    return std::string(digits, end);
}

// The shortest digits that read back as exactly `value`, never with an exponent.
std::string exact_decimal(double value) {
    char digits[400];
    const auto end =
        std::to_chars(digits, digits + sizeof digits, value, std::chars_format::fixed).ptr;
    return std::string(digits, end);
}

void open_entry(XmlWriter& w, const Export& x, Kind kind, const std::string& key, const char* type,
                const std::string& summary) {
    w.open("entry");
    w.value("fullUrl", x.identity.url(kind, key));
    w.open("resource");
    w.open(type);
    w.value("id", x.identity.resource_id(kind, key));
    w.narrative("generated", summary);
}

void close_entry(XmlWriter& w, const Export& x, Kind kind, const std::string& key,
                 const char* type) {
    w.close(type);
    w.close("resource");
    if (x.type == BundleType::transaction) {
        w.open("request");
        if (kind == Kind::provenance) {
            // Provenance has no identifier: PUT at its stable id is what makes it idempotent.
            w.value("method", "PUT");
            w.value("url", std::string(type) + "/" + x.identity.resource_id(kind, key));
        } else {
            w.value("method", "POST");
            w.value("url", type);
            w.value("ifNoneExist", std::string("identifier=") + identifier_system + "|" +
                                       x.identity.identifier(kind, key));
        }
        w.close("request");
    }
    w.close("entry");
}

void write_identifier(XmlWriter& w, const Export& x, Kind kind, const std::string& key) {
    w.open("identifier");
    w.value("system", identifier_system);
    w.value("value", x.identity.identifier(kind, key));
    w.close("identifier");
}

void write_patient(XmlWriter& w, const Export& x, const sdk::Client& c) {
    const auto key = record_key(c.uid, c.id);
    std::string summary = c.given_name + " " + c.family_name;
    if (!c.birth_date.empty())
        summary += ", born " + c.birth_date;
    if (!c.occupation.empty())
        summary += ", " + c.occupation;
    open_entry(w, x, Kind::patient, key, "Patient", summary);
    extension_string(w, extension_created_at, c.created_at);
    extension_string(w, extension_occupation, c.occupation);
    if (c.chart_figure != sdk::ChartFigure::neutral) {
        extension_value(w, extension_chart_figure, "valueCode",
                        std::string(sdk::to_text(c.chart_figure)));
    }
    write_identifier(w, x, Kind::patient, key);
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
    close_entry(w, x, Kind::patient, key, "Patient");
}

void write_practitioner(XmlWriter& w, const Export& x, const sdk::Practitioner& p) {
    const auto key = record_key(p.uid, p.id);
    open_entry(w, x, Kind::practitioner, key, "Practitioner",
               p.credentials.empty() ? p.name : p.name + ", " + p.credentials);
    extension_value(w, extension_public_key, "valueBase64Binary", p.public_key);
    write_identifier(w, x, Kind::practitioner, key);
    if (!p.registration.empty()) {
        // The regulator's number: its issuing system is not recorded, so only its type is said.
        w.open("identifier");
        w.value("use", "official");
        w.open("type");
        w.coding("http://terminology.hl7.org/CodeSystem/v2-0203", "LN", "License number");
        w.value("text", "Registration number");
        w.close("type");
        w.value("value", p.registration);
        w.close("identifier");
    }
    w.value("active", "true");
    w.open("name");
    w.value("text", p.name);
    w.close("name");
    if (!p.credentials.empty()) {
        w.open("qualification");
        w.concept_text("code", p.credentials);
        w.close("qualification");
    }
    close_entry(w, x, Kind::practitioner, key, "Practitioner");
}

void write_consent(XmlWriter& w, const Export& x, const sdk::Intake& i) {
    const auto key = record_key(i.uid, i.id);
    open_entry(w, x, Kind::consent, key, "Consent",
               "Consent to massage therapy (intake version " + std::to_string(i.version) +
                   (i.consent.agreed ? "): agreed" : "): not agreed") +
                   (i.consent.signer_name.empty() ? "" : " by " + i.consent.signer_name) +
                   (i.consent.date.empty() ? "" : " on " + i.consent.date));
    write_identifier(w, x, Kind::consent, key);
    w.value("status", i.consent.agreed ? "active" : "rejected");
    w.open("scope");
    w.coding("http://terminology.hl7.org/CodeSystem/consentscope", "treatment", "Treatment");
    w.close("scope");
    w.open("category");
    w.coding(loinc, "59284-0", "Patient Consent");
    w.value("text",
            "Consent to massage therapy (intake version " + std::to_string(i.version) + ")");
    w.close("category");
    w.reference("patient", x.patient.url, x.patient.name);
    w.value("dateTime", fhir_date_time(i.consent.date.empty() ? i.recorded_at : i.consent.date));
    w.reference("performer", x.patient.url, i.consent.signer_name);
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
    close_entry(w, x, Kind::consent, key, "Consent");
}

namespace {

void answer_item(XmlWriter& w, const char* link_id, const char* type, const std::string& value) {
    if (value.empty())
        return;
    w.open("item");
    w.value("linkId", link_id);
    w.open("answer");
    w.value(type, value);
    w.close("answer");
    w.close("item");
}

}  // namespace

void write_intake(XmlWriter& w, Export& x, const sdk::Intake& i) {
    const auto key = record_key(i.uid, i.id);
    x.intakes_written = true;
    x.intakes[i.id] = key;
    open_entry(w, x, Kind::intake, key, "QuestionnaireResponse",
               "Intake (health history) version " + std::to_string(i.version) + " of " +
                   i.recorded_at + (i.reason_for_visit.empty() ? "" : ": " + i.reason_for_visit));
    extension_value(w, extension_intake_version, "valueInteger", std::to_string(i.version));
    write_identifier(w, x, Kind::intake, key);
    w.value("questionnaire",
            std::string(intake_questionnaire_url) + "|" + intake_questionnaire_version);
    w.value("status", "completed");
    w.reference("subject", x.patient.url, x.patient.name);
    w.value("authored", fhir_date_time(i.recorded_at));
    answer_item(w, "reason-for-visit", "valueString", i.reason_for_visit);
    answer_item(w, "goals", "valueString", i.goals);
    answer_item(w, "activity", "valueString", i.activity);
    if (!i.health_flags.empty()) {
        w.open("item");
        w.value("linkId", "health-flags");
        for (const auto& flag : i.health_flags) {
            const auto* known = sdk::find_contraindication(flag);
            w.open("answer");
            w.open("valueCoding");
            w.value("system", knotnotes_contraindications);
            w.value("code", flag);
            w.value("display", known ? std::string(known->label) : std::string());
            w.close("valueCoding");
            w.close("answer");
        }
        w.close("item");
    }
    answer_item(w, "medications", "valueString", i.medications);
    answer_item(w, "allergies", "valueString", i.allergies);
    answer_item(w, "surgeries-injuries", "valueString", i.surgeries_injuries);
    answer_item(w, "areas-to-avoid", "valueString", i.areas_to_avoid);
    if (i.preferred_pressure) {
        answer_item(w, "preferred-pressure", "valueInteger", std::to_string(*i.preferred_pressure));
    }
    answer_item(w, "consent-agreed", "valueBoolean", i.consent.agreed ? "true" : "false");
    answer_item(w, "consent-date", "valueDate", fhir_date(i.consent.date));
    answer_item(w, "consent-signer", "valueString", i.consent.signer_name);
    if (!i.consent.signature_png_base64.empty()) {
        w.open("item");
        w.value("linkId", "consent-signature");
        w.open("answer");
        w.open("valueAttachment");
        w.value("contentType", "image/png");
        w.value("data", i.consent.signature_png_base64);
        w.close("valueAttachment");
        w.close("answer");
        w.close("item");
    }
    close_entry(w, x, Kind::intake, key, "QuestionnaireResponse");
}

void write_questionnaire_response(XmlWriter& w, Export& x, const sdk::QuestionnaireResponse& r) {
    const auto key = record_key(r.uid, r.id);
    std::string summary = "Answers to " + r.instrument_id + " of " + r.completed_at;
    if (r.score)
        summary += ", score " + decimal_text(*r.score);
    if (!r.interpretation.empty())
        summary += " (" + r.interpretation + ")";
    open_entry(w, x, Kind::questionnaire_response, key, "QuestionnaireResponse", summary);
    extension_string(w, extension_interpretation, r.interpretation);
    if (r.session_id) {
        // An amendment shares its original's Encounter: the note answered with is named too.
        if (auto it = x.sessions.find(*r.session_id);
            it != x.sessions.end() && it->second.amendment) {
            extension_reference(w, extension_session_note,
                                x.identity.url(Kind::composition, it->second.key));
        }
    }
    write_identifier(w, x, Kind::questionnaire_response, key);
    // The Questionnaire itself is in the export (write_questionnaires), at this canonical.
    auto& instrument =
        x.instruments[questionnaire_url(r.instrument_id) + "|" + r.instrument_version];
    instrument.url = questionnaire_url(r.instrument_id);
    instrument.version = r.instrument_version;
    instrument.name = r.instrument_id;
    std::string canonical = instrument.url;
    if (!r.instrument_version.empty())
        canonical += "|" + r.instrument_version;
    w.value("questionnaire", canonical);
    w.value("status", "completed");
    w.reference("subject", x.patient.url, x.patient.name);
    if (r.session_id) {
        if (auto it = x.sessions.find(*r.session_id); it != x.sessions.end())
            w.reference("encounter", x.identity.url(Kind::encounter, it->second.encounter_key));
    }
    w.value("authored", fhir_date_time(r.completed_at));
    w.reference("source", x.patient.url);
    for (const auto& a : r.answers) {
        instrument.items.emplace(a.item_id, !a.value && !a.text.empty());
        w.open("item");
        w.value("linkId", a.item_id);
        if (a.value || !a.text.empty()) {
            if (a.value) {
                w.open("answer");
                w.value("valueDecimal", exact_decimal(*a.value));
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
        instrument.items.emplace("score", false);
        w.open("item");
        w.value("linkId", "score");
        w.value("text", r.interpretation.empty() ? "Score" : "Score: " + r.interpretation);
        w.open("answer");
        w.value("valueDecimal", exact_decimal(*r.score));
        w.close("answer");
        w.close("item");
    }
    close_entry(w, x, Kind::questionnaire_response, key, "QuestionnaireResponse");
}

}  // namespace knotnotes::fhir
