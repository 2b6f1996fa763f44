// The audit log, verification, backups and demo data.
#include <fstream>

#include <catch2/catch.hpp>

#include "core/demo_data.hpp"
#include "core/record_store.hpp"
#include "core/record_verification.hpp"
#include "db/backup.hpp"
#include "sample_records.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

namespace {

std::int64_t count(db::Database& database, const std::string& sql) {
    auto st = database.prepare(sql);
    st->step();
    return st->int64(0);
}

// Everything clinical in the database as text, ids included, audit times excluded.
std::string clinical_dump(db::Database& database) {
    std::string dump;
    for (const auto* sql :
         {"SELECT json_group_array(json_array(given_name, family_name, birth_date, email)) "
          "FROM (SELECT * FROM clients ORDER BY id)",
          "SELECT json_group_array(json_array(client_id, health_flags, preferred_pressure)) "
          "FROM (SELECT * FROM intakes ORDER BY id)",
          "SELECT json_group_array(json_array(client_id, started_at, subjective, objective, "
          "pain_before, pain_after, status, content_sha256)) FROM (SELECT * FROM sessions ORDER "
          "BY id)",
          "SELECT json_group_array(json_array(session_id, muscle_id, side, x, y, tenderness, "
          "result, previous_knot_id)) FROM (SELECT * FROM knots ORDER BY id)",
          "SELECT json_group_array(json_array(session_id, technique_id, pressure, tool)) FROM "
          "(SELECT * FROM technique_uses ORDER BY id)",
          "SELECT json_group_array(json_array(instrument_id, answers, score)) FROM (SELECT * "
          "FROM questionnaire_responses ORDER BY id)"}) {
        auto st = database.prepare(sql);
        st->step();
        dump += st->text(0) + "\n";
    }
    return dump;
}

}  // namespace

TEST_CASE("every change is in the audit log with who, when and a chained hash", "[db][audit]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    database.set_actor("alex");
    const auto r = test::add_sample_records(database);
    db::ChartEntryRepository entries(database);
    auto knot = test::sample_knot(r.session);
    knot.id = entries.add_knot(knot);
    knot.tenderness = 4;
    entries.update_knot(knot);
    entries.remove_knot(knot.id);

    auto st = database.prepare(
        "SELECT action, actor, length(hash), prev_hash = (SELECT hash FROM audit_log b WHERE "
        "b.seq < a.seq ORDER BY b.seq DESC LIMIT 1) FROM audit_log a WHERE table_name = 'knots' "
        "ORDER BY seq");
    std::vector<std::string> actions;
    while (st->step()) {
        actions.push_back(st->text(0));
        CHECK(st->text(1) == "alex");
        CHECK(st->integer(2) == 64);
        CHECK(st->integer(3) == 1);
    }
    CHECK(actions == std::vector<std::string>{"insert", "update", "delete"});
    CHECK(count(database, "SELECT count(*) FROM audit_log WHERE table_name = 'clients'") == 1);
    CHECK_THROWS_AS(database.exec("DELETE FROM audit_log"), db::RecordLocked);
    CHECK(core::verify_record(database).passed());
}

TEST_CASE("demo data is realistic, verifies, and is the same for the same seed", "[demo]") {
    TempDir dir;
    db::Database a(dir / "a.db");
    const auto summary = core::generate_demo_data(a, {12, 5, 42});
    CHECK(summary.clients == 12);
    CHECK(summary.sessions == 60);
    CHECK(summary.knots >= 60 * 2);
    CHECK(summary.knots <= 60 * 6);
    CHECK(count(a, "SELECT count(*) FROM sessions WHERE status = 'signed'") == 12 * 4);
    CHECK(count(a, "SELECT count(*) FROM knots WHERE previous_knot_id IS NOT NULL") > 0);
    CHECK(count(a, "SELECT count(*) FROM technique_uses") == summary.technique_uses);
    // Knots ease over time: the latest knot of a chain is no more tender than its first.
    CHECK(count(a,
                "SELECT count(*) FROM knots k JOIN knots p ON k.previous_knot_id = p.id "
                "WHERE k.tenderness > p.tenderness") == 0);
    CHECK(core::verify_record(a).passed());

    db::Database b(dir / "b.db");
    core::generate_demo_data(b, {12, 5, 42});
    CHECK(clinical_dump(a).substr(0, 2000) == clinical_dump(b).substr(0, 2000));
    db::Database c(dir / "c.db");
    core::generate_demo_data(c, {12, 5, 43});
    CHECK(clinical_dump(a) != clinical_dump(c));
}

TEST_CASE("a backup is a complete, consistent KnotNotes database", "[db][backup]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    core::generate_demo_data(database, {5, 3, 1});
    int calls = 0;
    db::backup_database(database, dir / "copy.db", [&](int done, int total) {
        ++calls;
        CHECK(done <= total);
    });
    CHECK(calls > 0);
    db::Database copy(dir / "copy.db", db::OpenMode::existing_only);
    CHECK(count(copy, "SELECT count(*) FROM knots") ==
          count(database, "SELECT count(*) FROM knots"));
    CHECK(core::verify_record(copy).passed());
}

TEST_CASE("rotating backups keep the newest N", "[db][backup]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    test::add_sample_records(database);
    for (int i = 0; i < 5; ++i)
        db::rotate_backups(database, dir / "backups", 3);
    const auto kept = db::list_backups(dir / "backups");
    CHECK(kept.size() == 3);
}

TEST_CASE("restore refuses a file that is not a KnotNotes database", "[db][backup]") {
    TempDir dir;
    {
        db::Database database(dir / "k.db");
        test::add_sample_records(database);
    }
    std::ofstream(dir / "letter.txt") << "not a database";
    CHECK_THROWS_AS(db::restore_database(dir / "letter.txt", dir / "k.db"), db::DatabaseRefused);
    db::Database database(dir / "k.db", db::OpenMode::existing_only);
    CHECK(count(database, "SELECT count(*) FROM clients") == 1);
}

TEST_CASE("restore replaces the database and keeps the one it replaced", "[db][backup]") {
    TempDir dir;
    {
        db::Database database(dir / "k.db");
        test::add_sample_records(database);
        db::backup_database(database, dir / "one-client.db");
        test::add_sample_records(database);
    }
    const auto kept = db::restore_database(dir / "one-client.db", dir / "k.db");
    db::Database restored(dir / "k.db", db::OpenMode::existing_only);
    CHECK(count(restored, "SELECT count(*) FROM clients") == 1);
    REQUIRE_FALSE(kept.empty());
    db::Database previous(kept, db::OpenMode::existing_only);
    CHECK(count(previous, "SELECT count(*) FROM clients") == 2);
}

TEST_CASE("the automatic backup runs when the newest backup is a day old", "[db][backup]") {
    TempDir dir;
    core::RecordStore store(dir / "k.db");
    const auto first = store.backup_if_due(dir / "backups");
    CHECK_FALSE(first.empty());
    CHECK(store.backup_if_due(dir / "backups").empty());  // one today already
    std::filesystem::last_write_time(
        first, std::filesystem::file_time_type::clock::now() - std::chrono::hours(25));
    const auto second = store.backup_if_due(dir / "backups");
    CHECK_FALSE(second.empty());
    CHECK(db::list_backups(dir / "backups").size() == 2);
}
