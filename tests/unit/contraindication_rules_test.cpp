// Contraindication rules where the choice is made: technique categories, pressure above a
// level, body regions; and every conflict of a session before it is signed.
#include <catch2/catch.hpp>

#include <knotnotes/sdk/contraindications.hpp>

#include "core/contraindication_rules.hpp"

using namespace knotnotes;

TEST_CASE("anticoagulants: no deep tissue techniques, pressure up to medium", "[core][rules]") {
    const std::vector<std::string> flags{"anticoagulants"};
    const auto deep = core::technique_conflicts(flags, "Deep tissue", 6, "upper-trapezius");
    REQUIRE(deep.size() == 1);
    CHECK(deep[0].contraindication_id == "anticoagulants");
    CHECK(deep[0].message == "Anticoagulant medication: no Deep tissue techniques.");

    const auto hard = core::technique_conflicts(flags, "Deep tissue", 8, "upper-trapezius");
    REQUIRE(hard.size() == 2);
    CHECK(hard[1].message == "Anticoagulant medication: pressure 8 is above the 6 allowed.");

    CHECK(core::technique_conflicts(flags, "Swedish", 5, "upper-trapezius").empty());
    CHECK(core::technique_conflicts({}, "Deep tissue", 9, "upper-trapezius").empty());
    CHECK(core::pressure_conflicts(flags, "upper-back", 6).empty());
    CHECK(core::pressure_conflicts(flags, "upper-back", 7).size() == 1);
}

TEST_CASE("a regional rule applies only in its regions, and to a choice with no site",
          "[core][rules]") {
    const std::vector<std::string> flags{"dvt-history"};
    CHECK(core::pressure_conflicts(flags, "upper-back", 8).empty());
    const auto calf = core::pressure_conflicts(flags, "gastrocnemius", 5);
    REQUIRE(calf.size() == 1);
    CHECK(calf[0].message ==
          "Deep-vein thrombosis history: pressure 5 is above the 3 allowed on the Lower leg.");
    CHECK(core::technique_conflicts(flags, "Deep tissue", std::nullopt, "thigh").size() == 1);
    CHECK(core::technique_conflicts(flags, "Deep tissue", std::nullopt, "").size() == 1);
}

TEST_CASE("every rule names a known contraindication and says something", "[core][rules]") {
    for (const auto& rule : core::contraindication_rules()) {
        INFO(rule.contraindication_id);
        CHECK(sdk::find_contraindication(rule.contraindication_id));
        CHECK((!rule.technique_categories.empty() || rule.max_pressure.has_value()));
    }
    const auto fever = core::technique_conflicts({"fever"}, "Swedish", 2, "");
    REQUIRE(fever.size() == 1);
    CHECK(fever[0].message.find("reschedule") != std::string::npos);
}

TEST_CASE("the conflicts of a whole session, each once", "[core][rules]") {
    sdk::Session s;
    sdk::TechniqueUse strip;
    strip.technique_id = "org.knotnotes.techniques.deep-tissue/stripping";
    strip.muscle_id = "upper-trapezius";
    strip.pressure = 6;
    s.techniques = {strip, strip};
    s.pressure_readings.push_back({0, 0, "lower-back", sdk::Side::bilateral, 8, ""});
    const auto category = [](const std::string& id) {
        return id.find("deep-tissue") != std::string::npos ? std::string("Deep tissue")
                                                           : std::string();
    };
    const auto conflicts = core::session_conflicts({"anticoagulants"}, s, category);
    REQUIRE(conflicts.size() == 2);
    CHECK(core::conflict_text(conflicts) ==
          "Anticoagulant medication: no Deep tissue techniques.\n"
          "Anticoagulant medication: pressure 8 is above the 6 allowed.");
    CHECK(core::session_conflicts({}, s, category).empty());
}
