// Storage under faults, with real processes: a writer killed with SIGKILL at random moments,
// two writers at once, and tampering through the sqlite3 shell.
#include <chrono>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include <catch2/catch.hpp>

#include "core/record_verification.hpp"
#include "core/signing/note_signing.hpp"
#include "process.hpp"
#include "sample_records.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::RunningProcess;
using knotnotes::test::TempDir;

namespace {

// Ids from the complete "committed <id>" lines a writer printed (a line cut by the kill is
// not a reported commit).
std::vector<sdk::Id> committed_ids(const std::filesystem::path& out) {
    std::ifstream in(out);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<sdk::Id> ids;
    std::size_t start = 0;
    for (auto end = content.find('\n'); end != std::string::npos;
         start = end + 1, end = content.find('\n', start)) {
        const auto line = content.substr(start, end - start);
        if (line.rfind("committed ", 0) == 0)
            ids.push_back(std::stoll(line.substr(10)));
    }
    return ids;
}

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("power cut: a writer killed at random moments loses no reported edit",
          "[integration][storage][faults]") {
    TempDir dir;
    const auto file = dir / "k.db";
    sdk::Id session = 0;
    {
        db::Database database(file);
        session = test::add_sample_records(database).session;
    }
    std::mt19937 random(20261125);  // fixed: the same kill moments on every run
    std::set<sdk::Id> reported;
    constexpr int rounds = 60;
    for (int round = 0; round < rounds; ++round) {
        const auto out = dir / ("round-" + std::to_string(round) + ".out");
        {
            RunningProcess writer({KNOT_WRITER, file.string(), std::to_string(session), "0"},
                                  out.string());
            std::this_thread::sleep_for(
                std::chrono::milliseconds(std::uniform_int_distribution<int>(5, 80)(random)));
            writer.kill_hard();
            CHECK(writer.wait().signaled);
        }
        for (auto id : committed_ids(out))
            reported.insert(id);

        db::Database database(file, db::OpenMode::existing_only);
        const auto report = core::verify_record(database);
        INFO("round " << round);
        for (const auto& check : report.checks)
            INFO(check.name << ": " << check.details);
        REQUIRE(report.passed());
        std::set<sdk::Id> present;
        for (const auto& k : db::ChartEntryRepository(database).knots(session)) {
            present.insert(k.id);
        }
        for (auto id : reported) {
            INFO("knot " << id << " was reported committed");
            REQUIRE(present.count(id) == 1);
        }
    }
    CHECK(reported.size() > static_cast<std::size_t>(rounds));  // the writer really wrote
}

TEST_CASE("two processes writing the same database both succeed or one is told it is busy",
          "[integration][storage][faults]") {
    TempDir dir;
    const auto file = dir / "k.db";
    sdk::Id first = 0, second = 0;
    {
        db::Database database(file);
        first = test::add_sample_records(database).session;
        second = test::add_sample_records(database).session;
    }
    constexpr int edits = 150;
    {
        RunningProcess a({KNOT_WRITER, file.string(), std::to_string(first), std::to_string(edits)},
                         (dir / "a.out").string());
        RunningProcess b(
            {KNOT_WRITER, file.string(), std::to_string(second), std::to_string(edits)},
            (dir / "b.out").string());
        for (auto* writer : {&a, &b}) {
            const auto result = writer->wait();
            REQUIRE_FALSE(result.signaled);
            CHECK((result.exit_code == 0 || result.exit_code == 3));
        }
    }
    for (const auto* name : {"a.out", "b.out"}) {
        const auto out = dir / name;
        const auto err = read_file(out.string() + ".err");
        const auto ids = committed_ids(out);
        INFO(name << ": " << ids.size() << " commits; stderr: " << err);
        if (ids.size() != static_cast<std::size_t>(edits)) {
            CHECK_THAT(err, Catch::StartsWith("busy: ") && Catch::Contains("k.db") &&
                                Catch::Contains("try again"));
        } else {
            CHECK(err.empty());
        }
    }
    db::Database database(file, db::OpenMode::existing_only);
    CHECK(core::verify_record(database).passed());
    auto count = database.prepare("SELECT count(*) FROM knots");
    count->step();
    CHECK(count->int64(0) == static_cast<std::int64_t>(committed_ids(dir / "a.out").size() +
                                                       committed_ids(dir / "b.out").size()));
}

TEST_CASE("tampering through the sqlite3 shell is caught by knotnotes-cli verify",
          "[integration][storage][audit]") {
    TempDir dir;
    const auto file = dir / "k.db";
    sdk::Id session = 0;
    {
        db::Database database(file);
        const auto r = test::add_sample_records(database);
        db::ChartEntryRepository(database).add_knot(test::sample_knot(r.session));
        core::sign_note(database, r.session, *test::test_signing_key(database, r.practitioner));
        session = r.session;
    }
    const auto verify = [&] {
        return test::run_process({KNOTNOTES_CLI, "--db", file.string(), "verify"});
    };
    REQUIRE(verify().exit_code == 0);

    // Without our SQL functions the shell cannot even write: the audit triggers need them.
    auto blocked = test::run_process(
        {"sqlite3", file.string(), "UPDATE clients SET family_name = 'Smyth' WHERE id = 1"});
    CHECK(blocked.exit_code != 0);
    CHECK_THAT(blocked.err, Catch::Contains("kn_"));
    REQUIRE(verify().exit_code == 0);

    // A determined tamperer drops the triggers first. Verify still sees it.
    auto tamper = test::run_process(
        {"sqlite3", file.string(),
         "DROP TRIGGER sessions_signed_sealed; DROP TRIGGER sessions_audit_update; "
         "UPDATE sessions SET assessment = 'rewritten' WHERE id = " +
             std::to_string(session)});
    REQUIRE(tamper.exit_code == 0);
    const auto result = verify();
    CHECK(result.exit_code == 4);
    CHECK_THAT(result.err, Catch::Contains("FAILED: rows match audit: sessions row " +
                                           std::to_string(session)));
    CHECK_THAT(result.err, Catch::Contains("FAILED: signed notes:") &&
                               Catch::Contains("(session " + std::to_string(session) + ")") &&
                               Catch::Contains("changed after signing"));
}

TEST_CASE("knotnotes-cli refuses a newer database untouched, with a clear message",
          "[integration][storage]") {
    TempDir dir;
    const auto file = dir / "k.db";
    { db::Database database(file); }
    REQUIRE(test::run_process({"sqlite3", file.string(),
                               "PRAGMA journal_mode = DELETE; PRAGMA user_version = 999"})
                .exit_code == 0);
    const auto before = read_file(file);
    const auto result = test::run_process({KNOTNOTES_CLI, "--db", file.string(), "verify"});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Catch::Contains(file.string()) && Catch::Contains("newer KnotNotes"));
    CHECK(read_file(file) == before);
}
