// session_section.cpp — renders one session: facts, SOAP note, body chart and tables.
#include "session_section.hpp"

#include <knotnotes/sdk/muscle_atlas.hpp>

#include "html_fragments.hpp"
#include "iso_date.hpp"
#include "svg_body_chart.hpp"

namespace knotnotes::export_html {

namespace {

constexpr std::size_t shown_hash_digits = 12;  // enough to compare with the app's verify output

std::string muscle_or_region_name(const std::string& id) {
    if (const auto* muscle = sdk::find_muscle(id))
        return std::string(muscle->name);
    for (const auto& region : sdk::atlas_regions) {
        if (region.id == id)
            return std::string(region.name);
    }
    return id;
}

std::string duration_text(int seconds) {
    if (seconds < 60)
        return std::to_string(seconds) + " s";
    const int rest = seconds % 60;
    return std::to_string(seconds / 60) + " min" + (rest ? " " + std::to_string(rest) + " s" : "");
}

std::string session_reference(const sdk::Session& session) {
    return "session #" + std::to_string(session.id) + " of " + readable_time(session.started_at);
}

const sdk::Session* find_session(const ClientRecords& records, sdk::Id id) {
    for (const auto& session : records.sessions) {
        if (session.id == id)
            return &session;
    }
    return nullptr;
}

std::string signature_html(const sdk::Session& session) {
    if (!session.signature)
        return "<span class=\"status draft\">Draft (not signed)</span>";
    const auto& signature = *session.signature;
    std::string hash = signature.content_sha256.substr(0, shown_hash_digits);
    if (signature.content_sha256.size() > shown_hash_digits)
        hash += "…";
    return "<span class=\"status signed\">Signed by " + html_escape(signature.signer) + " at " +
           html_escape(readable_time(signature.signed_at)) +
           "</span>, SHA-256 <span class=\"hash\">" + html_escape(hash) + "</span>";
}

// Amendments say what they correct, and the original says where its corrections are: a signed
// note is never changed, so a reader of the original must be sent to the amendment.
std::string amendment_facts(const ClientRecords& records, const sdk::Session& session) {
    std::string html;
    if (session.amends_session_id) {
        const auto* original = find_session(records, *session.amends_session_id);
        html += fact("Amends", original ? session_reference(*original) + " (the original is kept)"
                                        : "session #" + std::to_string(*session.amends_session_id));
    }
    std::string amended_by;
    for (const auto& other : records.sessions) {
        if (other.amends_session_id == session.id)
            amended_by += (amended_by.empty() ? "" : "; ") + session_reference(other);
    }
    html += fact("Amended by", amended_by);
    return html;
}

std::string pain_text(const sdk::Session& session) {
    const auto value = [](const std::optional<int>& pain) {
        return pain ? std::to_string(*pain) : std::string("not recorded");
    };
    if (!session.pain_before && !session.pain_after)
        return {};
    return value(session.pain_before) + " before, " + value(session.pain_after) + " after (0–10)";
}

std::string soap_html(const sdk::Session& session) {
    std::string html = "<div class=\"soap\">\n";
    const std::pair<const char*, const std::string*> parts[] = {{"Subjective", &session.subjective},
                                                                {"Objective", &session.objective},
                                                                {"Assessment", &session.assessment},
                                                                {"Plan", &session.plan}};
    for (const auto& [title, text] : parts) {
        html +=
            "<h4>" + std::string(title) + "</h4><p>" +
            (text->empty() ? "<span class=\"note\">(nothing written)</span>" : html_escape(*text)) +
            "</p>\n";
    }
    return html + "</div>\n";
}

std::string knots_table(const sdk::Session& session) {
    if (session.knots.empty())
        return "<p class=\"note\">No knots charted.</p>\n";
    std::string html =
        table_head({"#", "Muscle", "Side", "View", "Kind", "Tenderness", "Referral", "Result"});
    for (std::size_t i = 0; i < session.knots.size(); ++i) {
        const auto& knot = session.knots[i];
        html += "<tr>" + number_cell(std::to_string(i + 1)) +
                cell(muscle_or_region_name(knot.muscle_id)) + cell(sdk::to_text(knot.side)) +
                cell(sdk::to_text(knot.view)) + cell(sdk::to_text(knot.kind)) +
                number_cell(std::to_string(knot.tenderness) + "/10") + cell(knot.referral) +
                cell(sdk::to_text(knot.result)) + "</tr>\n";
    }
    return html + std::string(table_end);
}

std::string techniques_table(const sdk::Session& session) {
    if (session.techniques.empty())
        return "<p class=\"note\">No techniques charted.</p>\n";
    std::string html = table_head(
        {"Technique", "Muscle", "Side", "Pressure", "Duration", "Tool", "Direction", "Response"});
    for (const auto& use : session.techniques) {
        html += "<tr>" + cell(use.technique_id) + cell(muscle_or_region_name(use.muscle_id)) +
                cell(sdk::to_text(use.side)) + number_cell(pressure_text(use.pressure)) +
                number_cell(duration_text(use.duration_seconds)) + cell(sdk::to_text(use.tool)) +
                cell(sdk::to_text(use.direction)) + cell(use.response) + "</tr>\n";
    }
    return html + std::string(table_end);
}

std::string pressure_readings_table(const sdk::Session& session) {
    if (session.pressure_readings.empty())
        return "<p class=\"note\">No pressure readings.</p>\n";
    std::string html = table_head({"Region", "Side", "Pressure tolerated"});
    for (const auto& reading : session.pressure_readings) {
        html += "<tr>" + cell(muscle_or_region_name(reading.region)) +
                cell(sdk::to_text(reading.side)) + number_cell(pressure_text(reading.pressure)) +
                "</tr>\n";
    }
    return html + std::string(table_end);
}

}  // namespace

std::string session_section_html(const ClientRecords& records, std::size_t index,
                                 const PractitionerNames& practitioners) {
    const auto& session = records.sessions[index];
    std::string html = "<section class=\"session\" id=\"session-" + std::to_string(session.id) +
                       "\">\n<h2>Session of " + html_escape(readable_time(session.started_at)) +
                       "</h2>\n<dl class=\"facts\">\n";
    html += fact("Session", "#" + std::to_string(session.id));
    if (session.duration_minutes > 0)
        html += fact("Duration", std::to_string(session.duration_minutes) + " min");
    const auto practitioner = practitioners.find(session.practitioner_id);
    html += fact("Practitioner", practitioner != practitioners.end()
                                     ? practitioner->second
                                     : "#" + std::to_string(session.practitioner_id));
    html += fact_html("Status", signature_html(session));
    html += amendment_facts(records, session);
    html += fact("Pain", pain_text(session));
    if (session.intake_id) {
        const auto version = records.intake_versions.find(*session.intake_id);
        html += fact("Intake", version != records.intake_versions.end()
                                   ? "version " + std::to_string(version->second)
                                   : "#" + std::to_string(*session.intake_id));
    }
    html += "</dl>\n";
    html += soap_html(session);
    // Where carried-forward knots were: the knots of the client's earlier sessions.
    std::vector<sdk::Knot> earlier;
    for (std::size_t i = 0; i < index; ++i)
        earlier.insert(earlier.end(), records.sessions[i].knots.begin(),
                       records.sessions[i].knots.end());
    html += "<h3>Body chart</h3>\n" +
            svg_body_chart(session.knots, earlier, records.client.chart_figure) + "\n";
    html += "<h3>Knots</h3>\n" + knots_table(session);
    html += "<h3>Techniques</h3>\n" + techniques_table(session);
    html += "<h3>Pressure readings</h3>\n" + pressure_readings_table(session);
    return html + "</section>\n";
}

}  // namespace knotnotes::export_html
