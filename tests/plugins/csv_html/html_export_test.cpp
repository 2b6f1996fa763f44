// The printable report plugin (plugins/export_html), loaded through the plugin host: one
// self-contained, well-formed HTML file per client with escaped texts, a body chart per session
// with a marker per knot, the intake's contraindications, signatures and amendments, and the
// progress charts.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "builtin_exporter.hpp"
#include "export_sample.hpp"
#include "file_text.hpp"
#include "process.hpp"

using namespace knotnotes;
using knotnotes::test::BuiltinExporter;
using knotnotes::test::TempDir;

namespace {

const std::string html_plugin = "org.knotnotes.export.html";
const std::string chloe_report = "client-1-o-brien-chloe.html";
const std::string sam_report = "client-2-lee-sam.html";

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1))
        ++n;
    return n;
}

// Exports the whole sample and reads every file of the folder, by file name.
std::map<std::string, std::string> export_reports(const TempDir& dir) {
    BuiltinExporter html(html_plugin);
    REQUIRE(html.exporter());
    test::export_sample(html.exporter(), dir / "reports", test::make_export_sample());
    std::map<std::string, std::string> reports;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "reports"))
        reports[entry.path().filename().string()] = test::file_text(entry.path());
    return reports;
}

// Each <section class="session">…</section> of a report, in order.
std::vector<std::string> session_sections(const std::string& html) {
    std::vector<std::string> sections;
    const std::string open = "<section class=\"session\"";
    for (auto start = html.find(open); start != std::string::npos;
         start = html.find(open, start + 1)) {
        const auto end = html.find("</section>", start);
        sections.push_back(html.substr(start, end - start));
    }
    return sections;
}

// The HTML parser of libxml2 predates HTML5 and SVG in HTML: it reports their element names as
// unknown but parses them. Every other complaint (a stray end tag, a bad character reference,
// unescaped '&' or '<') is a real defect; libxml2 2.9 exits 0 either way, so the messages count.
std::vector<std::string> html_parser_complaints(const std::filesystem::path& file) {
    const std::set<std::string> html5_and_svg_elements{
        "header", "section", "svg", "g", "path", "circle", "line", "polyline", "rect", "text"};
    const auto result = test::run_process({"xmllint", "--html", "--noout", file.string()});
    std::vector<std::string> complaints;
    std::istringstream lines(result.err);
    for (std::string line; std::getline(lines, line);) {
        const auto at = line.find("parser error : ");
        if (at == std::string::npos)
            continue;
        const std::string message = line.substr(at + 15);
        const std::string tag_prefix = "Tag ";
        const std::string tag_suffix = " invalid";
        if (message.rfind(tag_prefix, 0) == 0 && message.size() > tag_suffix.size() &&
            message.compare(message.size() - tag_suffix.size(), tag_suffix.size(), tag_suffix) ==
                0) {
            const auto tag = message.substr(tag_prefix.size(),
                                            message.size() - tag_prefix.size() - tag_suffix.size());
            if (html5_and_svg_elements.count(tag))
                continue;
        }
        complaints.push_back(message);
    }
    if (result.exit_code != 0)
        complaints.push_back("xmllint exited with " + std::to_string(result.exit_code));
    return complaints;
}

// The "translate(x y)" of the first knot marker whose class starts with `marker_class`.
std::pair<double, double> marker_position(const std::string& section,
                                          const std::string& marker_class) {
    const std::string open = "<g class=\"" + marker_class;
    const auto at = section.find(open);
    REQUIRE(at != std::string::npos);
    const auto translate = section.find("translate(", at) + 10;
    std::istringstream numbers(section.substr(translate, 40));
    double x = 0;
    double y = 0;
    numbers >> x >> y;
    return {x, y};
}

}  // namespace

TEST_CASE("html export writes one report per client named after the client", "[plugins][html]") {
    TempDir dir;
    const auto reports = export_reports(dir);
    std::set<std::string> names;
    for (const auto& [name, text] : reports)
        names.insert(name);
    CHECK(names == std::set<std::string>{chloe_report, sam_report});
    for (const auto& [name, text] : reports) {
        INFO(name);
        CHECK(text.rfind("<!DOCTYPE html>\n<html", 0) == 0);
        CHECK_THAT(text, Catch::Contains("<meta charset=\"utf-8\" />"));
        CHECK_THAT(text, Catch::EndsWith("</html>\n"));
    }
    CHECK_THAT(reports.at(chloe_report),
               Catch::Contains("<title>Client record: Chloé O&#39;Brien"));
    CHECK_THAT(reports.at(sam_report), Catch::Contains("<h1>Sam Lee</h1>"));
}

TEST_CASE("html reports are well-formed for xmllint as HTML and as XML", "[plugins][html]") {
    TempDir dir;
    export_reports(dir);
    for (const auto& name : {chloe_report, sam_report}) {
        const auto file = dir / "reports" / name;
        INFO(name);
        CHECK(html_parser_complaints(file).empty());
        // Polyglot markup: the same file parses as XML, where xmllint is strict and exits 1.
        const auto as_xml = test::run_process({"xmllint", "--noout", "--nonet", file.string()});
        INFO(as_xml.err);
        CHECK(as_xml.exit_code == 0);
        CHECK(as_xml.err.empty());
    }
}

TEST_CASE("html reports are self-contained and print cleanly", "[plugins][html]") {
    TempDir dir;
    const auto reports = export_reports(dir);
    for (const auto& [name, text] : reports) {
        INFO(name);
        CHECK(count(text, "<script") == 0);
        CHECK(count(text, "<link") == 0);
        CHECK(count(text, " src=") == 0);
        CHECK(count(text, " href=") == 0);
        CHECK(count(text, "url(") == 0);
        // The only addresses are the namespace names, which are never fetched.
        CHECK(count(text, "http") == count(text, "xmlns=\"http"));
        CHECK_THAT(text, Catch::Contains("@media print") &&
                             Catch::Contains("page-break-before: always") &&
                             Catch::Contains("background: transparent !important"));
    }
}

TEST_CASE("html report escapes every text taken from the records", "[plugins][html]") {
    TempDir dir;
    const auto reports = export_reports(dir);
    const auto& html = reports.at(chloe_report);
    CHECK_THAT(html, Catch::Contains("Chloé"));
    CHECK_THAT(html, Catch::Contains("O&#39;Brien"));
    CHECK_THAT(html, Catch::Contains("Teacher &amp; coach &lt;part-time&gt;"));
    CHECK_THAT(html, Catch::Contains("Pain &quot;6/10&quot;, worse after &lt;desk&gt; work &amp; "
                                     "driving\nSleeps badly"));
    CHECK_THAT(html, Catch::Contains("forehead &amp; ear &lt;deep&gt;"));
    CHECK_THAT(html, Catch::Contains("Dana &quot;DJ&quot; Jóhannsdóttir, LMT"));
    for (const std::string raw : {"<part-time>", "<desk>", "<deep>", "& coach", "\"DJ\""})
        CHECK_FALSE(html.find(raw) != std::string::npos);
}

TEST_CASE("html report draws one body chart per session with one marker per knot",
          "[plugins][html]") {
    TempDir dir;
    const auto reports = export_reports(dir);
    const auto sample = test::make_export_sample();
    for (std::size_t c = 0; c < sample.clients.size(); ++c) {
        const auto& chart = sample.clients[c];
        const auto sections = session_sections(reports.at(c == 0 ? chloe_report : sam_report));
        REQUIRE(sections.size() == chart.sessions.size());
        for (std::size_t s = 0; s < sections.size(); ++s) {
            const auto& session = chart.sessions[s];
            const auto& section = sections[s];
            INFO("session " << session.id);
            CHECK_THAT(section, Catch::Contains("id=\"session-" + std::to_string(session.id)));
            CHECK(count(section, "<svg") == 1);
            CHECK(count(section, "class=\"body-chart figure-" +
                                     std::string(sdk::to_text(chart.client.chart_figure)) + "\"") ==
                  1);
            std::size_t active = 0, latent = 0, released = 0, on_left = 0, on_right = 0;
            for (const auto& knot : session.knots) {
                (knot.kind == sdk::KnotKind::active ? active : latent) += 1;
                released += knot.result == sdk::KnotResult::released;
                on_left += knot.view == sdk::ChartView::left;
                on_right += knot.view == sdk::ChartView::right;
            }
            CHECK(count(section, "<g class=\"knot ") == session.knots.size());
            CHECK(count(section, "<g class=\"knot active") == active);
            CHECK(count(section, "<g class=\"knot latent") == latent);
            CHECK(count(section, "class=\"released-ring\"") == released);
            CHECK(count(section, "class=\"view view-front\"") == 1);
            CHECK(count(section, "class=\"view view-back\"") == 1);
            CHECK(count(section, "class=\"view view-left\"") == (on_left > 0 ? 1u : 0u));
            CHECK(count(section, "class=\"view view-right\"") == (on_right > 0 ? 1u : 0u));
            CHECK(count(section, "class=\"legend\"") == 1);
        }
    }
    // The first marker of session 100 is knot 1000 on the back view, drawn at its (x, y).
    const auto& knot = sample.clients[0].sessions[0].knots[0];
    const auto [x, y] =
        marker_position(session_sections(reports.at(chloe_report))[0], "knot active released");
    CHECK(x == Approx(knot.x * 200).margin(0.06));
    CHECK(y == Approx(knot.y * 400).margin(0.06));
}

TEST_CASE("html report highlights the contraindications of the latest intake", "[plugins][html]") {
    TempDir dir;
    const auto reports = export_reports(dir);
    const auto& html = reports.at(chloe_report);
    const auto box = html.find("<div class=\"contraindications\">");
    REQUIRE(box != std::string::npos);
    const auto avoid = html.find("<li class=\"contraindication avoid\">", box);
    const auto caution = html.find("<li class=\"contraindication caution\">", box);
    REQUIRE(avoid != std::string::npos);
    REQUIRE(caution != std::string::npos);
    CHECK(avoid < caution);  // what forbids deep work comes first
    CHECK_THAT(html, Catch::Contains("<strong>Recent whiplash</strong>: No deep neck work in the "
                                     "acute phase."));
    CHECK_THAT(html, Catch::Contains("<strong>Anticoagulant medication</strong>: Bruises easily"));
    CHECK(box < html.find("<section class=\"session\""));  // before any session
    // Only the latest intake counts: version 1 flagged a pregnancy, version 2 does not.
    CHECK(count(html, "Pregnancy") == 0);
    CHECK_THAT(html, Catch::Contains("Intake <span class=\"note\">version 2"));
    CHECK_THAT(reports.at(sam_report), Catch::Contains("No contraindications flagged"));
    CHECK(count(reports.at(sam_report), "class=\"contraindication ") == 0);
}

TEST_CASE("html report shows practitioners and signatures and amendments and tables",
          "[plugins][html]") {
    TempDir dir;
    const auto reports = export_reports(dir);
    const auto sections = session_sections(reports.at(chloe_report));
    REQUIRE(sections.size() == 3);
    const auto& original = sections[0];
    const auto& amendment = sections[1];

    CHECK_THAT(original, Catch::Contains("<h2>Session of 2026-01-10 09:30 UTC</h2>"));
    CHECK_THAT(original, Catch::Contains("60 min"));
    CHECK_THAT(original, Catch::Contains("Alex Morgan, RMT"));
    CHECK_THAT(original, Catch::Contains("Signed by Alex Morgan at 2026-01-10 10:45 UTC"));
    CHECK_THAT(original, Catch::Contains(test::signed_hash.substr(0, 12) + "…"));
    CHECK(count(original, test::signed_hash) == 0);  // a prefix identifies, the whole is noise
    CHECK_THAT(original, Catch::Contains("Amended by</dt><dd>session #101 of 2026-01-24"));
    CHECK_THAT(original, Catch::Contains("6 before, 3 after"));

    CHECK_THAT(amendment, Catch::Contains("class=\"status draft\">Draft (not signed)"));
    CHECK_THAT(amendment, Catch::Contains("Amends</dt><dd>session #100 of 2026-01-10 09:30 UTC"));
    CHECK(count(sections[2], "Amend") == 0);

    // Knots table: name from the atlas, side, kind, tenderness, referral, result.
    CHECK_THAT(original, Catch::Contains("<td>Upper trapezius</td><td>left</td><td>back</td>"
                                         "<td>active</td><td class=\"number\">7/10</td>"
                                         "<td>side of the head, behind the eye</td>"
                                         "<td>released</td>"));
    // Techniques table: pressure with its word, duration, tool, direction, response.
    CHECK_THAT(original,
               Catch::Contains("<td>org.knotnotes.techniques.trigger-point/ischemic-compression"
                               "</td><td>Upper trapezius</td><td>left</td>"
                               "<td class=\"number\">7 (deep)</td>"
                               "<td class=\"number\">1 min 30 s</td><td>thumb</td>"
                               "<td>sustained</td><td>Referral eased, &quot;good hurt&quot;</td>"));
    // Pressure readings, by muscle or region name.
    CHECK_THAT(original, Catch::Contains("<td>Upper back</td><td>midline</td>"
                                         "<td class=\"number\">5 (medium)</td>"));
}

TEST_CASE("html report ends with progress charts of pain and questionnaire scores",
          "[plugins][html]") {
    TempDir dir;
    const auto reports = export_reports(dir);
    const auto& html = reports.at(chloe_report);
    const auto progress_at = html.find("<section class=\"progress\">");
    REQUIRE(progress_at != std::string::npos);
    CHECK(progress_at > html.rfind("<section class=\"session\""));
    const auto progress = html.substr(progress_at);

    // Pain (before and after, three sessions each), NPRS and PSFS: one chart each.
    CHECK(count(progress, "class=\"progress-chart\"") == 3);
    const auto pain_chart = progress.substr(0, progress.find("</svg>"));
    CHECK(count(pain_chart, "<polyline") == 2);
    CHECK(count(pain_chart, "<circle class=\"point\"") == 6);
    for (const auto* date : {"2026-01-10", "2026-01-24", "2026-02-07"})
        CHECK_THAT(pain_chart, Catch::Contains(date));
    CHECK_THAT(pain_chart, Catch::Contains("pain before") && Catch::Contains("pain after"));
    CHECK_THAT(progress, Catch::Contains("<h4>org.knotnotes.questionnaires.core/nprs"));
    CHECK_THAT(progress, Catch::Contains("<h4>org.knotnotes.questionnaires.core/psfs"));
    CHECK_THAT(progress, Catch::Contains("<td class=\"number\">5.5</td>"));

    // One session with a pain score before only: a point, no line.
    const auto& sam = reports.at(sam_report);
    const auto sam_progress = sam.substr(sam.find("<section class=\"progress\">"));
    CHECK(count(sam_progress, "class=\"progress-chart\"") == 2);
    CHECK(count(sam_progress.substr(0, sam_progress.find("</svg>")), "<polyline") == 0);
    CHECK_THAT(sam_progress, Catch::Contains("<td class=\"number\">4.3</td><td>moderate</td>"));
}

TEST_CASE("html report of a client is written as soon as the next client starts",
          "[plugins][html]") {
    TempDir dir;
    BuiltinExporter html(html_plugin);
    const auto sample = test::make_export_sample();
    const auto folder = dir / "reports";
    test::begin_export(html.exporter(), folder);
    test::write_practitioners(html.exporter(), sample);
    test::write_client_chart(html.exporter(), sample.clients[0]);
    CHECK_FALSE(
        std::filesystem::exists(folder / chloe_report));  // a client's file is written whole

    test::write_client_chart(html.exporter(), sample.clients[1]);
    CHECK_THAT(test::file_text(folder / chloe_report), Catch::EndsWith("</html>\n"));
    CHECK_FALSE(std::filesystem::exists(folder / sam_report));

    test::end_export(html.exporter());
    CHECK_THAT(test::file_text(folder / sam_report), Catch::EndsWith("</html>\n"));
}

TEST_CASE("html export into a folder that cannot be created fails naming the path",
          "[plugins][html]") {
    TempDir dir;
    std::ofstream(dir / "a-file") << "not a folder";
    const auto target = dir / "a-file" / "reports";
    BuiltinExporter html(html_plugin);
    try {
        test::begin_export(html.exporter(), target);
        FAIL("begin() accepted a folder that cannot exist");
    } catch (const core::PluginCallError& e) {
        CHECK_FALSE(e.disabled_plugin());
        CHECK_THAT(e.what(), Catch::Contains(target.string()));
    }
    CHECK(html.state() == core::PluginState::loaded);
}
