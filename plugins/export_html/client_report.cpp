// client_report.cpp — the document around the sections: head, client header and intake.
#include "client_report.hpp"

#include <algorithm>
#include <vector>

#include <knotnotes/sdk/contraindications.hpp>

#include "html_fragments.hpp"
#include "iso_date.hpp"
#include "progress_section.hpp"
#include "report_style.hpp"
#include "session_section.hpp"

namespace knotnotes::export_html {

namespace {

std::string full_name(const sdk::Client& client) {
    std::string name = client.given_name;
    if (!client.family_name.empty())
        name += (name.empty() ? "" : " ") + client.family_name;
    return name.empty() ? "Client #" + std::to_string(client.id) : name;
}

std::string client_header(const sdk::Client& client, const std::string& application_version) {
    std::string html = "<header class=\"client\">\n<h1>" + html_escape(full_name(client)) +
                       "</h1>\n<dl class=\"facts\">\n";
    html += fact("Client", "#" + std::to_string(client.id));
    html += fact("Born", client.birth_date);
    html += fact("Phone", client.phone);
    html += fact("Email", client.email);
    html += fact("Emergency contact", client.emergency_contact);
    html += fact("Occupation", client.occupation);
    html += fact("Client since", date_part(client.created_at));
    html += "</dl>\n<p class=\"provenance\">Confidential clinical record";
    if (!application_version.empty())
        html += ", exported by " + html_escape(application_version);
    return html + ".</p>\n</header>\n";
}

struct FlaggedCondition {
    std::string label;
    sdk::Severity severity;
    std::string guidance;
};

// Every flag of the intake, the conditions that forbid deep work first. A flag this SDK does not
// know (a newer app wrote it) is still shown, as a caution, rather than silently dropped.
std::vector<FlaggedCondition> flagged_conditions(const sdk::Intake& intake) {
    std::vector<FlaggedCondition> conditions;
    for (const auto& flag : intake.health_flags) {
        if (const auto* known = sdk::find_contraindication(flag)) {
            conditions.push_back(
                {std::string(known->label), known->severity, std::string(known->guidance)});
        } else {
            conditions.push_back({flag, sdk::Severity::caution,
                                  "Not a condition this version of KnotNotes knows: check the "
                                  "intake."});
        }
    }
    std::stable_sort(conditions.begin(), conditions.end(),
                     [](const FlaggedCondition& a, const FlaggedCondition& b) {
                         return a.severity == sdk::Severity::avoid &&
                                b.severity != sdk::Severity::avoid;
                     });
    return conditions;
}

std::string contraindications_html(const sdk::Intake& intake) {
    const auto conditions = flagged_conditions(intake);
    if (conditions.empty())
        return "<p class=\"no-flags\">No contraindications flagged on the intake.</p>\n";
    std::string html =
        "<div class=\"contraindications\">\n<h3>Contraindications and cautions</h3>"
        "\n<ul>\n";
    for (const auto& condition : conditions) {
        const char* severity = condition.severity == sdk::Severity::avoid ? "avoid" : "caution";
        html += "<li class=\"contraindication " + std::string(severity) +
                "\"><span class=\"severity\">" + severity + "</span><strong>" +
                html_escape(condition.label) + "</strong>: " + html_escape(condition.guidance) +
                "</li>\n";
    }
    return html + "</ul>\n</div>\n";
}

std::string consent_text(const sdk::Consent& consent) {
    if (!consent.agreed)
        return "Not given";
    std::string text = "Given";
    if (!consent.date.empty())
        text += " on " + consent.date;
    if (!consent.signer_name.empty())
        text += " by " + consent.signer_name;
    if (!consent.signature_png_base64.empty())
        text += " (signature drawn)";
    return text;
}

std::string intake_section(const ClientRecords& records) {
    std::string html = "<section class=\"intake\">\n<h2>Intake";
    if (!records.latest_intake)
        return html + "</h2>\n<p class=\"note\">No intake on record.</p>\n</section>\n";
    const auto& intake = *records.latest_intake;
    html += " <span class=\"note\">version " + std::to_string(intake.version);
    if (!intake.recorded_at.empty())
        html += ", recorded " + html_escape(readable_time(intake.recorded_at));
    html += "</span></h2>\n" + contraindications_html(intake) + "<dl class=\"facts\">\n";
    html += fact("Reason for visit", intake.reason_for_visit);
    html += fact("Goals", intake.goals);
    html += fact("Activity", intake.activity);
    html += fact("Medications", intake.medications);
    html += fact("Allergies", intake.allergies);
    html += fact("Surgeries and injuries", intake.surgeries_injuries);
    html += fact("Areas to avoid", intake.areas_to_avoid);
    html += fact("Preferred pressure", pressure_text(intake.preferred_pressure));
    html += fact("Consent", consent_text(intake.consent));
    return html + "</dl>\n</section>\n";
}

}  // namespace

std::string client_report_html(const ClientRecords& records, const PractitionerNames& practitioners,
                               const std::string& application_version) {
    std::string html =
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
        "<meta charset=\"utf-8\" />\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n";
    if (!application_version.empty()) {
        html +=
            "<meta name=\"generator\" content=\"" + html_escape(application_version) + "\" />\n";
    }
    html += "<title>Client record: " + html_escape(full_name(records.client)) + "</title>\n";
    html += "<style>" + std::string(report_style) + "</style>\n</head>\n<body>\n";
    html += client_header(records.client, application_version);
    html += intake_section(records);
    if (records.sessions.empty())
        html += "<h2>Sessions</h2>\n<p class=\"note\">No sessions charted.</p>\n";
    for (std::size_t i = 0; i < records.sessions.size(); ++i)
        html += session_section_html(records, i, practitioners);
    html += progress_section_html(records);
    return html + "</body>\n</html>\n";
}

}  // namespace knotnotes::export_html
