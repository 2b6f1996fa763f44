#include "bench_database.hpp"

#include <cstdio>
#include <cstdlib>

#include "bench_support.hpp"
#include "core/demo_data.hpp"
#include "db/database.hpp"

namespace knotnotes::bench {

std::filesystem::path ensure_bench_database() {
    std::filesystem::path file =
        std::filesystem::path(KNOTNOTES_BUILD_DIR) / "bench" / "demo-10k.db";
    if (const char* path = std::getenv("KNOTNOTES_BENCH_DB"); path && *path)
        file = path;
    if (std::filesystem::exists(file))
        return file;
    std::filesystem::create_directories(file.parent_path());
    std::printf("Creating the benchmark database %s (10,000 clients x 10 sessions)...\n",
                file.c_str());
    std::fflush(stdout);
    const auto start = Clock::now();
    const auto partial = file.string() + ".partial";
    {
        db::Database database(partial);
        core::generate_demo_data(database, {10000, 10, 2026});
        database.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::filesystem::rename(partial, file);
    std::filesystem::remove(partial + "-wal");
    std::filesystem::remove(partial + "-shm");
    std::printf("  made in %.1f s\n", elapsed_ms(start) / 1000.0);
    return file;
}

}  // namespace knotnotes::bench
