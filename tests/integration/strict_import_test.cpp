// Import is strict, export always valid (issue 9.5): each defect an attacker or a careless tool
// puts in a file is refused with its line and changes nothing; whatever KnotNotes stores exports
// to a file that validates and imports back; what XML cannot hold is refused, never changed.
#include <catch2/catch.hpp>
#include <regex>

#include "cli_workspace.hpp"
#include "core/signing/note_signing.hpp"
#include "db/session_repository.hpp"
#include "import_refusal.hpp"
#include "sample_records.hpp"

using namespace knotnotes;
using knotnotes::test::check_import_refused;
using knotnotes::test::demo_export;
using knotnotes::test::run_process;
using knotnotes::test::slurp;
using knotnotes::test::Workspace;

namespace {

const std::string v1_fixture =
    KNOTNOTES_SOURCE_DIR "/tests/fixtures/records/knotnotes-1.0-demo.xml";

std::string replace_first(std::string text, const std::string& pattern,
                          const std::string& replacement) {
    const auto edited = std::regex_replace(text, std::regex(pattern), replacement,
                                           std::regex_constants::format_first_only);
    REQUIRE(edited != text);
    return edited;
}

bool validates(const std::string& file, const char* schema) {
    const auto r = run_process({"xmllint", "--noout", "--nonet", "--schema",
                                std::string(KNOTNOTES_SOURCE_DIR "/sdk/schema/") + schema, file});
    INFO(r.err);
    return r.exit_code == 0;
}

}  // namespace

TEST_CASE("impossible dates and times are refused, in both format versions",
          "[integration][import]") {
    Workspace w;
    const auto v2 = demo_export(w);
    const std::string started = "started-at=\"[^\"]+\"";
    check_import_refused(w, "feb-30.xml",
                         replace_first(v2, started, "started-at=\"2026-02-30T10:00:00.000Z\""),
                         {"line", "started-at", "2026-02-30T10:00:00.000Z"});
    check_import_refused(w, "yesterday.xml", replace_first(v2, started, "started-at=\"yesterday\""),
                         {"line", "yesterday"});
    check_import_refused(w, "local-time.xml",
                         replace_first(v2, started, "started-at=\"2026-03-01T10:00:00+01:00\""),
                         {"line", "2026-03-01T10:00:00+01:00"});
    const auto v1 = slurp(v1_fixture);
    check_import_refused(w, "v1-feb-30.xml",
                         replace_first(v1, started, "started-at=\"2026-02-30T10:00:00.000Z\""),
                         {"line", "started-at '2026-02-30T10:00:00.000Z' is not a real UTC time"});
    check_import_refused(
        w, "v1-birth.xml",
        replace_first(v1, "<birth-date>[^<]*</birth-date>", "<birth-date>1990-13-01</birth-date>"),
        {"line", "birth-date '1990-13-01' is not a real date"});
}

TEST_CASE("foreign namespaces, duplicates and markup inside text are refused",
          "[integration][import]") {
    Workspace w;
    const auto xml = demo_export(w);
    check_import_refused(
        w, "foreign-element.xml",
        replace_first(xml, "<objective>",
                      "<x:note xmlns:x=\"https://example.org/x\">hi</x:note><objective>"),
        {"line", "not valid for the records schema", "note"});
    check_import_refused(
        w, "foreign-attribute.xml",
        replace_first(xml, "<session ", "<session xmlns:x=\"https://example.org/x\" x:flag=\"1\" "),
        {"line", "not valid for the records schema", "flag"});
    check_import_refused(
        w, "second-subjective.xml",
        replace_first(xml, "</subjective>", "</subjective><subjective>again</subjective>"),
        {"line", "subjective", "not expected"});
    check_import_refused(w, "nested-markup.xml",
                         replace_first(xml, "<subjective>", "<subjective>pain <b>left</b> side "),
                         {"line", "not valid for the records schema"});
    check_import_refused(w, "text-between-records.xml",
                         replace_first(xml, "  <client ", "  stray words\n  <client "),
                         {"line", "not valid for the records schema"});
}

TEST_CASE("only UTF-8 is read", "[integration][import]") {
    Workspace w;
    const auto xml = demo_export(w);
    check_import_refused(
        w, "latin-1.xml",
        replace_first(replace_first(xml, "encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\""),
                      "<subjective>", "<subjective>Chlo\xE9 "),
        {"line 1", "declares the encoding ISO-8859-1", "UTF-8"});
    check_import_refused(w, "stray-byte.xml",
                         replace_first(xml, "<subjective>", "<subjective>Chlo\xE9 "),
                         {"line", "UTF-8"});
    check_import_refused(w, "utf-16.xml", std::string("\xFF\xFE<\0?\0", 6), {"UTF-16"});
}

TEST_CASE("a file imported twice is refused the second time", "[integration][import]") {
    Workspace w;
    demo_export(w);
    REQUIRE(w.on("b.db", {"import", w.path("out.xml")}).exit_code == 0);
    check_import_refused(w, "again.xml", slurp(w.path("out.xml")),
                         {"is already in this database", "was already imported"});
}

TEST_CASE("a KnotNotes 1.0 file (format 1) still imports, sealed notes and all",
          "[integration][import]") {
    Workspace w;
    REQUIRE(validates(v1_fixture, "records-1.xsd"));
    auto r = w.on("b.db", {"import", v1_fixture});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("Imported 2 clients, 2 intakes, 6 sessions"));
    CHECK(w.on("b.db", {"verify"}).exit_code == 0);
    // Exported again, it is format 2 with uids for every record, and validates.
    REQUIRE(w.on("b.db", {"export", "--format", "xml", "-o", w.path("v2.xml")}).exit_code == 0);
    CHECK(validates(w.path("v2.xml"), "records-2.xsd"));
    CHECK_THAT(slurp(w.path("v2.xml")), Catch::Contains("algorithm=\"sha256-legacy\" "
                                                        "canonical-version=\"1\""));
}

TEST_CASE(
    "what KnotNotes stores exports to a valid file and imports back: a 1 MB note, a "
    "whitespace-only signed note",
    "[integration][import]") {
    Workspace w;
    {
        db::Database database(w.path("a.db"));
        const auto r = test::add_sample_records(database);
        db::SessionRepository sessions(database);
        auto big = *sessions.get(r.session);
        big.subjective = std::string(1000000, 'x');
        big.objective = "Tab\there, CR\r\nand LF\nkept";
        sessions.update_note(big);
        sdk::Session blank;
        blank.client_id = r.client;
        blank.practitioner_id = r.practitioner;
        blank.subjective = "   \n  ";
        const auto id = sessions.create_draft(blank);
        core::sign_note(database, id, *test::test_signing_key(database, r.practitioner));
    }
    REQUIRE(w.on("a.db", {"export", "--format", "xml", "-o", w.path("first.xml")}).exit_code == 0);
    CHECK(validates(w.path("first.xml"), "records-2.xsd"));
    auto r = w.on("b.db", {"import", w.path("first.xml")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    REQUIRE(w.on("b.db", {"export", "--format", "xml", "-o", w.path("second.xml")}).exit_code == 0);
    CHECK(slurp(w.path("first.xml")) == slurp(w.path("second.xml")));
    CHECK(w.on("b.db", {"verify"}).exit_code == 0);
}

TEST_CASE("text XML cannot hold, from an old database, stops an export naming the record",
          "[integration][export]") {
    Workspace w;
    for (const auto& [name, bytes, problem] :
         std::vector<std::tuple<std::string, std::string, std::string>>{
             {"latin-1", "4368c3a9e9", "byte 0xE9 at byte 4 is not UTF-8"},
             {"control", "62656c6c07", "U+0007 at byte 4 is a control character"}}) {
        INFO(name);
        const auto db = name + ".db";
        std::string uid;
        {
            db::Database database(w.path(db));
            const auto r = test::add_sample_records(database);
            // As a database written before KnotNotes checked its input holds it.
            database.exec("UPDATE sessions SET objective = CAST(x'" + bytes +
                          "' AS TEXT) WHERE id = " + std::to_string(r.session));
            uid = db::SessionRepository(database).get(r.session)->uid;
        }
        for (const char* format : {"xml", "fhir-r4-xml"}) {
            INFO(format);
            const auto out = w.path(name + "." + format);
            auto r = w.on(db, {"export", "--format", format, "-o", out});
            CHECK(r.exit_code == 1);
            CHECK_THAT(r.err, Catch::Contains("cannot export the session of") &&
                                  Catch::Contains(uid) && Catch::Contains(problem) &&
                                  Catch::Contains("does not change a clinical record"));
            CHECK_FALSE(std::filesystem::exists(out));
        }
    }
}
