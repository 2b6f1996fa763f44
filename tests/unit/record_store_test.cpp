// RecordStore: a birth date is stored only as a real ISO date.
#include <catch2/catch.hpp>

#include "core/record_store.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

TEST_CASE("a birth date that is not YYYY-MM-DD is refused, never stored as typed",
          "[core][record-store]") {
    TempDir dir;
    core::RecordStore store(dir / "k.db");
    sdk::Client c;
    c.given_name = "Jo";
    c.birth_date = "12/03/1980";
    CHECK_THROWS_WITH(store.add_client(c),
                      Catch::Contains("\"12/03/1980\" is not a date written YYYY-MM-DD"));
    c.birth_date = "1980-02-30";
    CHECK_THROWS(store.add_client(c));
    CHECK(store.client_count() == 0);
    c.birth_date = "1980-03-12";
    const auto id = store.add_client(c);
    CHECK(store.client(id)->birth_date == "1980-03-12");
    c.birth_date.clear();
    CHECK(store.add_client(c) > 0);
}
