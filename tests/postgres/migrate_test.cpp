// knotnotes-cli migrate --to postgresql://...: a solo therapist's file moves into the clinic
// server whole, checked, once; a file that does not verify, or a move the server refuses,
// leaves the server as it was.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "cli_workspace.hpp"
#include "clinic_records.hpp"
#include "clinic_server.hpp"
#include "db/database_error.hpp"
#include "db/postgres/server_audit_chain.hpp"

using namespace knotnotes;
using db::postgres::ClinicRole;
using test::count;

namespace {

// Every entry's fullUrl in a FHIR Bundle, in order.
std::vector<std::string> full_urls(const std::string& bundle) {
    std::vector<std::string> urls;
    const std::string tag = "<fullUrl value=\"";
    for (auto at = bundle.find(tag); at != std::string::npos; at = bundle.find(tag, at + 1)) {
        const auto start = at + tag.size();
        urls.push_back(bundle.substr(start, bundle.find('"', start) - start));
    }
    return urls;
}

// One column of a table, every row in uid order, from the file (sqlite3 shell).
std::string file_values(const test::Workspace& workspace, const std::string& sql) {
    auto r = test::run_process({"sqlite3", workspace.path("solo.db"), sql});
    return r.out;
}

std::string server_values(db::postgres::ServerConnection& server, const std::string& sql) {
    auto rows = server.query(sql);
    std::string text;
    for (int i = 0; i < rows.size(); ++i)
        text += rows.text(i, 0) + "\n";
    return text;
}

struct MoveIn {
    test::ClinicServer clinic;
    test::Workspace workspace;
    std::string olivia = clinic.add_login("olivia", ClinicRole::owner, "Olivia Owner");
    std::string jane = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    std::string owner_password =
        test::private_file(workspace, "olivia.pw", test::test_password_of(olivia));

    test::ProcessResult migrate(std::vector<std::string> extra = {}) const {
        std::vector<std::string> args{"migrate", "--to", clinic.uri(olivia), "--password-file",
                                      owner_password};
        args.insert(args.end(), extra.begin(), extra.end());
        return workspace.on("solo.db", args);
    }
    int rows_on_server() const {
        auto admin = clinic.admin();
        return count(admin,
                     "SELECT (SELECT count(*) FROM clients) + (SELECT count(*) FROM "
                     "sessions) + (SELECT count(*) FROM knots) + (SELECT count(*) FROM "
                     "practitioners) + (SELECT count(*) FROM moved_in_files)");
    }
};

}  // namespace

TEST_CASE(
    "a solo file moves into the clinic server whole: every record, signature and audit "
    "entry, for the therapist named") {
    MoveIn move;
    REQUIRE(move.workspace.on("solo.db", {"demo", "--clients", "12"}).exit_code == 0);
    // The server already has a client of its own, so the file's ids cannot be kept.
    auto jane = move.clinic.as(move.jane);
    test::add_client(jane, "Already Here");

    auto r = move.migrate({"--therapist", move.jane});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("every row read back and compared"));

    auto admin = move.clinic.admin();
    // The same records, compared by their stable ids, field by field where it matters.
    CHECK(server_values(admin,
                        "SELECT uid || ' ' || status || ' ' || coalesce(signature_value, "
                        "'-') FROM sessions ORDER BY uid") ==
          file_values(move.workspace,
                      "SELECT uid || ' ' || status || ' ' || "
                      "coalesce(signature_value, '-') FROM sessions ORDER BY uid"));
    CHECK(server_values(admin,
                        "SELECT k.uid || ' ' || s.uid || ' ' || k.muscle_id || ' ' || "
                        "k.tenderness FROM knots k JOIN sessions s ON s.id = k.session_id "
                        "ORDER BY k.uid") ==
          file_values(move.workspace,
                      "SELECT k.uid || ' ' || s.uid || ' ' || k.muscle_id || ' ' || k.tenderness "
                      "FROM knots k JOIN sessions s ON s.id = k.session_id ORDER BY k.uid"));
    // Chart positions exactly (as numbers: the engines print doubles differently).
    auto positions = admin.query("SELECT uid, x, y FROM knots ORDER BY uid");
    auto file_positions =
        file_values(move.workspace, "SELECT uid || ' ' || x || ' ' || y FROM knots ORDER BY uid");
    CHECK(positions.size() == std::count(file_positions.begin(), file_positions.end(), '\n'));
    CHECK(server_values(admin,
                        "SELECT c.uid || ' ' || i.version || ' ' || i.health_flags FROM "
                        "intakes i JOIN clients c ON c.id = i.client_id ORDER BY c.uid, "
                        "i.version") ==
          file_values(move.workspace,
                      "SELECT c.uid || ' ' || i.version || ' ' || i.health_flags "
                      "FROM intakes i JOIN clients c ON c.id = i.client_id ORDER "
                      "BY c.uid, i.version"));
    // The file's audit chain is kept as it was, beside the server's own.
    CHECK(server_values(admin, "SELECT hash FROM moved_in_audit_log ORDER BY seq") ==
          file_values(move.workspace, "SELECT hash FROM audit_log ORDER BY seq"));
    CHECK(db::postgres::check_server_audit_chain(admin).intact);

    // The clients are Jane's: she sees them and their notes, and the rows say so.
    CHECK(count(jane, "SELECT count(*) FROM clients") == 13);
    CHECK(count(jane, "SELECT count(*) FROM sessions") ==
          std::stoi(file_values(move.workspace, "SELECT count(*) FROM sessions")));
    // The signed notes are as sealed on the server as they were in the file, even to the
    // superuser.
    CHECK_THROWS_AS(admin.query("UPDATE sessions SET plan = 'x' WHERE status = 'signed'"),
                    db::RecordLocked);

    // The same file again is refused, and nothing is added.
    const int before = move.rows_on_server();
    r = move.migrate({"--therapist", move.jane});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("was moved into") && Catch::Contains("before"));
    CHECK(move.rows_on_server() == before);
}

TEST_CASE("the file's own practitioner becomes the therapist's profile on the server") {
    MoveIn move;
    REQUIRE(move.workspace.on("solo.db", {"demo", "--clients", "2"}).exit_code == 0);
    const auto passphrase = test::private_file(move.workspace, "sign.pw", "a signing passphrase");
    REQUIRE(move.workspace
                .on("solo.db", {"practitioners", "add", "--name", "Jane Q. Roe", "--credentials",
                                "RMT", "--passphrase-file", passphrase})
                .exit_code == 0);
    const auto uid = file_values(move.workspace, "SELECT uid FROM practitioners WHERE is_demo = 0");
    REQUIRE(move.migrate({"--therapist", move.jane}).exit_code == 0);
    auto admin = move.clinic.admin();
    CHECK(server_values(admin, "SELECT uid FROM practitioners WHERE login = '" + move.jane + "'") ==
          uid);
    CHECK(server_values(admin, "SELECT name FROM practitioners WHERE login = '" + move.jane +
                                   "'") == "Jane Q. Roe\n");
    // Her signing key came with her profile.
    CHECK(count(admin,
                "SELECT count(*) FROM signing_keys k JOIN practitioners p ON p.id = "
                "k.practitioner_id WHERE p.login = '" +
                    move.jane + "'") == 1);
}

TEST_CASE("a move that cannot be completed leaves the server as it was") {
    MoveIn move;
    REQUIRE(move.workspace.on("solo.db", {"demo", "--clients", "3"}).exit_code == 0);
    const int before = move.rows_on_server();

    // A therapist the server does not know.
    auto r = move.migrate({"--therapist", "nobody_here"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("nobody_here is not an active practitioner's login"));
    CHECK(move.rows_on_server() == before);

    // A therapist may not move a file in: the server refuses part-way, and nothing stays.
    const auto jane_password =
        test::private_file(move.workspace, "jane.pw", test::test_password_of(move.jane));
    r = move.workspace.on("solo.db", {"migrate", "--to", move.clinic.uri(move.jane),
                                      "--password-file", jane_password});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("does not allow this for your login"));
    CHECK(move.rows_on_server() == before);

    // A file whose signed note was changed behind its seals (its triggers dropped, as the
    // sqlite3 shell can) does not move.
    const auto triggers =
        file_values(move.workspace,
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = "
                    "'sessions'");
    std::string tamper;
    std::istringstream names(triggers);
    for (std::string name; std::getline(names, name);)
        tamper += "DROP TRIGGER " + name + "; ";
    tamper +=
        "UPDATE sessions SET plan = 'rewritten' WHERE id = (SELECT min(id) FROM sessions "
        "WHERE status = 'signed');";
    const auto tampered = test::run_process({"sqlite3", move.workspace.path("solo.db"), tamper});
    INFO(tampered.err);
    REQUIRE(tampered.exit_code == 0);
    r = move.migrate();
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains("does not verify") && Catch::Contains("nothing was moved"));
    CHECK(move.rows_on_server() == before);
}

TEST_CASE(
    "a file moved into the server and back is the same record: byte-identical native XML, "
    "and its signed notes verify") {
    // The server's administrator moves it in and out: nothing of the server's own is added.
    test::AdministratorCli admin;
    const auto& workspace = admin.workspace;
    REQUIRE(workspace.on("solo.db", {"demo", "--clients", "8", "--seed", "5"}).exit_code == 0);
    auto r = workspace.on("solo.db",
                          {"migrate", "--to", admin.address, "--password-file", admin.password});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    r = admin.on_server({"--unencrypted", "migrate", "--to", workspace.path("back.db")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("it verifies, signed notes included"));
    CHECK(workspace.on("back.db", {"verify"}).exit_code == 0);
    REQUIRE(workspace.on("solo.db", {"export", "--format", "xml", "-o", workspace.path("a.xml")})
                .exit_code == 0);
    REQUIRE(workspace.on("back.db", {"export", "--format", "xml", "-o", workspace.path("b.xml")})
                .exit_code == 0);
    CHECK(test::slurp(workspace.path("a.xml")) == test::slurp(workspace.path("b.xml")));

    // migrate never writes over a file.
    const auto before = test::slurp(workspace.path("back.db"));
    r = admin.on_server({"--unencrypted", "migrate", "--to", workspace.path("back.db")});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("never replaces one"));
    CHECK(test::slurp(workspace.path("back.db")) == before);
}

TEST_CASE("a therapist who leaves takes what the server lets them see, and nothing else") {
    MoveIn move;
    const auto sam = move.clinic.add_login("sam", ClinicRole::therapist, "Sam Poe");
    auto jane = move.clinic.as(move.jane);
    auto sam_connection = move.clinic.as(sam);
    test::add_knot(jane, test::add_session(jane, test::add_client(jane, "Ada")));
    test::add_session(sam_connection, test::add_client(sam_connection, "Bo"));

    const auto jane_password =
        test::private_file(move.workspace, "jane.pw", test::test_password_of(move.jane));
    auto r =
        move.workspace.cli({"--db", move.clinic.uri(move.jane), "--password-file", jane_password,
                            "--unencrypted", "migrate", "--to", move.workspace.path("jane.db")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("public half only"));
    const auto names = test::run_process(
        {"sqlite3", move.workspace.path("jane.db"), "SELECT given_name FROM clients"});
    CHECK(names.out == "Ada\n");
    CHECK(move.workspace.on("jane.db", {"verify"}).exit_code == 0);
    // A failed move leaves no file behind: the front desk may not read clinical records.
    const auto fran = move.clinic.add_login("fran", ClinicRole::front_desk, "Fran Desk");
    const auto fran_password =
        test::private_file(move.workspace, "fran.pw", test::test_password_of(fran));
    r = move.workspace.cli({"--db", move.clinic.uri(fran), "--password-file", fran_password,
                            "--unencrypted", "migrate", "--to", move.workspace.path("fran.db")});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("does not allow this for your login"));
    CHECK_FALSE(std::filesystem::exists(move.workspace.path("fran.db")));
}

TEST_CASE(
    "export and verify read a clinic server as a file: the same export, stable FHIR "
    "identifiers, and a changed signed note named") {
    test::AdministratorCli admin;
    const auto& workspace = admin.workspace;
    REQUIRE(workspace.on("solo.db", {"demo", "--clients", "6", "--seed", "2"}).exit_code == 0);
    REQUIRE(
        workspace
            .on("solo.db", {"migrate", "--to", admin.address, "--password-file", admin.password})
            .exit_code == 0);
    const auto on_server = [&](std::vector<std::string> args) { return admin.on_server(args); };

    auto r = on_server({"export", "--format", "xml", "-o", workspace.path("server.xml")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("Exported 6 clients"));
    REQUIRE(workspace.on("solo.db", {"export", "--format", "xml", "-o", workspace.path("file.xml")})
                .exit_code == 0);
    CHECK(test::slurp(workspace.path("server.xml")) == test::slurp(workspace.path("file.xml")));
    // FHIR identifiers are the server's: two exports name every resource the same, so loading
    // both creates nothing twice (the Bundle's own identifier and timestamp are per export).
    REQUIRE(on_server({"export", "--format", "fhir-r4-xml", "-o", workspace.path("1.fhir.xml")})
                .exit_code == 0);
    REQUIRE(on_server({"export", "--format", "fhir-r4-xml", "-o", workspace.path("2.fhir.xml")})
                .exit_code == 0);
    const auto first = full_urls(test::slurp(workspace.path("1.fhir.xml")));
    CHECK(first.size() > 50);
    CHECK(first == full_urls(test::slurp(workspace.path("2.fhir.xml"))));

    r = on_server({"verify"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("ok:     signed notes (those your login may see): ") &&
                          Catch::Contains("signed notes verify"));

    // A signed note changed behind the server's triggers is named by verify.
    auto superuser = admin.clinic.admin();
    superuser.execute("ALTER TABLE sessions DISABLE TRIGGER USER");
    const auto changed = superuser
                             .query(
                                 "UPDATE sessions SET plan = 'rewritten' WHERE id = (SELECT "
                                 "min(id) FROM sessions WHERE status = 'signed') RETURNING id")
                             .text(0, 0);
    superuser.execute("ALTER TABLE sessions ENABLE TRIGGER USER");
    r = on_server({"verify"});
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains("FAILED: signed notes") &&
                          Catch::Contains("(session " + changed + ")") &&
                          Catch::Contains("does not match its signature"));
}
