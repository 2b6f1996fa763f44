// session_note_html.hpp — one session note as simple HTML, for print and print preview.
//
// The HTML is deliberately plain (HTML 3.2: headings, paragraphs, bordered tables, <br>) so
// that wxHtml's renderer, which the GUI prints with, lays it out as a browser would. It holds
// the client's name, the session's date and duration, the SOAP note, pain before and after,
// the knots charted, pressure tolerated, the techniques used and whether and by whom the note
// was signed (with its SHA-256 and the signing key's fingerprint), or that it is an unsigned
// draft; with the options also the therapist's credentials and registration, the client's
// contraindications, the body chart, and for an amendment the note it amends and why. Times
// are shown in local time (core/local_time.hpp). Every text that came from a
// person is escaped; line breaks in the SOAP texts are kept. UTF-8 in, UTF-8 out. No wx here.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::core {

struct SessionNoteHtmlOptions {
    // Display name of a technique id ("<library>/<technique>"); the id itself when empty or
    // when it returns an empty string (e.g. the library is not loaded).
    std::function<std::string(const std::string&)> technique_name;
    std::string practitioner_name;  // shown when not empty (and no practitioner is given)
    // The therapist who charted the note: name, credentials and registration number.
    std::optional<sdk::Practitioner> practitioner;
    // The client's contraindications, one line each ("Anticoagulant medication: ...").
    std::vector<std::string> contraindications;
    // <img> source of the body chart with the knots (e.g. "memory:chart.png"); no chart
    // when empty.
    std::string chart_image;
    int chart_width = 0;   // pixels, for the <img> width; 0: the image's own
    int chart_height = 0;  // and its height: wxHtml does not keep the aspect from a width alone
    // When the note amends another: that note's start time (UTC), shown as a local date.
    std::string amended_started_at;
};

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(const std::string& text);

std::string session_note_html(const sdk::Session& session, const sdk::Client& client,
                              const SessionNoteHtmlOptions& options = {});

}  // namespace knotnotes::core
