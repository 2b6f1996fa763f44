#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include <catch2/catch.hpp>

#include "core/load_marker.hpp"
#include "temp_dir.hpp"

using namespace knotnotes::core;
using knotnotes::test::TempDir;

TEST_CASE("a completed load leaves no marker", "[core][marker]") {
    TempDir dir;
    { LoadMarker marker(dir.path(), "org.example.a", "/plugins/a.so"); }
    CHECK(take_crashed_loads(dir.path()).empty());
    CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("the marker of a process that died names the plugin it was loading", "[core][marker]") {
    TempDir dir;
    // A process that is certainly gone: a child that exited and was reaped.
    const pid_t child = ::fork();
    if (child == 0)
        ::_exit(0);
    ::waitpid(child, nullptr, 0);
    std::ofstream(dir / ("loading-" + std::to_string(child) + ".marker"))
        << "org.example.crashy\n/plugins/crashy.so\n2026-11-25T08:00:00Z\n";

    const auto crashed = take_crashed_loads(dir.path());
    REQUIRE(crashed.size() == 1);
    CHECK(crashed[0].plugin_id == "org.example.crashy");
    CHECK(crashed[0].library == "/plugins/crashy.so");
    CHECK(crashed[0].when == "2026-11-25T08:00:00Z");
    CHECK(take_crashed_loads(dir.path()).empty());  // taken once
}

TEST_CASE("a marker of a process still running is not a crash", "[core][marker]") {
    TempDir dir;
    // PID 1 always runs: another KnotNotes in the middle of loading a plugin.
    std::ofstream(dir / "loading-1.marker") << "org.example.slow\n/plugins/slow.so\nnow\n";
    CHECK(take_crashed_loads(dir.path()).empty());
    CHECK(std::filesystem::exists(dir / "loading-1.marker"));
}
