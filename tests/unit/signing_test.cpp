// Signing seals a session; the database refuses any later change; amendments keep the original.
#include <catch2/catch.hpp>

#include "db/canonical_session.hpp"
#include "db/verifier.hpp"
#include "sample_records.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

TEST_CASE("signing stores signer, time and the hash of the canonical content", "[db][signing]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    const auto r = test::add_sample_records(database);
    db::ChartEntryRepository(database).add_knot(test::sample_knot(r.session));
    db::SessionRepository sessions(database);

    const auto expected = db::canonical_session_sha256(*sessions.get(r.session));
    const auto signature = sessions.sign(r.session, "Alex Morgan");
    CHECK(signature.signer == "Alex Morgan");
    CHECK(signature.content_sha256 == expected);
    CHECK(signature.content_sha256.size() == 64);
    const auto stored = sessions.get(r.session);
    REQUIRE(stored->is_signed());
    CHECK(stored->signature->signed_at == signature.signed_at);
    CHECK_THROWS_AS(sessions.sign(r.session, "Alex Morgan"), db::RecordLocked);
}

TEST_CASE("a signed session and what was charted in it can no longer change", "[db][signing]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    const auto r = test::add_sample_records(database);
    db::ChartEntryRepository entries(database);
    const auto knot_id = entries.add_knot(test::sample_knot(r.session));
    db::SessionRepository sessions(database);
    sessions.sign(r.session, "Alex Morgan");

    auto session = *sessions.get(r.session);
    session.plan = "changed after signing";
    CHECK_THROWS_AS(sessions.update_note(session), db::RecordLocked);
    CHECK_THROWS_WITH(sessions.update_note(session),
                      Catch::Contains("signed") && Catch::Contains("amendment"));
    CHECK_THROWS_AS(entries.add_knot(test::sample_knot(r.session, "rhomboids")), db::RecordLocked);
    auto knot = session.knots.at(0);
    knot.tenderness = 1;
    CHECK_THROWS_AS(entries.update_knot(knot), db::RecordLocked);
    CHECK_THROWS_AS(entries.remove_knot(knot_id), db::RecordLocked);
    CHECK_THROWS_AS(sessions.delete_draft(r.session), db::RecordLocked);
    // Even plain SQL is refused: the rule lives in the database, not only in our code.
    CHECK_THROWS_AS(database.exec("DELETE FROM sessions"), db::RecordLocked);
    CHECK(sessions.get(r.session)->plan.empty());
    CHECK(db::verify_database(database).passed());
}

TEST_CASE("an amendment is a new draft referencing the signed original", "[db][signing]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    const auto r = test::add_sample_records(database);
    db::ChartEntryRepository entries(database);
    entries.add_knot(test::sample_knot(r.session));
    db::SessionRepository sessions(database);
    sessions.sign(r.session, "Alex Morgan");

    const auto amendment_id = sessions.amend(r.session, "Pain after was recorded wrong");
    auto amendment = *sessions.get(amendment_id);
    CHECK_FALSE(amendment.is_signed());
    CHECK(amendment.amends_session_id == r.session);
    CHECK(amendment.subjective == "Neck tension");
    REQUIRE(amendment.knots.size() == 1);
    CHECK(amendment.knots[0].muscle_id == "upper-trapezius");

    amendment.subjective = "Neck tension, worse on the left (corrected)";
    sessions.update_note(amendment);
    sessions.sign(amendment_id, "Alex Morgan");
    CHECK(sessions.get(r.session)->subjective == "Neck tension");  // the original stays visible
    const auto listed = sessions.list_for_client(r.client);
    REQUIRE(listed.size() == 2);
    CHECK(listed[1].amends_session_id == r.session);
    CHECK(db::verify_database(database).passed());

    CHECK_THROWS_WITH(sessions.amend(amendment_id + 100, "typo"), Catch::Contains("not a signed session"));
}

TEST_CASE("the canonical text is stable and covers every charted field", "[db][signing]") {
    sdk::Session s;
    s.id = 4;
    s.client_id = 2;
    s.subjective = "Pain \"sharp\"";
    s.knots.push_back(test::sample_knot(4));
    s.knots[0].id = 9;
    const auto text = db::canonical_session_text(s);
    CHECK_THAT(text, Catch::StartsWith("{\"canonical\":\"knotnotes-session-1\",\"started_at\""));
    CHECK_THAT(text, !Catch::Contains("\"id\""));  // row ids differ between databases
    CHECK_THAT(text, Catch::Contains("\"subjective\":\"Pain \\\"sharp\\\"\""));
    CHECK_THAT(text, Catch::Contains("\"x\":0.410000"));
    auto moved = s;
    moved.knots[0].x = 0.42;
    CHECK(db::canonical_session_sha256(moved) != db::canonical_session_sha256(s));
    auto reordered = s;
    auto second = test::sample_knot(4, "rhomboids");
    second.id = 3;
    reordered.knots.insert(reordered.knots.begin(), second);
    auto same = s;
    same.knots.push_back(second);
    CHECK(db::canonical_session_text(reordered) == db::canonical_session_text(same));
}
