// Observations of a session (pain before and after, each knot, each pressure reading) and a
// Procedure per technique used.
#include <knotnotes/sdk/muscle_atlas.hpp>
#include <knotnotes/sdk/vocabulary.hpp>

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

// bodySite: our atlas id, the FMA id where the atlas has one, and readable text with the side.
void body_site(XmlWriter& w, const char* element, const std::string& muscle_id, sdk::Side side) {
    w.open(element);
    if (const auto* m = sdk::find_muscle(muscle_id); m && !m->fma_id.empty()) {
        w.coding(fma, std::string(m->fma_id.substr(4)), std::string(m->name));
    }
    w.coding(knotnotes_muscles, muscle_id, muscle_name(muscle_id));
    w.value("text", muscle_name(muscle_id) + ", " + std::string(sdk::to_text(side)));
    w.close(element);
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
    w.concept("valueCodeableConcept", knotnotes_codes, value, value);
    w.close("component");
}

void common_head(XmlWriter& w, const People& people, const sdk::Session& s, const Urls& urls) {
    w.reference("subject", people.patient_url, people.patient_name);
    w.reference("encounter", urls.of(Kind::encounter, s.id));
    w.value("effectiveDateTime", fhir_date_time(s.started_at));
    if (auto it = people.practitioners.find(s.practitioner_id); it != people.practitioners.end()) {
        w.reference("performer", it->second.first, it->second.second);
    }
}

const char* status_of(const sdk::Session& s) {
    return s.is_signed() ? "final" : "preliminary";
}

void pain(XmlWriter& w, const Urls& urls, const People& people, const sdk::Session& s, Kind kind,
          int value) {
    const bool before = kind == Kind::pain_before;
    open_entry(w, urls.of(kind, s.id), "Observation",
               std::string(before ? "pain-before-" : "pain-after-") + std::to_string(s.id));
    w.value("status", status_of(s));
    category(w, "survey", "Survey");
    w.open("code");
    w.coding(loinc, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported");
    w.value("text", before ? "Pain before treatment (0-10)" : "Pain after treatment (0-10)");
    w.close("code");
    common_head(w, people, s, urls);
    w.value("valueInteger", std::to_string(value));
    w.open("note");
    w.value("text", before ? "Reported before treatment" : "Reported after treatment");
    w.close("note");
    close_entry(w, "Observation");
}

}  // namespace

void write_observations(XmlWriter& w, const Urls& urls, const People& people,
                        const sdk::Session& s) {
    if (s.pain_before)
        pain(w, urls, people, s, Kind::pain_before, *s.pain_before);
    if (s.pain_after)
        pain(w, urls, people, s, Kind::pain_after, *s.pain_after);
    for (const auto& k : s.knots) {
        open_entry(w, urls.of(Kind::knot, k.id), "Observation", "knot-" + std::to_string(k.id));
        w.value("status", status_of(s));
        category(w, "exam", "Exam");
        w.concept("code", knotnotes_codes, "trigger-point", "Myofascial trigger point (knot)",
                  "Trigger point tenderness (0-10)");
        common_head(w, people, s, urls);
        w.value("valueInteger", std::to_string(k.tenderness));
        if (!k.referral.empty()) {
            w.open("note");
            w.value("text", "Referral pattern: " + k.referral);
            w.close("note");
        }
        body_site(w, "bodySite", k.muscle_id, k.side);
        component_code(w, "laterality", "Laterality", std::string(sdk::to_text(k.side)));
        component_code(w, "trigger-point-kind", "Active or latent",
                       std::string(sdk::to_text(k.kind)));
        component_code(w, "treatment-result", "Result after treatment",
                       std::string(sdk::to_text(k.result)));
        w.open("component");
        w.concept("code", knotnotes_codes, "chart-position", "Position on the body chart");
        w.value("valueString", std::string(sdk::to_text(k.view)) + " view at x=" +
                                   std::to_string(k.x) + " y=" + std::to_string(k.y));
        w.close("component");
        if (!k.referral_area.empty()) {
            // The drawn referral zone, as the chart stores it: a polygon on the knot's view.
            std::string points;
            for (const auto& p : k.referral_area)
                points += (points.empty() ? "" : " ") + decimal_text(p.x) + "," + decimal_text(p.y);
            w.open("component");
            w.concept("code", knotnotes_codes, "referral-area",
                      "Referral area on the body chart (x,y points of a polygon)");
            w.value("valueString", std::string(sdk::to_text(k.view)) + " view: " + points);
            w.close("component");
        }
        close_entry(w, "Observation");
    }
    for (const auto& r : s.pressure_readings) {
        open_entry(w, urls.of(Kind::pressure, r.id), "Observation",
                   "pressure-" + std::to_string(r.id));
        w.value("status", status_of(s));
        category(w, "exam", "Exam");
        w.concept("code", knotnotes_codes, "pressure-tolerance", "Pressure tolerated (0-10)",
                  "Pressure tolerance (0-10): " + std::string(sdk::pressure_word(r.pressure)));
        common_head(w, people, s, urls);
        w.value("valueInteger", std::to_string(r.pressure));
        body_site(w, "bodySite", r.region, r.side);
        component_code(w, "laterality", "Laterality", std::string(sdk::to_text(r.side)));
        close_entry(w, "Observation");
    }
}

void write_procedures(XmlWriter& w, const Urls& urls, const People& people, const sdk::Session& s) {
    for (const auto& t : s.techniques) {
        open_entry(w, urls.of(Kind::procedure, t.id), "Procedure",
                   "technique-" + std::to_string(t.id));
        w.value("status", "completed");
        w.concept("code", knotnotes_techniques, t.technique_id, "", t.technique_id);
        w.reference("subject", people.patient_url, people.patient_name);
        w.reference("encounter", urls.of(Kind::encounter, s.id));
        w.value("performedDateTime", fhir_date_time(s.started_at));
        if (auto it = people.practitioners.find(s.practitioner_id);
            it != people.practitioners.end()) {
            w.open("performer");
            w.reference("actor", it->second.first, it->second.second);
            w.close("performer");
        }
        // The knots this technique treated: those charted on the same muscle and side.
        for (const auto& k : s.knots) {
            if (k.muscle_id == t.muscle_id && k.side == t.side) {
                w.reference("reasonReference", urls.of(Kind::knot, k.id));
            }
        }
        if (!t.muscle_id.empty())
            body_site(w, "bodySite", t.muscle_id, t.side);
        if (!t.response.empty())
            w.concept_text("outcome", t.response);
        std::string note = std::to_string(t.duration_seconds) +
                           " s, tool: " + std::string(sdk::to_text(t.tool)) +
                           ", direction: " + std::string(sdk::to_text(t.direction));
        if (t.pressure) {
            note += ", pressure " + std::to_string(*t.pressure) + "/10 (" +
                    std::string(sdk::pressure_word(*t.pressure)) + ")";
        }
        w.open("note");
        w.value("text", note);
        w.close("note");
        w.concept_text("usedCode", std::string(sdk::to_text(t.tool)));
        close_entry(w, "Procedure");
    }
}

}  // namespace knotnotes::fhir
