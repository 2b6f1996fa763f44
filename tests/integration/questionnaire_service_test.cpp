// The questionnaire service over the real built questionnaires plugin and a real database.
#include <catch2/catch.hpp>

#include "core/plugin_host.hpp"
#include "core/plugin_object.hpp"
#include "core/questionnaire_service.hpp"
#include "db/database.hpp"
#include "db/questionnaire_records.hpp"
#include "sample_records.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

namespace {

const std::string plugin = "org.knotnotes.questionnaires";

std::vector<sdk::QuestionnaireAnswer> peg3(std::optional<double> pain, double enjoyment,
                                           double activity) {
    return {{"pain", pain, {}}, {"enjoyment", enjoyment, {}}, {"activity", activity, {}}};
}

}  // namespace

TEST_CASE("the questionnaire service lists the built-in instruments under qualified ids",
          "[integration][questionnaire]") {
    TempDir dir;
    core::PluginHost host({{KNOTNOTES_BUILTIN_PLUGIN_DIR}, dir / "config"});
    host.discover();
    host.load_enabled();
    db::Database database(dir / "knotnotes.db");
    const auto kept_in = db::file_questionnaire_records(database);
    core::QuestionnaireService service(host, *kept_in);

    for (const auto* local : {"nprs", "psfs", "peg-3", "start-back"}) {
        INFO(local);
        const auto* instrument = service.find(plugin + "/" + local);
        REQUIRE(instrument);
        CHECK(instrument->plugin_id == plugin);
        CHECK(instrument->definition.id == local);
        CHECK_FALSE(instrument->definition.items.empty());
        CHECK_FALSE(instrument->definition.licence_text.empty());
        CHECK_FALSE(instrument->definition.version.empty());
    }
    CHECK(service.instruments().size() >= 4);
    CHECK(service.find("nprs") == nullptr);
}

TEST_CASE("PEG-3 answers 5 6 7 score 6 and are stored with the session",
          "[integration][questionnaire]") {
    TempDir dir;
    core::PluginHost host({{KNOTNOTES_BUILTIN_PLUGIN_DIR}, dir / "config"});
    host.discover();
    host.load_enabled();
    db::Database database(dir / "knotnotes.db");
    const auto records = test::add_sample_records(database);
    const auto kept_in = db::file_questionnaire_records(database);
    core::QuestionnaireService service(host, *kept_in);
    const auto id = plugin + "/peg-3";

    CHECK(service.score(id, peg3(5, 6, 7)).value == Approx(6));
    const auto stored = service.score_and_save(id, records.client, records.session, peg3(5, 6, 7));
    CHECK(stored.id > 0);

    const auto responses = service.responses(records.client);
    REQUIRE(responses.size() == 1);
    const auto& r = responses.front();
    CHECK(r.id == stored.id);
    CHECK(r.instrument_id == id);
    CHECK(r.instrument_version == "1.0");
    REQUIRE(r.score);
    CHECK(*r.score == Approx(6));
    CHECK(r.interpretation == stored.interpretation);
    CHECK(r.session_id == records.session);
    CHECK(r.answers.size() == 3);
    CHECK_FALSE(r.completed_at.empty());

    // Without a session; NPRS has severity bands.
    const auto nprs =
        service.score_and_save(plugin + "/nprs", records.client, std::nullopt, {{"pain", 7.0, {}}});
    CHECK(nprs.interpretation == "severe");
    CHECK(core::score_text({*nprs.score, nprs.interpretation}) == "7 (severe)");
    CHECK(core::score_text({6.0 + 1.0 / 3.0, ""}) == "6.33");
    const auto both = service.responses(records.client);
    REQUIRE(both.size() == 2);
    CHECK_FALSE(both.back().session_id);
}

TEST_CASE("a bad answer is reported by the plugin and stores nothing",
          "[integration][questionnaire]") {
    TempDir dir;
    core::PluginHost host({{KNOTNOTES_BUILTIN_PLUGIN_DIR}, dir / "config"});
    host.discover();
    host.load_enabled();
    db::Database database(dir / "knotnotes.db");
    const auto records = test::add_sample_records(database);
    const auto kept_in = db::file_questionnaire_records(database);
    core::QuestionnaireService service(host, *kept_in);
    const auto id = plugin + "/peg-3";

    for (const auto& answers : {peg3(11, 6, 7), peg3(std::nullopt, 6, 7)}) {
        try {
            service.score_and_save(id, records.client, records.session, answers);
            FAIL("a bad answer was accepted");
        } catch (const core::PluginCallError& e) {
            CHECK_FALSE(e.disabled_plugin());
            CHECK(std::string(e.what()).find("pain") != std::string::npos);
        }
    }
    CHECK(service.responses(records.client).empty());
    // The plugin stays enabled: a good answer still scores.
    CHECK(service.score(id, peg3(1, 2, 3)).value == Approx(2));
    CHECK_THROWS_AS(service.score("org.example/none", peg3(1, 2, 3)), std::invalid_argument);
}

TEST_CASE(
    "a catalogue scores with its plugin's provider until the plugin is disabled, and again "
    "once it is loaded again",
    "[integration][questionnaire]") {
    TempDir dir;
    core::PluginHost host({{KNOTNOTES_BUILTIN_PLUGIN_DIR}, dir / "config"});
    host.discover();
    host.load_enabled();
    core::QuestionnaireCatalogue catalogue(host);
    const auto id = plugin + "/peg-3";
    for (int i = 0; i < 3; ++i)  // the same provider each time (made once)
        CHECK(catalogue.score(id, peg3(5, 6, 7)).value == Approx(6.0));

    REQUIRE(host.set_enabled(plugin, false));
    try {
        catalogue.score(id, peg3(5, 6, 7));
        FAIL("a disabled plugin scored");
    } catch (const core::PluginCallError& e) {
        CHECK_FALSE(e.disabled_plugin());
        CHECK_THAT(e.what(), Catch::Contains("no longer loaded"));
    }

    REQUIRE(host.set_enabled(plugin, true));
    host.load_enabled();
    CHECK(catalogue.score(id, peg3(1, 2, 3)).value == Approx(2.0));
}
