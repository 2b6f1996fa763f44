#include <fstream>

#include <catch2/catch.hpp>

#include "core/plugin_manifest.hpp"
#include "temp_dir.hpp"

using namespace knotnotes::core;
using knotnotes::test::TempDir;

namespace {

const std::string valid_body = R"(
  <id>org.example.hello</id>
  <name>Hello</name>
  <version>1.2.3</version>
  <abi major="1" minor="0"/>
  <kinds><kind>exporter</kind><kind>importer</kind></kinds>
  <author>Ann Author</author>
  <license>MIT</license>
  <description>Says hello.</description>
  <library>hello.so</library>
)";

std::filesystem::path write(const TempDir& dir, const std::string& body,
                            const std::string& ns = manifest_namespace) {
    const auto file = dir / "org.example.hello.plugin.xml";
    std::ofstream(file) << "<?xml version=\"1.0\"?>\n<plugin xmlns=\"" << ns << "\">" << body
                        << "</plugin>\n";
    return file;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
    return text;
}

}  // namespace

TEST_CASE("a valid manifest is read completely", "[core][manifest]") {
    TempDir dir;
    const auto result = read_plugin_manifest(write(dir, valid_body));
    REQUIRE(result.manifest.has_value());
    const auto& m = *result.manifest;
    CHECK(m.id == "org.example.hello");
    CHECK(m.name == "Hello");
    CHECK(m.version == "1.2.3");
    CHECK(m.abi_major == 1);
    CHECK(m.abi_minor == 0);
    CHECK(m.kinds_text() == "exporter, importer");
    CHECK(m.provides(PluginKind::importer));
    CHECK_FALSE(m.provides(PluginKind::technique_library));
    CHECK(m.author == "Ann Author");
    CHECK(m.license == "MIT");
    CHECK(m.library_path() == dir / "hello.so");
}

TEST_CASE("malformed XML is reported with its line", "[core][manifest]") {
    TempDir dir;
    const auto file = dir / "broken.plugin.xml";
    std::ofstream(file) << "<?xml version=\"1.0\"?>\n<plugin>\n  <id>x</name>\n</plugin>\n";
    const auto result = read_plugin_manifest(file);
    REQUIRE_FALSE(result.manifest.has_value());
    CHECK_THAT(result.error, Catch::StartsWith("line 3: malformed XML"));
}

TEST_CASE("each manifest rule gives a specific error", "[core][manifest]") {
    TempDir dir;
    struct Case {
        std::string body;
        std::string expected;
    };
    const std::vector<Case> cases{
        {replaced(valid_body, "org.example.hello", "Hello World"), "not a reverse-DNS id"},
        {replaced(valid_body, "1.2.3", "one"), "<version> 'one'"},
        {replaced(valid_body, R"(major="1")", R"(major="x")"), "numeric major and minor"},
        {replaced(valid_body, "<kind>importer</kind>", "<kind>painter</kind>"),
         "unknown <kind> 'painter'"},
        {replaced(valid_body, "hello.so", "../evil.so"), "must be a .so file name"},
        {replaced(valid_body, "<author>Ann Author</author>", ""), "unexpected <license>"},
        {replaced(valid_body, "<library>hello.so</library>", ""), "missing <library>"},
        {valid_body + "<extra/>", "unexpected <extra>"},
        {replaced(valid_body, "<license>MIT</license>", "<license></license>"),
         "must not be empty"},
    };
    for (const auto& c : cases) {
        INFO(c.expected);
        const auto result = read_plugin_manifest(write(dir, c.body));
        CHECK_FALSE(result.manifest.has_value());
        CHECK_THAT(result.error, Catch::Contains(c.expected));
    }
}

TEST_CASE("a manifest in another namespace or with another root is refused", "[core][manifest]") {
    TempDir dir;
    CHECK_THAT(read_plugin_manifest(write(dir, valid_body, "urn:other")).error,
               Catch::Contains("namespace"));
    const auto file = dir / "x.plugin.xml";
    std::ofstream(file) << "<module/>";
    CHECK_THAT(read_plugin_manifest(file).error, Catch::Contains("<module>, not <plugin>"));
}

TEST_CASE("a missing manifest is a clear error", "[core][manifest]") {
    CHECK(read_plugin_manifest("/nonexistent/x.plugin.xml").error == "cannot open the file");
}

TEST_CASE("plugin ids are reverse-DNS", "[core][manifest]") {
    CHECK(is_valid_plugin_id("org.knotnotes.export.fhir"));
    CHECK(is_valid_plugin_id("com.clinic-42.odi"));
    CHECK_FALSE(is_valid_plugin_id("fhir"));
    CHECK_FALSE(is_valid_plugin_id("Org.Example.X"));
    CHECK_FALSE(is_valid_plugin_id("org..x"));
    CHECK(is_manifest_file_name("a.plugin.xml"));
    CHECK_FALSE(is_manifest_file_name(".plugin.xml"));
    CHECK_FALSE(is_manifest_file_name("a.plugin.xml.bak"));
}
