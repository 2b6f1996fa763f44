// The built-in questionnaires (NPRS, PSFS, PEG-3, STarT Back), loaded as the real plugin
// through the plugin host: definitions, worked scoring examples and rejected answers.
#include <catch2/catch.hpp>

#include "questionnaire_calls.hpp"

using namespace knotnotes;
using knotnotes::test::answer;
using knotnotes::test::numbered_answers;
using knotnotes::test::TempDir;

namespace {

// A plugin host over the built-in plugins, with questionnaire folders that hold nothing.
struct BuiltinQuestionnaires {
    test::IsolatedQuestionnaireFolders folders;
    TempDir config;
    std::unique_ptr<core::PluginHost> host = test::load_builtin_plugins(config);
    test::Questionnaires questionnaires{*host};
};

}  // namespace

TEST_CASE("the plugin lists the four built-in instruments with version licence and items",
          "[plugins][questionnaires]") {
    BuiltinQuestionnaires fixture;
    auto& q = fixture.questionnaires;
    CHECK(q.definitions().size() == 4);

    const auto nprs = q.definition("nprs");
    CHECK(nprs.version == "1.0");
    REQUIRE(nprs.items.size() == 1);
    CHECK(nprs.items[0].id == "pain");
    CHECK(nprs.items[0].min == 0);
    CHECK(nprs.items[0].max == 10);
    CHECK(nprs.items[0].min_label == "No pain");
    CHECK(nprs.meaningful_change == 2.0);
    CHECK(nprs.bands.size() == 4);

    const auto psfs = q.definition("psfs");
    REQUIRE(psfs.items.size() == 5);
    for (std::size_t i = 0; i < psfs.items.size(); ++i) {
        INFO(psfs.items[i].id);
        CHECK(psfs.items[i].kind == sdk::ItemKind::text_and_scale);
        CHECK(psfs.items[i].optional == (i >= 3));
        CHECK_THAT(psfs.items[i].max_label, Catch::Contains("same level as before"));
    }
    CHECK_THAT(psfs.licence_text, Catch::Contains("Stratford"));

    const auto peg = q.definition("peg-3");
    REQUIRE(peg.items.size() == 3);
    CHECK(peg.items[1].id == "enjoyment");
    CHECK(peg.items[2].max_label == "Completely interferes");
    CHECK(peg.meaningful_change == 1.0);
    CHECK_THAT(peg.licence_text, Catch::Contains("Krebs"));

    const auto start_back = q.definition("start-back");
    REQUIRE(start_back.items.size() == 9);
    CHECK(start_back.items[4].text ==
          "It\u2019s not really safe for a person with a condition like mine to be physically "
          "active");
    CHECK(start_back.items[0].choices.size() == 2);
    CHECK(start_back.items[8].choices.size() == 5);
    CHECK(start_back.items[8].choices[3].label == "Very much");
    CHECK_THAT(start_back.licence_text, Catch::Contains("\u00a9 Keele University 2007"));
    CHECK_THAT(start_back.licence_text, Catch::Contains("Arthritis Research UK"));

    for (const auto& d : q.definitions()) {
        INFO(d.id);
        CHECK_FALSE(d.title.empty());
        CHECK_FALSE(d.instructions.empty());
        CHECK_FALSE(d.licence_text.empty());
    }
}

TEST_CASE("NPRS scores the rating and bands it from none to severe", "[plugins][questionnaires]") {
    BuiltinQuestionnaires fixture;
    auto& q = fixture.questionnaires;
    const std::vector<std::pair<double, std::string>> expected{
        {0, "none"},     {1, "mild"},   {3, "mild"},   {4, "moderate"},
        {6, "moderate"}, {7, "severe"}, {10, "severe"}};
    for (const auto& [pain, band] : expected) {
        INFO("pain " << pain);
        const auto score = q.score("nprs", {answer("pain", pain)});
        CHECK(score.value == pain);
        CHECK(score.interpretation == band);
    }
}

TEST_CASE("NPRS rejects a missing or out-of-range rating naming the item",
          "[plugins][questionnaires]") {
    BuiltinQuestionnaires fixture;
    auto& q = fixture.questionnaires;
    CHECK_THAT(q.rejection("nprs", {answer("pain", 11)}),
               Catch::Contains("'pain'") && Catch::Contains("11"));
    CHECK_THAT(q.rejection("nprs", {answer("pain", -1)}), Catch::Contains("'pain'"));
    CHECK_THAT(q.rejection("nprs", {}), Catch::Contains("'pain' is not answered"));
    CHECK_THAT(q.rejection("nprs", {answer("pain", std::nullopt)}),
               Catch::Contains("'pain' is not answered"));
    CHECK_THAT(q.rejection("nprs", {answer("pian", 4)}), Catch::Contains("no item 'pian'"));
    CHECK_THAT(q.rejection("nprs", {answer("pain", 4), answer("pain", 5)}),
               Catch::Contains("'pain' is answered more than once"));
    CHECK_THAT(q.rejection("nprs-2", {answer("pain", 4)}), Catch::Contains("'nprs-2'"));
}

TEST_CASE("PSFS scores the mean of three to five named activities", "[plugins][questionnaires]") {
    BuiltinQuestionnaires fixture;
    auto& q = fixture.questionnaires;
    const auto three = q.score(
        "psfs", {answer("activity-1", 2, "climbing stairs"),
                 answer("activity-2", 4, "lifting a child"), answer("activity-3", 6, "running")});
    CHECK(three.value == Approx(4.0));
    CHECK(three.interpretation.empty());  // the PSFS has no published bands

    const auto five = q.score(
        "psfs", {answer("activity-1", 2, "climbing stairs"), answer("activity-2", 4, "lifting"),
                 answer("activity-3", 6, "running"), answer("activity-4", 8, "gardening"),
                 answer("activity-5", 10, "driving")});
    CHECK(five.value == Approx(6.0));

    // A skipped fourth activity does not count as a zero.
    const auto four =
        q.score("psfs", {answer("activity-1", 3), answer("activity-2", 5), answer("activity-3", 7),
                         answer("activity-4", std::nullopt), answer("activity-5", 9)});
    CHECK(four.value == Approx(6.0));
}

TEST_CASE("PSFS rejects fewer than three activities or a rating above 10",
          "[plugins][questionnaires]") {
    BuiltinQuestionnaires fixture;
    auto& q = fixture.questionnaires;
    CHECK_THAT(q.rejection("psfs", {answer("activity-1", 2), answer("activity-2", 4)}),
               Catch::Contains("'activity-3'"));
    CHECK_THAT(q.rejection("psfs", {answer("activity-1", 2), answer("activity-2", 4),
                                    answer("activity-3", 6), answer("activity-4", 10.5)}),
               Catch::Contains("'activity-4'") && Catch::Contains("10.5"));
}

TEST_CASE("PEG-3 scores the mean of pain enjoyment and activity", "[plugins][questionnaires]") {
    BuiltinQuestionnaires fixture;
    auto& q = fixture.questionnaires;
    const auto score =
        q.score("peg-3", {answer("pain", 5), answer("enjoyment", 6), answer("activity", 7)});
    CHECK(score.value == Approx(6.0));
    CHECK(q.score("peg-3", {answer("pain", 0), answer("enjoyment", 0), answer("activity", 1)})
              .value == Approx(1.0 / 3.0));
    CHECK_THAT(q.rejection("peg-3", {answer("pain", 5), answer("activity", 7)}),
               Catch::Contains("'enjoyment'"));
}

TEST_CASE("STarT Back bands by total and psychosocial subscore", "[plugins][questionnaires]") {
    BuiltinQuestionnaires fixture;
    auto& q = fixture.questionnaires;
    // Item 9 answers: 0 not at all, 1 slightly, 2 moderately, 3 very much, 4 extremely.
    SECTION("total 5 with subscore 4 is high risk") {
        const auto score = q.score("start-back", numbered_answers({1, 0, 0, 0, 1, 1, 1, 0, 3}));
        CHECK(score.value == 5);
        CHECK(score.interpretation == "high risk");
    }
    SECTION("total 4 with subscore 2 is medium risk") {
        const auto score = q.score("start-back", numbered_answers({1, 1, 0, 0, 1, 0, 0, 0, 4}));
        CHECK(score.value == 4);
        CHECK(score.interpretation == "medium risk");
    }
    SECTION("total 4 with subscore 3 is still medium risk") {
        const auto score = q.score("start-back", numbered_answers({1, 0, 0, 0, 1, 1, 1, 0, 0}));
        CHECK(score.value == 4);
        CHECK(score.interpretation == "medium risk");
    }
    SECTION("item 4 counts in the total but not in the psychosocial subscore") {
        const auto score = q.score("start-back", numbered_answers({0, 0, 0, 1, 1, 1, 1, 0, 0}));
        CHECK(score.value == 4);
        CHECK(score.interpretation == "medium risk");
    }
    SECTION("moderately bothersome does not score so total 3 is low risk") {
        const auto score = q.score("start-back", numbered_answers({1, 1, 1, 0, 0, 0, 0, 0, 2}));
        CHECK(score.value == 3);
        CHECK(score.interpretation == "low risk");
    }
    SECTION("every item positive is 9 and high risk") {
        const auto score = q.score("start-back", numbered_answers({1, 1, 1, 1, 1, 1, 1, 1, 4}));
        CHECK(score.value == 9);
        CHECK(score.interpretation == "high risk");
    }
    SECTION("no item positive is 0 and low risk") {
        const auto score = q.score("start-back", numbered_answers({0, 0, 0, 0, 0, 0, 0, 0, 1}));
        CHECK(score.value == 0);
        CHECK(score.interpretation == "low risk");
    }
}

TEST_CASE("STarT Back rejects an answer that is not one of the item's choices",
          "[plugins][questionnaires]") {
    BuiltinQuestionnaires fixture;
    auto& q = fixture.questionnaires;
    CHECK_THAT(q.rejection("start-back", numbered_answers({1, 0, 2, 0, 1, 1, 1, 0, 3})),
               Catch::Contains("'item-3'") && Catch::Contains("not one of its choices"));
    CHECK_THAT(q.rejection("start-back", numbered_answers({1, 0, 0, 0, 1, 1, 1, 0, 5})),
               Catch::Contains("'item-9'"));
    CHECK_THAT(q.rejection("start-back", numbered_answers({1, 0, 0, 0, 0.5, 1, 1, 0, 3})),
               Catch::Contains("'item-5'"));
    // Every item is required: the tool's bands assume all nine were answered.
    CHECK_THAT(q.rejection("start-back", numbered_answers({1, 0, 0, 0, 1, 1, 1, 0})),
               Catch::Contains("'item-9' is not answered"));
}
