// RecordStore: a birth date is stored only as a real ISO date.
#include <catch2/catch.hpp>

#include "core/practitioner_profiles.hpp"
#include "core/record_store.hpp"
#include "core/window_lock.hpp"
#include "db/file_identity.hpp"
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

TEST_CASE("one secret: the database passphrase also unlocks the same signing passphrase's key",
          "[core][record-store][encryption]") {
    TempDir dir;
    const auto file = dir / "k.db";
    {
        core::RecordStore store(file, db::DatabaseKey::from_passphrase("one secret for both"));
        core::PractitionerProfiles(store.database())
            .create_profile({"Alex Morgan", "RMT", ""}, "one secret for both");
    }
    REQUIRE(db::identify_database_file(file).kind == db::FileKind::encrypted);
    core::RecordStore store(file, db::DatabaseKey::from_passphrase("one secret for both"));
    REQUIRE(store.signing_session().key() == nullptr);
    CHECK(core::unlock_signing_with_database_passphrase(store));
    CHECK(store.signing_session().key() != nullptr);
    CHECK(core::lock_secret(store) == core::LockSecret::database_passphrase);
    CHECK_FALSE(core::passphrase_unlocks(store, "not the secret"));
    CHECK(core::passphrase_unlocks(store, "one secret for both"));

    SECTION("a different signing passphrase is not unlocked, and still unlocks the window") {
        TempDir other;
        core::RecordStore two(other / "k.db", db::DatabaseKey::from_passphrase("database secret"));
        core::PractitionerProfiles(two.database())
            .create_profile({"Sam Lee", "RMT", ""}, "signing secret here");
        CHECK_FALSE(core::unlock_signing_with_database_passphrase(two));
        CHECK(two.signing_session().key() == nullptr);
        CHECK(core::passphrase_unlocks(two, "signing secret here"));
        CHECK(two.signing_session().key() != nullptr);
        CHECK(core::passphrase_unlocks(two, "database secret"));
    }
}
