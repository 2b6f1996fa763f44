// Setting up a clinic database on a real server: the numbered migrations, once; a foreign or
// newer database refused untouched; logins refused with messages that name the server.
#include <catch2/catch.hpp>

#include <knotnotes/sdk/muscle_atlas.hpp>

#include "clinic_server.hpp"
#include "db/database_error.hpp"
#include "db/postgres/server_migrations.hpp"

using namespace knotnotes;
using db::postgres::ServerConnection;

TEST_CASE("an empty server database is set up by the numbered migrations, once") {
    test::ClinicServer clinic;  // its constructor set the database up
    auto server = clinic.admin();
    CHECK(server.query("SELECT max(version) FROM knotnotes_schema").text(0, 0) ==
          std::to_string(db::postgres::latest_server_schema_version()));
    CHECK(server.query("SELECT count(*) FROM muscles").text(0, 0) ==
          std::to_string(sdk::muscle_atlas.size()));
    CHECK(server.query("SELECT length(installation_id) FROM installation").text(0, 0) == "36");

    // Opening it again applies nothing and changes nothing.
    const auto before = server.query("SELECT count(*), max(seq) FROM audit_log");
    CHECK(db::postgres::set_up_clinic_database(server) ==
          db::postgres::latest_server_schema_version());
    const auto after = server.query("SELECT count(*), max(seq) FROM audit_log");
    CHECK(after.text(0, 0) == before.text(0, 0));
    CHECK(server.query("SELECT count(*) FROM knotnotes_schema").text(0, 0) ==
          std::to_string(db::postgres::latest_server_schema_version()));
}

TEST_CASE("a server database with another application's tables is refused untouched") {
    test::ClinicServer clinic;
    auto admin = clinic.admin();
    admin.execute("CREATE DATABASE kn_foreign_app");
    {
        auto foreign = clinic.admin_on("kn_foreign_app");
        foreign.execute("CREATE TABLE invoices (id int)");
        try {
            db::postgres::set_up_clinic_database(foreign);
            FAIL("a foreign database was set up");
        } catch (const db::DatabaseRefused& refused) {
            CHECK_THAT(refused.what(), Catch::Contains("tables that are not KnotNotes'") &&
                                           Catch::Contains("kn_foreign_app") &&
                                           Catch::Contains("Nothing was changed"));
        }
        CHECK(foreign.query("SELECT to_regclass('public.knotnotes_schema') IS NULL").text(0, 0) ==
              "t");
        CHECK(foreign.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
                  .text(0, 0) == "1");
    }
    admin.execute("DROP DATABASE kn_foreign_app WITH (FORCE)");
}

TEST_CASE("a server database set up by a newer KnotNotes is refused untouched") {
    test::ClinicServer clinic;
    auto server = clinic.admin();
    const auto newer = std::to_string(db::postgres::latest_server_schema_version() + 1);
    server.query("INSERT INTO knotnotes_schema (version) VALUES ($1)", {newer});
    try {
        db::postgres::set_up_clinic_database(server);
        FAIL("a newer database was opened");
    } catch (const db::DatabaseRefused& refused) {
        CHECK_THAT(refused.what(), Catch::Contains("newer KnotNotes") &&
                                       Catch::Contains("schema " + newer) &&
                                       Catch::Contains("Update KnotNotes"));
    }
    CHECK(server.query("SELECT max(version) FROM knotnotes_schema").text(0, 0) == newer);
}

TEST_CASE("a login that may not set the database up is told who can, and nothing changes") {
    test::ClinicServer clinic;
    const auto jane = clinic.add_login("jane", db::postgres::ClinicRole::therapist, "Jane Roe");
    auto admin = clinic.admin();
    admin.execute("CREATE DATABASE kn_unset_" + clinic.suffix());
    admin.execute("GRANT CONNECT ON DATABASE kn_unset_" + clinic.suffix() + " TO " + jane);
    {
        auto therapist = ServerConnection::open(clinic.uri(jane, "kn_unset_" + clinic.suffix()),
                                                test::test_password_of(jane));
        try {
            db::postgres::set_up_clinic_database(therapist);
            FAIL("a therapist set up the database");
        } catch (const db::AccessDenied& denied) {
            CHECK_THAT(denied.what(), Catch::Contains("needs setting up") &&
                                          Catch::Contains("owner connects once first"));
        }
        CHECK(therapist.query("SELECT to_regclass('public.knotnotes_schema') IS NULL").text(0, 0) ==
              "t");
    }
    admin.execute("DROP DATABASE kn_unset_" + clinic.suffix() + " WITH (FORCE)");
}

TEST_CASE(
    "a wrong password or a disabled login is refused, naming the server and not the "
    "password") {
    test::ClinicServer clinic;
    const auto jane = clinic.add_login("jane", db::postgres::ClinicRole::therapist, "Jane Roe");
    try {
        ServerConnection::open(clinic.uri(jane), std::string("not-her-password"));
        FAIL("a wrong password was taken");
    } catch (const db::DatabaseRefused& refused) {
        CHECK_THAT(refused.what(), Catch::Contains("refused the login") &&
                                       Catch::Contains("postgresql://" + jane + "@127.0.0.1"));
        CHECK_THAT(refused.what(), !Catch::Contains("not-her-password"));
    }
    // A password written into the address is not repeated in the message either.
    const auto uri = clinic.uri(jane);
    const auto with_password =
        "postgresql://" + jane + ":in-the-uri@" + uri.substr(uri.find('@') + 1);
    try {
        ServerConnection::open(with_password);
        FAIL("a wrong password was taken");
    } catch (const db::DatabaseRefused& refused) {
        CHECK_THAT(refused.what(), !Catch::Contains("in-the-uri"));
    }

    // A database the server does not have is not a refused login.
    try {
        ServerConnection::open(clinic.uri(jane, "kn_no_such_database"),
                               test::test_password_of(jane));
        FAIL("connected to a database that does not exist");
    } catch (const db::LoginRefused&) {
        FAIL("a missing database was reported as a refused login");
    } catch (const db::DatabaseRefused& refused) {
        CHECK_THAT(refused.what(), Catch::Contains("has no such database") &&
                                       Catch::Contains("kn_no_such_database"));
    }

    auto owner_side = clinic.admin();
    db::postgres::disable_clinic_login(owner_side, jane);
    try {
        clinic.as(jane);
        FAIL("a disabled login connected");
    } catch (const db::DatabaseRefused& refused) {
        CHECK_THAT(refused.what(), Catch::Contains("disabled practitioner cannot log in"));
    }
    auto logins = db::postgres::clinic_logins(owner_side);
    REQUIRE(logins.size() == 1);
    CHECK(logins[0].login == jane);
    CHECK_FALSE(logins[0].active);
}

TEST_CASE("a server that is not there is reported with its address and what to check") {
    try {
        ServerConnection::open("postgresql://nobody@127.0.0.1:1/knotnotes?connect_timeout=2");
        FAIL("connected to nothing");
    } catch (const db::DatabaseRefused&) {
        FAIL("an unreachable server was reported as a refused login");
    } catch (const db::DatabaseError& error) {
        CHECK_THAT(error.what(), Catch::Contains("Could not connect") &&
                                     Catch::Contains("127.0.0.1") &&
                                     Catch::Contains("server is running"));
    }
}
