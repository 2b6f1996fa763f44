// Migration 3 on a database made by schema 2: every session gets a location, the audit and the
// seals still hold.
#include <catch2/catch.hpp>

#include "db/canonical_session.hpp"
#include "db/database.hpp"
#include "db/session_repository.hpp"
#include "db/verifier.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

namespace {

// A schema-2 file with a signed session (1) and a draft (2), written as schema 2 wrote them.
void make_schema_2_database(const std::filesystem::path& file) {
    db::Database database(file, db::OpenMode::create_if_missing, 2);
    REQUIRE(database.schema_version() == 2);
    // The legacy seal of session 1: the hash of its canonical text (which has no location).
    sdk::Session signed_note;
    signed_note.started_at = "2026-01-03T10:00:00.000Z";
    signed_note.subjective = "Neck tension";
    const auto sealed = db::canonical_session_sha256(signed_note);
    database.exec(R"sql(
INSERT INTO practitioners (name, credentials, created_at, uid)
    VALUES ('Alex Morgan', 'RMT', '2026-01-02T09:00:00.000Z', kn_new_uid());
INSERT INTO clients (given_name, family_name, created_at, uid)
    VALUES ('Jo', 'Smith', '2026-01-02T09:00:00.000Z', kn_new_uid());
INSERT INTO sessions (client_id, practitioner_id, started_at, subjective, uid)
    VALUES (1, 1, '2026-01-03T10:00:00.000Z', 'Neck tension', kn_new_uid());
INSERT INTO sessions (client_id, practitioner_id, started_at, subjective, uid)
    VALUES (1, 1, '2026-01-10T10:00:00.000Z', 'Follow-up', kn_new_uid());
)sql");
    database.exec(
        "UPDATE sessions SET status = 'signed', signed_by = 'Alex Morgan', "
        "signed_at = '2026-01-03T11:00:00.000Z', content_sha256 = '" +
        sealed + "', signature_algorithm = 'sha256-legacy', canonical_version = 1 WHERE id = 1");
}

std::string location_of(db::Database& database, int id) {
    auto st = database.prepare("SELECT location FROM sessions WHERE id = ?");
    st->bind(1, std::int64_t{id});
    REQUIRE(st->step());
    return st->text(0);
}

}  // namespace

TEST_CASE("migration 3 gives every session the location 'unspecified' and verify still holds",
          "[db][migration]") {
    TempDir dir;
    const auto file = dir / "v2.db";
    make_schema_2_database(file);
    db::Database database(file);
    CHECK(database.schema_version() == 3);
    CHECK(location_of(database, 1) == "unspecified");
    CHECK(location_of(database, 2) == "unspecified");
    const auto session = db::SessionRepository(database).get(1);
    REQUIRE(session);
    CHECK(session->location == sdk::SessionLocation::unspecified);
    // Every session's audit entry was refreshed with the new column: the audit matches.
    const auto report = db::verify_database(database);
    std::string details;
    for (const auto& check : report.checks)
        details += check.name + ": " + check.details + "\n";
    INFO(details);
    CHECK(report.passed());
}

TEST_CASE("after migration 3 a signed session's location is sealed with it", "[db][migration]") {
    TempDir dir;
    const auto file = dir / "v2.db";
    make_schema_2_database(file);
    db::Database database(file);
    CHECK_THROWS_WITH(database.exec("UPDATE sessions SET location = 'clinic' WHERE id = 1"),
                      Catch::Contains("this session is signed and cannot be changed"));
    CHECK(location_of(database, 1) == "unspecified");

    // A draft's location is the therapist's to set; signing cannot change it on the way.
    auto draft = *db::SessionRepository(database).get(2);
    draft.location = sdk::SessionLocation::client_home;
    db::SessionRepository(database).update_note(draft);
    CHECK(location_of(database, 2) == "client-home");
    CHECK_THROWS_WITH(database.exec("UPDATE sessions SET status = 'signed', signed_by = 'x', "
                                    "signed_at = 'x', content_sha256 = 'x', location = 'event' "
                                    "WHERE id = 2"),
                      Catch::Contains("signing a session cannot change what it says"));
    // The column refuses words outside the vocabulary.
    CHECK_THROWS(database.exec("UPDATE sessions SET location = 'moon' WHERE id = 2"));
}
