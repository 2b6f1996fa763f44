// demo and import on a clinic server address, as on a file: the same seed gives the same
// record on either engine (byte-identical native XML), an import is all or nothing, and records
// the server already holds are refused by name.
#include <catch2/catch.hpp>

#include <fstream>

#include "cli_workspace.hpp"
#include "clinic_records.hpp"
#include "clinic_server.hpp"

using namespace knotnotes;
using db::postgres::ClinicRole;

namespace {

struct Clinic {
    test::ClinicServer server;
    test::Workspace workspace;
    std::string olivia = server.add_login("olivia", ClinicRole::owner, "Olivia Owner");
    std::string password =
        test::private_file(workspace, "olivia.pw", test::test_password_of(olivia));

    test::ProcessResult on_server(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--db", server.uri(olivia), "--password-file", password});
        return workspace.cli(args);
    }
    int count(const std::string& sql) const {
        auto admin = server.admin();
        return test::count(admin, sql);
    }
};

}  // namespace

TEST_CASE("the same demo seed on a file and on a clinic server exports byte-identical XML") {
    // Written by the server's administrator, who is no practitioner, so the server holds what
    // the file holds and nothing more (an owner's demo also lists the owner).
    test::AdministratorCli admin;
    const auto& workspace = admin.workspace;
    const auto on_server = [&](std::vector<std::string> args) { return admin.on_server(args); };
    auto r = workspace.on("solo.db", {"demo", "--clients", "7", "--seed", "11"});
    REQUIRE(r.exit_code == 0);
    r = on_server({"demo", "--clients", "7", "--seed", "11"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("Added 7 clients") &&
                          Catch::Contains("to the clinic server postgresql://kn_admin@"));

    REQUIRE(workspace.on("solo.db", {"export", "--format", "xml", "-o", workspace.path("f.xml")})
                .exit_code == 0);
    r = on_server({"export", "--format", "xml", "-o", workspace.path("s.xml")});
    REQUIRE(r.exit_code == 0);
    const auto from_file = test::slurp(workspace.path("f.xml"));
    CHECK(from_file.size() > 10000);
    const bool identical = from_file == test::slurp(workspace.path("s.xml"));
    CHECK(identical);
    r = on_server({"verify"});
    INFO(r.out);
    CHECK(r.exit_code == 0);
}

TEST_CASE(
    "an import into a clinic server is all or nothing, and refuses records it already holds "
    "by name") {
    Clinic clinic;  // its owner imports
    auto& workspace = clinic.workspace;
    REQUIRE(workspace.on("solo.db", {"demo", "--clients", "3", "--seed", "4"}).exit_code == 0);
    for (const auto* id : {"1", "2"}) {
        REQUIRE(workspace
                    .on("solo.db", {"export", "--format", "xml", "--client", id, "-o",
                                    workspace.path(std::string("client") + id + ".xml")})
                    .exit_code == 0);
    }
    auto r = clinic.on_server({"import", workspace.path("client1.xml")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("Imported 1 clients") && Catch::Contains("into the clinic "
                                                                               "server"));
    // A second export by the same practitioner: the practitioner and their key are the ones
    // the server has; only the client is new.
    const auto practitioners = clinic.count("SELECT count(*) FROM practitioners");
    r = clinic.on_server({"import", workspace.path("client2.xml")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(clinic.count("SELECT count(*) FROM practitioners") == practitioners);
    CHECK(clinic.count("SELECT count(*) FROM clients") == 2);

    // The same client again is refused by name, and nothing at all is written.
    const auto sessions = clinic.count("SELECT count(*) FROM sessions");
    const auto audit = clinic.count("SELECT count(*) FROM audit_log");
    r = clinic.on_server({"import", workspace.path("client1.xml")});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("is already on the clinic server") &&
                          Catch::Contains("Nothing was changed on the server"));
    CHECK(clinic.count("SELECT count(*) FROM clients") == 2);
    CHECK(clinic.count("SELECT count(*) FROM sessions") == sessions);
    CHECK(clinic.count("SELECT count(*) FROM audit_log") == audit);

    // A broken file is refused by the importer before the server is touched.
    {
        auto broken = test::slurp(workspace.path("client1.xml"));
        broken.resize(broken.size() / 2);
        std::ofstream(workspace.path("broken.xml"), std::ios::binary) << broken;
    }
    r = clinic.on_server({"import", workspace.path("broken.xml")});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("broken.xml") && Catch::Contains("Nothing was imported"));
    CHECK(clinic.count("SELECT count(*) FROM audit_log") == audit);

    r = clinic.on_server({"verify"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
}

TEST_CASE(
    "a therapist imports notes she charted herself into a clinic server, and is refused anyone "
    "else's before anything is written") {
    Clinic clinic;
    auto& workspace = clinic.workspace;
    const auto jane = clinic.server.add_login("jane", ClinicRole::therapist, "Jane Roe");
    const auto janes_password =
        test::private_file(workspace, "jane.pw", test::test_password_of(jane));
    const auto as_jane = [&](std::vector<std::string> args) {
        args.insert(args.begin(),
                    {"--db", clinic.server.uri(jane), "--password-file", janes_password});
        return workspace.cli(args);
    };
    const auto csv = [&](const std::string& name, const std::string& given) {
        std::ofstream(workspace.path(name)) << "First,Last\n" << given << ",Client\n";
        return workspace.on(
            "laptop.db", {"import", "--format", "csv-clients", "--map", "First=given-name", "--map",
                          "Last=family-name", workspace.path(name)});
    };
    // Her laptop: her profile and a client, moved into the clinic by its owner as hers.
    const auto passphrase = test::private_file(workspace, "jane.pp", "jane's passphrase");
    REQUIRE(workspace
                .on("laptop.db",
                    {"practitioners", "add", "--name", "Jane Roe", "--passphrase-file", passphrase})
                .exit_code == 0);
    REQUIRE(csv("first.csv", "Ann").exit_code == 0);
    auto r = workspace.on("laptop.db", {"migrate", "--to", clinic.server.uri(clinic.olivia),
                                        "--password-file", clinic.password, "--therapist", jane});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    // A client added on the laptop afterwards, exported and imported by Jane herself.
    REQUIRE(csv("later.csv", "Cleo").exit_code == 0);
    REQUIRE(workspace
                .on("laptop.db", {"export", "--format", "xml", "--client", "2", "-o",
                                  workspace.path("cleo.xml")})
                .exit_code == 0);
    r = as_jane({"import", workspace.path("cleo.xml")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("Imported 1 clients"));
    auto jane_sql = clinic.server.as(jane);
    CHECK(test::count(jane_sql, "SELECT count(*) FROM clients WHERE given_name = 'Cleo'") == 1);

    // A demo's notes are the demo practitioners': refused by name, nothing written.
    REQUIRE(workspace.on("demo.db", {"demo", "--clients", "2"}).exit_code == 0);
    REQUIRE(workspace.on("demo.db", {"export", "--format", "xml", "-o", workspace.path("d.xml")})
                .exit_code == 0);
    const auto audit = clinic.count("SELECT count(*) FROM audit_log");
    r = as_jane({"import", workspace.path("d.xml")});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("charted by Alex Morgan") &&
                          Catch::Contains("The clinic's owner can import them") &&
                          Catch::Contains("Nothing was changed on the server"));
    CHECK(clinic.count("SELECT count(*) FROM audit_log") == audit);
    CHECK(test::count(jane_sql, "SELECT count(*) FROM clients") == 2);
    r = as_jane({"demo", "--clients", "1"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("charted by"));
    r = as_jane({"verify"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
}

TEST_CASE("a client list (CSV) imported into a clinic server: the login's clients, all or none") {
    Clinic clinic;
    auto& workspace = clinic.workspace;
    const auto fran = clinic.server.add_login("fran", ClinicRole::front_desk, "Fran Desk");
    const auto jane = clinic.server.add_login("jane", ClinicRole::therapist, "Jane Roe");
    const auto as = [&](const std::string& login, std::vector<std::string> args) {
        const auto password =
            test::private_file(workspace, login + ".pw", test::test_password_of(login));
        args.insert(args.begin(), {"--db", clinic.server.uri(login), "--password-file", password,
                                   "import", "--format", "csv-clients"});
        return workspace.cli(args);
    };
    std::ofstream(workspace.path("list.csv"))
        << "First Name,Last Name,DOB,Phone\nJo,Smith,1980-01-02,555-0101\n"
           "Ana,Lee,1981-02-03,555-0102\n";
    // A dry run lists and writes nothing.
    auto r = as(fran, {"--dry-run", workspace.path("list.csv")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("Would import 2 clients"));
    CHECK(clinic.count("SELECT count(*) FROM clients") == 0);

    r = as(fran, {workspace.path("list.csv")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("Imported 2 clients") &&
                          Catch::Contains("into the clinic server postgresql://" + fran));
    CHECK(clinic.count("SELECT count(*) FROM clients WHERE responsible_login = '" + fran + "'") ==
          2);
    // The same list again adds nobody: the server's clients are who the list is checked against.
    r = as(fran, {workspace.path("list.csv")});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("Imported 0 clients") && Catch::Contains("already known"));
    CHECK(clinic.count("SELECT count(*) FROM clients") == 2);

    // The front desk records no occupation: the whole list is refused, the first row too.
    std::ofstream(workspace.path("jobs.csv"))
        << "First Name,Last Name,Occupation\nCy,Ng,\nDee,Ox,Carpenter\n";
    r = as(fran, {workspace.path("jobs.csv")});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("not a client's occupation (Dee Ox)"));
    CHECK(clinic.count("SELECT count(*) FROM clients") == 2);

    // A therapist's list: her own clients, occupation and all.
    r = as(jane, {workspace.path("jobs.csv")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(clinic.count("SELECT count(*) FROM clients WHERE responsible_login = '" + jane +
                       "' AND occupation = 'Carpenter'") == 1);
}
