// The plugin host against a folder of real broken plugins beside a good one (tests/fixtures).
#include <catch2/catch.hpp>

#include "core/plugin_host.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using namespace knotnotes::core;
using knotnotes::test::TempDir;

namespace {

const std::filesystem::path broken_dir = KNOTNOTES_TEST_BROKEN_PLUGINS_DIR;

std::unique_ptr<PluginHost> make_host(const TempDir& config) {
    auto host = std::make_unique<PluginHost>(PluginHostOptions{{broken_dir}, config.path()});
    host->discover();
    host->load_enabled();
    return host;
}

// By id() so a plugin whose manifest is unreadable is found by its file name; the first match.
const PluginStatus& status_of(const PluginHost& host, const std::string& id) {
    for (const auto& status : host.plugins()) {
        if (status.id() == id)
            return status;
    }
    FAIL("plugin " << id << " was not found");
    throw std::logic_error("unreachable");
}

void check_status(const PluginHost& host, const std::string& id, PluginState state,
                  const std::vector<std::string>& reason_contains) {
    const auto& status = status_of(host, id);
    INFO(id << ": " << to_text(status.state) << ": " << status.reason);
    CHECK(status.state == state);
    for (const auto& part : reason_contains)
        CHECK_THAT(status.reason, Catch::Contains(part));
}

}  // namespace

TEST_CASE("broken plugins each get a specific status naming the file, and the good one loads",
          "[integration][plugins]") {
    TempDir config;
    auto host_ptr = make_host(config);
    auto& host = *host_ptr;

    check_status(host, "org.knotnotes.test.good", PluginState::loaded, {});
    check_status(host, "org.knotnotes.test.throwing-exporter", PluginState::loaded, {});
    check_status(host, "org.knotnotes.test.not-a-library", PluginState::refused,
                 {"not-a-library.so", "not a loadable shared library"});
    check_status(host, "org.knotnotes.test.no-symbols", PluginState::refused,
                 {"no-symbols.so", "not a KnotNotes plugin", "knotnotes_plugin_abi"});
    // An SDK 1 plugin is refused with how to port it; a newer minor of the same major loads.
    check_status(host, "org.knotnotes.test.abi-major-old", PluginState::refused,
                 {"abi-major-old.so", "ABI 1.9", "major versions differ", "Porting a plugin"});
    check_status(host, "org.knotnotes.test.abi-minor-newer", PluginState::loaded, {});
    check_status(host, "org.knotnotes.test.factory-throws", PluginState::disabled,
                 {"factory-throws.so", "creating the plugin failed", "techniques.dat is missing"});
    check_status(host, "org.knotnotes.test.missing-library", PluginState::refused,
                 {"missing-library.so", "does not exist"});
    check_status(host, "org.knotnotes.test.world-writable", PluginState::refused,
                 {"world-writable.so", "world-writable", "chmod o-w"});

    // The malformed manifest has no id to go by: it is listed under its file name.
    check_status(host, "org.knotnotes.test.malformed.plugin.xml", PluginState::refused,
                 {"org.knotnotes.test.malformed.plugin.xml", "line 6", "malformed XML"});

    // Two plugins with the same id: the first wins, the copy is refused naming both files.
    int copies = 0;
    for (const auto& p : host.plugins()) {
        if (p.id() != "org.knotnotes.test.good")
            continue;
        ++copies;
        if (p.manifest_file.parent_path().filename() == "z-duplicate") {
            CHECK(p.state == PluginState::refused);
            CHECK_THAT(p.reason, Catch::Contains("duplicate id") &&
                                     Catch::Contains(broken_dir.string() +
                                                     "/org.knotnotes.test.good.plugin.xml"));
        }
    }
    CHECK(copies == 2);
}

TEST_CASE("a plugin disabled after a failure stays disabled on the next start",
          "[integration][plugins]") {
    TempDir config;
    { make_host(config); }
    auto host_ptr = make_host(config);
    auto& host = *host_ptr;
    check_status(host, "org.knotnotes.test.factory-throws", PluginState::disabled,
                 {"creating the plugin failed"});

    // Enabling it again retries, and it fails again the same way.
    REQUIRE(host.set_enabled("org.knotnotes.test.factory-throws", true));
    CHECK(status_of(host, "org.knotnotes.test.factory-throws").state == PluginState::enabled);
    host.load_enabled();
    check_status(host, "org.knotnotes.test.factory-throws", PluginState::disabled,
                 {"creating the plugin failed"});
}

TEST_CASE("an exporter that throws mid-export is disabled while the host and others go on",
          "[integration][plugins]") {
    TempDir config;
    auto host_ptr = make_host(config);
    auto& host = *host_ptr;
    auto exporter = host.create_exporter("org.knotnotes.test.throwing-exporter");
    REQUIRE(exporter);

    exporter.call("begin", [&](sdk::Exporter& e) { e.begin({config / "out.txt", "test", {}}); });
    exporter.call("write_client", [](sdk::Exporter& e) { e.write_client({}); });
    try {
        exporter.call("write_session", [](sdk::Exporter& e) { e.write_session({}); });
        FAIL("the exporter's exception was not reported");
    } catch (const PluginCallError& e) {
        CHECK(e.plugin_id() == "org.knotnotes.test.throwing-exporter");
        CHECK(e.disabled_plugin());
        CHECK_THAT(e.what(), Catch::Contains("write_session threw") &&
                                 Catch::Contains("session writer not implemented"));
    }
    check_status(host, "org.knotnotes.test.throwing-exporter", PluginState::disabled,
                 {"write_session threw: session writer not implemented"});
    // The disabled plugin's library stays loaded while its object lives: calling it is safe.
    CHECK(exporter.call("format", [](sdk::Exporter& e) { return e.format().id; }) == "test-throw");

    // The other exporter still works.
    auto good = host.create_exporter("org.knotnotes.test.good");
    good.call("begin", [&](sdk::Exporter& e) { e.begin({config / "good.txt", "test", {}}); });
    good.call("write_client", [](sdk::Exporter& e) { e.write_client({}); });
    good.call("end", [](sdk::Exporter& e) { e.end(); });
    CHECK(std::filesystem::file_size(config / "good.txt") > 0);

    // Remembered for the next start.
    auto next = make_host(config);
    CHECK(status_of(*next, "org.knotnotes.test.throwing-exporter").state == PluginState::disabled);
}

TEST_CASE("an expected failure (PluginError) is reported without disabling the plugin",
          "[integration][plugins]") {
    TempDir config;
    auto host_ptr = make_host(config);
    auto& host = *host_ptr;
    auto exporter = host.create_exporter("org.knotnotes.test.throwing-exporter");
    try {
        exporter.call("begin", [](sdk::Exporter& e) { e.begin({"/dev/full", "test", {}}); });
        FAIL("no error reported");
    } catch (const PluginCallError& e) {
        CHECK_FALSE(e.disabled_plugin());
        CHECK_THAT(e.what(), Catch::Contains("disk full"));
    }
    CHECK(status_of(host, "org.knotnotes.test.throwing-exporter").state == PluginState::loaded);
}

TEST_CASE("disabling by the user is remembered and unloads the plugin", "[integration][plugins]") {
    TempDir config;
    {
        auto host_ptr = make_host(config);
        auto& host = *host_ptr;
        REQUIRE(host.set_enabled("org.knotnotes.test.good", false));
        for (const auto* status : host.loaded_with_kind(PluginKind::exporter))
            CHECK(status->id() != "org.knotnotes.test.good");
        CHECK_THROWS_AS(host.create_exporter("org.knotnotes.test.good"), std::logic_error);
        CHECK_FALSE(host.set_enabled("org.knotnotes.test.no-symbols", true));  // refused
    }
    auto host_ptr = make_host(config);
    auto& host = *host_ptr;
    check_status(host, "org.knotnotes.test.good", PluginState::disabled, {"disabled by the user"});
}
