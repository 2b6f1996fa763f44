// The questionnaire responses seam on a SQLite file: the same contract a clinic server keeps
// (questionnaire_records_contract.hpp; tests/postgres/questionnaire_records_test.cpp runs it
// there).
#include <catch2/catch.hpp>

#include "db/database.hpp"
#include "questionnaire_records_contract.hpp"
#include "sample_records.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;

TEST_CASE("questionnaire responses in a database file keep the questionnaire records contract",
          "[db][questionnaire]") {
    test::TempDir dir;
    db::Database database(dir / "k.db");
    const auto first = test::add_sample_records(database);
    const auto second = test::add_sample_records(database);
    auto responses = db::file_questionnaire_records(database);
    test::check_questionnaire_records_contract(*responses, first.client, second.client,
                                               first.session);
}
