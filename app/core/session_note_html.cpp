#include "session_note_html.hpp"

#include <sstream>
#include <stdexcept>

#include <knotnotes/sdk/muscle_atlas.hpp>
#include <knotnotes/sdk/vocabulary.hpp>

#include "core/local_time.hpp"
#include "core/signing/key_fingerprint.hpp"

namespace knotnotes::core {
namespace {

// The key's fingerprint as the printout shows it; a damaged key is said to be one, so the page
// still prints (verify names what is wrong with it).
std::string fingerprint_text(const std::string& public_key) {
    if (public_key.empty())
        return "none (sealed without a key)";
    try {
        return key_fingerprint(public_key);
    } catch (const std::invalid_argument&) {
        return "unreadable key (run knotnotes-cli verify)";
    }
}

// Escaped, with line breaks kept.
std::string paragraph_text(const std::string& text) {
    std::string out;
    for (char c : html_escape(text)) {
        if (c == '\n')
            out += "<br>";
        else if (c != '\r')
            out += c;
    }
    return out;
}

// "2026-11-25T09:30:00.123Z" -> "2026-11-25 10:30" in the local zone.
std::string readable_time(const std::string& iso) {
    return local_time_text(iso);
}

std::string muscle_name(const std::string& id) {
    if (const auto* muscle = sdk::find_muscle(id))
        return std::string(muscle->name);
    for (const auto& region : sdk::atlas_regions) {
        if (region.id == id)
            return std::string(region.name);
    }
    return id;
}

std::string word(std::string_view w) {
    return std::string(w);
}

std::string optional_scale(const std::optional<int>& value) {
    return value ? std::to_string(*value) + "/10" : std::string("not recorded");
}

const char* table_open = "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">";

}  // namespace

std::string html_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string session_note_html(const sdk::Session& session, const sdk::Client& client,
                              const SessionNoteHtmlOptions& options) {
    const auto e = html_escape;
    std::ostringstream h;
    const std::string name = client.given_name + " " + client.family_name;
    h << "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
      << "<title>Session note: " << e(name) << "</title></head><body>\n";
    h << "<h2>Session note: " << e(name) << "</h2>\n";
    h << "<p><b>Date:</b> " << e(readable_time(session.started_at));
    if (session.duration_minutes > 0)
        h << " &nbsp; <b>Duration:</b> " << session.duration_minutes << " min";
    if (!client.birth_date.empty())
        h << "<br><b>Date of birth:</b> " << e(client.birth_date);
    if (options.practitioner) {
        const auto& p = *options.practitioner;
        h << "<br><b>Therapist:</b> " << e(p.name);
        if (!p.credentials.empty())
            h << ", " << e(p.credentials);
        h << " &nbsp; <b>Registration:</b> "
          << (p.registration.empty() ? std::string("<i>not recorded</i>") : e(p.registration));
    } else if (!options.practitioner_name.empty()) {
        h << "<br><b>Practitioner:</b> " << e(options.practitioner_name);
    }
    if (session.amends_session_id) {
        h << "<br><b>Amends</b> the note of "
          << e(options.amended_started_at.empty() ? std::string("an earlier session")
                                                  : readable_time(options.amended_started_at));
        h << "<br><b>Reason for the amendment:</b> "
          << (session.amendment_reason.empty() ? std::string("<i>none given</i>")
                                               : e(session.amendment_reason));
    }
    h << "</p>\n";
    if (!options.contraindications.empty()) {
        h << "<h3>Contraindications</h3>\n<ul>\n";
        for (const auto& line : options.contraindications)
            h << "<li>" << e(line) << "</li>\n";
        h << "</ul>\n";
    }
    if (!session.conflict_acknowledgement.empty()) {
        h << "<p><b>Contraindication conflicts acknowledged:</b> "
          << paragraph_text(session.conflict_acknowledgement) << "</p>\n";
    }
    if (!options.chart_image.empty()) {
        h << "<h3>Body chart</h3>\n<p><img src=\"" << e(options.chart_image) << "\"";
        if (options.chart_width > 0)
            h << " width=\"" << options.chart_width << "\"";
        if (options.chart_height > 0)
            h << " height=\"" << options.chart_height << "\"";
        h << "></p>\n";
    }

    h << "<h3>SOAP note</h3>\n";
    const std::pair<const char*, const std::string*> soap[] = {{"Subjective", &session.subjective},
                                                               {"Objective", &session.objective},
                                                               {"Assessment", &session.assessment},
                                                               {"Plan", &session.plan}};
    for (const auto& [label, text] : soap) {
        h << "<p><b>" << label << "</b><br>"
          << (text->empty() ? std::string("<i>(empty)</i>") : paragraph_text(*text)) << "</p>\n";
    }
    h << "<p><b>Pain before:</b> " << optional_scale(session.pain_before)
      << " &nbsp; <b>Pain after:</b> " << optional_scale(session.pain_after) << "</p>\n";

    h << "<h3>Knots (" << session.knots.size() << ")</h3>\n";
    if (session.knots.empty()) {
        h << "<p><i>No knots charted.</i></p>\n";
    } else {
        h << table_open << "\n<tr><th align=\"left\">Muscle</th><th align=\"left\">Side</th>"
          << "<th align=\"left\">Kind</th><th align=\"left\">Tenderness</th>"
          << "<th align=\"left\">Referral</th><th align=\"left\">Result</th></tr>\n";
        for (const auto& k : session.knots) {
            h << "<tr><td>" << e(muscle_name(k.muscle_id)) << "</td><td>"
              << word(sdk::to_text(k.side)) << "</td><td>" << word(sdk::to_text(k.kind))
              << "</td><td>" << k.tenderness << "/10</td><td>"
              << (k.referral.empty() ? std::string("&nbsp;") : e(k.referral)) << "</td><td>"
              << word(sdk::to_text(k.result)) << "</td></tr>\n";
        }
        h << "</table>\n";
    }

    if (!session.pressure_readings.empty()) {
        h << "<h3>Pressure tolerated</h3>\n"
          << table_open << "\n<tr><th align=\"left\">Region</th><th align=\"left\">Side</th>"
          << "<th align=\"left\">Pressure</th></tr>\n";
        for (const auto& r : session.pressure_readings) {
            h << "<tr><td>" << e(muscle_name(r.region)) << "</td><td>" << word(sdk::to_text(r.side))
              << "</td><td>" << r.pressure << "/10 (" << word(sdk::pressure_word(r.pressure))
              << ")</td></tr>\n";
        }
        h << "</table>\n";
    }

    h << "<h3>Techniques (" << session.techniques.size() << ")</h3>\n";
    if (session.techniques.empty()) {
        h << "<p><i>No techniques recorded.</i></p>\n";
    } else {
        h << table_open << "\n<tr><th align=\"left\">Technique</th><th align=\"left\">Where</th>"
          << "<th align=\"left\">Pressure</th><th align=\"left\">Time</th>"
          << "<th align=\"left\">Tool</th><th align=\"left\">Direction</th>"
          << "<th align=\"left\">Response</th></tr>\n";
        for (const auto& t : session.techniques) {
            std::string technique =
                options.technique_name ? options.technique_name(t.technique_id) : std::string();
            if (technique.empty())
                technique = t.technique_id;
            h << "<tr><td>" << e(technique) << "</td><td>" << e(muscle_name(t.muscle_id)) << " ("
              << word(sdk::to_text(t.side)) << ")</td><td>"
              << (t.pressure ? std::to_string(*t.pressure) + "/10" : std::string("&nbsp;"))
              << "</td><td>";
            if (t.duration_seconds >= 60)
                h << t.duration_seconds / 60 << " min";
            if (t.duration_seconds % 60 != 0 || t.duration_seconds == 0)
                h << (t.duration_seconds >= 60 ? " " : "") << t.duration_seconds % 60 << " s";
            h << "</td><td>" << word(sdk::to_text(t.tool)) << "</td><td>"
              << word(sdk::to_text(t.direction)) << "</td><td>"
              << (t.response.empty() ? std::string("&nbsp;") : e(t.response)) << "</td></tr>\n";
        }
        h << "</table>\n";
    }

    h << "<hr>\n<p>";
    if (session.signature) {
        const auto& s = *session.signature;
        h << "<b>Signed by " << e(s.signer) << "</b> on " << e(readable_time(s.signed_at));
        h << "<br><font size=\"-1\">Signing key fingerprint: " << fingerprint_text(s.public_key)
          << "<br>SHA-256 of the note " << e(s.content_sha256) << "</font>";
    } else {
        h << "<b>Unsigned draft</b>: this note has not been signed.";
    }
    h << "</p>\n</body></html>\n";
    return h.str();
}

}  // namespace knotnotes::core
