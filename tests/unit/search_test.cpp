#include <catch2/catch.hpp>

#include "db/client_repository.hpp"
#include "db/database.hpp"
#include "db/session_repository.hpp"
#include "sample_records.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

namespace {

std::vector<std::string> names(const std::vector<db::ClientSummary>& found) {
    std::vector<std::string> result;
    for (const auto& c : found)
        result.push_back(c.given_name + " " + c.family_name);
    return result;
}

}  // namespace

TEST_CASE("type-ahead finds clients by the start of any name word", "[db][search]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    db::ClientRepository clients(database);
    for (const auto& [given, family] :
         std::vector<std::pair<std::string, std::string>>{{"Jo", "Smith"},
                                                          {"Joanna", "Smithers"},
                                                          {"Chloé", "Dubois"},
                                                          {"Sam", "O'Brien"},
                                                          {"Ann", "Jones"}}) {
        sdk::Client c;
        c.given_name = given;
        c.family_name = family;
        clients.add(c);
    }
    using Catch::Matchers::UnorderedEquals;
    CHECK_THAT(names(clients.search_names("smi", 10)),
               UnorderedEquals(std::vector<std::string>{"Jo Smith", "Joanna Smithers"}));
    CHECK(names(clients.search_names("smi jo", 10)).size() == 2);
    CHECK(names(clients.search_names("smith joa", 10)) ==
          std::vector<std::string>{"Joanna Smithers"});
    CHECK(names(clients.search_names("chloe", 10)) == std::vector<std::string>{"Chloé Dubois"});
    CHECK(names(clients.search_names("J", 10)).size() == 3);
    CHECK(clients.search_names("xyz", 10).empty());
    CHECK(clients.search_names("   ", 10).empty());
}

TEST_CASE("search text is never read as query syntax", "[db][search]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    db::ClientRepository clients(database);
    sdk::Client c;
    c.given_name = "Sam";
    c.family_name = "O'Brien";
    clients.add(c);
    for (const auto* typed : {"\"", "o'b", "AND", "sam OR", "*", "NEAR(", "sam\"*"}) {
        INFO(typed);
        CHECK_NOTHROW(clients.search_names(typed, 10));
    }
    CHECK(clients.search_names("o'b", 10).size() == 1);
    CHECK(db::fts_prefix_query("jo \"smi") == "\"jo\"* \"\"\"smi\"*");
}

TEST_CASE("renamed clients are found by their new name only", "[db][search]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    db::ClientRepository clients(database);
    sdk::Client c;
    c.given_name = "Mia";
    c.family_name = "Young";
    c.id = clients.add(c);
    c.family_name = "King";
    clients.update(c);
    CHECK(clients.search_names("young", 10).empty());
    CHECK(clients.search_names("kin", 10).size() == 1);
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
