// knotnotes-cli run as a child process, as a user or a script runs it.
#include <catch2/catch.hpp>
#include <csignal>

#include "process.hpp"
#include "temp_dir.hpp"

using knotnotes::test::ProcessResult;
using knotnotes::test::run_process;
using knotnotes::test::TempDir;

namespace {

ProcessResult cli(const TempDir& home, std::vector<std::string> args) {
    args.insert(args.begin(), KNOTNOTES_CLI);
    return run_process(args, {{"HOME", home.path().string()},
                              {"XDG_CONFIG_HOME", (home / "config").string()},
                              {"XDG_DATA_HOME", (home / "data").string()},
                              {"KNOTNOTES_PLUGIN_PATH", ""}});
}

// The line of `plugins list` for `id`, and the reason line under it.
std::string listing_of(const std::string& out, const std::string& id) {
    const auto start = out.find("\n" + id + " ");
    if (start == std::string::npos)
        return {};
    auto end = out.find('\n', start + 1);
    if (end != std::string::npos && out.compare(end + 1, 12, "    reason: ") == 0) {
        end = out.find('\n', end + 1);
    }
    return out.substr(start + 1, end - start - 1);
}

}  // namespace

TEST_CASE("the CLI tells its version and its help", "[integration][cli]") {
    TempDir home;
    auto version = cli(home, {"--version"});
    CHECK(version.exit_code == 0);
    // The product's version and the SDK's ABI version are two numbers.
    CHECK_THAT(version.out, Catch::StartsWith("knotnotes-cli 1.") && Catch::Contains("ABI 2."));
    auto help = cli(home, {"--help"});
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.out, Catch::Contains("plugins") && Catch::Contains("Exit status"));
}

TEST_CASE("a wrong command line exits 2 with the problem on stderr", "[integration][cli]") {
    TempDir home;
    auto r = cli(home, {"plugins", "frobnicate"});
    CHECK(r.exit_code == 2);
    CHECK_FALSE(r.err.empty());
}

TEST_CASE("plugins list shows the built-in plugins loaded", "[integration][cli]") {
    TempDir home;
    auto r = cli(home, {"plugins", "list"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(listing_of(r.out, "org.knotnotes.techniques.swedish"),
               Catch::Contains("technique-library") && Catch::EndsWith("loaded"));
}

TEST_CASE("plugins list over broken plugins: each status with its reason, no crash",
          "[integration][cli]") {
    TempDir home;
    auto r = cli(home, {"--plugin-path", KNOTNOTES_TEST_BROKEN_PLUGINS_DIR, "plugins", "list"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(listing_of(r.out, "org.knotnotes.test.good"), Catch::EndsWith("loaded"));
    CHECK_THAT(listing_of(r.out, "org.knotnotes.test.not-a-library"),
               Catch::Contains("refused\n    reason: ") && Catch::Contains("not-a-library.so"));
    CHECK_THAT(
        listing_of(r.out, "org.knotnotes.test.factory-throws"),
        Catch::Contains("disabled\n    reason: ") && Catch::Contains("creating the plugin failed"));
    CHECK_THAT(listing_of(r.out, "org.knotnotes.test.world-writable"),
               Catch::Contains("world-writable"));
    CHECK_THAT(listing_of(r.out, "org.knotnotes.techniques.swedish"), Catch::EndsWith("loaded"));
}

TEST_CASE("plugins check explains what is wrong and exits 3", "[integration][cli]") {
    TempDir home;
    const std::string dir = KNOTNOTES_TEST_BROKEN_PLUGINS_DIR;
    struct Case {
        std::string file;
        std::string expected;
    };
    for (const auto& c : std::vector<Case>{
             {dir + "/no-symbols.so", "does not export the symbol knotnotes_plugin_abi"},
             {dir + "/not-a-library.so", "not a loadable shared library"},
             {dir + "/org.knotnotes.test.malformed.plugin.xml", "line 6: malformed XML"},
             {dir + "/org.knotnotes.test.missing-library.plugin.xml", "does not exist"},
             {dir + "/abi-major-old.so", "ABI 1.9"},
             {dir + "/factory-throws.so", "creating the plugin failed"},
             {dir + "/world-writable.so", "world-writable"},
             {dir + "/nothing-here.so", "no such file"}}) {
        INFO(c.file);
        auto r = cli(home, {"plugins", "check", c.file});
        CHECK(r.exit_code == 3);
        CHECK_THAT(r.err, Catch::Contains("problem: ") && Catch::Contains(c.expected));
    }
    auto good = cli(home, {"plugins", "check", dir + "/good.so"});
    CHECK(good.exit_code == 0);
    CHECK_THAT(good.out, Catch::Contains("exporter: format 'test-count'"));
}

TEST_CASE("plugins disable / enable are remembered", "[integration][cli]") {
    TempDir home;
    CHECK(cli(home, {"plugins", "disable", "org.knotnotes.techniques.swedish"}).exit_code == 0);
    CHECK_THAT(listing_of(cli(home, {"plugins", "list"}).out, "org.knotnotes.techniques.swedish"),
               Catch::Contains("disabled\n    reason: disabled by the user"));
    CHECK(cli(home, {"plugins", "enable", "org.knotnotes.techniques.swedish"}).exit_code == 0);
    CHECK_THAT(listing_of(cli(home, {"plugins", "list"}).out, "org.knotnotes.techniques.swedish"),
               Catch::EndsWith("loaded"));
    auto unknown = cli(home, {"plugins", "enable", "org.nobody.nothing"});
    CHECK(unknown.exit_code == 1);
    CHECK_THAT(unknown.err, Catch::Contains("no plugin with id org.nobody.nothing"));
}

TEST_CASE("a plugin that crashes the process while loading is disabled on the next start",
          "[integration][cli]") {
    TempDir home;
    const std::vector<std::string> list{"--plugin-path", KNOTNOTES_TEST_CRASH_PLUGINS_DIR,
                                        "plugins", "list"};
    auto crashed = cli(home, list);
    REQUIRE(crashed.signaled);  // the fixture really took the process down

    auto next = cli(home, list);
    INFO(next.out << next.err);
    REQUIRE(next.exit_code == 0);
    CHECK_THAT(next.err, Catch::Contains("plugin org.knotnotes.test.crash-on-load") &&
                             Catch::Contains("crashed KnotNotes while loading"));
    CHECK_THAT(listing_of(next.out, "org.knotnotes.test.crash-on-load"),
               Catch::Contains("disabled\n    reason: crashed KnotNotes while loading") &&
                   Catch::Contains("crash-on-load.so"));
    CHECK_THAT(listing_of(next.out, "org.knotnotes.test.survivor"), Catch::EndsWith("loaded"));
}

TEST_CASE(
    "a plugin that crashes the process mid-export is disabled on the next start and its "
    "partial file removed",
    "[integration][cli]") {
    TempDir home;
    const std::string dir = std::string(KNOTNOTES_TEST_BROKEN_PLUGINS_DIR) + "/../crash-export";
    const auto db = (home / "a.db").string();
    REQUIRE(cli(home, {"--db", db, "--unencrypted", "demo", "--clients", "1"}).exit_code == 0);
    const auto out = home / "out.txt";
    auto crashed = cli(home, {"--plugin-path", dir, "--db", db, "export", "--format", "test-crash",
                              "-o", out.string()});
    REQUIRE(crashed.signaled);  // the fixture really took the process down
    CHECK(crashed.signal == SIGSEGV);
    std::vector<std::filesystem::path> partial;
    for (const auto& entry : std::filesystem::directory_iterator(home.path())) {
        if (entry.path().filename().string().rfind("out.txt.partial-", 0) == 0)
            partial.push_back(entry.path());
    }
    REQUIRE(partial.size() == 1);  // what the crash left behind

    auto next = cli(home, {"--plugin-path", dir, "plugins", "list"});
    INFO(next.out << next.err);
    REQUIRE(next.exit_code == 0);
    CHECK_THAT(next.err, Catch::Contains("plugin org.knotnotes.test.crash-in-export crashed "
                                         "KnotNotes during export (in write_session") &&
                             Catch::Contains(partial[0].string() + " was removed"));
    CHECK_THAT(listing_of(next.out, "org.knotnotes.test.crash-in-export"),
               Catch::Contains("disabled\n    reason: crashed KnotNotes during export"));
    CHECK_FALSE(std::filesystem::exists(partial[0]));
    CHECK_FALSE(std::filesystem::exists(out));
    // Said once: the marker is gone, the reason stays in the settings.
    auto third = cli(home, {"--plugin-path", dir, "plugins", "list"});
    CHECK_THAT(third.err, !Catch::Contains("crashed"));
}
