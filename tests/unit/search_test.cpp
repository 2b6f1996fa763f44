#include <catch2/catch.hpp>

#include "client_search_contract.hpp"
#include "db/client_repository.hpp"
#include "db/client_search.hpp"
#include "db/database.hpp"
#include "db/session_repository.hpp"
#include "sample_records.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

TEST_CASE("type-ahead on a database file keeps the client search contract", "[db][search]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    db::ClientRepository clients(database);
    auto search = db::file_client_search(database);
    test::check_client_search_contract(
        {*search,
         [&](const std::string& given, const std::string& family) {
             sdk::Client c;
             c.given_name = given;
             c.family_name = family;
             return clients.add(c);
         },
         [&](std::int64_t id, const std::string& given, const std::string& family) {
             auto c = *clients.get(id);
             c.given_name = given;
             c.family_name = family;
             clients.update(c);
         }});
}

TEST_CASE("typed text becomes quoted FTS5 prefix terms", "[db][search]") {
    CHECK(db::fts_prefix_query("jo \"smi") == "\"jo\"* \"\"\"smi\"*");
    CHECK(db::fts_prefix_query("  ").empty());
}

TEST_CASE("note search finds sessions by words of their SOAP text", "[db][search]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    const auto r = test::add_sample_records(database);
    db::SessionRepository sessions(database);
    auto session = *sessions.get(r.session);
    session.objective = "Taut band in the left piriformis, referral down the thigh";
    session.plan = "Stretching at home";
    sessions.update_note(session);

    const auto found = sessions.search_notes("pirif", 10);
    REQUIRE(found.size() == 1);
    CHECK(found[0].session_id == r.session);
    CHECK(found[0].client_id == r.client);
    CHECK_THAT(found[0].snippet, Catch::Contains("[piriformis]"));
    CHECK(sessions.search_notes("stretch home", 10).size() == 1);
    CHECK(sessions.search_notes("trapezius", 10).empty());
    session.objective = "Nothing notable";
    sessions.update_note(session);
    CHECK(sessions.search_notes("pirif", 10).empty());  // the index follows edits
}
