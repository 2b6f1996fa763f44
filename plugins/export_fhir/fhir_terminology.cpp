// The export's terminology: KnotNotes' CodeSystems (muscles, techniques, its own codes) and a
// Questionnaire per instrument answered, so every code and canonical the export uses resolves
// inside it.
#include <knotnotes/sdk/contraindications.hpp>
#include <knotnotes/sdk/muscle_atlas.hpp>
#include <knotnotes/sdk/vocabulary.hpp>

#include "fhir_resources.hpp"

namespace knotnotes::fhir {
namespace {

struct Concept {
    std::string code, display;
};

void code_system(XmlWriter& w, const Export& x, const char* url, const char* name,
                 const char* title, const std::string& version, const char* content,
                 const std::vector<Concept>& concepts) {
    open_entry(w, x, Kind::code_system, url, "CodeSystem",
               std::string(title) + ": " + std::to_string(concepts.size()) + " codes");
    w.value("url", url);
    write_identifier(w, x, Kind::code_system, url);
    w.value("version", version);
    w.value("name", name);
    w.value("title", title);
    w.value("status", "active");
    w.value("publisher", "The KnotNotes developers");
    w.value("caseSensitive", "true");
    w.value("content", content);
    w.value("count", std::to_string(concepts.size()));
    for (const auto& c : concepts) {
        w.open("concept");
        w.value("code", c.code);
        w.value("display", c.display);
        w.close("concept");
    }
    close_entry(w, x, Kind::code_system, url, "CodeSystem");
}

std::string words(std::string text) {
    for (auto& c : text) {
        if (c == '-' || c == '_')
            c = ' ';
    }
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

}  // namespace

std::string technique_display(const std::string& technique_id) {
    const auto slash = technique_id.rfind('/');
    if (slash == std::string::npos)
        return words(technique_id);
    return words(technique_id.substr(slash + 1)) + " (" + technique_id.substr(0, slash) + ")";
}

std::string questionnaire_url(const std::string& instrument_id) {
    return "https://knotnotes.org/fhir/Questionnaire/" + instrument_id;
}

void write_code_systems(XmlWriter& w, const Export& x, const std::string& version) {
    std::vector<Concept> muscles;
    for (const auto& r : sdk::atlas_regions)
        muscles.push_back({std::string(r.id), std::string(r.name)});
    for (const auto& m : sdk::muscle_atlas)
        muscles.push_back({std::string(m.id), std::string(m.name)});
    code_system(w, x, knotnotes_muscles, "KnotNotesMuscles", "KnotNotes muscle atlas", version,
                "complete", muscles);

    // Technique libraries are plugins of their own: the export knows the techniques it used.
    std::vector<Concept> techniques;
    for (const auto& [id, display] : x.techniques)
        techniques.push_back({id, display});
    if (!techniques.empty()) {
        code_system(w, x, knotnotes_techniques, "KnotNotesTechniques", "KnotNotes techniques",
                    version, "fragment", techniques);
    }

    std::vector<Concept> codes = {
        {"trigger-point", "Myofascial trigger point (knot)"},
        {"pressure-tolerance", "Pressure tolerated (0-10)"},
        {"pain-before-treatment", "Pain before treatment (0-10)"},
        {"pain-after-treatment", "Pain after treatment (0-10)"},
        {"trigger-point-kind", "Active or latent"},
        {"treatment-result", "Result after treatment"},
        {"chart-position", "Position on the body chart"},
        {"referral-area", "Referral area on the body chart"},
    };
    for (auto side : {sdk::Side::left, sdk::Side::right, sdk::Side::midline, sdk::Side::bilateral})
        codes.push_back({std::string(sdk::to_text(side)), std::string(sdk::to_text(side))});
    for (auto kind : {sdk::KnotKind::active, sdk::KnotKind::latent})
        codes.push_back({std::string(sdk::to_text(kind)), std::string(sdk::to_text(kind))});
    for (auto result : {sdk::KnotResult::untreated, sdk::KnotResult::released,
                        sdk::KnotResult::reduced, sdk::KnotResult::unchanged}) {
        codes.push_back({std::string(sdk::to_text(result)), std::string(sdk::to_text(result))});
    }
    for (auto place : {sdk::SessionLocation::clinic, sdk::SessionLocation::client_home,
                       sdk::SessionLocation::event, sdk::SessionLocation::other}) {
        codes.push_back(
            {std::string(sdk::to_text(place)), words(std::string(sdk::to_text(place)))});
    }
    code_system(w, x, knotnotes_codes, "KnotNotesCodes", "KnotNotes codes", version, "complete",
                codes);

    if (x.intakes_written) {
        std::vector<Concept> flags;
        for (const auto& c : sdk::contraindications)
            flags.push_back({std::string(c.id), std::string(c.label)});
        code_system(w, x, knotnotes_contraindications, "KnotNotesContraindications",
                    "KnotNotes contraindications", version, "complete", flags);
    }
}

namespace {

// KnotNotes' intake form, whose items write_intake answers.
void write_intake_questionnaire(XmlWriter& w, const Export& x) {
    const std::string canonical =
        std::string(intake_questionnaire_url) + "|" + intake_questionnaire_version;
    open_entry(w, x, Kind::questionnaire, canonical, "Questionnaire",
               "KnotNotes' intake: the client's health history, goals and consent");
    w.value("url", intake_questionnaire_url);
    write_identifier(w, x, Kind::questionnaire, canonical);
    w.value("version", intake_questionnaire_version);
    w.value("name", "KnotNotesIntake");
    w.value("title", "Massage therapy intake");
    w.value("status", "active");
    struct Item {
        const char *link_id, *text, *type;
        bool repeats = false;
    };
    const Item items[] = {
        {"reason-for-visit", "Reason for the visit", "text"},
        {"goals", "Goals", "text"},
        {"activity", "Work and activities", "text"},
        {"health-flags", "Health conditions (contraindications)", "choice", true},
        {"medications", "Medications", "text"},
        {"allergies", "Allergies", "text"},
        {"surgeries-injuries", "Surgeries and injuries", "text"},
        {"areas-to-avoid", "Areas to avoid", "text"},
        {"preferred-pressure", "Preferred pressure (0-10)", "integer"},
        {"consent-agreed", "Consents to treatment", "boolean"},
        {"consent-date", "Date of consent", "date"},
        {"consent-signer", "Consent signed by", "string"},
        {"consent-signature", "Drawn signature", "attachment"},
    };
    for (const auto& item : items) {
        w.open("item");
        w.value("linkId", item.link_id);
        w.value("text", item.text);
        w.value("type", item.type);
        w.value("repeats", item.repeats ? "true" : "");
        w.close("item");
    }
    close_entry(w, x, Kind::questionnaire, canonical, "Questionnaire");
}

}  // namespace

void write_questionnaires(XmlWriter& w, const Export& x) {
    if (x.intakes_written)
        write_intake_questionnaire(w, x);
    for (const auto& [canonical, q] : x.instruments) {
        open_entry(w, x, Kind::questionnaire, canonical, "Questionnaire",
                   "The questionnaire " + q.name +
                       (q.version.empty() ? "" : " version " + q.version) +
                       ", as far as the exported answers show it");
        w.value("url", q.url);
        write_identifier(w, x, Kind::questionnaire, canonical);
        w.value("version", q.version);
        w.value("title", q.name);
        w.value("status", "active");
        for (const auto& [link_id, text] : q.items) {
            w.open("item");
            w.value("linkId", link_id);
            w.value("type", text ? "string" : "decimal");
            w.value("readOnly", link_id == "score" ? "true" : "");
            w.close("item");
        }
        close_entry(w, x, Kind::questionnaire, canonical, "Questionnaire");
    }
}

}  // namespace knotnotes::fhir
