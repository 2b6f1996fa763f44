// An import asks the plugins: techniques must belong to a library that is here, and stored
// questionnaire scores must be what the instrument's own plugin computes.
#include <catch2/catch.hpp>
#include <regex>

#include "cli_workspace.hpp"
#include "import_refusal.hpp"

using knotnotes::test::check_import_refused;
using knotnotes::test::demo_export;
using knotnotes::test::slurp;
using knotnotes::test::Workspace;

namespace {

// The first line holding `marker`, with `pattern` replaced in it.
std::string edit_line(std::string xml, const std::string& marker, const std::string& pattern,
                      const std::string& replacement) {
    const auto at = xml.find(marker);
    REQUIRE(at != std::string::npos);
    const auto start = xml.rfind('\n', at) + 1;
    const auto end = xml.find('\n', at);
    const auto line = xml.substr(start, end - start);
    const auto edited = std::regex_replace(line, std::regex(pattern), replacement,
                                           std::regex_constants::format_first_only);
    REQUIRE(edited != line);
    return xml.replace(start, end - start, edited);
}

const std::string nprs = "instrument=\"org.knotnotes.questionnaires/nprs\"";

}  // namespace

TEST_CASE("the original demo export imports: its scores are the plugins' own",
          "[integration][exchange]") {
    Workspace w;
    demo_export(w);
    auto r = w.on("b.db", {"import", w.path("out.xml")});
    INFO(r.err);
    CHECK(r.exit_code == 0);
}

TEST_CASE("a stored score or interpretation that is not the plugin's is refused",
          "[integration][exchange]") {
    Workspace w;
    const auto xml = demo_export(w);
    check_import_refused(w, "score.xml", edit_line(xml, nprs, "score=\"[0-9.]+\"", "score=\"99\""),
                         {"questionnaire response of", "is stored as 99",
                          "but its plugin scores its "
                          "answers"});
    check_import_refused(
        w, "interpretation.xml",
        edit_line(xml, nprs, "interpretation=\"[a-z]+\"", "interpretation=\"none\""),
        {"is stored as", "(none)", "but its plugin scores its answers"});
    // An answer out of the item's range, with a score to match it.
    auto eleven = edit_line(xml, nprs, "score=\"[0-9.]+\"", "score=\"11\"");
    eleven = edit_line(eleven, "<answer item=\"pain\"", "value=\"[0-9.]+\"", "value=\"11\"");
    check_import_refused(
        w, "answer.xml", eleven,
        {"has answers its own plugin refuses", "item 'pain': 11 is outside 0 to 10"});
}

TEST_CASE("an unknown instrument or technique is refused naming the plugin that is missing",
          "[integration][exchange]") {
    Workspace w;
    const auto xml = demo_export(w);
    check_import_refused(
        w, "instrument.xml",
        edit_line(xml, nprs, "org.knotnotes.questionnaires/nprs", "org.example.licensed/oswestry"),
        {"(org.example.licensed/oswestry) cannot be checked",
         "no plugin with id org.example.licensed was found", "Install or enable the plugin"});
    const std::string effleurage = "org.knotnotes.techniques.swedish/effleurage";
    check_import_refused(
        w, "library.xml",
        edit_line(xml, effleurage, effleurage, "org.example.sports/kinesio-taping"),
        {"the technique org.example.sports/kinesio-taping is unknown here",
         "no plugin with id org.example.sports"});
    check_import_refused(
        w, "technique.xml",
        edit_line(xml, effleurage, effleurage, "org.knotnotes.techniques.swedish/moonwalk"),
        {"plugin org.knotnotes.techniques.swedish is loaded but offers no 'moonwalk'"});

    // The plugin is here but disabled: say so, and how to enable it.
    REQUIRE(w.cli({"plugins", "disable", "org.knotnotes.techniques.swedish"}).exit_code == 0);
    check_import_refused(
        w, "disabled.xml", xml,
        {"plugin org.knotnotes.techniques.swedish is disabled: disabled by the user",
         "knotnotes-cli plugins enable org.knotnotes.techniques.swedish"});
}
