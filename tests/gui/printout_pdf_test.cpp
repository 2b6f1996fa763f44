// The printout a clinic files (issue 16, item 12), saved as PDF from the real session editor
// after real clicks (sign, amend with a typed reason, sign again), and read back with poppler's
// pdftotext and pdfimages: the body chart is drawn from the note's knots at print resolution
// (there while the chart is not on screen), with the contraindications, the therapist's
// credentials and registration number, local times, the amendment's date and reason, and the
// signature with its key fingerprint.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

#include "charting_fixture.hpp"
#include "core/local_time.hpp"
#include "core/signing/key_fingerprint.hpp"
#include "modal_input.hpp"

using namespace knotnotes;
using knotnotes::test::Charting;
using knotnotes::test::click;
using knotnotes::test::let_events_run;

namespace {

std::string output_of(const std::string& command) {
    std::string text;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[4096];
        std::size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
            text.append(buffer, n);
        ::pclose(pipe);
    }
    return text;
}

}  // namespace

TEST_CASE("the PDF of a signed amendment carries everything a clinic files, chart from the data",
          "[gui][printout][local-time]") {
    Charting t(std::vector<std::string>{"anticoagulants"});
    t.place_knot("upper-trapezius", sdk::ChartView::back, sdk::Side::left);
    const auto original_started_at = t.session().started_at;
    click(t.frame->FindWindowByName("sign", t.editor));
    REQUIRE(t.editor->editor().read_only());
    {
        test::ModalInput input;
        input.answer(test::reason_answer("Knot was on the right, not the left"));
        click(t.frame->FindWindowByName("amend", t.editor));
        let_events_run(30);
        REQUIRE(input.shown() == 1);
    }
    REQUIRE(t.session().amends_session_id);
    REQUIRE(t.session().knots.size() == 1);
    click(t.frame->FindWindowByName("sign", t.editor));
    REQUIRE(t.session().signature);

    // The chart is not on screen while the PDF is made: the Progress tab is in front.
    wxUIActionSimulator sim;
    sim.Char('4', wxMOD_CONTROL);
    let_events_run();
    REQUIRE_FALSE(t.editor->chart()->IsShownOnScreen());
    const auto pdf = (t.dir / "note.pdf").string();
    REQUIRE(t.editor->save_pdf(pdf));

    // On the first page, the chart at print resolution (render_body_chart: 820x640 DIPs at 2x),
    // 480 points wide on the page. (wxHtml draws each page's part of the note with a clip, so
    // later pages carry the picture too, clipped away.)
    const auto images = output_of("pdfimages -f 1 -l 1 -list '" + pdf + "'");
    INFO(images);
    std::istringstream rows(images);
    std::string line;
    std::vector<std::string> image_rows;
    while (std::getline(rows, line)) {
        if (line.find(" image ") != std::string::npos)
            image_rows.push_back(line);
    }
    REQUIRE(image_rows.size() == 1);
    std::istringstream columns(image_rows[0]);  // page num type width height ... x-ppi y-ppi
    std::vector<std::string> column{std::istream_iterator<std::string>(columns),
                                    std::istream_iterator<std::string>()};
    REQUIRE(column.size() >= 14);
    CHECK(column[3] == "1640");
    CHECK(column[4] == "1280");
    // 246 pixels per inch (1640 pixels on 480 points) both ways: drawn at its own aspect.
    CHECK(column[12] == "246");
    CHECK(column[13] == "246");

    const auto text = output_of("pdftotext -layout '" + pdf + "' -");
    INFO(text);
    CHECK(text.find("Session note: Jo Smith") != std::string::npos);
    CHECK(text.find("Anticoagulant medication") != std::string::npos);
    CHECK(text.find("Alex Morgan, RMT") != std::string::npos);
    CHECK(text.find("Registration: CMTO-12345") != std::string::npos);
    CHECK(text.find(core::local_time_text(t.session().started_at)) != std::string::npos);
    CHECK(text.find("the note of " + core::local_time_text(original_started_at)) !=
          std::string::npos);
    CHECK(text.find("Reason for the amendment: Knot was on the right, not the left") !=
          std::string::npos);
    CHECK(text.find("Signed by Alex Morgan") != std::string::npos);
    CHECK(text.find(core::local_time_text(t.session().signature->signed_at)) != std::string::npos);
    CHECK(text.find("Signing key fingerprint: " +
                    core::key_fingerprint(t.session().signature->public_key)) != std::string::npos);
    CHECK(text.find("Unsigned draft") == std::string::npos);
}
