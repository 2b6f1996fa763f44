// Opening files: new, ours, newer, foreign, not SQLite. Refused files stay byte-for-byte.
#include <sqlite3.h>

#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "db/database.hpp"
#include "db/file_identity.hpp"
#include "db/migrations.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

namespace {

std::string bytes_of(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void raw_sql(const std::filesystem::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}

}  // namespace

TEST_CASE("a new database identifies itself and has the latest schema", "[db][open]") {
    TempDir dir;
    { db::Database database(dir / "new.db"); }
    const auto identity = db::identify_database_file(dir / "new.db");
    CHECK(identity.kind == db::FileKind::knotnotes);
    CHECK(identity.application_id == db::knotnotes_application_id);
    CHECK(identity.schema_version == db::latest_schema_version());

    db::Database again(dir / "new.db", db::OpenMode::existing_only);
    auto mode = again.prepare("PRAGMA journal_mode");
    mode->step();
    CHECK(mode->text(0) == "wal");
    auto fk = again.prepare("PRAGMA foreign_keys");
    fk->step();
    CHECK(fk->integer(0) == 1);
}

TEST_CASE("every older schema version migrates to the latest, keeping its data",
          "[db][migrations]") {
    for (int from = 0; from < db::latest_schema_version(); ++from) {
        INFO("from version " << from);
        TempDir dir;
        const auto file = dir / "old.db";
        if (from == 0) {
            std::ofstream{file};  // version 0: an empty file, as a first run leaves it
        } else {
            db::Database old(file, db::OpenMode::create_if_missing, from);
            REQUIRE(old.schema_version() == from);
            old.exec("INSERT INTO practitioners (name, created_at) VALUES ('Kept', 'then')");
        }
        db::Database database(file, db::OpenMode::existing_only);
        CHECK(database.schema_version() == db::latest_schema_version());
        if (from > 0) {
            auto st = database.prepare("SELECT count(*) FROM practitioners WHERE name = 'Kept'");
            st->step();
            CHECK(st->integer(0) == 1);
        }
    }
}

TEST_CASE("a database of a newer KnotNotes is refused untouched", "[db][open]") {
    TempDir dir;
    { db::Database database(dir / "newer.db"); }
    raw_sql(dir / "newer.db", "PRAGMA journal_mode = DELETE; PRAGMA user_version = " +
                                  std::to_string(db::latest_schema_version() + 1));
    const auto before = bytes_of(dir / "newer.db");
    try {
        db::Database database(dir / "newer.db");
        FAIL("a newer database was opened");
    } catch (const db::DatabaseRefused& e) {
        CHECK_THAT(e.what(), Catch::Contains("newer.db") && Catch::Contains("newer KnotNotes") &&
                                 Catch::Contains("has not been changed"));
    }
    CHECK(bytes_of(dir / "newer.db") == before);
}

TEST_CASE("a file that is not SQLite is refused untouched", "[db][open]") {
    TempDir dir;
    std::ofstream(dir / "notes.db") << "Dear diary, today I massaged a trapezius.\n";
    const auto before = bytes_of(dir / "notes.db");
    CHECK_THROWS_WITH(db::Database(dir / "notes.db"),
                      Catch::Contains("notes.db") && Catch::Contains("not an SQLite file"));
    CHECK(bytes_of(dir / "notes.db") == before);
}

TEST_CASE("another application's SQLite database is refused untouched", "[db][open]") {
    TempDir dir;
    raw_sql(dir / "other.db",
            "PRAGMA application_id = 1234; CREATE TABLE recipes (name TEXT); "
            "INSERT INTO recipes VALUES ('bread')");
    const auto before = bytes_of(dir / "other.db");
    CHECK_THROWS_AS(db::Database(dir / "other.db"), db::DatabaseRefused);
    CHECK_THROWS_WITH(db::Database(dir / "other.db"), Catch::Contains("another application"));
    CHECK(bytes_of(dir / "other.db") == before);
}

TEST_CASE("opening a missing file for an existing database is an error", "[db][open]") {
    TempDir dir;
    CHECK_THROWS_WITH(db::Database(dir / "nope.db", db::OpenMode::existing_only),
                      Catch::Contains("no such database file"));
    CHECK_FALSE(std::filesystem::exists(dir / "nope.db"));
}

TEST_CASE("an address is never taken for a file name", "[db][open]") {
    CHECK(db::is_address("postgresql://therapist@127.0.0.1:5432/clinic"));
    CHECK(db::is_address("postgres://host/db"));
    CHECK(db::is_address("file:///home/jane/knotnotes.db"));
    CHECK_FALSE(db::is_address("/home/jane/knotnotes.db"));
    CHECK_FALSE(db::is_address("notes: a copy.db"));
    CHECK_FALSE(db::is_address("backups/2026://odd.db"));  // a folder name, not a scheme
    CHECK_FALSE(db::is_address("://x"));

    TempDir dir;
    const auto before = std::filesystem::current_path();
    std::filesystem::current_path(dir.path());
    CHECK(db::identify_database_file("postgresql://h/db").kind == db::FileKind::address);
    CHECK_THROWS_AS(db::Database("postgresql://h/db"), db::DatabaseRefused);
    CHECK_THROWS_WITH(db::Database("postgresql://h/db"),
                      Catch::Contains("postgresql://h/db: this is the address of a clinic "
                                      "server, not a file"));
    std::filesystem::current_path(before);
    CHECK(std::filesystem::is_empty(dir.path()));
}
