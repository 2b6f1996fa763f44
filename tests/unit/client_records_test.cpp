// The clients seam on a SQLite file: the same contract a clinic server keeps
// (client_records_contract.hpp; tests/postgres/client_records_test.cpp runs it there).
#include <catch2/catch.hpp>

#include "client_records_contract.hpp"
#include "db/database.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;

TEST_CASE("clients in a database file keep the client records contract", "[db][clients]") {
    test::TempDir dir;
    db::Database database(dir / "k.db");
    auto clients = db::file_client_records(database);
    test::check_client_records_contract(*clients);
}

TEST_CASE("a database file books no client with another therapist", "[db][clients]") {
    test::TempDir dir;
    db::Database database(dir / "k.db");
    auto clients = db::file_client_records(database);
    CHECK(clients->therapists().empty());
    sdk::Client ann;
    ann.given_name = "Ann";
    CHECK_THROWS_AS(clients->add_for(ann, "jane"), std::invalid_argument);
    CHECK(clients->count() == 0);
}
