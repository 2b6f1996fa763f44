// The built-in technique libraries, loaded as real plugins through the plugin host.
#include <map>
#include <regex>
#include <set>

#include <catch2/catch.hpp>

#include "builtin_plugin_host.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

namespace {

const std::string swedish_id = "org.knotnotes.techniques.swedish";
const std::string deep_tissue_id = "org.knotnotes.techniques.deep-tissue";
const std::string myofascial_id = "org.knotnotes.techniques.myofascial";

std::vector<sdk::Technique> techniques_of(core::PluginHost& host, const std::string& plugin_id) {
    test::require_loaded(host, plugin_id);
    auto library = host.create_technique_library(plugin_id);
    REQUIRE(library);
    return library.call("techniques", [](sdk::TechniqueLibrary& l) { return l.techniques(); });
}

const sdk::Technique* find_technique(const std::vector<sdk::Technique>& techniques,
                                     const std::string& id) {
    for (const auto& t : techniques) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

// Ids that clients' records already hold (the demo data writes them): renaming one would
// orphan every technique use charted with it.
void check_ids_present(const std::vector<sdk::Technique>& techniques,
                       const std::vector<std::string>& ids) {
    for (const auto& id : ids) {
        INFO("technique " << id);
        CHECK(find_technique(techniques, id) != nullptr);
    }
}

}  // namespace

TEST_CASE("every built-in technique library loads with unique well-formed ids and sane pressures",
          "[plugins][techniques]") {
    TempDir config;
    auto host = test::load_builtin_plugins(config);
    // The categories technique_library.hpp names; the session editor groups by them.
    const std::set<std::string> categories{"Swedish", "Deep tissue", "Trigger point", "Myofascial",
                                           "Stretching"};
    const std::regex local_id("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    for (const auto& plugin_id : {swedish_id, deep_tissue_id, myofascial_id}) {
        const auto techniques = techniques_of(*host, plugin_id);
        CHECK(techniques.size() >= 6);
        std::set<std::string> ids;
        for (const auto& t : techniques) {
            INFO(plugin_id << "/" << t.id);
            CHECK(std::regex_match(t.id, local_id));
            CHECK(ids.insert(t.id).second);
            CHECK_FALSE(t.name.empty());
            CHECK(categories.count(t.category) == 1);
            CHECK(t.description.size() >= 40);
            CHECK(t.cautions.size() >= 20);
            CHECK(0 <= t.pressure_min);
            CHECK(t.pressure_min <= t.pressure_max);
            CHECK(t.pressure_max <= 10);
        }
    }
}

TEST_CASE("the deep tissue library keeps the ids stored records use and works deep",
          "[plugins][techniques]") {
    TempDir config;
    auto host = test::load_builtin_plugins(config);
    const auto techniques = techniques_of(*host, deep_tissue_id);
    check_ids_present(techniques, {"stripping", "cross-fibre-friction", "ischemic-compression",
                                   "deep-longitudinal-stroke", "trigger-point-pressure-release",
                                   "pin-and-stretch"});

    const auto* stripping = find_technique(techniques, "stripping");
    REQUIRE(stripping);
    CHECK(stripping->category == "Deep tissue");
    // Deep work reaches the therapeutic edge (7-8 on the teaching scale) and never 9-10.
    CHECK(stripping->pressure_max >= 7);
    CHECK(stripping->pressure_max <= 8);
    // Anticoagulants bruise: the intake flag's guidance is "no deep stripping".
    CHECK_THAT(stripping->cautions, Catch::Contains("anticoagulant"));

    const auto* compression = find_technique(techniques, "ischemic-compression");
    REQUIRE(compression);
    CHECK(compression->category == "Trigger point");
    CHECK_THAT(compression->description, Catch::Contains("90 seconds"));
    CHECK_THAT(compression->cautions, Catch::Contains("high blood pressure"));
}

TEST_CASE("the myofascial library keeps the ids stored records use and stays gentle",
          "[plugins][techniques]") {
    TempDir config;
    auto host = test::load_builtin_plugins(config);
    const auto techniques = techniques_of(*host, myofascial_id);
    check_ids_present(techniques,
                      {"myofascial-release", "muscle-energy-technique", "pnf-contract-relax",
                       "passive-stretch", "fascial-skin-rolling", "cross-hand-release"});

    std::map<std::string, int> per_category;
    for (const auto& t : techniques) {
        ++per_category[t.category];
        INFO(t.id);
        // Fascia and stretches are worked slowly and lightly, never at deep-tissue pressure.
        CHECK(t.pressure_max <= 5);
    }
    CHECK(per_category["Myofascial"] >= 3);
    CHECK(per_category["Stretching"] >= 3);
    const auto* met = find_technique(techniques, "muscle-energy-technique");
    REQUIRE(met);
    CHECK(met->category == "Stretching");
    CHECK_THAT(met->cautions, Catch::Contains("whiplash"));
}

TEST_CASE("the libraries do not reuse each other's technique ids", "[plugins][techniques]") {
    // Ids are stored with their library's id so a clash is not a bug in storage; but the same
    // local id in two libraries would show two techniques with one name in the editor.
    TempDir config;
    auto host = test::load_builtin_plugins(config);
    std::map<std::string, std::string> owner;
    for (const auto& plugin_id : {swedish_id, deep_tissue_id, myofascial_id}) {
        for (const auto& t : techniques_of(*host, plugin_id)) {
            const auto [earlier, is_new] = owner.emplace(t.id, plugin_id);
            INFO(t.id << " in " << plugin_id << " and in " << earlier->second);
            CHECK(is_new);
        }
    }
}
