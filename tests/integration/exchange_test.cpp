// knotnotes-cli export / import with the real plugins, as a clinic would use them.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "cli_workspace.hpp"

using knotnotes::test::run_process;
using knotnotes::test::slurp;
using knotnotes::test::Workspace;

namespace {

void write(const std::string& file, const std::string& text) {
    std::ofstream(file) << text;
}

const std::string header =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<knotnotes-records xmlns=\"https://knotnotes.org/ns/records/1\" format-version=\"1\">\n";

std::string client_xml(int id) {
    return "  <client id=\"" + std::to_string(id) +
           "\" created-at=\"2026-01-01T00:00:00.000Z\">\n    <given-name>Jo</given-name>\n"
           "    <family-name>Smith</family-name>\n    <birth-date/>\n    <phone/>\n"
           "    <email/>\n    <emergency-contact/>\n    <occupation/>\n  </client>\n";
}

}  // namespace

TEST_CASE("native XML: export then import into an empty database then export is byte-identical",
          "[integration][exchange]") {
    Workspace w;
    REQUIRE(w.on("a.db", {"demo", "--clients", "15", "--sessions-per-client", "4", "--seed", "3"})
                .exit_code == 0);
    auto first = w.on("a.db", {"export", "--format", "xml", "-o", w.path("first.xml")});
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    CHECK_THAT(first.out, Catch::Contains("Exported 15 clients, 60 sessions"));
    CHECK(first.err.find('\r') == std::string::npos);  // no progress bar when not a terminal

    auto imported = w.on("b.db", {"import", w.path("first.xml")});
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    CHECK_THAT(imported.out, Catch::Contains("Imported 15 clients, 15 intakes, 60 sessions"));
    REQUIRE(w.on("b.db", {"export", "--format", "xml", "-o", w.path("second.xml")}).exit_code == 0);
    CHECK(slurp(w.path("first.xml")) == slurp(w.path("second.xml")));
    // Signed sessions arrive still sealed, and the imported database verifies.
    CHECK(w.on("b.db", {"verify"}).exit_code == 0);
}

TEST_CASE("edge cases survive the native XML round trip byte for byte", "[integration][exchange]") {
    Workspace w;
    REQUIRE(run_process({MAKE_SAMPLE_DATABASE, w.path("a.db")}).exit_code == 0);
    REQUIRE(w.on("a.db", {"export", "--format", "xml", "-o", w.path("first.xml")}).exit_code == 0);
    const auto first = slurp(w.path("first.xml"));
    CHECK_THAT(first, Catch::Contains("amends=\"1\""));  // the amendment refers to the original
    // A drawn referral zone travels point for point (and comes back: second == first below).
    CHECK_THAT(first, Catch::Contains("<referral-area>\n        <point x=\"0.38\" y=\"0.05\"/>\n"
                                      "        <point x=\"0.4525\" y=\"0.0625\"/>\n"
                                      "        <point x=\"0.44\" y=\"0.125\"/>\n"
                                      "      </referral-area>"));
    CHECK_THAT(first, Catch::Contains("&quot;temple&quot; &amp; &lt;jaw&gt;&#10;worse") ||
                          Catch::Contains("\"temple\" &amp; &lt;jaw&gt;\nworse"));
    REQUIRE(w.on("b.db", {"import", w.path("first.xml")}).exit_code == 0);
    REQUIRE(w.on("b.db", {"export", "--format", "xml", "-o", w.path("second.xml")}).exit_code == 0);
    CHECK(first == slurp(w.path("second.xml")));
    CHECK(w.on("b.db", {"verify"}).exit_code == 0);
}

TEST_CASE("native XML exports validate against the published schema", "[integration][exchange]") {
    Workspace w;
    REQUIRE(run_process({MAKE_SAMPLE_DATABASE, w.path("a.db")}).exit_code == 0);
    REQUIRE(w.on("a.db", {"export", "--format", "xml", "-o", w.path("out.xml")}).exit_code == 0);
    const auto check =
        run_process({"xmllint", "--noout", "--nonet", "--schema",
                     KNOTNOTES_SOURCE_DIR "/sdk/schema/records-2.xsd", w.path("out.xml")});
    INFO(check.err);
    CHECK(check.exit_code == 0);
}

TEST_CASE("export scope: one client and a date range", "[integration][exchange]") {
    Workspace w;
    REQUIRE(w.on("a.db", {"demo", "--clients", "6", "--sessions-per-client", "5"}).exit_code == 0);
    auto one = w.on("a.db", {"export", "--format", "xml", "--client", "2", "-o", w.path("c2.xml")});
    CHECK_THAT(one.out, Catch::Contains("Exported 1 clients, 5 sessions"));
    auto none = w.on(
        "a.db", {"export", "--format", "xml", "--since", "2030-01-01", "-o", w.path("future.xml")});
    CHECK_THAT(none.out, Catch::Contains("Exported 0 clients, 0 sessions"));
    auto bad =
        w.on("a.db", {"export", "--format", "xml", "--since", "2026-02-30", "-o", w.path("x.xml")});
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains("2026-02-30"));
    auto unknown = w.on("a.db", {"export", "--format", "docx", "-o", w.path("x.docx")});
    CHECK(unknown.exit_code == 1);
    CHECK_THAT(unknown.err, Catch::Contains("'docx'") && Catch::Contains("xml"));
}

TEST_CASE("bad import files are refused with the line and the problem and change nothing",
          "[integration][exchange]") {
    Workspace w;
    REQUIRE(w.on("k.db", {"demo", "--clients", "2", "--sessions-per-client", "2"}).exit_code == 0);
    const auto before = w.state("k.db");
    REQUIRE_FALSE(before.empty());

    struct Case {
        std::string name;
        std::string content;
        std::vector<std::string> expected;
    };
    const std::string practitioner = "  <practitioner id=\"1\" name=\"A\" credentials=\"\"/>\n";
    const std::string session_for_missing_client =
        "  <session id=\"1\" client=\"9\" practitioner=\"1\" started-at=\"2026-01-01\" "
        "duration-minutes=\"60\">\n    <subjective/><objective/><assessment/><plan/>\n"
        "  </session>\n";
    const std::vector<Case> cases{
        {"malformed.xml",
         header + client_xml(1) + "  <client id=\"2\">\n</knotnotes-records>\n",
         {"line", "malformed XML"}},
        {"wrong-schema.xml",
         "<?xml version=\"1.0\"?>\n<Bundle xmlns=\"http://hl7.org/fhir\"/>\n",
         {"line 2", "not a KnotNotes records file", "Bundle"}},
        {"missing-client.xml",
         header + practitioner + session_for_missing_client + "</knotnotes-records>\n",
         {"line 4", "client=\"9\"", "not earlier in the file"}},
        {"duplicate-ids.xml",
         header + client_xml(1) + client_xml(1) + "</knotnotes-records>\n",
         {"line 12", "duplicate client id 1"}},
        {"empty.xml", "", {"is empty"}},
        {"bomb.xml",
         "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 "
         "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n"
         "<knotnotes-records xmlns=\"https://knotnotes.org/ns/records/1\" "
         "format-version=\"1\">&lol2;</knotnotes-records>\n",
         {"DOCTYPE declarations are not allowed"}},
        {"bad-value.xml",
         header + practitioner + client_xml(1) +
             "  <session id=\"1\" client=\"1\" practitioner=\"1\" started-at=\"2026-01-01\" "
             "duration-minutes=\"60\">\n    <subjective/><objective/><assessment/><plan/>\n"
             "    <knot id=\"1\" muscle=\"upper-trapezius\" side=\"left\" view=\"back\" x=\"0.4\" "
             "y=\"0.2\" kind=\"active\" tenderness=\"12\" result=\"released\"/>\n  </session>\n"
             "</knotnotes-records>\n",
         {"line 15", "tenderness", "'12'", "maximum value allowed ('10')"}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        write(w.path(c.name), c.content);
        // The native importer, named: without --format a FHIR Bundle would go to the FHIR one.
        auto r = w.on("k.db", {"import", "--format", "xml", w.path(c.name)});
        CHECK(r.exit_code == 1);
        for (const auto& part : c.expected)
            CHECK_THAT(r.err, Catch::Contains(part));
        CHECK_THAT(r.err, Catch::Contains(c.name) && Catch::Contains("database is unchanged"));
        CHECK(w.state("k.db") == before);
    }
    // Told from the file, an empty FHIR Bundle goes to the FHIR importer, which says what is
    // missing.
    const auto told = w.on("k.db", {"import", w.path("wrong-schema.xml")});
    CHECK(told.exit_code == 1);
    CHECK_THAT(told.err,
               Catch::Contains("org.knotnotes.export.fhir") && Catch::Contains("holds no Patient"));
    CHECK(w.state("k.db") == before);

    // 50 MB: a single name that long is refused by the length limits, without exhausting memory.
    {
        std::ofstream big(w.path("huge.xml"));
        big << header << "  <client id=\"1\" created-at=\"2026-01-01\">\n    <given-name>"
            << std::string(50 * 1024 * 1024, 'a')
            << "</given-name>\n    <family-name/><birth-date/><phone/><email/>"
               "<emergency-contact/><occupation/>\n  </client>\n</knotnotes-records>\n";
    }
    auto huge = w.on("k.db", {"import", w.path("huge.xml")});
    CHECK(huge.exit_code == 1);
    CHECK_THAT(huge.err, Catch::Contains("line 4") &&
                             Catch::Contains("longer than any record may hold (1 MiB)"));
    CHECK(w.state("k.db") == before);
}

TEST_CASE("a signed session altered in the file is refused on import", "[integration][exchange]") {
    Workspace w;
    REQUIRE(w.on("a.db", {"demo", "--clients", "1", "--sessions-per-client", "2"}).exit_code == 0);
    REQUIRE(w.on("a.db", {"export", "--format", "xml", "-o", w.path("out.xml")}).exit_code == 0);
    auto xml = slurp(w.path("out.xml"));
    const auto at = xml.find("<assessment>");
    REQUIRE(at != std::string::npos);
    xml.insert(at + 12, "Rewritten. ");
    write(w.path("altered.xml"), xml);
    auto r = w.on("b.db", {"import", w.path("altered.xml")});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err,
               Catch::Contains("does not match its signature: it was changed after signing"));
}

// Signatures are verified on a second thread while the import goes on (import_service.cpp):
// the failure reported is still the first in the file, and nothing is imported.
TEST_CASE(
    "of two altered signed sessions and a later schema error, the import names the first "
    "session and imports nothing",
    "[integration][exchange]") {
    Workspace w;
    REQUIRE(w.on("a.db", {"demo", "--clients", "40", "--sessions-per-client", "3"}).exit_code == 0);
    REQUIRE(w.on("a.db", {"export", "--format", "xml", "-o", w.path("out.xml")}).exit_code == 0);
    auto xml = slurp(w.path("out.xml"));
    const auto started_at = [&](std::size_t at) {
        const auto session = xml.rfind("<session ", at);
        const auto attribute = xml.find("started-at=\"", session) + 12;
        return xml.substr(attribute, xml.find('"', attribute) - attribute);
    };
    const auto last = xml.rfind("<assessment>");
    const auto first = xml.find("<assessment>");
    REQUIRE(first != std::string::npos);
    REQUIRE(first != last);
    const auto first_note = started_at(first), last_note = started_at(last);
    REQUIRE(first_note != last_note);
    xml.insert(last + 12, "Rewritten. ");  // the later one first: `first` stays where it is
    xml.insert(first + 12, "Rewritten. ");
    // And in the next client, a value the schema refuses: read before the first client's
    // signatures have been verified, yet the first note's signature is still the problem named.
    const auto second_client = xml.find("<client ", xml.find("<client ") + 1);
    REQUIRE(second_client > first);
    const auto tenderness = xml.find("tenderness=\"", second_client);
    REQUIRE(tenderness != std::string::npos);
    xml.replace(tenderness + 12, 1, "12");
    write(w.path("altered.xml"), xml);
    REQUIRE(w.on("b.db", {"demo", "--clients", "1", "--sessions-per-client", "1", "--seed", "7"})
                .exit_code == 0);  // another seed: other uids than a.db
    const auto before = w.state("b.db");
    auto r = w.on("b.db", {"import", w.path("altered.xml")});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("the note of " + first_note) &&
                          Catch::Contains("does not match its signature"));
    CHECK_THAT(r.err, !Catch::Contains("the note of " + last_note));
    CHECK(w.state("b.db") == before);
}

TEST_CASE("an exporter failing mid-export leaves no partial file and is disabled",
          "[integration][exchange]") {
    Workspace w;
    REQUIRE(w.on("a.db", {"demo", "--clients", "2", "--sessions-per-client", "2"}).exit_code == 0);
    auto r = w.cli({"--db", w.path("a.db"), "--plugin-path", KNOTNOTES_TEST_BROKEN_PLUGINS_DIR,
                    "export", "--format", "test-throw", "-o", w.path("out.txt")});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("org.knotnotes.test.throwing-exporter") &&
                          Catch::Contains("write_session threw"));
    CHECK_FALSE(std::filesystem::exists(w.path("out.txt")));
    for (const auto& entry : std::filesystem::directory_iterator(w.dir.path())) {
        CHECK(entry.path().filename().string().find(".partial") == std::string::npos);
    }
    auto list = w.cli({"--plugin-path", KNOTNOTES_TEST_BROKEN_PLUGINS_DIR, "plugins", "list"});
    CHECK_THAT(list.out, Catch::Contains("write_session threw: session writer not implemented"));
}
