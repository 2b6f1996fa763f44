// client_records_contract.hpp — what the clients seam means (db/client_records.hpp), checked the
// same way on every engine: the unit tests run it on a SQLite file, the PostgreSQL tests on a
// real clinic server as a therapist. An engine passes when the client list and the client pane
// show the same clients, in the same order, on either.
#pragma once

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "db/client_records.hpp"
#include "db/database_error.hpp"

namespace knotnotes::test {

inline std::vector<std::string> listed_names(db::ClientRecords& clients, std::int64_t offset,
                                             int limit) {
    std::vector<std::string> names;
    for (const auto& c : clients.list(offset, limit))
        names.push_back(c.display_name());
    return names;
}

inline void check_client_records_contract(db::ClientRecords& clients) {
    using Names = std::vector<std::string>;
    REQUIRE(clients.count() == 0);

    sdk::Client full;
    full.given_name = "Zoë";
    full.family_name = "Ångström";
    full.birth_date = "1980-03-12";
    full.phone = "+1 555 0100";
    full.email = "zoe@example.org";
    full.emergency_contact = "Sam, +1 555 0101";
    full.occupation = "Pianist";
    full.chart_figure = sdk::ChartFigure::female;
    const auto zoe = clients.add(full);
    const auto read = clients.get(zoe);
    REQUIRE(read);
    CHECK(read->id == zoe);
    CHECK(read->given_name == "Zoë");
    CHECK(read->family_name == "Ångström");
    CHECK(read->birth_date == "1980-03-12");
    CHECK(read->phone == "+1 555 0100");
    CHECK(read->email == "zoe@example.org");
    CHECK(read->emergency_contact == "Sam, +1 555 0101");
    CHECK(read->occupation == "Pianist");
    CHECK(read->chart_figure == sdk::ChartFigure::female);
    CHECK(read->created_at.size() == 24);  // made here: YYYY-MM-DDTHH:MM:SS.mmmZ
    CHECK(read->uid.size() == 36);         // made here: a UUID
    CHECK_FALSE(clients.get(zoe + 1000));

    // Given created_at and uid (an import's) are kept.
    sdk::Client given;
    given.given_name = "ann";
    given.family_name = "jones";
    given.created_at = "2025-01-02T03:04:05.006Z";
    given.uid = "0b9a4c3e-1111-4222-8333-944455556666";
    const auto ann = clients.add(given);
    CHECK(clients.get(ann)->created_at == "2025-01-02T03:04:05.006Z");
    CHECK(clients.get(ann)->uid == "0b9a4c3e-1111-4222-8333-944455556666");

    for (const auto& [g, f] : std::vector<std::pair<std::string, std::string>>{
             {"Jo", "Smith"}, {"Mary", "OBRIEN"}, {"Ben", "Adams"}, {"Al", "smith"}}) {
        sdk::Client c;
        c.given_name = g;
        c.family_name = f;
        clients.add(c);
    }
    CHECK(clients.count() == 6);
    // Family name, then given name, ASCII case ignored; accented letters after ASCII ones, as
    // a file's COLLATE NOCASE puts them.
    CHECK(listed_names(clients, 0, 10) == Names{"Adams, Ben", "jones, ann", "OBRIEN, Mary",
                                                "smith, Al", "Smith, Jo", "Ångström, Zoë"});
    CHECK(listed_names(clients, 2, 2) == Names{"OBRIEN, Mary", "smith, Al"});
    CHECK(listed_names(clients, 6, 10).empty());
    // The type-ahead is the same seam's.
    CHECK(clients.search_names("zoe ang", 10).size() == 1);

    clients.set_chart_figure(zoe, sdk::ChartFigure::male);
    CHECK(clients.get(zoe)->chart_figure == sdk::ChartFigure::male);
    clients.set_chart_figure(zoe, sdk::ChartFigure::male);  // the same figure: nothing to do
    CHECK(clients.get(zoe)->given_name == "Zoë");
    CHECK_THROWS_AS(clients.set_chart_figure(zoe + 1000, sdk::ChartFigure::female),
                    db::DatabaseError);
}

}  // namespace knotnotes::test
