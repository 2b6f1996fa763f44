// The session as an Encounter, its SOAP note as a Composition, and its signature as Provenance.
#include <knotnotes/sdk/vocabulary.hpp>

#include "fhir_extensions.hpp"
#include "fhir_resources.hpp"
#include "fhir_time.hpp"

namespace knotnotes::fhir {
namespace {

std::string practitioner_url(const Export& x, sdk::Id id) {
    const auto* p = x.practitioner(id);
    return p ? p->url : std::string();
}

std::string practitioner_name(const Export& x, sdk::Id id) {
    const auto* p = x.practitioner(id);
    return p ? p->name : std::string();
}

// The original an amendment corrects, when it was written in this export.
const Export::SessionWritten* original_of(const Export& x, const sdk::Session& s) {
    if (!s.amends_session_id)
        return nullptr;
    auto it = x.sessions.find(*s.amends_session_id);
    return it == x.sessions.end() ? nullptr : &it->second;
}

}  // namespace

std::string charting_of(const sdk::Session& s) {
    std::string text;
    auto field = [&](const std::string& value) {
        text += std::to_string(value.size()) + ':' + value;
    };
    field(s.pain_before ? std::to_string(*s.pain_before) : "");
    field(s.pain_after ? std::to_string(*s.pain_after) : "");
    for (const auto& k : s.knots) {
        field("knot");
        for (const auto& v :
             {k.muscle_id, std::string(sdk::to_text(k.side)), std::string(sdk::to_text(k.view)),
              exact_decimal(k.x), exact_decimal(k.y), std::string(sdk::to_text(k.kind)),
              std::to_string(k.tenderness), k.referral, std::string(sdk::to_text(k.result)),
              std::to_string(k.referral_area.size())}) {
            field(v);
        }
        for (const auto& point : k.referral_area)
            field(exact_decimal(point.x) + "," + exact_decimal(point.y));
    }
    for (const auto& r : s.pressure_readings) {
        field("pressure");
        field(r.region + "/" + std::string(sdk::to_text(r.side)) + "/" +
              std::to_string(r.pressure));
    }
    for (const auto& t : s.techniques) {
        field("technique");
        for (const auto& v : {t.technique_id, t.muscle_id, std::string(sdk::to_text(t.side)),
                              t.pressure ? std::to_string(*t.pressure) : std::string(),
                              std::to_string(t.duration_seconds), std::string(sdk::to_text(t.tool)),
                              std::string(sdk::to_text(t.direction)), t.response}) {
            field(v);
        }
    }
    return text;
}

void write_session(XmlWriter& w, Export& x, const sdk::Session& s) {
    Export::SessionWritten written;
    written.key = record_key(s.uid, s.id);
    written.charting = charting_of(s);
    const auto* original = original_of(x, s);
    written.amendment = original != nullptr;
    written.duration_minutes = original ? original->duration_minutes : s.duration_minutes;
    written.location = original ? original->location : s.location;
    if (original) {
        // A correction of a note already written: the same visit, so the same Encounter; and
        // the same Observations and Procedures unless the amendment changed what was charted.
        written.encounter_key = original->encounter_key;
        if (written.charting == original->charting) {
            written.objective = original->objective;
            written.assessment = original->assessment;
            for (const auto& k : s.knots)
                x.knots[k.id] = {record_key(k.uid, k.id), false};
        } else {
            write_observations(w, x, s, written.encounter_key, written);
            write_procedures(w, x, s, written.encounter_key, written);
        }
    } else {
        written.encounter_key = written.key;
        write_encounter(w, x, s);
        write_observations(w, x, s, written.encounter_key, written);
        write_procedures(w, x, s, written.encounter_key, written);
    }
    write_composition(w, x, s, written);
    write_provenance(w, x, s, written.encounter_key);
    x.sessions[s.id] = std::move(written);
}

void write_encounter(XmlWriter& w, const Export& x, const sdk::Session& s) {
    const auto key = record_key(s.uid, s.id);
    std::string summary = "Massage therapy session on " + s.started_at + ", " +
                          std::to_string(s.duration_minutes) + " min";
    if (const auto* p = x.practitioner(s.practitioner_id))
        summary += ", with " + p->name;
    open_entry(w, x, Kind::encounter, key, "Encounter", summary);
    if (s.location != sdk::SessionLocation::unspecified) {
        extension_code(w, extension_session_location, knotnotes_codes,
                       std::string(sdk::to_text(s.location)));
    }
    write_identifier(w, x, Kind::encounter, key);
    w.value("status", "finished");
    w.open("class");
    w.value("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode");
    w.value("code", "AMB");
    w.value("display", "ambulatory");
    w.close("class");
    w.concept_text("type", "Massage therapy session");
    w.reference("subject", x.patient.url, x.patient.name);
    if (const auto url = practitioner_url(x, s.practitioner_id); !url.empty()) {
        w.open("participant");
        w.reference("individual", url, practitioner_name(x, s.practitioner_id));
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
    close_entry(w, x, Kind::encounter, key, "Encounter");
}

void write_composition(XmlWriter& w, const Export& x, const sdk::Session& s,
                       const Export::SessionWritten& written) {
    const auto& key = written.key;
    const auto* original = original_of(x, s);
    std::string summary =
        std::string(s.amends_session_id ? "Amendment of the SOAP note" : "SOAP note") + " of " +
        s.started_at;
    if (const auto* p = x.practitioner(s.practitioner_id))
        summary += " by " + p->name;
    summary += s.is_signed() ? ", signed" : ", draft";
    if (!s.amendment_reason.empty())
        summary += ". Reason for the amendment: " + s.amendment_reason;
    open_entry(w, x, Kind::composition, key, "Composition", summary);
    extension_string(w, extension_amendment_reason, s.amendment_reason);
    extension_string(w, extension_conflict_acknowledgement, s.conflict_acknowledgement);
    if (s.intake_id) {
        if (auto it = x.intakes.find(*s.intake_id); it != x.intakes.end())
            extension_reference(w, extension_intake, x.identity.url(Kind::intake, it->second));
    }
    if (original) {
        // An amendment has no Encounter of its own to carry its uid.
        extension_string(w, extension_session_uid, s.uid);
        // What an amendment changed of the visit its original's Encounter describes.
        if (s.duration_minutes != written.duration_minutes) {
            extension_value(w, extension_session_length, "valueInteger",
                            std::to_string(s.duration_minutes));
        }
        if (s.location != written.location) {
            extension_code(w, extension_session_location, knotnotes_codes,
                           std::string(sdk::to_text(s.location)));
        }
        if (written.charting == original->charting) {
            // Its charting is its original's, referred to rather than repeated; the copies'
            // own record uids, in the original's order (knots, pressure, techniques).
            std::string uids;
            auto add = [&](const std::string& uid) { uids += (uids.empty() ? "" : " ") + uid; };
            for (const auto& k : s.knots)
                add(k.uid);
            for (const auto& r : s.pressure_readings)
                add(r.uid);
            for (const auto& t : s.techniques)
                add(t.uid);
            extension_string(w, extension_charting_uids, uids);
        }
    }
    write_identifier(w, x, Kind::composition, key);
    w.value("status", s.is_signed() ? "final" : "preliminary");
    w.open("type");
    w.coding(loinc, "11506-3", "Progress note");
    w.value("text", "Massage therapy SOAP note");
    w.close("type");
    w.reference("subject", x.patient.url, x.patient.name);
    w.reference("encounter", x.identity.url(Kind::encounter, written.encounter_key));
    w.value("date", fhir_date_time(s.started_at));
    w.reference("author", practitioner_url(x, s.practitioner_id),
                practitioner_name(x, s.practitioner_id));
    w.value("title", s.amends_session_id ? "SOAP note (amendment)" : "SOAP note");
    if (s.signature) {
        w.open("attester");
        w.value("mode", "legal");
        w.value("time", fhir_date_time(s.signature->signed_at));
        w.reference("party", practitioner_url(x, s.practitioner_id), s.signature->signer);
        w.close("attester");
    }
    if (original) {
        w.open("relatesTo");
        w.value("code", "replaces");
        w.reference("targetReference", x.identity.url(Kind::composition, original->key));
        w.close("relatesTo");
    }
    struct Section {
        const char* title;
        const char* loinc_code;
        const char* display;
        const std::string& text;
        const std::vector<std::string>* entries;
    };
    const Section sections[] = {
        {"Subjective", "61150-9", "Subjective Narrative", s.subjective, nullptr},
        {"Objective", "61149-1", "Objective Narrative", s.objective, &written.objective},
        {"Assessment", "51848-0", "Evaluation note", s.assessment, &written.assessment},
        {"Plan", "18776-5", "Plan of care note", s.plan, nullptr},
    };
    for (const auto& section : sections) {
        w.open("section");
        w.value("title", section.title);
        w.concept("code", loinc, section.loinc_code, section.display);
        // What the therapist wrote is theirs, beside the entries: "additional", not generated.
        if (!section.text.empty())
            w.narrative("additional", section.text);
        const bool has_entries = section.entries && !section.entries->empty();
        if (has_entries) {
            for (const auto& url : *section.entries)
                w.reference("entry", url);
        }
        if (section.text.empty() && !has_entries) {
            // A section needs text, entries or sections (cmp-1): the generated text says it is
            // empty, and emptyReason says so as a code.
            w.narrative("generated", "Nothing recorded.");
            w.open("emptyReason");
            w.coding("http://terminology.hl7.org/CodeSystem/list-empty-reason", "nilknown",
                     "Nil Known");
            w.value("text", "Nothing recorded");
            w.close("emptyReason");
        }
        w.close("section");
    }
    close_entry(w, x, Kind::composition, key, "Composition");
}

void write_provenance(XmlWriter& w, const Export& x, const sdk::Session& s,
                      const std::string& encounter_key) {
    if (!s.signature)
        return;
    const auto& sig = *s.signature;
    const auto key = record_key(s.uid, s.id);
    // The signer, as the signature records them; a 1.0 seal recorded none: then the note's
    // practitioner, since a Provenance must name an agent.
    const auto signer_url = practitioner_url(
        x, sig.signer_practitioner_id ? sig.signer_practitioner_id : s.practitioner_id);
    const bool legacy = sig.value.empty();
    open_entry(w, x, Kind::provenance, key, "Provenance",
               "Signed by " + sig.signer + " at " + sig.signed_at +
                   (legacy ? " (a KnotNotes 1.0 seal: a hash, no key)" : " (Ed25519)"));
    // The note's signature is Ed25519 over its canonical form (docs/signing/canonical-form.md),
    // not a JWS over this resource, so it is not a Provenance.signature (which would claim to
    // be one): it travels in KnotNotes' own extension, for a KnotNotes import to verify.
    write_signature_extension(w, sig);
    w.reference("target", x.identity.url(Kind::composition, key));
    w.reference("target", x.identity.url(Kind::encounter, encounter_key));
    w.value("recorded", fhir_date_time(sig.signed_at));
    w.concept("activity", "http://terminology.hl7.org/CodeSystem/v3-DataOperation", "CREATE",
              "create");
    w.open("agent");
    w.concept("type", "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "author",
              "Author");
    w.reference("who", signer_url, sig.signer);
    w.close("agent");
    close_entry(w, x, Kind::provenance, key, "Provenance");
}

void write_document_index(XmlWriter& w, const Export& x, const std::string& timestamp,
                          const std::string& application) {
    const std::string key = x.identity.installation() + "/" + timestamp;
    open_entry(w, x, Kind::index, key, "Composition",
               "Massage therapy records exported by " + application + " at " + timestamp);
    write_identifier(w, x, Kind::index, key);
    w.value("status", "final");
    w.open("type");
    w.coding(loinc, "11503-0", "Medical records");
    w.value("text", "Massage therapy records");
    w.close("type");
    w.value("date", timestamp);
    // The records are many people's work: the author of the document is the software that
    // assembled it, named as text (a Reference may be a display alone).
    w.open("author");
    w.value("display", application);
    w.close("author");
    w.value("title", "KnotNotes records export");
    close_entry(w, x, Kind::index, key, "Composition");
}

}  // namespace knotnotes::fhir
