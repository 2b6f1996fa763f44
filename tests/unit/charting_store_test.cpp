// Charting through the storage seam on a SQLite file: the same contract a clinic server keeps
// (charting_store_contract.hpp; tests/postgres/charting_store_test.cpp runs it there).
#include <catch2/catch.hpp>

#include "charting_store_contract.hpp"
#include "db/client_repository.hpp"
#include "db/database.hpp"
#include "db/intake_repository.hpp"
#include "db/practitioner_repository.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;

TEST_CASE("charting in a database file keeps the charting store contract", "[db][charting]") {
    test::TempDir dir;
    db::Database database(dir / "k.db");
    const auto practitioner = db::PractitionerRepository(database).add({0, "Alex Morgan", "RMT"});
    sdk::Client client;
    client.given_name = "Jo";
    client.family_name = "Smith";
    const auto client_id = db::ClientRepository(database).add(client);
    auto store = db::file_charting_store(database);
    test::check_charting_store_contract({*store, client_id, practitioner,
                                         [&] {
                                             sdk::Intake intake;
                                             intake.client_id = client_id;
                                             intake.preferred_pressure = 5;
                                             return db::IntakeRepository(database).save(intake);
                                         },
                                         [&](sdk::Id session_id) {
                                             sdk::Signature signature;
                                             signature.signer = "Alex Morgan";
                                             signature.signed_at = "2026-11-02T11:00:00.000Z";
                                             signature.content_sha256 = std::string(64, 'a');
                                             signature.signer_practitioner_id = practitioner;
                                             signature.algorithm = "ed25519";
                                             signature.canonical_version = 2;
                                             signature.public_key = "cHVibGlj";
                                             signature.value = "c2lnbmF0dXJl";
                                             db::SessionRepository(database).seal(session_id,
                                                                                  signature);
                                         }});
}
