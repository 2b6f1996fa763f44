// knotnotes-cli on a clinic server, as a clinic sets one up: the owner connects to an empty
// database (it is set up), adds practitioners with their roles, a therapist shares a client,
// `verify` checks the chain; wrong passwords and wrong roles are refused by the server.
#include <catch2/catch.hpp>

#include "cli_workspace.hpp"
#include "clinic_records.hpp"
#include "clinic_server.hpp"

using namespace knotnotes;
using db::postgres::ClinicRole;

TEST_CASE(
    "a clinic sets up its server from the command line: owner, therapists, front desk, "
    "a shared client and verify") {
    test::ClinicServer clinic;
    test::Workspace workspace;
    // The server's administrator made Olivia a login that may create roles, and an empty
    // database she owns (createuser --createrole olivia; createdb -O olivia ...). KnotNotes
    // sets the database up the first time she connects, with her as its first owner.
    const auto suffix = clinic.suffix();
    const auto olivia = "olivia_" + suffix;
    auto admin = clinic.admin();
    admin.execute("CREATE ROLE " + olivia + " LOGIN CREATEROLE PASSWORD '" +
                  test::test_password_of(olivia) + "'");
    const auto database = "kn_cli_" + suffix;
    admin.execute("CREATE DATABASE " + database + " OWNER " + olivia);
    const auto owner_at = clinic.uri(olivia, database);
    const auto owner_password =
        test::private_file(workspace, "olivia.pw", test::test_password_of(olivia));

    const auto jane = "jane_" + suffix;
    const auto fran = "fran_" + suffix;
    const auto jane_password = test::private_file(workspace, "jane.pw", "jane's own secret");
    const auto fran_password = test::private_file(workspace, "fran.pw", "fran's own secret");
    auto r = workspace.cli({"--db", owner_at, "--password-file", owner_password, "practitioners",
                            "add", "--login", jane, "--role", "therapist", "--name", "Jane Roe",
                            "--credentials", "RMT", "--password-file", jane_password});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("Added " + jane + " (Jane Roe, therapist)"));
    r = workspace.cli({"--db", owner_at, "--password-file", owner_password, "practitioners", "add",
                       "--login", fran, "--role", "front-desk", "--name", "Fran Desk",
                       "--password-file", fran_password});
    REQUIRE(r.exit_code == 0);

    // Olivia is listed as the owner (and as who is connected), with the two she added.
    r = workspace.cli(
        {"--db", owner_at, "--password-file", owner_password, "practitioners", "list"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("* " + olivia + "\towner") &&
                          Catch::Contains(jane + "\ttherapist\tJane Roe, RMT") &&
                          Catch::Contains(fran + "\tfront-desk\tFran Desk"));

    // Jane logs in with the password Olivia gave her, and may not add logins herself.
    const auto jane_at = clinic.uri(jane, database);
    r = workspace.cli({"--db", jane_at, "--password-file", jane_password, "practitioners", "add",
                       "--login", "eve_" + suffix, "--role", "owner", "--name", "Eve",
                       "--password-file", fran_password});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("does not allow this for your login"));

    // Jane shares her client with Sam; not with the front desk, who sees no clinical records.
    const auto sam = "sam_" + suffix;
    const auto sam_password = test::private_file(workspace, "sam.pw", "sam's own secret");
    r = workspace.cli({"--db", owner_at, "--password-file", owner_password, "practitioners", "add",
                       "--login", sam, "--role", "therapist", "--name", "Sam Poe",
                       "--password-file", sam_password});
    REQUIRE(r.exit_code == 0);
    auto jane_connection =
        db::postgres::ServerConnection::open(jane_at, std::string("jane's own secret"));
    const auto client = test::add_client(jane_connection, "Ada");
    test::add_session(jane_connection, client);
    r = workspace.cli({"--db", jane_at, "--password-file", jane_password, "clients", "share",
                       client, "--with", fran});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("is not an active therapist"));
    auto sam_connection = db::postgres::ServerConnection::open(clinic.uri(sam, database),
                                                               std::string("sam's own secret"));
    CHECK(test::count(sam_connection, "SELECT count(*) FROM sessions") == 0);
    r = workspace.cli({"--db", jane_at, "--password-file", jane_password, "clients", "share",
                       client, "--with", sam});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(test::count(sam_connection, "SELECT count(*) FROM sessions") == 1);

    r = workspace.cli({"--db", owner_at, "--password-file", owner_password, "verify"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("entries, intact"));

    // A wrong password: exit 5, the server named, the password not.
    const auto wrong = test::private_file(workspace, "wrong.pw", "guessed");
    r = workspace.cli({"--db", jane_at, "--password-file", wrong, "practitioners", "list"});
    CHECK(r.exit_code == 5);
    CHECK_THAT(r.err, Catch::Contains("refused the login") && !Catch::Contains("guessed"));
    // No password at all, and no terminal to ask on: exit 5, saying how to give one.
    r = workspace.cli({"--db", jane_at, "practitioners", "list"});
    CHECK(r.exit_code == 5);
    CHECK_THAT(r.err, Catch::Contains("--password-file FILE or PGPASSFILE"));

    // Disabled by the owner, Jane can no longer log in.
    r = workspace.cli(
        {"--db", owner_at, "--password-file", owner_password, "practitioners", "disable", jane});
    CHECK(r.exit_code == 0);
    r = workspace.cli({"--db", jane_at, "--password-file", jane_password, "practitioners", "list"});
    CHECK(r.exit_code == 5);

    // Behind the triggers' back, one audit entry changed: verify says where, exit 4.
    auto superuser = clinic.admin_on(database);
    superuser.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
    superuser.execute("UPDATE audit_log SET actor = 'someone' WHERE seq = 2");
    superuser.execute("ALTER TABLE audit_log ENABLE TRIGGER USER");
    r = workspace.cli({"--db", owner_at, "--password-file", owner_password, "verify"});
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains("broken at entry 2: its fields were changed"));
}

TEST_CASE(
    "practitioners disable and clients share are refused on a database file, which has "
    "no logins") {
    test::Workspace workspace;
    auto r = workspace.on("solo.db", {"practitioners", "disable", "jane"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("is for a clinic server"));
    r = workspace.on("solo.db", {"clients", "share", "1", "--with", "jane"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("is for a clinic server"));
}
