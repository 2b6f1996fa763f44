// The CSV exporter plugin (plugins/export_csv), loaded through the plugin host: one RFC 4180
// file per record kind, stable headers, tricky texts read back unchanged, ids and muscle names
// to join the tables, and write failures reported as PluginError naming the file.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>

#include "builtin_exporter.hpp"
#include "export_sample.hpp"
#include "file_text.hpp"
#include "rfc4180.hpp"

using namespace knotnotes;
using knotnotes::test::BuiltinExporter;
using knotnotes::test::CsvDocument;
using knotnotes::test::TempDir;

namespace {

const std::string csv_plugin = "org.knotnotes.export.csv";

// The published columns of every file: changing one breaks every spreadsheet built on them.
const std::map<std::string, std::vector<std::string>> expected_headers{
    {"practitioners.csv", {"practitioner_id", "name", "credentials"}},
    {"clients.csv",
     {"client_id", "given_name", "family_name", "birth_date", "phone", "email", "emergency_contact",
      "occupation", "created_at"}},
    {"intakes.csv",
     {"intake_id", "client_id", "version", "recorded_at", "reason_for_visit", "goals", "activity",
      "health_flags", "health_flag_labels", "medications", "allergies", "surgeries_injuries",
      "areas_to_avoid", "preferred_pressure", "consent_agreed", "consent_date",
      "consent_signer_name", "consent_signature_drawn"}},
    {"sessions.csv",
     {"session_id", "client_id", "practitioner_id", "practitioner_name", "intake_id", "started_at",
      "duration_minutes", "subjective", "objective", "assessment", "plan", "pain_before",
      "pain_after", "status", "signed_by", "signed_at", "content_sha256", "amends_session_id"}},
    {"knots.csv",
     {"knot_id", "session_id", "client_id", "muscle_id", "muscle_name", "side", "view", "x", "y",
      "kind", "tenderness", "referral", "result", "previous_knot_id"}},
    {"pressure_readings.csv",
     {"reading_id", "session_id", "client_id", "region_id", "region_name", "side", "pressure",
      "pressure_word"}},
    {"technique_uses.csv",
     {"technique_use_id", "session_id", "client_id", "technique_id", "muscle_id", "muscle_name",
      "side", "pressure", "pressure_word", "duration_seconds", "tool", "direction", "response"}},
    {"questionnaire_responses.csv",
     {"response_id", "client_id", "session_id", "instrument_id", "instrument_version",
      "completed_at", "score", "interpretation", "answers", "answer_texts"}},
};

CsvDocument read_csv(const std::filesystem::path& file) {
    INFO(file);
    REQUIRE(std::filesystem::exists(file));
    return test::parse_rfc4180(test::file_text(file));
}

// Exports the sample into <dir>/export and reads every file back.
std::map<std::string, CsvDocument> export_and_read(const TempDir& dir,
                                                   const test::ExportSample& sample) {
    BuiltinExporter csv(csv_plugin);
    REQUIRE(csv.exporter());
    test::export_sample(csv.exporter(), dir / "export", sample);
    std::map<std::string, CsvDocument> files;
    for (const auto& [name, header] : expected_headers)
        files[name] = read_csv(dir / "export" / name);
    return files;
}

}  // namespace

TEST_CASE("the test's RFC 4180 reader is strict about what it accepts", "[plugins][csv]") {
    const auto document = test::parse_rfc4180("a,b\r\n\"x,\"\"y\"\"\r\nz\",\r\n");
    CHECK_FALSE(document.has_utf8_bom);
    REQUIRE(document.rows.size() == 1);
    CHECK(document.rows[0][0] == "x,\"y\"\r\nz");
    CHECK(document.rows[0][1].empty());
    CHECK_THROWS(test::parse_rfc4180("a,b\nc,d\n"));           // bare LF
    CHECK_THROWS(test::parse_rfc4180("a,b\r\nc,d"));           // no final CRLF
    CHECK_THROWS(test::parse_rfc4180("a,b\r\nc\"d,e\r\n"));    // quote in an unquoted field
    CHECK_THROWS(test::parse_rfc4180("a,b\r\n\"c\"d,e\r\n"));  // text after the closing quote
    CHECK_THROWS(test::parse_rfc4180("a,b\r\nc\r\n"));         // short record
}

TEST_CASE("csv export writes one RFC 4180 file per record kind with stable headers",
          "[plugins][csv]") {
    TempDir dir;
    const auto sample = test::make_export_sample();
    const auto files = export_and_read(dir, sample);

    // Exactly the documented files, nothing else.
    std::set<std::string> written;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "export"))
        written.insert(entry.path().filename().string());
    std::set<std::string> expected;
    for (const auto& [name, header] : expected_headers)
        expected.insert(name);
    CHECK(written == expected);

    for (const auto& [name, document] : files) {
        INFO(name);
        CHECK(document.has_utf8_bom);  // so Excel reads the file as UTF-8
        CHECK(document.header == expected_headers.at(name));
    }
    CHECK(files.at("practitioners.csv").rows.size() == sample.practitioners.size());
    CHECK(files.at("clients.csv").rows.size() == 2);
    CHECK(files.at("intakes.csv").rows.size() == 3);
    CHECK(files.at("sessions.csv").rows.size() == sample.session_count());
    CHECK(files.at("knots.csv").rows.size() == sample.count_in_sessions(&sdk::Session::knots));
    CHECK(files.at("pressure_readings.csv").rows.size() ==
          sample.count_in_sessions(&sdk::Session::pressure_readings));
    CHECK(files.at("technique_uses.csv").rows.size() ==
          sample.count_in_sessions(&sdk::Session::techniques));
    CHECK(files.at("questionnaire_responses.csv").rows.size() == 5);
}

TEST_CASE("csv export reads back commas quotes newlines and non-ASCII text unchanged",
          "[plugins][csv]") {
    TempDir dir;
    const auto files = export_and_read(dir, test::make_export_sample());

    const auto& clients = files.at("clients.csv");
    CHECK(clients.value("client_id", "1", "given_name") == test::chloe_given_name);
    CHECK(clients.value("client_id", "1", "family_name") == test::chloe_family_name);
    CHECK(clients.value("client_id", "1", "emergency_contact") == test::tricky_emergency_contact);
    CHECK(clients.value("client_id", "1", "occupation") == test::tricky_occupation);

    const auto& sessions = files.at("sessions.csv");
    CHECK(sessions.value("session_id", "100", "subjective") == test::tricky_subjective);
    CHECK(sessions.value("session_id", "100", "plan") == test::tricky_plan);
    CHECK(sessions.value("session_id", "100", "objective") == test::line_feed_only_objective);
    CHECK(sessions.value("session_id", "101", "practitioner_name") == "Dana \"DJ\" Jóhannsdóttir");
    CHECK(files.at("intakes.csv").value("intake_id", "11", "reason_for_visit") ==
          "Neck pain, \"stiff\" mornings\nworse at the desk");
    CHECK(files.at("knots.csv").value("knot_id", "1002", "referral") == test::tricky_referral);
    CHECK(files.at("technique_uses.csv").value("technique_use_id", "2001", "response") ==
          test::tricky_response);

    // The raw bytes: fields with specials are quoted with quotes doubled, records end in CRLF.
    const auto raw = test::file_text(dir / "export" / "sessions.csv");
    CHECK_THAT(raw, Catch::Contains("\"Pain \"\"6/10\"\", worse after <desk> work & driving\n"
                                    "Sleeps badly\""));
    CHECK(raw.compare(raw.size() - 2, 2, "\r\n") == 0);
}

TEST_CASE("csv rows carry ids and atlas names to join the tables", "[plugins][csv]") {
    TempDir dir;
    const auto files = export_and_read(dir, test::make_export_sample());
    const auto& sessions = files.at("sessions.csv");
    const auto& knots = files.at("knots.csv");

    // Every knot joins to its session, and carries that session's client.
    for (const auto& row : knots.rows) {
        const auto& session_id = row[knots.column("session_id")];
        INFO("knot " << row[0]);
        CHECK(row[knots.column("client_id")] ==
              sessions.value("session_id", session_id, "client_id"));
    }
    CHECK(knots.value("knot_id", "1000", "muscle_id") == "upper-trapezius");
    CHECK(knots.value("knot_id", "1000", "muscle_name") == "Upper trapezius");
    CHECK(knots.value("knot_id", "1000", "side") == "left");
    CHECK(knots.value("knot_id", "1000", "view") == "back");
    CHECK(knots.value("knot_id", "1000", "kind") == "active");
    CHECK(knots.value("knot_id", "1000", "result") == "released");
    CHECK(knots.value("knot_id", "1020", "previous_knot_id") == "1000");
    CHECK(knots.value("knot_id", "1000", "previous_knot_id").empty());
    // Positions with '.' and exactly the value charted.
    const auto* trapezius = sdk::find_muscle("upper-trapezius");
    const auto position = sdk::chart_position(*trapezius, sdk::ChartView::back, sdk::Side::left);
    CHECK(std::stod(knots.value("knot_id", "1000", "x")) == position->x);
    CHECK(std::stod(knots.value("knot_id", "1000", "y")) == position->y);

    CHECK(sessions.value("session_id", "100", "status") == "signed");
    CHECK(sessions.value("session_id", "100", "signed_by") == "Alex Morgan");
    CHECK(sessions.value("session_id", "100", "content_sha256") == test::signed_hash);
    CHECK(sessions.value("session_id", "101", "status") == "draft");
    CHECK(sessions.value("session_id", "101", "amends_session_id") == "100");
    CHECK(sessions.value("session_id", "100", "practitioner_name") == "Alex Morgan");
    CHECK(sessions.value("session_id", "200", "pain_after").empty());

    const auto& intakes = files.at("intakes.csv");
    CHECK(intakes.value("intake_id", "11", "health_flags") == "anticoagulants;recent-whiplash");
    CHECK(intakes.value("intake_id", "11", "health_flag_labels") ==
          "Anticoagulant medication; Recent whiplash");
    CHECK(intakes.value("intake_id", "11", "preferred_pressure") == "5");
    CHECK(intakes.value("intake_id", "11", "consent_agreed") == "yes");
    CHECK(intakes.value("intake_id", "20", "health_flags").empty());

    const auto& readings = files.at("pressure_readings.csv");
    CHECK(readings.value("reading_id", "3001", "region_name") == "Upper back");
    CHECK(readings.value("reading_id", "3000", "pressure_word") == "deep");
    CHECK(readings.value("reading_id", "3200", "client_id") == "2");

    const auto& techniques = files.at("technique_uses.csv");
    CHECK(techniques.value("technique_use_id", "2001", "muscle_name") == "Upper trapezius");
    CHECK(techniques.value("technique_use_id", "2001", "pressure_word") == "deep");
    CHECK(techniques.value("technique_use_id", "2001", "tool") == "thumb");
    CHECK(techniques.value("technique_use_id", "2001", "direction") == "sustained");
    CHECK(techniques.value("technique_use_id", "2010", "pressure").empty());
    CHECK(techniques.value("technique_use_id", "2010", "pressure_word").empty());

    const auto& responses = files.at("questionnaire_responses.csv");
    CHECK(responses.value("response_id", "503", "answers") == "psfs-1=5;psfs-2=6;psfs-3=");
    CHECK(responses.value("response_id", "503", "answer_texts") ==
          "psfs-1=climbing stairs\\; carrying kids;psfs-2=typing");
    CHECK(responses.value("response_id", "503", "score") == "5.5");
    CHECK(responses.value("response_id", "503", "session_id") == "100");
    CHECK(std::stod(responses.value("response_id", "600", "score")) == 13.0 / 3);
}

TEST_CASE("csv export creates the folder and every file at begin", "[plugins][csv]") {
    TempDir dir;
    BuiltinExporter csv(csv_plugin);
    test::begin_export(csv.exporter(), dir / "new" / "folder");
    for (const auto& [name, header] : expected_headers) {
        INFO(name);
        CHECK(std::filesystem::exists(dir / "new" / "folder" / name));
    }
    // Records written before end() reach the files, which end() completes.
    const auto sample = test::make_export_sample();
    test::write_practitioners(csv.exporter(), sample);
    test::write_client_chart(csv.exporter(), sample.clients[1]);
    test::end_export(csv.exporter());
    CHECK(read_csv(dir / "new" / "folder" / "knots.csv").rows.size() == 3);
}

TEST_CASE("csv export into a folder that cannot be created fails naming the path",
          "[plugins][csv]") {
    TempDir dir;
    std::ofstream(dir / "a-file") << "not a folder";
    const auto target = dir / "a-file" / "export";
    BuiltinExporter csv(csv_plugin);
    try {
        test::begin_export(csv.exporter(), target);
        FAIL("begin() accepted a folder that cannot exist");
    } catch (const core::PluginCallError& e) {
        CHECK_FALSE(e.disabled_plugin());
        CHECK_THAT(e.what(), Catch::Contains(target.string()));
    }
    CHECK(csv.state() == core::PluginState::loaded);
}

TEST_CASE("csv write errors found at end are reported naming the file", "[plugins][csv]") {
    TempDir dir;
    std::filesystem::create_directories(dir / "export");
    // A full disk for one file: writes are buffered, so only the flush in end() can see it.
    std::filesystem::create_symlink("/dev/full", dir / "export" / "knots.csv");
    BuiltinExporter csv(csv_plugin);
    const auto sample = test::make_export_sample();
    test::begin_export(csv.exporter(), dir / "export");
    test::write_practitioners(csv.exporter(), sample);
    test::write_client_chart(csv.exporter(), sample.clients[0]);
    try {
        test::end_export(csv.exporter());
        FAIL("end() did not report the failed write");
    } catch (const core::PluginCallError& e) {
        CHECK_FALSE(e.disabled_plugin());
        CHECK_THAT(e.what(), Catch::Contains((dir / "export" / "knots.csv").string()) &&
                                 Catch::Contains("No space left on device"));
    }
    CHECK(csv.state() == core::PluginState::loaded);
}

TEST_CASE("csv abort closes the files without throwing and removes nothing", "[plugins][csv]") {
    TempDir dir;
    BuiltinExporter csv(csv_plugin);
    const auto sample = test::make_export_sample();
    test::begin_export(csv.exporter(), dir / "export");
    test::write_practitioners(csv.exporter(), sample);
    CHECK_NOTHROW(csv.exporter().call("abort", [](sdk::Exporter& e) { e.abort(); }));
    // Closed: what was written is on disk and still well-formed.
    CHECK(read_csv(dir / "export" / "practitioners.csv").rows.size() == 2);
    CHECK(std::filesystem::exists(dir / "export" / "questionnaire_responses.csv"));
    CHECK(csv.state() == core::PluginState::loaded);
}

TEST_CASE("csv export neutralises formulas as OWASP recommends and keeps numbers as numbers",
          "[plugins][csv]") {
    TempDir dir;
    auto sample = test::make_export_sample();
    auto& chloe = sample.clients.at(0);
    chloe.client.occupation = "=HYPERLINK(\"https://evil.example\",\"open\")";
    chloe.client.emergency_contact = "@SUM(A1:A9)";
    chloe.client.email = "'already quoted";
    auto& session = chloe.sessions.at(0);
    session.subjective = "-2+3+cmd|' /C calc'!A0";
    session.objective = "\tTabbed";
    session.assessment = "+1 555 0100";
    session.plan = "a plain note, = later";
    const auto files = export_and_read(dir, sample);

    const auto& clients = files.at("clients.csv");
    CHECK(clients.value("client_id", "1", "occupation") ==
          "'=HYPERLINK(\"https://evil.example\",\"open\")");
    CHECK(clients.value("client_id", "1", "emergency_contact") == "'@SUM(A1:A9)");
    CHECK(clients.value("client_id", "1", "email") == "''already quoted");
    CHECK(clients.value("client_id", "1", "phone") == "'+1 555 0100");
    const auto& sessions = files.at("sessions.csv");
    CHECK(sessions.value("session_id", "100", "subjective") == "'-2+3+cmd|' /C calc'!A0");
    CHECK(sessions.value("session_id", "100", "objective") == "'\tTabbed");
    CHECK(sessions.value("session_id", "100", "assessment") == "'+1 555 0100");
    CHECK(sessions.value("session_id", "100", "plan") == "a plain note, = later");
    // Numbers, also a pain score, are not texts: written as they are.
    CHECK(sessions.value("session_id", "100", "pain_before") == "6");
    // Removing one leading ' gives every text back exactly.
    CHECK(clients.value("client_id", "1", "email").substr(1) == chloe.client.email);
    // In the raw file the guarded field is quoted, so the ' is inside the field.
    CHECK_THAT(test::file_text(dir / "export" / "clients.csv"),
               Catch::Contains(",\"'@SUM(A1:A9)\","));
}
