#include <catch2/catch.hpp>

#include "db/client_repository.hpp"
#include "db/database.hpp"
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
