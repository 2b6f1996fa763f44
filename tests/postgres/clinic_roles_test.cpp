// Each role, logged in as itself, sees and changes only what it should; the server's grants
// and row-level security decide, so a client that sends its own SQL gets no further.
#include <catch2/catch.hpp>

#include "clinic_records.hpp"
#include "clinic_server.hpp"
#include "db/database_error.hpp"

using namespace knotnotes;
using db::postgres::ClinicRole;
using test::count;

namespace {

struct Clinic {
    test::ClinicServer server;
    std::string olivia = server.add_login("olivia", ClinicRole::owner, "Olivia Owner");
    std::string jane = server.add_login("jane", ClinicRole::therapist, "Jane Roe");
    std::string sam = server.add_login("sam", ClinicRole::therapist, "Sam Poe");
    std::string fran = server.add_login("fran", ClinicRole::front_desk, "Fran Desk");
};

}  // namespace

TEST_CASE(
    "a therapist sees the clinical records of their own clients only, until one is "
    "shared with them") {
    Clinic clinic;
    auto jane = clinic.server.as(clinic.jane);
    auto sam = clinic.server.as(clinic.sam);
    const auto janes_client = test::add_client(jane, "Ada");
    const auto sams_client = test::add_client(sam, "Bo");
    const auto janes_session = test::add_session(jane, janes_client);
    test::add_knot(jane, janes_session);
    test::add_session(sam, sams_client);

    CHECK(count(jane, "SELECT count(*) FROM clients") == 1);
    CHECK(count(jane, "SELECT count(*) FROM sessions") == 1);
    CHECK(count(sam, "SELECT count(*) FROM knots") == 0);
    CHECK(count(sam, "SELECT count(*) FROM sessions WHERE client_id = " + janes_client) == 0);

    // Writing into someone else's client, or as someone else, is refused by the server.
    CHECK_THROWS_AS(test::add_session(sam, janes_client), db::AccessDenied);
    CHECK_THROWS_AS(sam.query("INSERT INTO sessions (client_id, practitioner_id, started_at) "
                              "SELECT $1, id, '2026-12-01T10:00:00.000Z' FROM practitioners "
                              "WHERE login = $2",
                              {sams_client, clinic.jane}),
                    db::AccessDenied);
    CHECK_THROWS_AS(test::add_knot(sam, janes_session), db::AccessDenied);
    // An UPDATE of rows the login cannot see changes nothing.
    CHECK(sam.query("UPDATE sessions SET subjective = 'x' WHERE id = $1", {janes_session})
              .affected() == 0);

    // Only Jane (or the owner) may share Jane's client.
    CHECK_THROWS_AS(db::postgres::share_client(sam, std::stoll(janes_client), clinic.sam),
                    db::AccessDenied);
    db::postgres::share_client(jane, std::stoll(janes_client), clinic.sam);
    CHECK(count(sam, "SELECT count(*) FROM sessions WHERE client_id = " + janes_client) == 1);
    CHECK(count(sam, "SELECT count(*) FROM knots") == 1);
    // Shared to read: Sam still cannot change Jane's notes.
    CHECK(sam.query("UPDATE sessions SET subjective = 'x' WHERE id = $1", {janes_session})
              .affected() == 0);
    CHECK(jane.query("SELECT subjective FROM sessions WHERE id = $1", {janes_session}).text(0, 0) ==
          "Neck pain after desk work");

    // The share is in the audit log, under Jane's login.
    auto admin = clinic.server.admin();
    CHECK(
        admin.query("SELECT actor FROM audit_log WHERE table_name = 'client_shares'").text(0, 0) ==
        clinic.jane);
}

TEST_CASE("the front desk sees the client list and contact details, and no clinical record") {
    Clinic clinic;
    auto jane = clinic.server.as(clinic.jane);
    auto fran = clinic.server.as(clinic.fran);
    const auto client = test::add_client(jane, "Ada");
    test::add_session(jane, client);
    jane.query("INSERT INTO intakes (client_id, medications) VALUES ($1, 'warfarin')", {client});

    CHECK(fran.query("SELECT given_name, phone FROM clients WHERE id = $1", {client}).text(0, 1) ==
          "555-0100");
    CHECK_THROWS_AS(fran.query("SELECT occupation FROM clients"), db::AccessDenied);
    CHECK_THROWS_AS(fran.query("SELECT * FROM clients"), db::AccessDenied);
    for (const char* table : {"sessions", "knots", "intakes", "pressure_readings", "technique_uses",
                              "questionnaire_responses", "audit_log"})
        CHECK_THROWS_AS(fran.query(std::string("SELECT count(*) FROM ") + table), db::AccessDenied);

    // Booking a new client for a therapist: the front desk may, and that therapist sees them.
    const auto booked = test::add_client(fran, "Cy", clinic.jane);
    CHECK(count(jane, "SELECT count(*) FROM clients WHERE id = " + booked) == 1);
    CHECK_THROWS_AS(fran.query("UPDATE clients SET occupation = 'x' WHERE id = $1", {booked}),
                    db::AccessDenied);
}

TEST_CASE("the owner sees everything and manages logins, and nobody else can") {
    Clinic clinic;
    auto jane = clinic.server.as(clinic.jane);
    auto sam = clinic.server.as(clinic.sam);
    auto olivia = clinic.server.as(clinic.olivia);
    test::add_session(jane, test::add_client(jane, "Ada"));
    test::add_session(sam, test::add_client(sam, "Bo"));
    CHECK(count(olivia, "SELECT count(*) FROM sessions") == 2);
    CHECK(count(olivia, "SELECT count(*) FROM audit_log") > 0);

    // The owner adds a therapist, who can log in with that password and nothing else.
    const auto kim = "kim_" + clinic.server.suffix();
    db::postgres::add_clinic_login(
        olivia, {kim, ClinicRole::therapist, "Kim Lee", "RMT", test::test_password_of(kim)});
    auto kim_connection = clinic.server.as(kim);
    CHECK(kim_connection.login() == kim);
    CHECK(count(kim_connection, "SELECT count(*) FROM sessions") == 0);

    // A therapist may not add or disable logins: the server refuses, and nothing is left behind.
    const auto eve = "eve_" + clinic.server.suffix();
    CHECK_THROWS_AS(db::postgres::add_clinic_login(
                        jane, {eve, ClinicRole::owner, "Eve", "", test::test_password_of(eve)}),
                    db::AccessDenied);
    CHECK(count(olivia, "SELECT count(*) FROM pg_roles WHERE rolname = '" + eve + "'") == 0);
    CHECK_THROWS_AS(db::postgres::disable_clinic_login(jane, clinic.sam), db::AccessDenied);
    CHECK(clinic.server.as(clinic.sam).login() == clinic.sam);

    db::postgres::disable_clinic_login(olivia, clinic.sam);
    CHECK_THROWS_AS(clinic.server.as(clinic.sam), db::DatabaseRefused);
    // Sam's records stay: the owner still sees both sessions.
    CHECK(count(olivia, "SELECT count(*) FROM sessions") == 2);
}

TEST_CASE("no login can become another role or another person on the server") {
    Clinic clinic;
    auto jane = clinic.server.as(clinic.jane);
    CHECK_THROWS_AS(jane.execute("SET ROLE knotnotes_owner"), db::AccessDenied);
    CHECK_THROWS_AS(jane.execute("SET ROLE " + clinic.sam), db::AccessDenied);
    CHECK_THROWS_AS(jane.execute("SET SESSION AUTHORIZATION " + clinic.olivia), db::AccessDenied);
    CHECK_THROWS_AS(jane.execute("GRANT knotnotes_owner TO " + clinic.jane), db::AccessDenied);
    CHECK_THROWS_AS(
        jane.query("UPDATE practitioners SET role = 'owner' WHERE login = $1", {clinic.jane}),
        db::AccessDenied);
    CHECK(count(jane, "SELECT count(*) FROM clients") == 0);
}
