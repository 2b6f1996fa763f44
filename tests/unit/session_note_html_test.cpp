// The session note as HTML for printing: everything in it, and every text escaped.
#include <catch2/catch.hpp>

#include "core/local_time.hpp"
#include "core/session_note_html.hpp"
#include "core/signing/key_fingerprint.hpp"

using namespace knotnotes;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

sdk::Session sample_session() {
    sdk::Session s;
    s.id = 12;
    s.client_id = 3;
    s.started_at = "2026-11-25T09:30:00.123Z";
    s.duration_minutes = 60;
    s.subjective = "Neck <tension> & \"stiffness\"\nworse in the morning";
    s.objective = "Raised shoulder, R > L";
    s.assessment = "Myofascial pain";
    s.plan = "Rebook in 2 weeks";
    s.pain_before = 6;
    s.pain_after = 3;
    sdk::Knot a;
    a.muscle_id = "upper-trapezius";
    a.side = sdk::Side::left;
    a.kind = sdk::KnotKind::active;
    a.tenderness = 7;
    a.referral = "side of the <skull>";
    a.result = sdk::KnotResult::released;
    sdk::Knot b;
    b.muscle_id = "levator-scapulae";
    b.side = sdk::Side::right;
    b.tenderness = 4;
    s.knots = {a, b};
    sdk::TechniqueUse t;
    t.technique_id = "org.knotnotes.techniques.deep-tissue/stripping";
    t.muscle_id = "upper-trapezius";
    t.side = sdk::Side::left;
    t.pressure = 6;
    t.duration_seconds = 90;
    t.tool = sdk::Tool::thumb;
    t.direction = sdk::Direction::along_fibres;
    s.techniques = {t};
    return s;
}

sdk::Client sample_client() {
    sdk::Client c;
    c.given_name = "Zoë";
    c.family_name = "O'Brien";
    return c;
}

}  // namespace

TEST_CASE("html_escape escapes the five special characters", "[unit][note]") {
    CHECK(core::html_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
    CHECK(core::html_escape("Zoë") == "Zoë");
}

TEST_CASE("the session note html holds the SOAP texts escaped and each knot", "[unit][note]") {
    const auto html = core::session_note_html(sample_session(), sample_client());
    CHECK(contains(html, "Zoë O&#39;Brien"));
    CHECK(contains(html, "2026-11-25 09:30"));
    CHECK(contains(html, "Neck &lt;tension&gt; &amp; &quot;stiffness&quot;<br>worse in the"));
    CHECK(contains(html, "Raised shoulder, R &gt; L"));
    CHECK(contains(html, "Myofascial pain"));
    CHECK(contains(html, "Rebook in 2 weeks"));
    CHECK_FALSE(contains(html, "<tension>"));
    CHECK_FALSE(contains(html, "<skull>"));
    CHECK(contains(html, "6/10"));
    CHECK(contains(html, "3/10"));
    CHECK(contains(html, "Knots (2)"));
    CHECK(contains(html, "Upper trapezius"));
    CHECK(contains(html, "Levator scapulae"));
    CHECK(contains(html, "side of the &lt;skull&gt;"));
    CHECK(contains(html, "released"));
    CHECK(contains(html, "Unsigned draft"));
    // Without a name lookup the technique shows as its id; with one, by name.
    CHECK(contains(html, "org.knotnotes.techniques.deep-tissue/stripping"));
    CHECK(contains(html, "1 min 30 s"));
    core::SessionNoteHtmlOptions options;
    options.technique_name = [](const std::string& id) {
        return id == "org.knotnotes.techniques.deep-tissue/stripping" ? "Stripping <deep>"
                                                                      : std::string();
    };
    options.practitioner_name = "Alex Morgan, RMT";
    const auto named = core::session_note_html(sample_session(), sample_client(), options);
    CHECK(contains(named, "Stripping &lt;deep&gt;"));
    CHECK(contains(named, "Alex Morgan, RMT"));
}

TEST_CASE("the session note html shows who signed it, and an empty note", "[unit][note]") {
    auto session = sample_session();
    session.signature = sdk::Signature{"Alex <Morgan>", "2026-11-25T10:45:00.000Z", "ab12cd"};
    const auto html = core::session_note_html(session, sample_client());
    CHECK(contains(html, "Signed by Alex &lt;Morgan&gt;"));
    CHECK(contains(html, core::local_time_text("2026-11-25T10:45:00.000Z")));  // local time
    CHECK(contains(html, "Signing key fingerprint: none"));
    CHECK(contains(html, "ab12cd"));
    CHECK_FALSE(contains(html, "Unsigned draft"));

    const auto empty = core::session_note_html(sdk::Session{}, sample_client());
    CHECK(contains(empty, "No knots charted"));
    CHECK(contains(empty, "No techniques recorded"));
    CHECK(contains(empty, "not recorded"));
}

TEST_CASE("the filed note names the therapist, contraindications, amendment and key",
          "[unit][note]") {
    auto session = sample_session();
    session.amends_session_id = 7;
    session.amendment_reason = "Wrong side <left> charted";
    session.conflict_acknowledgement = "Cleared by GP";
    session.signature = sdk::Signature{"Alex Morgan", "2026-11-25T10:45:00.000Z", "ab12cd"};
    session.signature->public_key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    core::SessionNoteHtmlOptions options;
    options.practitioner = sdk::Practitioner{1, "Alex Morgan", "RMT"};
    options.practitioner->registration = "CMTO-12345";
    options.contraindications = {"Anticoagulant medication: light to medium pressure"};
    options.chart_image = "memory:chart.png";
    options.amended_started_at = "2026-11-18T09:00:00.000Z";
    const auto html = core::session_note_html(session, sample_client(), options);
    CHECK(contains(html, "<b>Therapist:</b> Alex Morgan, RMT"));
    CHECK(contains(html, "CMTO-12345"));
    CHECK(contains(html, "Anticoagulant medication: light to medium pressure"));
    CHECK(contains(html, "<img src=\"memory:chart.png\""));
    CHECK(contains(html, core::local_time_text("2026-11-18T09:00:00.000Z")));
    CHECK(contains(html, "Wrong side &lt;left&gt; charted"));
    CHECK(contains(html, "Cleared by GP"));
    CHECK(contains(html, core::key_fingerprint(session.signature->public_key)));
    CHECK_FALSE(contains(html, "#7"));
}
