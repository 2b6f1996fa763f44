// SPDX-License-Identifier: MIT
// example_clinic — the smallest questionnaire provider and technique library, in one plugin.
// The questionnaire: two neck items scored 0-5, the score is their sum, read in half-open bands
// (questionnaire_provider.hpp). score() receives the LOCAL id ("neck-ease"), refuses what it
// cannot score with sdk::InvalidAnswer naming the item, and takes its interpretation from the
// bands with sdk::band_label. Test it with:
//   knotnotes-cli --plugin-path build questionnaires score org.example.clinic/neck-ease turning=2
//   looking-up=3 knotnotes-cli --plugin-path build techniques list --library org.example.clinic
#include <knotnotes/sdk/sdk.hpp>

namespace {

namespace sdk = knotnotes::sdk;

sdk::QuestionnaireItem item(std::string id, std::string text) {
    sdk::QuestionnaireItem i;
    i.id = std::move(id);
    i.text = std::move(text);
    i.kind = sdk::ItemKind::scale;
    i.min = 0;
    i.max = 5;
    i.min_label = "No difficulty";
    i.max_label = "Cannot do it";
    return i;
}

sdk::QuestionnaireDefinition neck_ease() {
    sdk::QuestionnaireDefinition d;
    d.id = "neck-ease";
    d.title = "Neck ease (example)";
    d.version = "1.0";
    d.licence_text = "Example instrument, MIT licence.";
    d.instructions = "How hard is each movement today?";
    d.items = {item("turning", "Turning the head to look over the shoulder"),
               item("looking-up", "Looking up at a high shelf")};
    // [0, 3) mild, [3, 7) moderate, [7, 10] severe: every score, fractions too, in one band.
    d.bands = {{0, 3, "mild"}, {3, 7, "moderate"}, {7, 10, "severe"}};
    d.meaningful_change = 2;
    return d;
}

class NeckQuestionnaires : public sdk::QuestionnaireProvider {
  public:
    std::vector<sdk::QuestionnaireDefinition> definitions() const override { return {neck_ease()}; }

    sdk::QuestionnaireScore score(
        const std::string& instrument_id,
        const std::vector<sdk::QuestionnaireAnswer>& answers) const override {
        if (instrument_id != "neck-ease")
            throw sdk::InvalidAnswer("unknown instrument '" + instrument_id + "'");
        const auto definition = neck_ease();
        double total = 0;
        for (const auto& expected : definition.items) {
            int found = 0;
            for (const auto& answer : answers) {
                if (answer.item_id != expected.id)
                    continue;
                if (++found > 1)
                    throw sdk::InvalidAnswer("item '" + expected.id + "' is answered twice");
                if (!answer.value || *answer.value < expected.min || *answer.value > expected.max)
                    throw sdk::InvalidAnswer("item '" + expected.id +
                                             "' needs a value from 0 to 5");
                total += *answer.value;
            }
            if (found == 0)
                throw sdk::InvalidAnswer("item '" + expected.id + "' is not answered");
        }
        for (const auto& answer : answers) {
            if (answer.item_id != "turning" && answer.item_id != "looking-up")
                throw sdk::InvalidAnswer("there is no item '" + answer.item_id + "'");
        }
        return {total, sdk::band_label(definition, total)};
    }
};

class SportsTechniques : public sdk::TechniqueLibrary {
  public:
    std::vector<sdk::Technique> techniques() const override {
        return {{"pin-and-stretch", "Pin and stretch", "Sports",
                 "Pin the muscle near its origin, then take it through its full length.", 4, 7,
                 "Not over a fresh strain."},
                {"pre-event-flush", "Pre-event flush", "Sports",
                 "Brisk, light strokes to warm the muscles before an event.", 2, 4, ""}};
    }
};

class ExampleClinic : public sdk::Plugin {
  public:
    std::unique_ptr<sdk::QuestionnaireProvider> create_questionnaire_provider() override {
        return std::make_unique<NeckQuestionnaires>();
    }
    std::unique_ptr<sdk::TechniqueLibrary> create_technique_library() override {
        return std::make_unique<SportsTechniques>();
    }
};

}  // namespace

KNOTNOTES_PLUGIN(ExampleClinic);
