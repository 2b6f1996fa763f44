// Observations of a session (pain before and after, each knot, each pressure reading) and a
// Procedure per technique used.
#include <knotnotes/sdk/muscle_atlas.hpp>
#include <knotnotes/sdk/vocabulary.hpp>

#include "fhir_extensions.hpp"
#include "fhir_resources.hpp"
#include "fhir_time.hpp"

namespace knotnotes::fhir {
namespace {

std::string muscle_name(const std::string& id) {
    if (const auto* m = sdk::find_muscle(id))
        return std::string(m->name);
    for (const auto& r : sdk::atlas_regions) {
        if (r.id == id)
            return std::string(r.name);
    }
    return id;
}

std::string where(const std::string& muscle_id, sdk::Side side) {
    return muscle_name(muscle_id) + ", " + std::string(sdk::to_text(side));
}

// bodySite: the atlas id in KnotNotes' muscle CodeSystem (written in the export), the side as
// the laterality extension, and readable text with both. (No FMA coding: FHIR R4 registers no
// system URI for FMA that could be verified, so it is left out rather than guessed.)
void body_site(XmlWriter& w, const Export& x, const std::string& muscle_id, sdk::Side side) {
    w.open("bodySite");
    w.open("extension", std::string(" url=\"") + extension_laterality + "\"");
    w.open("valueCodeableConcept");
    laterality_codings(w, side, x.snomed);
    w.close("valueCodeableConcept");
    w.close("extension");
    w.coding(knotnotes_muscles, muscle_id, muscle_name(muscle_id));
    w.value("text", where(muscle_id, side));
    w.close("bodySite");
}

void category(XmlWriter& w, const char* code, const char* display) {
    w.open("category");
    w.coding("http://terminology.hl7.org/CodeSystem/observation-category", code, display);
    w.close("category");
}

void component_code(XmlWriter& w, const char* code, const char* display, const std::string& value) {
    if (value.empty())
        return;
    w.open("component");
    w.concept("code", knotnotes_codes, code, display);
    w.concept("valueCodeableConcept", knotnotes_codes, value, {});  // the code is the word
    w.close("component");
}

void common_head(XmlWriter& w, const Export& x, const std::string& encounter_key,
                 const std::string& when) {
    w.reference("subject", x.patient.url, x.patient.name);
    w.reference("encounter", x.identity.url(Kind::encounter, encounter_key));
    w.value("effectiveDateTime", when);
}

void practitioner_performer(XmlWriter& w, const Export& x, const sdk::Session& s) {
    if (const auto* p = x.practitioner(s.practitioner_id))
        w.reference("performer", p->url, p->name);
}

const char* status_of(const sdk::Session& s) {
    return s.is_signed() ? "final" : "preliminary";
}

// A pain score is what the client reports: the Patient is its performer. Before and after are
// told apart by KnotNotes' code beside LOINC's and by their time (the session's start, its end).
void pain(XmlWriter& w, const Export& x, const sdk::Session& s, const std::string& encounter_key,
          Kind kind, int value, Export::SessionWritten& written) {
    const bool before = kind == Kind::pain_before;
    const auto key = record_key(s.uid, s.id);
    const std::string label =
        before ? "Pain before treatment (0-10)" : "Pain after treatment (0-10)";
    open_entry(w, x, kind, key, "Observation", label + ": " + std::to_string(value));
    write_identifier(w, x, kind, key);
    w.value("status", status_of(s));
    category(w, "survey", "Survey");
    w.open("code");
    w.coding(loinc, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported");
    w.coding(knotnotes_codes, before ? "pain-before-treatment" : "pain-after-treatment", label);
    w.value("text", label);
    w.close("code");
    auto when = fhir_date_time(s.started_at);
    if (!before) {
        if (auto end = add_minutes(s.started_at, s.duration_minutes))
            when = *end;
    }
    common_head(w, x, encounter_key, when);
    w.reference("performer", x.patient.url, x.patient.name);
    w.value("valueInteger", std::to_string(value));
    close_entry(w, x, kind, key, "Observation");
    written.assessment.push_back(x.identity.url(kind, key));
}

}  // namespace

void write_observations(XmlWriter& w, Export& x, const sdk::Session& s,
                        const std::string& encounter_key, Export::SessionWritten& written) {
    if (s.pain_before)
        pain(w, x, s, encounter_key, Kind::pain_before, *s.pain_before, written);
    if (s.pain_after)
        pain(w, x, s, encounter_key, Kind::pain_after, *s.pain_after, written);
    const auto when = fhir_date_time(s.started_at);
    for (const auto& k : s.knots) {
        const auto key = record_key(k.uid, k.id);
        open_entry(w, x, Kind::knot, key, "Observation",
                   std::string(k.kind == sdk::KnotKind::active ? "Active" : "Latent") +
                       " trigger point, " + where(k.muscle_id, k.side) + ", tenderness " +
                       std::to_string(k.tenderness) + "/10, " +
                       std::string(sdk::to_text(k.result)));
        if (k.previous_knot_id) {
            // The same knot charted in an earlier session of this client: its Observation, and
            // its identifier (all a knot repeated by an amendment has).
            if (auto it = x.knots.find(*k.previous_knot_id); it != x.knots.end()) {
                const auto& previous = it->second;
                w.open("extension", std::string(" url=\"") + extension_previous_knot + "\"");
                w.open("valueReference");
                if (previous.observed)
                    w.value("reference", x.identity.url(Kind::knot, previous.key));
                w.open("identifier");
                w.value("system", identifier_system);
                w.value("value", x.identity.identifier(Kind::knot, previous.key));
                w.close("identifier");
                w.close("valueReference");
                w.close("extension");
            }
        }
        write_identifier(w, x, Kind::knot, key);
        w.value("status", status_of(s));
        category(w, "exam", "Exam");
        w.concept("code", knotnotes_codes, "trigger-point", "Myofascial trigger point (knot)",
                  "Trigger point tenderness (0-10)");
        common_head(w, x, encounter_key, when);
        practitioner_performer(w, x, s);
        w.value("valueInteger", std::to_string(k.tenderness));
        if (!k.referral.empty()) {
            w.open("note");
            w.value("text", "Referral pattern: " + k.referral);
            w.close("note");
        }
        body_site(w, x, k.muscle_id, k.side);  // its laterality extension carries the side
        component_code(w, "trigger-point-kind", "Active or latent",
                       std::string(sdk::to_text(k.kind)));
        component_code(w, "treatment-result", "Result after treatment",
                       std::string(sdk::to_text(k.result)));
        w.open("component");
        w.concept("code", knotnotes_codes, "chart-position", "Position on the body chart");
        w.value("valueString", std::string(sdk::to_text(k.view)) +
                                   " view at x=" + exact_decimal(k.x) + " y=" + exact_decimal(k.y));
        w.close("component");
        if (!k.referral_area.empty()) {
            // The drawn referral zone, as the chart stores it: a polygon on the knot's view.
            std::string points;
            for (const auto& p : k.referral_area)
                points +=
                    (points.empty() ? "" : " ") + exact_decimal(p.x) + "," + exact_decimal(p.y);
            w.open("component");
            w.concept("code", knotnotes_codes, "referral-area", "Referral area on the body chart");
            w.value("valueString", std::string(sdk::to_text(k.view)) + " view: " + points);
            w.close("component");
        }
        close_entry(w, x, Kind::knot, key, "Observation");
        written.objective.push_back(x.identity.url(Kind::knot, key));
        x.knots[k.id] = {key, true};
    }
    for (const auto& r : s.pressure_readings) {
        const auto key = record_key(r.uid, r.id);
        const auto word = std::string(sdk::pressure_word(r.pressure));
        open_entry(w, x, Kind::pressure, key, "Observation",
                   "Pressure tolerated on " + where(r.region, r.side) + ": " +
                       std::to_string(r.pressure) + "/10 (" + word + ")");
        write_identifier(w, x, Kind::pressure, key);
        w.value("status", status_of(s));
        category(w, "exam", "Exam");
        w.concept("code", knotnotes_codes, "pressure-tolerance", "Pressure tolerated (0-10)",
                  "Pressure tolerance (0-10): " + word);
        common_head(w, x, encounter_key, when);
        practitioner_performer(w, x, s);
        w.value("valueInteger", std::to_string(r.pressure));
        body_site(w, x, r.region, r.side);
        close_entry(w, x, Kind::pressure, key, "Observation");
        written.objective.push_back(x.identity.url(Kind::pressure, key));
    }
}

void write_procedures(XmlWriter& w, Export& x, const sdk::Session& s,
                      const std::string& encounter_key, Export::SessionWritten& written) {
    for (const auto& t : s.techniques) {
        const auto key = record_key(t.uid, t.id);
        const auto display = technique_display(t.technique_id);
        x.techniques.emplace(t.technique_id, display);
        std::string note = std::to_string(t.duration_seconds) +
                           " s, tool: " + std::string(sdk::to_text(t.tool)) +
                           ", direction: " + std::string(sdk::to_text(t.direction));
        if (t.pressure) {
            note += ", pressure " + std::to_string(*t.pressure) + "/10 (" +
                    std::string(sdk::pressure_word(*t.pressure)) + ")";
        }
        open_entry(
            w, x, Kind::procedure, key, "Procedure",
            display +
                (t.muscle_id.empty() ? " (whole body)" : " on " + where(t.muscle_id, t.side)) +
                ": " + note);
        extension_value(w, extension_technique_seconds, "valueInteger",
                        std::to_string(t.duration_seconds));
        if (t.direction != sdk::Direction::none) {
            extension_value(w, extension_technique_direction, "valueCode",
                            std::string(sdk::to_text(t.direction)));
        }
        if (t.pressure) {
            extension_value(w, extension_technique_pressure, "valueInteger",
                            std::to_string(*t.pressure));
        }
        if (t.muscle_id.empty() && t.side != sdk::Side::midline) {
            // No bodySite to carry the side of a whole-body technique.
            w.open("extension", std::string(" url=\"") + extension_laterality + "\"");
            w.open("valueCodeableConcept");
            laterality_codings(w, t.side, x.snomed);
            w.close("valueCodeableConcept");
            w.close("extension");
        }
        write_identifier(w, x, Kind::procedure, key);
        w.value("status", "completed");
        w.concept("code", knotnotes_techniques, t.technique_id, display, display);
        w.reference("subject", x.patient.url, x.patient.name);
        w.reference("encounter", x.identity.url(Kind::encounter, encounter_key));
        w.value("performedDateTime", fhir_date_time(s.started_at));
        if (const auto* p = x.practitioner(s.practitioner_id)) {
            w.open("performer");
            w.reference("actor", p->url, p->name);
            w.close("performer");
        }
        // The knots this technique treated: those charted on the same muscle and side.
        for (const auto& k : s.knots) {
            if (k.muscle_id == t.muscle_id && k.side == t.side) {
                w.reference("reasonReference", x.identity.url(Kind::knot, record_key(k.uid, k.id)));
            }
        }
        if (!t.muscle_id.empty())
            body_site(w, x, t.muscle_id, t.side);
        if (!t.response.empty())
            w.concept_text("outcome", t.response);
        // The narrative says the rest (`note`) in words; the extensions carry it as data.
        w.concept_text("usedCode", std::string(sdk::to_text(t.tool)));
        close_entry(w, x, Kind::procedure, key, "Procedure");
        written.objective.push_back(x.identity.url(Kind::procedure, key));
    }
}

}  // namespace knotnotes::fhir
