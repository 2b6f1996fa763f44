// Long work on a worker thread: progress, cancel, results and errors handed back; export and
// backup on a connection of their own.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "core/background_job.hpp"
#include "core/database_jobs.hpp"
#include "db/backup.hpp"
#include "db/database.hpp"
#include "db/file_identity.hpp"
#include "db/unlocked_keys.hpp"
#include "sample_records.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

TEST_CASE("a background job reports progress and hands back its result", "[core][job]") {
    core::BackgroundJob job([](core::JobControl& control) {
        for (int i = 0; i <= 10; ++i) {
            control.report(i, 10);
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        return std::string("ten steps");
    });
    while (!job.done())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    CHECK(job.progress() == Approx(1.0));
    CHECK(job.finish() == "ten steps");
}

TEST_CASE("a cancelled job stops, and an error reaches the caller", "[core][job]") {
    core::BackgroundJob endless([](core::JobControl& control) {
        for (;;) {
            control.check_cancel();
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return std::string();
    });
    CHECK_FALSE(endless.done());
    CHECK(endless.progress() < 0);  // it never said how far it is
    endless.cancel();
    CHECK_THROWS_AS(endless.finish(), core::JobCancelled);

    core::BackgroundJob failing(
        [](core::JobControl&) -> std::string { throw std::runtime_error("disk full"); });
    CHECK_THROWS_WITH(failing.finish(), "disk full");
}

TEST_CASE("a backup on its own connection, and a cancelled one leaves nothing", "[core][job]") {
    TempDir dir;
    {
        db::Database database(dir / "k.db");
        test::add_sample_records(database);
    }
    core::BackgroundJob job([&](core::JobControl& control) {
        core::backup_job(dir / "k.db", dir / "copy.db", control);
        return std::string("done");
    });
    CHECK(job.finish() == "done");
    CHECK(std::filesystem::file_size(dir / "copy.db") > 0);

    core::BackgroundJob stop([&](core::JobControl& control) {
        control.check_cancel();
        return std::string();
    });
    stop.cancel();
    CHECK_THROWS_AS(stop.finish(), core::JobCancelled);
    // Cancelled at the first step of the copy itself:
    core::BackgroundJob early([&](core::JobControl& control) {
        while (!control.cancel_requested())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        core::backup_job(dir / "k.db", dir / "never.db", control);
        return std::string();
    });
    early.cancel();
    CHECK_THROWS_AS(early.finish(), core::JobCancelled);
    CHECK_FALSE(std::filesystem::exists(dir / "never.db"));
    CHECK_FALSE(std::filesystem::exists(dir / "never.db.partial"));
}

TEST_CASE("a window's jobs on an encrypted database use the key it was opened with",
          "[core][jobs][encryption]") {
    TempDir dir;
    const auto file = dir / "k.db";
    // The window's connection: the key is given once, to it (the passphrase dialog, the keyring).
    db::Database window(file, db::DatabaseKey::from_passphrase("window passphrase"));
    test::add_sample_records(window);
    REQUIRE(db::identify_database_file(file).kind == db::FileKind::encrypted);
    core::BackgroundJob job([&](core::JobControl& control) {
        core::backup_job(file, dir / "copy.db", control);  // its own connection, no key passed
        return std::string("done");
    });
    CHECK(job.finish() == "done");
    CHECK(db::identify_database_file(dir / "copy.db").kind == db::FileKind::encrypted);
    db::Database copy(dir / "copy.db", db::DatabaseKey::from_passphrase("window passphrase"),
                      db::OpenMode::existing_only);
    CHECK(db::check_database(copy) == "ok");
    db::forget_key(file);
    CHECK_THROWS_AS(db::Database(file, db::OpenMode::existing_only), db::DatabaseLocked);
}
