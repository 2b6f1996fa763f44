// The intakes seam on a real clinic server: the same contract as on a SQLite file
// (intake_records_contract.hpp); eight saves at once each get a version of their own; the
// front desk may neither read nor write an intake; and the intake form's service on the server.
#include <catch2/catch.hpp>

#include <set>

#include "clinic_records.hpp"
#include "clinic_server.hpp"
#include "core/intake_service.hpp"
#include "db/client_records.hpp"
#include "db/database_error.hpp"
#include "db/intake_records.hpp"
#include "intake_records_contract.hpp"
#include "run_at_once.hpp"

using namespace knotnotes;
using db::postgres::ClinicRole;

TEST_CASE("a therapist's intakes on a clinic server keep the intake records contract") {
    test::ClinicServer clinic;
    const auto jane = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    auto jane_sql = clinic.as(jane);
    const auto ann = std::stoll(test::add_client(jane_sql, "Ann"));
    auto intakes = db::connect_intake_records(clinic.uri(jane), test::test_password_of(jane));
    test::check_intake_records_contract(*intakes, ann);
}

TEST_CASE("intakes saved at once on a clinic server each get a version of their own") {
    test::ClinicServer clinic;
    const auto jane = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    auto jane_sql = clinic.as(jane);
    const auto ann = std::stoll(test::add_client(jane_sql, "Ann"));
    constexpr int writers = 8;
    std::vector<std::unique_ptr<db::IntakeRecords>> computers;
    for (int i = 0; i < writers; ++i)
        computers.push_back(
            db::connect_intake_records(clinic.uri(jane), test::test_password_of(jane)));
    const auto failures = test::run_at_once(writers, [&](int i) {
        sdk::Intake intake;
        intake.client_id = ann;
        intake.goals = "writer " + std::to_string(i);
        computers[static_cast<std::size_t>(i)]->save(intake);
    });
    for (const auto& failure : failures) {
        INFO(failure);
        CHECK(failure.empty());
    }
    const auto all = computers[0]->versions(ann);
    REQUIRE(all.size() == writers);
    std::set<std::string> goals;
    for (int v = 0; v < writers; ++v) {
        CHECK(all[static_cast<std::size_t>(v)].version == v + 1);
        goals.insert(all[static_cast<std::size_t>(v)].goals);
    }
    CHECK(goals.size() == writers);  // every save kept, none written over
}

TEST_CASE(
    "the intake form's checks and saves work on a clinic server, and not for the front desk") {
    test::ClinicServer clinic;
    const auto jane = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    const auto fran = clinic.add_login("fran", ClinicRole::front_desk, "Fran Desk");
    auto jane_sql = clinic.as(jane);
    const auto ann = std::stoll(test::add_client(jane_sql, "Ann"));
    auto intakes = db::connect_intake_records(clinic.uri(jane), test::test_password_of(jane));
    auto clients = db::connect_client_records(clinic.uri(jane), test::test_password_of(jane));
    core::IntakeService service(*intakes, *clients);
    sdk::Intake intake;
    intake.client_id = ann;
    intake.health_flags = {"pregnancy", "anticoagulants", "pregnancy"};
    const auto saved = service.save(intake);
    CHECK(saved.version == 1);
    // Duplicates dropped, in the order of the contraindication table, as on a file.
    CHECK(saved.health_flags == std::vector<std::string>{"anticoagulants", "pregnancy"});
    intake.client_id = ann + 1000;  // not a client Jane may see
    CHECK_THROWS_AS(service.save(intake), core::IntakeValidationError);

    auto desk = db::connect_intake_records(clinic.uri(fran), test::test_password_of(fran));
    CHECK_THROWS_AS(desk->current(ann), db::AccessDenied);
    intake.client_id = ann;
    CHECK_THROWS_AS(desk->save(intake), db::AccessDenied);
    CHECK(service.history(ann).size() == 1);
}
