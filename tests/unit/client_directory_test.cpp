#include <catch2/catch.hpp>

#include "core/client_directory.hpp"
#include "core/demo_data.hpp"
#include "db/client_records.hpp"
#include "db/database.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

TEST_CASE("the client directory pages through every client in name order", "[core][clients]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    core::generate_demo_data(database, {450, 1, 5});
    auto records = db::file_client_records(database);
    core::ClientDirectory directory(*records);
    REQUIRE(directory.size() == 450);
    std::string previous;
    for (std::int64_t i = 0; i < directory.size(); ++i) {
        const auto& row = directory.row(i);
        auto key = row.family_name + "\x01" + row.given_name;
        for (auto& c : key)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        CHECK(key >= previous);  // sorted across page boundaries too
        previous = key;
    }
    CHECK_THROWS_AS(directory.row(450), std::out_of_range);
    const auto id = directory.row(321).id;
    CHECK(directory.index_of(id) == 321);
}

TEST_CASE("typing filters the directory and clearing restores it", "[core][clients]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    db::ClientRepository clients(database);
    for (const auto& [given, family] : std::vector<std::pair<std::string, std::string>>{
             {"Jo", "Smith"}, {"Ann", "Smithers"}, {"Liam", "Brown"}}) {
        sdk::Client c;
        c.given_name = given;
        c.family_name = family;
        clients.add(c);
    }
    auto records = db::file_client_records(database);
    core::ClientDirectory directory(*records);
    directory.set_filter("smi");
    CHECK(directory.size() == 2);
    CHECK_FALSE(directory.capped());
    sdk::Client late;
    late.given_name = "Zed";
    late.family_name = "Smithson";
    clients.add(late);
    CHECK(directory.size() == 2);  // cached until refreshed
    directory.refresh();
    CHECK(directory.size() == 3);
    directory.set_filter("");
    CHECK(directory.size() == 4);
}
