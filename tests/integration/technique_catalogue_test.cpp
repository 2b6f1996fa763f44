// The technique picker's catalogue built from the real technique-library plugins.
#include <catch2/catch.hpp>

#include "core/plugin_host.hpp"
#include "core/technique_catalogue.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

TEST_CASE("the catalogue offers every built-in technique under its qualified id",
          "[integration][techniques]") {
    TempDir config;
    core::PluginHost host({{KNOTNOTES_BUILTIN_PLUGIN_DIR}, config.path()});
    host.discover();
    host.load_enabled();
    core::TechniqueCatalogue catalogue(host);
    for (const auto* id : {"org.knotnotes.techniques.swedish/effleurage",
                           "org.knotnotes.techniques.deep-tissue/stripping",
                           "org.knotnotes.techniques.deep-tissue/ischemic-compression",
                           "org.knotnotes.techniques.myofascial/myofascial-release"}) {
        INFO(id);
        CHECK(catalogue.find(id) != nullptr);
    }
    CHECK(catalogue.all().size() >= 20);
    const auto found = catalogue.search("isch");
    REQUIRE_FALSE(found.empty());
    CHECK(found[0]->technique.name.find("schemic") != std::string::npos);

    // A disabled library contributes nothing.
    REQUIRE(host.set_enabled("org.knotnotes.techniques.swedish", false));
    CHECK(core::TechniqueCatalogue(host).find("org.knotnotes.techniques.swedish/effleurage") ==
          nullptr);
}
