#include <fstream>

#include <catch2/catch.hpp>

#include "core/plugin_settings.hpp"
#include "temp_dir.hpp"

using knotnotes::core::PluginSettings;
using knotnotes::test::TempDir;

TEST_CASE("plugins are enabled by default", "[core][settings]") {
    TempDir dir;
    PluginSettings settings(dir / "plugins.xml");
    CHECK(settings.is_enabled("org.example.a"));
    CHECK(settings.load_problem().empty());
    CHECK_FALSE(std::filesystem::exists(dir / "plugins.xml"));  // nothing to remember yet
}

TEST_CASE("disabling is remembered with its reason, enabling forgets it", "[core][settings]") {
    TempDir dir;
    {
        PluginSettings settings(dir / "cfg" / "plugins.xml");
        settings.disable("org.example.a", "threw in write_session: boom & <bang>");
        settings.disable("org.example.b", "");
    }
    {
        PluginSettings settings(dir / "cfg" / "plugins.xml");
        CHECK_FALSE(settings.is_enabled("org.example.a"));
        CHECK(settings.disabled_reason("org.example.a") == "threw in write_session: boom & <bang>");
        CHECK(settings.disabled_reason("org.example.b") == "disabled by the user");
        settings.enable("org.example.a");
    }
    PluginSettings settings(dir / "cfg" / "plugins.xml");
    CHECK(settings.is_enabled("org.example.a"));
    CHECK_FALSE(settings.is_enabled("org.example.b"));
    // No temporary file is left behind by the atomic save.
    int files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir / "cfg"))
        ++files;
    CHECK(files == 1);
}

TEST_CASE("an unreadable settings file is reported, and every plugin stays enabled",
          "[core][settings]") {
    TempDir dir;
    std::ofstream(dir / "plugins.xml") << "<plugins><plugin id='a' enabled='false'";
    PluginSettings settings(dir / "plugins.xml");
    CHECK(settings.is_enabled("a"));
    CHECK_THAT(settings.load_problem(), Catch::Contains((dir / "plugins.xml").string()));
}
