// A host that only knows SDK 2.0, built from the frozen 2.0 headers (sdk-2.0/), loading the
// compat plugin built against the CURRENT SDK (a newer minor, whose Session has grown). The
// plugin must read the fields 2.0 does not send as their defaults, never garbage, and what it
// hands back must read correctly as 2.0 records.
#include <dlfcn.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <fstream>
#include <sstream>

#include <knotnotes/sdk/bridge/host_side.hpp>

#include "record_dump.hpp"
#include "sample_chart.hpp"
#include "temp_dir.hpp"

namespace sdk = knotnotes::sdk;
namespace bridge = knotnotes::sdk::bridge;
using knotnotes::test::TempDir;

static_assert(KNOTNOTES_SDK_ABI_MAJOR == 2 && KNOTNOTES_SDK_ABI_MINOR == 0,
              "this harness must be built from the frozen SDK 2.0 headers");

namespace {

struct Library {
    Library() : handle(dlopen(COMPAT_CURRENT_PLUGIN, RTLD_NOW | RTLD_LOCAL)) {
        INFO(COMPAT_CURRENT_PLUGIN << ": " << (handle ? "" : dlerror()));
        REQUIRE(handle);
    }
    ~Library() { dlclose(handle); }
    template <typename T>
    T* symbol(const char* name) {
        auto* p = dlsym(handle, name);
        REQUIRE(p);
        return reinterpret_cast<T*>(p);
    }
    kn_plugin_entry entry() {
        return reinterpret_cast<kn_plugin_entry>(dlsym(handle, KNOTNOTES_ENTRY_SYMBOL));
    }
    void* handle;
};

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// What the 2.0 writer makes of the sample chart: every field 2.0 knows.
std::string dump_of(const compat::Chart& chart) {
    compat::Writer w;
    for (const auto& p : chart.practitioners)
        w.practitioner(p);
    w.client(chart.client);
    w.intake(chart.intake);
    for (const auto& s : chart.sessions)
        w.session(s);
    w.response(chart.response);
    return w.text;
}

// The text without its "location=..." lines, and how many of them said `word`.
std::string without_location(const std::string& text, const std::string& word, int& count) {
    std::istringstream in(text);
    std::string out;
    count = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("location=", 0) == 0) {
            count += line == "location=" + word;
            continue;
        }
        out += line + "\n";
    }
    return out;
}

const std::string header = "[export]\ninstallation_id=5e6f7a8b-9cad-4ebf-8012-3456789abcde\n";

void export_chart(sdk::Exporter& exporter, const std::filesystem::path& file,
                  const compat::Chart& chart) {
    exporter.begin({file, "frozen host 2.0", "5e6f7a8b-9cad-4ebf-8012-3456789abcde"});
    for (const auto& p : chart.practitioners)
        exporter.write_practitioner(p);
    exporter.write_client(chart.client);
    exporter.write_intake(chart.intake);
    for (const auto& s : chart.sessions)
        exporter.write_session(s);
    exporter.write_questionnaire_response(chart.response);
    exporter.end();
}

}  // namespace

TEST_CASE("a plugin of the current SDK minor reads a 2.0 host's records, new fields as defaults",
          "[compat]") {
    Library library;
    const auto& record = *library.symbol<const KnotNotesAbiRecord>(KNOTNOTES_ABI_SYMBOL);
    CHECK(record.major == 2);
    CHECK(record.minor >= 1);  // really a newer minor than this host

    bridge::PluginProxy plugin(library.entry(), "frozen host 2.0");
    auto exporter = plugin.create_exporter();
    REQUIRE(exporter);
    CHECK(exporter->format().id == "compat-dump-2." + std::to_string(record.minor));

    TempDir dir;
    const auto chart = compat::sample_chart();
    export_chart(*exporter, dir / "out.txt", chart);
    int unspecified = 0;
    const auto written = without_location(read_file(dir / "out.txt"), "unspecified", unspecified);
    // Every 2.0 field arrived as it was sent ...
    CHECK(written == header + dump_of(chart));
    // ... and each session's location, which 2.0 does not send, read as its default.
    CHECK(unspecified == static_cast<int>(chart.sessions.size()));
}

TEST_CASE("a plugin of the current SDK minor never reads past the 2.0 struct it is given",
          "[compat]") {
    Library library;
    kn_plugin plugin{};
    plugin.struct_size = sizeof plugin;
    bridge::ErrorBuffer error;
    REQUIRE(library.entry()(nullptr, &plugin, &error.error) == KN_OK);
    kn_exporter exporter{};
    exporter.struct_size = sizeof exporter;
    REQUIRE(plugin.create_exporter(plugin.self, &exporter, &error.error) == KN_OK);

    TempDir dir;
    const auto path = (dir / "poisoned.txt").string();
    const kn_export_context context{sizeof(kn_export_context), bridge::view(path), {}, {}};
    REQUIRE(exporter.begin(exporter.self, &context, &error.error) == KN_OK);

    // The session as 2.0 lays it out, followed by bytes that are anything but a default: a
    // reader that looked beyond struct_size would find location code 0xFFFFFFFF and refuse it.
    const auto chart = compat::sample_chart();
    bridge::CViews views;
    alignas(kn_session) unsigned char memory[sizeof(kn_session) + 256];
    std::memset(memory, 0xFF, sizeof memory);
    std::memcpy(memory, views.session(chart.sessions[1]), sizeof(kn_session));
    const auto* poisoned = reinterpret_cast<const kn_session*>(memory);
    const auto status = exporter.write_session(exporter.self, poisoned, &error.error);
    INFO(error.text);
    CHECK(status == KN_OK);
    REQUIRE(exporter.end(exporter.self, &error.error) == KN_OK);
    exporter.destroy(exporter.self);
    plugin.destroy(plugin.self);
    CHECK_THAT(read_file(path), Catch::Contains("\nlocation=unspecified\n"));
}

TEST_CASE("what a plugin of the current SDK minor imports reads right as 2.0 records", "[compat]") {
    Library library;
    bridge::PluginProxy plugin(library.entry(), "frozen host 2.0");
    auto importer = plugin.create_importer();
    REQUIRE(importer);

    // A dump as the current plugin writes it, with the locations 2.0 cannot hold.
    const auto chart = compat::sample_chart();
    std::string file_text = header + dump_of(chart);
    for (std::size_t at = 0;
         (at = file_text.find("conflict_acknowledgement=", at)) != std::string::npos;) {
        at = file_text.find('\n', at) + 1;
        file_text.insert(at, "location=client-home\n");
    }
    TempDir dir;
    std::ofstream(dir / "in.txt", std::ios::binary) << file_text;

    struct Collecting : sdk::ImportSink {
        compat::Writer w;
        void practitioner(const sdk::Practitioner& p) override { w.practitioner(p); }
        void client(const sdk::Client& c) override { w.client(c); }
        void intake(const sdk::Intake& i) override { w.intake(i); }
        void session(const sdk::Session& s) override { w.session(s); }
        void questionnaire_response(const sdk::QuestionnaireResponse& r) override { w.response(r); }
    } sink;
    importer->validate(dir / "in.txt");
    importer->import(dir / "in.txt", sink);
    CHECK(sink.w.text == dump_of(chart));
}

TEST_CASE("a questionnaire provider of the current SDK minor scores for a 2.0 host", "[compat]") {
    Library library;
    bridge::PluginProxy plugin(library.entry(), "frozen host 2.0");
    auto provider = plugin.create_questionnaire_provider();
    REQUIRE(provider);
    const auto definitions = provider->definitions();
    REQUIRE(definitions.size() == 1);
    CHECK(definitions[0].id == "tally");
    CHECK(definitions[0].items.size() == 2);
    CHECK(definitions[0].bands.size() == 2);
    CHECK(definitions[0].meaningful_change == 1.5);
    const auto score = provider->score("tally", {{"a", 2.0, ""}, {"b", 4.0, ""}});
    CHECK(score.value == 6);
    CHECK(score.interpretation == "high");
    CHECK_THROWS_AS(provider->score("tally", {{"a", 9.0, ""}}), sdk::InvalidAnswer);
}
