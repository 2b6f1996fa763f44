// storage_bench — the storage issue's performance targets on a 10,000-client / 100,000-session
// demo database (made on first run, kept at $KNOTNOTES_BENCH_DB or build/bench/demo-10k.db):
//   type-ahead client search p99 <= 10 ms;
//   committing one knot edit (durable, as the app does it) p99 <= 5 ms and within 1.5x of a
//   bare INSERT + COMMIT on the same file;
//   opening the database and listing the first 100 clients <= 50 ms.
#include <sqlite3.h>

#include <cstdlib>
#include <random>

#include "bench_database.hpp"
#include "bench_support.hpp"
#include "db/chart_entry_repository.hpp"
#include "db/client_repository.hpp"
#include "db/database.hpp"
#include "db/session_repository.hpp"

using namespace knotnotes;
using namespace knotnotes::bench;

int main() {
    const auto file = ensure_bench_database();
    std::printf("\nStorage benchmark on %s (%.0f MB)\n", file.c_str(),
                static_cast<double>(std::filesystem::file_size(file)) / 1e6);

    // Opening the database and listing the first 100 clients (what the app does at start).
    auto open_list = time_each(20, [&](int) {
        db::Database database(file, db::OpenMode::existing_only);
        auto first = db::ClientRepository(database).list(0, 100);
        if (first.size() != 100)
            std::abort();
    });
    report("open database + list first 100 clients, median", open_list.percentile(50), "ms", 50);
    report("open database + list first 100 clients, max of 20", open_list.percentile(100), "ms",
           50);

    db::Database database(file, db::OpenMode::existing_only);
    db::ClientRepository clients(database);
    std::printf("  %lld clients\n", static_cast<long long>(clients.count()));

    // Type-ahead: what a therapist types, one, two, three, four letters of a family name.
    const std::vector<std::string> names{"Smith",   "Nakamura", "Okafor",   "Garcia",   "Müller",
                                         "O'Brien", "Lee",      "Kowalski", "Andersen", "Nguyen"};
    std::mt19937 random(7);
    auto search = time_each(2000, [&](int i) {
        const auto& name = names[static_cast<std::size_t>(i) % names.size()];
        const auto length = 1 + static_cast<std::size_t>(random() % 4);
        clients.search_names(name.substr(0, length), 50);
    });
    report("type-ahead client search p50", search.percentile(50), "ms", 10);
    report("type-ahead client search p99", search.percentile(99), "ms", 10);

    // One knot edit, committed durably through the repository, as the app's autosave does.
    const auto session = db::SessionRepository(database).create_draft([&] {
        sdk::Session s;
        s.client_id = 1;
        s.practitioner_id = 1;
        s.subjective = "benchmark session";
        return s;
    }());
    db::ChartEntryRepository entries(database);
    auto our_edit = [&](int i) {
        sdk::Knot k;
        k.session_id = session;
        k.muscle_id = "upper-trapezius";
        k.x = 0.3 + (i % 40) / 100.0;
        k.y = 0.2;
        k.tenderness = 3;
        entries.add_knot(k);
    };

    // Baseline 1: the same knot row (with its uid), INSERT + COMMIT issued straight through the
    // SQLite API on the same connection (same schema, triggers and durability; none of our C++
    // layer).
    sqlite3* raw = database.handle();
    sqlite3_stmt* raw_knot = nullptr;
    sqlite3_prepare_v2(raw,
                       "INSERT INTO knots (session_id, muscle_id, side, view, x, y, kind, "
                       "tenderness, uid) VALUES (?, 'upper-trapezius', 'left', 'back', ?, 0.2, "
                       "'latent', 3, kn_new_uid())",
                       -1, &raw_knot, nullptr);
    auto raw_edit = [&](int i) {
        sqlite3_exec(raw, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        sqlite3_bind_int64(raw_knot, 1, session);
        sqlite3_bind_double(raw_knot, 2, 0.3 + (i % 40) / 100.0);
        sqlite3_step(raw_knot);
        sqlite3_reset(raw_knot);
        sqlite3_exec(raw, "COMMIT", nullptr, nullptr, nullptr);
    };

    // Baseline 2: the least a durable commit can be: one small row into a plain table with no
    // index, trigger or constraint, same file, journal mode and synchronous setting.
    sqlite3* bare = nullptr;
    sqlite3_open(file.c_str(), &bare);
    sqlite3_exec(bare,
                 "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                 "CREATE TABLE IF NOT EXISTS bench_bare (id INTEGER PRIMARY KEY, x REAL, y REAL)",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(bare, "INSERT INTO bench_bare (x, y) VALUES (?, 0.2)", -1, &insert, nullptr);
    auto bare_edit = [&](int i) {
        sqlite3_exec(bare, "BEGIN", nullptr, nullptr, nullptr);
        sqlite3_bind_double(insert, 1, 0.3 + (i % 40) / 100.0);
        sqlite3_step(insert);
        sqlite3_reset(insert);
        sqlite3_exec(bare, "COMMIT", nullptr, nullptr, nullptr);
    };

    // Interleaved, one of each per round, so WAL growth and checkpoints fall on all three alike.
    constexpr int edits = 500;
    Samples knot_edit, raw_commit, bare_commit;
    for (int i = -edits / 8; i < edits; ++i) {
        for (auto [samples, run] :
             {std::pair<Samples*, std::function<void(int)>>{&knot_edit, our_edit},
              {&raw_commit, raw_edit},
              {&bare_commit, bare_edit}}) {
            const auto start = Clock::now();
            run(i + edits);
            if (i >= 0)
                samples->ms.push_back(elapsed_ms(start));
        }
    }
    sqlite3_finalize(raw_knot);
    sqlite3_finalize(insert);
    sqlite3_exec(bare, "DROP TABLE bench_bare", nullptr, nullptr, nullptr);
    sqlite3_close(bare);
    db::SessionRepository(database).delete_draft(session);

    const double knot_p99 = knot_edit.percentile(99);
    report("knot edit committed (durable, as the app does it) p50", knot_edit.percentile(50), "ms",
           5);
    report("knot edit committed (durable, as the app does it) p99", knot_p99, "ms", 5);
    report("same knot INSERT + COMMIT through the SQLite API p99", raw_commit.percentile(99), "ms",
           5);
    report("bare one-column INSERT + COMMIT, same file p99", bare_commit.percentile(99), "ms", 5);
    auto ratio_line = [](const std::string& what, const Samples& ours, const Samples& base) {
        report(what, ours.percentile(99) / base.percentile(99), "x", 1.5,
               "(p50 ratio " + std::to_string(ours.percentile(50) / base.percentile(50)) + ")");
    };
    ratio_line("knot edit p99 / same knot INSERT + COMMIT p99", knot_edit, raw_commit);
    ratio_line("knot edit p99 / bare one-column INSERT + COMMIT p99", knot_edit, bare_commit);
    return 0;
}
