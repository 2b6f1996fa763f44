// The intakes seam on a SQLite file: the same contract a clinic server keeps
// (intake_records_contract.hpp; tests/postgres/intake_records_test.cpp runs it there).
#include <catch2/catch.hpp>

#include "db/client_repository.hpp"
#include "db/database.hpp"
#include "intake_records_contract.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;

TEST_CASE("intakes in a database file keep the intake records contract", "[db][intake]") {
    test::TempDir dir;
    db::Database database(dir / "k.db");
    sdk::Client c;
    c.given_name = "Ann";
    c.family_name = "Client";
    const auto client = db::ClientRepository(database).add(c);
    auto intakes = db::file_intake_records(database);
    test::check_intake_records_contract(*intakes, client);
}
