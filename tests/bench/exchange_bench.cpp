// exchange_bench — issue 15's export/import targets on the 10,000-client / 100,000-session demo
// database, each measured as a separate process (as a user runs it), beside its peer in the
// same run:
//   native XML export       <= 0.6x the time of `sqlite3 DB .dump > file`;
//   FHIR R4 export          <= 1.5x that time;
//   peak RSS of either export <= 64 MB;
//   import of the XML into an empty database <= 1.0x the time of `sqlite3 new.db < dump.sql`;
//   peak RSS of that import (a 320 MB file) <= 128 MB.
// The database is read once before anything is timed (a cold page cache made the first
// `.dump` six times slower than the second), and the exports and their peer run three times,
// interleaved: each figure is the median, printed with the spread.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "bench_database.hpp"
#include "bench_support.hpp"

extern char** environ;

using namespace knotnotes::bench;

namespace {

struct Run {
    double seconds = 0;
    double peak_rss_mb = 0;
    int status = -1;
};

// Runs argv with stdin/stdout optionally redirected; measures wall time and the child's peak RSS.
Run run(const std::vector<std::string>& argv, const std::string& in = {},
        const std::string& out = "/dev/null") {
    std::vector<std::string> args = argv;
    std::vector<char*> argp;
    for (auto& a : args)
        argp.push_back(a.data());
    argp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, in.empty() ? "/dev/null" : in.c_str(), O_RDONLY,
                                     0);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const auto start = Clock::now();
    pid_t pid = 0;
    if (posix_spawnp(&pid, argp[0], &actions, nullptr, argp.data(), environ) != 0) {
        std::perror(argv[0].c_str());
        return {};
    }
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    return {elapsed_ms(start) / 1000.0, static_cast<double>(usage.ru_maxrss) / 1024.0,
            WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

// The median of three interleaved runs of each command, and the spread (slowest / fastest).
struct Median {
    double seconds = 0;
    double spread = 0;
    double peak_rss_mb = 0;
};

Median median_of(std::vector<Run> runs) {
    std::sort(runs.begin(), runs.end(), [](auto& a, auto& b) { return a.seconds < b.seconds; });
    return {runs[runs.size() / 2].seconds, runs.back().seconds / runs.front().seconds,
            runs[runs.size() / 2].peak_rss_mb};
}

std::string spread_text(const Median& m) {
    return "spread " + std::to_string(m.spread).substr(0, 4) + "x";
}

void fail_if(bool failed, const char* what) {
    if (failed) {
        std::fprintf(stderr, "benchmark step failed: %s\n", what);
        std::exit(1);
    }
}

}  // namespace

int main() {
    const auto db = ensure_bench_database();
    const std::string dir = std::string(KNOTNOTES_BUILD_DIR) + "/bench";
    const std::string cli = KNOTNOTES_CLI;
    std::printf("\nExport/import benchmark on %s (%.0f MB)\n", db.c_str(),
                static_cast<double>(std::filesystem::file_size(db)) / 1e6);

    run({"cat", db.string()});  // warm the page cache: every command below reads the file
    std::vector<Run> dumps, xmls, fhirs;
    for (int i = 0; i < 3; ++i) {
        dumps.push_back(run({"sqlite3", db.string(), ".dump"}, {}, dir + "/dump.sql"));
        fail_if(dumps.back().status != 0, "sqlite3 .dump");
        xmls.push_back(run({cli, "--db", db.string(), "export", "--force", "--format", "xml", "-o",
                            dir + "/export.xml"}));
        fail_if(xmls.back().status != 0, "native XML export");
        fhirs.push_back(run({cli, "--db", db.string(), "export", "--force", "--format",
                             "fhir-r4-xml", "-o", dir + "/export-fhir.xml"}));
        fail_if(fhirs.back().status != 0, "FHIR export");
    }
    const auto dump = median_of(dumps), xml = median_of(xmls), fhir = median_of(fhirs);
    std::printf("  sqlite3 .dump: %.2f s (median of 3, %s), %.0f MB of SQL\n", dump.seconds,
                spread_text(dump).c_str(),
                static_cast<double>(std::filesystem::file_size(dir + "/dump.sql")) / 1e6);

    std::filesystem::remove(dir + "/restored.db");
    const auto restore = run({"sqlite3", dir + "/restored.db"}, dir + "/dump.sql");
    std::filesystem::remove(dir + "/imported.db");
    std::filesystem::remove(dir + "/imported.db-wal");
    std::filesystem::remove(dir + "/imported.db-shm");
    const auto import =
        run({cli, "--db", dir + "/imported.db", "--unencrypted", "import", dir + "/export.xml"});
    fail_if(import.status != 0, "native XML import");

    report("native XML export / sqlite3 .dump", xml.seconds / dump.seconds, "x", 0.6,
           "(" + std::to_string(xml.seconds) + " s, " + spread_text(xml) + ", " +
               std::to_string(std::filesystem::file_size(dir + "/export.xml") / 1000000) + " MB)");
    report("FHIR R4 export / sqlite3 .dump", fhir.seconds / dump.seconds, "x", 1.5,
           "(" + std::to_string(fhir.seconds) + " s, " + spread_text(fhir) + ", " +
               std::to_string(std::filesystem::file_size(dir + "/export-fhir.xml") / 1000000) +
               " MB)");
    report("native XML export peak RSS", xml.peak_rss_mb, "MB", 64);
    report("FHIR R4 export peak RSS", fhir.peak_rss_mb, "MB", 64);
    report("import XML into empty database / sqlite3 new.db < dump.sql",
           import.seconds / restore.seconds, "x", 1.0,
           "(import " + std::to_string(import.seconds) + " s, restore " +
               std::to_string(restore.seconds) + " s)");
    // Issue 15: the importer streams (validate, then import), so memory stays flat.
    report("import peak RSS", import.peak_rss_mb, "MB", 128);
    return 0;
}
