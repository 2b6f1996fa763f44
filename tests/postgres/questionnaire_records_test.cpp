// The questionnaire responses seam on a real clinic server: the same contract as on a SQLite
// file (questionnaire_records_contract.hpp), another therapist's client's responses neither
// read nor written, and the front desk refused them.
#include <catch2/catch.hpp>

#include "clinic_records.hpp"
#include "clinic_server.hpp"
#include "db/database_error.hpp"
#include "db/server_records.hpp"
#include "questionnaire_records_contract.hpp"

using namespace knotnotes;
using db::postgres::ClinicRole;

TEST_CASE("a therapist's questionnaire responses on a clinic server keep the contract") {
    test::ClinicServer clinic;
    const auto jane = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    auto jane_sql = clinic.as(jane);
    const auto ann = test::add_client(jane_sql, "Ann");
    const auto cleo = test::add_client(jane_sql, "Cleo");
    const auto session = test::add_session(jane_sql, ann);
    auto records = db::connect_server_records(clinic.uri(jane), test::test_password_of(jane));
    test::check_questionnaire_records_contract(*records.questionnaires, std::stoll(ann),
                                               std::stoll(cleo), std::stoll(session));
}

TEST_CASE("questionnaire responses on a clinic server are the client's therapist's only") {
    test::ClinicServer clinic;
    const auto jane = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    const auto sam = clinic.add_login("sam", ClinicRole::therapist, "Sam Poe");
    const auto fran = clinic.add_login("fran", ClinicRole::front_desk, "Fran Desk");
    auto jane_sql = clinic.as(jane);
    const auto ann = std::stoll(test::add_client(jane_sql, "Ann"));
    auto janes = db::connect_server_records(clinic.uri(jane), test::test_password_of(jane));
    sdk::QuestionnaireResponse response;
    response.client_id = ann;
    response.instrument_id = "org.knotnotes.questionnaires/nprs";
    response.score = 6;
    janes.questionnaires->add(response);

    auto sams = db::connect_server_records(clinic.uri(sam), test::test_password_of(sam));
    CHECK(sams.questionnaires->for_client(ann).empty());
    CHECK_THROWS_AS(sams.questionnaires->add(response), db::AccessDenied);
    auto desk = db::connect_server_records(clinic.uri(fran), test::test_password_of(fran));
    CHECK_THROWS_AS(desk.questionnaires->for_client(ann), db::AccessDenied);
    CHECK_THROWS_AS(desk.questionnaires->add(response), db::AccessDenied);
    CHECK(janes.questionnaires->for_client(ann).size() == 1);
}
