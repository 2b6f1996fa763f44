// Clients, intakes, sessions and what is charted in them, stored in a real SQLite file.
#include <catch2/catch.hpp>

#include "db/questionnaire_repository.hpp"
#include "sample_records.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

TEST_CASE("a client is stored, read back and updated", "[db][clients]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    db::ClientRepository clients(database);
    sdk::Client c;
    c.given_name = "Amara";
    c.family_name = "Okafor";
    c.birth_date = "1984-03-02";
    c.email = "amara@example.org";
    c.occupation = "Nurse";
    const auto id = clients.add(c);
    auto stored = clients.get(id);
    REQUIRE(stored);
    CHECK(stored->family_name == "Okafor");
    CHECK(stored->birth_date == "1984-03-02");
    CHECK_FALSE(stored->created_at.empty());
    stored->phone = "+1 555 0100";
    clients.update(*stored);
    CHECK(clients.get(id)->phone == "+1 555 0100");
    CHECK(clients.count() == 1);
    CHECK_FALSE(clients.get(id + 1).has_value());
}

TEST_CASE("clients list in name order, a page at a time", "[db][clients]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    db::ClientRepository clients(database);
    for (const auto& [given, family] : std::vector<std::pair<std::string, std::string>>{
             {"Zoe", "adams"}, {"Liam", "Brown"}, {"Ava", "Adams"}, {"Noah", "Clark"}}) {
        sdk::Client c;
        c.given_name = given;
        c.family_name = family;
        clients.add(c);
    }
    const auto first = clients.list(0, 2);
    REQUIRE(first.size() == 2);
    CHECK(first[0].display_name() == "Adams, Ava");
    CHECK(first[1].display_name() == "adams, Zoe");
    const auto rest = clients.list(2, 10);
    REQUIRE(rest.size() == 2);
    CHECK(rest[0].family_name == "Brown");
    CHECK(rest[1].family_name == "Clark");
}

TEST_CASE("saving an intake makes a new version and never changes the old one", "[db][intakes]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    const auto r = test::add_sample_records(database);
    db::IntakeRepository intakes(database);
    auto v1 = intakes.current(r.client);
    REQUIRE(v1);
    CHECK(v1->version == 1);
    CHECK(v1->health_flags == std::vector<std::string>{"anticoagulants"});

    auto changed = *v1;
    // A version with the uid of another is refused: it would pass for that record elsewhere.
    CHECK_THROWS_WITH(intakes.save(changed), Catch::Contains("cannot be replaced"));
    changed.uid.clear();
    changed.health_flags.push_back("pregnancy");
    changed.medications = "Warfarin \"5 mg\"\nnightly";
    changed.consent = {true, "2026-11-25", "Jo Smith", "iVBORw0KGgo="};
    const auto v2_id = intakes.save(changed);
    const auto v2 = intakes.current(r.client);
    CHECK(v2->id == v2_id);
    CHECK(v2->version == 2);
    CHECK(v2->uid.size() == 36);
    CHECK(v2->uid != v1->uid);
    CHECK(v2->health_flags == std::vector<std::string>{"anticoagulants", "pregnancy"});
    CHECK(v2->medications == "Warfarin \"5 mg\"\nnightly");
    CHECK(v2->consent.agreed);
    CHECK(v2->consent.signature_png_base64 == "iVBORw0KGgo=");
    CHECK(intakes.get(r.intake)->health_flags.size() == 1);  // version 1 as it was
    CHECK(intakes.versions(r.client).size() == 2);

    CHECK_THROWS_AS(
        database.exec("UPDATE intakes SET goals = 'x' WHERE id = " + std::to_string(r.intake)),
        db::RecordLocked);
}

TEST_CASE("a session is read back with its knots, pressure readings and techniques",
          "[db][sessions]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    const auto r = test::add_sample_records(database);
    db::ChartEntryRepository entries(database);
    const auto knot_id = entries.add_knot(test::sample_knot(r.session));
    entries.add_pressure_reading({0, r.session, "upper-back", sdk::Side::bilateral, 6});
    sdk::TechniqueUse use;
    use.session_id = r.session;
    use.technique_id = "org.knotnotes.techniques.deep-tissue/ischemic-compression";
    use.muscle_id = "upper-trapezius";
    use.side = sdk::Side::left;
    use.pressure = 7;
    use.duration_seconds = 60;
    use.tool = sdk::Tool::thumb;
    use.direction = sdk::Direction::sustained;
    use.response = "Released";
    entries.add_technique_use(use);

    auto session = db::SessionRepository(database).get(r.session);
    REQUIRE(session);
    CHECK_FALSE(session->is_signed());
    CHECK(session->intake_id == r.intake);
    REQUIRE(session->knots.size() == 1);
    CHECK(session->knots[0].id == knot_id);
    CHECK(session->knots[0].muscle_id == "upper-trapezius");
    CHECK(session->knots[0].kind == sdk::KnotKind::active);
    CHECK(session->knots[0].x == Approx(0.41));
    REQUIRE(session->pressure_readings.size() == 1);
    CHECK(session->pressure_readings[0].pressure == 6);
    REQUIRE(session->techniques.size() == 1);
    CHECK(session->techniques[0].tool == sdk::Tool::thumb);
    CHECK(session->techniques[0].direction == sdk::Direction::sustained);
    CHECK(session->techniques[0].pressure == 7);

    auto knot = session->knots[0];
    knot.result = sdk::KnotResult::released;
    knot.tenderness = 3;
    entries.update_knot(knot);
    CHECK(entries.knots(r.session)[0].result == sdk::KnotResult::released);
    entries.remove_knot(knot_id);
    CHECK(entries.knots(r.session).empty());
}

TEST_CASE("the schema refuses values outside the clinical scales", "[db][sessions]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    const auto r = test::add_sample_records(database);
    db::ChartEntryRepository entries(database);
    auto knot = test::sample_knot(r.session);
    knot.tenderness = 11;
    CHECK_THROWS_AS(entries.add_knot(knot), db::DatabaseError);
    knot = test::sample_knot(r.session, "not-a-muscle");
    CHECK_THROWS_WITH(entries.add_knot(knot), Catch::Contains("FOREIGN KEY"));
    knot = test::sample_knot(r.session);
    knot.x = 1.5;
    CHECK_THROWS_AS(entries.add_knot(knot), db::DatabaseError);
    CHECK(entries.knots(r.session).empty());
}

TEST_CASE("questionnaire responses keep answers, score and instrument version",
          "[db][questionnaires]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    const auto r = test::add_sample_records(database);
    db::QuestionnaireRepository questionnaires(database);
    questionnaires.add(
        {0,
         r.client,
         r.session,
         "org.knotnotes.questionnaires/psfs",
         "1.0",
         "2026-11-25T10:00:00.000Z",
         {{"activity-1", 4.0, "Lifting my toddler"}, {"activity-2", std::nullopt, ""}},
         4.0,
         ""});
    const auto all = questionnaires.for_client(r.client);
    REQUIRE(all.size() == 1);
    CHECK(all[0].instrument_id == "org.knotnotes.questionnaires/psfs");
    CHECK(all[0].instrument_version == "1.0");
    REQUIRE(all[0].answers.size() == 2);
    CHECK(all[0].answers[0].text == "Lifting my toddler");
    CHECK(all[0].answers[0].value == 4.0);
    CHECK_FALSE(all[0].answers[1].value.has_value());
    CHECK(all[0].score == 4.0);
}
