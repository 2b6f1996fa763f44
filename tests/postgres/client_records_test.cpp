// The clients seam on a real clinic server: the same contract as on a SQLite file
// (client_records_contract.hpp), and each role listing, reading and adding only what the
// server lets it.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "client_records_contract.hpp"
#include "clinic_records.hpp"
#include "clinic_server.hpp"
#include "db/client_records.hpp"
#include "db/database_error.hpp"
#include "db/postgres/server_migrations.hpp"

using namespace knotnotes;
using db::postgres::ClinicRole;
using Names = std::vector<std::string>;

namespace {

std::unique_ptr<db::ClientRecords> clients_as(test::ClinicServer& clinic,
                                              const std::string& login) {
    return db::connect_client_records(clinic.uri(login), test::test_password_of(login));
}

}  // namespace

TEST_CASE("a therapist's clients on a clinic server keep the client records contract") {
    test::ClinicServer clinic;
    const auto jane = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    test::check_client_records_contract(*clients_as(clinic, jane));
}

TEST_CASE("each role lists, reads and adds only the clients the server lets it") {
    test::ClinicServer clinic;
    const auto jane = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    const auto sam = clinic.add_login("sam", ClinicRole::therapist, "Sam Poe");
    const auto fran = clinic.add_login("fran", ClinicRole::front_desk, "Fran Desk");
    auto janes = clients_as(clinic, jane);
    auto sams = clients_as(clinic, sam);
    auto desk = clients_as(clinic, fran);

    sdk::Client c;
    c.given_name = "Adaline";
    c.family_name = "Client";
    c.occupation = "Nurse";
    const auto adaline = janes->add(c);
    c.given_name = "Adam";
    const auto adam = sams->add(c);

    // A therapist sees their own clients only, until one is shared with them.
    CHECK(janes->count() == 1);
    CHECK(test::listed_names(*janes, 0, 10) == Names{"Client, Adaline"});
    CHECK_FALSE(janes->get(adam));
    CHECK_THROWS_AS(janes->set_chart_figure(adam, sdk::ChartFigure::male), db::DatabaseError);
    auto sam_writes = clinic.as(sam);
    db::postgres::share_client(sam_writes, adam, jane);
    CHECK(janes->count() == 2);
    CHECK(janes->get(adam)->occupation == "Nurse");

    // The front desk lists every client and reads contact details, not the chart's figure.
    CHECK(desk->count() == 2);
    CHECK(test::listed_names(*desk, 0, 10) == Names{"Client, Adaline", "Client, Adam"});
    const auto booked = desk->get(adaline);
    REQUIRE(booked);
    CHECK(booked->given_name == "Adaline");
    CHECK(booked->occupation.empty());  // not granted to the front desk
    CHECK_THROWS_AS(desk->set_chart_figure(adaline, sdk::ChartFigure::male), db::AccessDenied);
    // A client the front desk adds is listed for it and for the owner; an occupation (which
    // it may not record) is refused, not dropped unsaid.
    c.given_name = "Bea";
    CHECK_THROWS_AS(desk->add(c), db::AccessDenied);
    CHECK(desk->count() == 2);
    c.occupation.clear();
    const auto bea = desk->add(c);
    CHECK(desk->get(bea)->given_name == "Bea");
    CHECK(desk->count() == 3);
}

TEST_CASE(
    "the front desk and the owner book a new client with a therapist, and a therapist cannot") {
    test::ClinicServer clinic;
    const auto jane = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    const auto sam = clinic.add_login("sam", ClinicRole::therapist, "Sam Poe");
    const auto olga = clinic.add_login("olga", ClinicRole::owner, "Olga Owner");
    const auto fran = clinic.add_login("fran", ClinicRole::front_desk, "Fran Desk");
    auto desk = clients_as(clinic, fran);
    // By name; the front desk itself is nobody's therapist.
    const auto bookable = desk->therapists();
    REQUIRE(bookable.size() == 3);
    CHECK(bookable[0].name == "Jane Roe");
    CHECK(bookable[0].login == jane);
    CHECK(bookable[1].name == "Olga Owner");
    CHECK(bookable[2].name == "Sam Poe");
    CHECK(clients_as(clinic, olga)->therapists().size() == 3);

    sdk::Client cleo;
    cleo.given_name = "Cleo";
    cleo.family_name = "Booked";
    const auto booked = desk->add_for(cleo, jane);
    auto janes = clients_as(clinic, jane);
    REQUIRE(janes->get(booked));
    CHECK(janes->get(booked)->given_name == "Cleo");
    CHECK_FALSE(clients_as(clinic, sam)->get(booked));
    CHECK(desk->get(booked));  // the front desk sees every client's contact details

    const auto before = desk->count();
    CHECK_THROWS_AS(desk->add_for(cleo, fran), std::invalid_argument);  // no therapist
    CHECK_THROWS_AS(desk->add_for(cleo, "nobody"), std::invalid_argument);
    CHECK(desk->count() == before);

    // A therapist's new clients are their own: no choice, and the server refuses one for Sam.
    CHECK(janes->therapists().empty());
    CHECK_THROWS_AS(janes->add_for(cleo, sam), db::AccessDenied);
    CHECK(desk->count() == before);
}
