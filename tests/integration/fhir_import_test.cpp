// knotnotes-cli import of FHIR R4 Bundles, with the real FHIR plugin: KnotNotes' own exports
// come back exactly (compared through the native XML export, byte for byte), and a Bundle from
// another system is read as far as it maps, with a report of what was taken and skipped.
#include <fstream>

#include <catch2/catch.hpp>

#include "cli_workspace.hpp"

using knotnotes::test::run_process;
using knotnotes::test::slurp;
using knotnotes::test::Workspace;

namespace {

const std::string other_system_bundle =
    KNOTNOTES_SOURCE_DIR "/tests/fixtures/records/other-system-fhir-bundle.xml";

// Exports a.db as FHIR, imports that into b.db, and says whether both databases' native XML
// exports are the same bytes.
void check_round_trip(Workspace& w, const std::vector<std::string>& fhir_options = {}) {
    std::vector<std::string> exporting = {"export", "--format", "fhir-r4-xml", "-o",
                                          w.path("a.fhir.xml")};
    for (const auto& option : fhir_options)
        exporting.insert(exporting.end(), {"--option", option});
    REQUIRE(w.on("a.db", exporting).exit_code == 0);
    REQUIRE(w.on("a.db", {"export", "--format", "xml", "-o", w.path("a.xml")}).exit_code == 0);
    // No --format: a FHIR Bundle is told from its root element.
    const auto imported = w.on("b.db", {"import", w.path("a.fhir.xml")});
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    REQUIRE(w.on("b.db", {"export", "--format", "xml", "-o", w.path("b.xml")}).exit_code == 0);
    CHECK(slurp(w.path("a.xml")) == slurp(w.path("b.xml")));
    // Signed notes arrive sealed, and their signatures verify.
    const auto verified = w.on("b.db", {"verify"});
    INFO(verified.out);
    CHECK(verified.exit_code == 0);
    CHECK_THAT(verified.out, Catch::Contains("signed notes verify"));
}

}  // namespace

TEST_CASE("FHIR import: the demo's own FHIR export comes back exactly", "[integration][fhir]") {
    Workspace w;
    REQUIRE(w.on("a.db", {"demo", "--clients", "12", "--sessions-per-client", "5", "--seed", "7"})
                .exit_code == 0);
    check_round_trip(w);
    // Importing the same export again is refused: the records are already there.
    const auto again = w.on("b.db", {"import", "--format", "fhir-r4-xml", w.path("a.fhir.xml")});
    CHECK(again.exit_code == 1);
    CHECK_THAT(again.err, Catch::Contains("already in this database") &&
                              Catch::Contains("Nothing was imported"));
}

TEST_CASE("FHIR import: the edge cases come back exactly, in every Bundle type",
          "[integration][fhir]") {
    // Amendments (one repeating its original's charting), referral areas, text with quotes,
    // markup and line breaks, carried-forward knots, drafts and signed notes.
    for (const std::string bundle : {"transaction", "collection", "document"}) {
        DYNAMIC_SECTION("bundle=" << bundle) {
            Workspace w;
            REQUIRE(run_process({MAKE_SAMPLE_DATABASE, w.path("a.db")}).exit_code == 0);
            check_round_trip(w, {"bundle=" + bundle, "snomed=no"});
            const auto fhir = slurp(w.path("a.fhir.xml"));
            CHECK_THAT(fhir, Catch::Contains("StructureDefinition/charting-uids"));
            CHECK_THAT(fhir, Catch::Contains("StructureDefinition/previous-knot"));
        }
    }
}

TEST_CASE(
    "FHIR import: another system's Bundle is read as far as it maps, and says what it "
    "skipped",
    "[integration][fhir]") {
    Workspace w;
    const auto imported = w.on("c.db", {"import", other_system_bundle});
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    CHECK_THAT(imported.out, Catch::Contains("Imported 1 clients, 1 intakes, 1 sessions and 0 "
                                             "questionnaire responses"));
    // Per resource type, what was taken and what was skipped and why.
    CHECK_THAT(imported.out, Catch::Contains("Patient: 1 taken"));
    CHECK_THAT(imported.out, Catch::Contains("Observation: 1 taken, 1 skipped (not a pain score"));
    CHECK_THAT(imported.out,
               Catch::Contains("Procedure: 0 taken, 1 skipped (its code is not a technique"));
    CHECK_THAT(imported.out, Catch::Contains("MedicationStatement: 0 taken, 1 skipped (not a "
                                             "record KnotNotes keeps)"));
    CHECK_THAT(imported.out, Catch::Contains("QuestionnaireResponse: 0 taken, 1 skipped"));
    CHECK_THAT(imported.out, Catch::Contains("Organization: 0 taken, 1 skipped"));

    REQUIRE(w.on("c.db", {"export", "--format", "xml", "-o", w.path("c.xml")}).exit_code == 0);
    const auto records = slurp(w.path("c.xml"));
    // The official name, the practitioner a Practitioner/dr1 reference names (the entry comes
    // last), the visit's start and length, the pain score, the SOAP text.
    CHECK_THAT(records, Catch::Contains("<given-name>Ann Marie</given-name>"));
    CHECK_THAT(records, Catch::Contains("<family-name>Okafor</family-name>"));
    CHECK_THAT(records, Catch::Contains("<birth-date>1979-04-02</birth-date>"));
    CHECK_THAT(records, Catch::Contains("name=\"Sara Lindqvist\""));
    CHECK_THAT(records, Catch::Contains("started-at=\"2026-03-04T15:00:00Z\" "
                                        "duration-minutes=\"60\""));
    CHECK_THAT(records, Catch::Contains("<pain-before>6</pain-before>"));
    CHECK_THAT(records, Catch::Contains("<subjective>Stiff neck after a long drive.</subjective>"));
    CHECK_THAT(records, Catch::Contains("<plan>Rebook in two weeks.</plan>"));
    // The Consent became the intake's consent, its date a UTC time.
    CHECK_THAT(records, Catch::Contains("recorded-at=\"2026-03-04T00:00:00Z\""));
    CHECK_THAT(records, Catch::Contains("<consent agreed=\"true\" date=\"2026-03-04\" "
                                        "signer=\"Ann Okafor\"/>"));

    // A server's search results may list the Patient after what refers to it: the same records.
    auto reordered = slurp(other_system_bundle);
    const auto patient_at =
        reordered.find("  <entry>\n    <fullUrl value=\"http://ehr.example.org/fhir/Patient/p1\"");
    REQUIRE(patient_at != std::string::npos);
    const auto patient_end = reordered.find("  </entry>\n", patient_at) + 11;
    const auto patient_entry = reordered.substr(patient_at, patient_end - patient_at);
    reordered.erase(patient_at, patient_end - patient_at);
    reordered.insert(reordered.rfind("</Bundle>"), patient_entry);
    std::ofstream(w.path("reordered.xml"), std::ios::binary) << reordered;
    REQUIRE(w.on("r.db", {"import", w.path("reordered.xml")}).exit_code == 0);
    REQUIRE(w.on("r.db", {"export", "--format", "xml", "-o", w.path("r.xml")}).exit_code == 0);
    auto without_created_at = [](std::string text) {
        const auto at = text.find("created-at=\"");
        return text.erase(at, text.find('"', at + 12) - at);
    };
    CHECK(without_created_at(slurp(w.path("r.xml"))) == without_created_at(records));

    // The uids come from the other system's identifiers: the same file twice is refused.
    const auto again = w.on("c.db", {"import", other_system_bundle});
    CHECK(again.exit_code == 1);
    CHECK_THAT(again.err, Catch::Contains("already in this database"));
}

TEST_CASE(
    "FHIR import: a bad Bundle is refused, naming the line and the problem, and changes "
    "nothing",
    "[integration][fhir]") {
    Workspace w;
    REQUIRE(w.on("d.db", {"demo", "--clients", "2", "--sessions-per-client", "1"}).exit_code == 0);
    REQUIRE(w.on("d.db", {"export", "--format", "xml", "-o", w.path("before.xml")}).exit_code == 0);
    const auto original = slurp(other_system_bundle);
    // The fixture with every `from` replaced.
    auto with = [&](const std::string& from, const std::string& to) {
        auto text = original;
        REQUIRE(text.find(from) != std::string::npos);
        for (auto at = text.find(from); at != std::string::npos;
             at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
        return text;
    };
    struct Case {
        const char* name;
        std::string text;
        const char* message;
    };
    const Case cases[] = {
        {"a time without a zone",
         with("<start value=\"2026-03-04T15:00:00Z\"/>", "<start value=\"2026-03-04T15:00\"/>"),
         "is not a date or a time with a zone"},
        {"a pain score out of range", with("<value value=\"6\"/>", "<value value=\"11\"/>"),
         "is not a whole number from 0 to 10"},
        {"malformed XML", with("</Composition>", "</Compositio>"), "malformed XML"},
        {"no Patient", with("Patient>", "Person>"), "holds no Patient"},
        {"a JSON Bundle named .xml", "{\"resourceType\": \"Bundle\"}", "malformed XML"},
    };
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.name) {
            std::ofstream(w.path("bad.xml"), std::ios::binary) << c.text;
            const auto refused =
                w.on("d.db", {"import", "--format", "fhir-r4-xml", w.path("bad.xml")});
            CHECK(refused.exit_code == 1);
            CHECK_THAT(refused.err, Catch::Contains(c.message) && Catch::Contains("bad.xml") &&
                                        Catch::Contains("Nothing was imported"));
            REQUIRE(
                w.on("d.db", {"export", "--format", "xml", "-o", w.path("after.xml"), "--force"})
                    .exit_code == 0);
            CHECK(slurp(w.path("after.xml")) == slurp(w.path("before.xml")));
        }
    }
}

TEST_CASE("FHIR import: a signed note altered in the Bundle is refused", "[integration][fhir]") {
    Workspace w;
    REQUIRE(w.on("a.db", {"demo", "--clients", "3", "--sessions-per-client", "3"}).exit_code == 0);
    REQUIRE(
        w.on("a.db", {"export", "--format", "fhir-r4-xml", "-o", w.path("a.fhir.xml")}).exit_code ==
        0);
    auto bundle = slurp(w.path("a.fhir.xml"));
    // The first signed note's Subjective, one word more.
    const std::string final_status = "<status value=\"final\"/>";
    auto at = bundle.find("<Composition>");
    while (at != std::string::npos &&
           bundle.compare(bundle.find("<status value=", bundle.find("</text>", at)),
                          final_status.size(), final_status) != 0) {
        at = bundle.find("<Composition>", at + 1);
    }
    REQUIRE(at != std::string::npos);
    const std::string narrative =
        "<status value=\"additional\"/><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>";
    const auto text = bundle.find(narrative, at);
    REQUIRE(text != std::string::npos);
    bundle.insert(text + narrative.size(), "Also: ");
    std::ofstream(w.path("altered.xml"), std::ios::binary) << bundle;
    const auto refused = w.on("b.db", {"import", w.path("altered.xml")});
    CHECK(refused.exit_code == 1);
    CHECK_THAT(refused.err,
               Catch::Contains("signature") && Catch::Contains("Nothing was imported"));
    CHECK(w.on("b.db", {"export", "--format", "xml", "-o", w.path("b.xml")}).exit_code == 0);
    CHECK_THAT(slurp(w.path("b.xml")), !Catch::Contains("<client "));
}
