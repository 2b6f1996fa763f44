// questionnaire_provider.hpp — outcome questionnaires: definitions, items, scoring, licence.
//
// Specification
// - definitions() lists the instruments the plugin provides. Instrument ids are local to the
//   plugin ("nprs"); the host stores them as "<plugin-id>/<instrument>".
// - score() computes the instrument's score for a set of answers, with the interpretation band
//   it falls in. It throws InvalidAnswer (a PluginError: the person's input is at fault, not the
//   plugin, so the host shows the message and keeps the plugin enabled) naming the item when an
//   answer is missing or out of range; it never guesses.
// - licence_text must be shown wherever the instrument is (copyright statements kept verbatim).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "knotnotes/sdk/plugin_error.hpp"
#include "knotnotes/sdk/records.hpp"

namespace knotnotes::sdk {

class KNOTNOTES_SDK_VISIBLE InvalidAnswer : public PluginError {
  public:
    using PluginError::PluginError;
};

enum class ItemKind { scale, choice, text_and_scale };

struct QuestionnaireChoice {
    double value = 0;
    std::string label;
};

struct QuestionnaireItem {
    std::string id;
    std::string text;
    ItemKind kind = ItemKind::scale;
    double min = 0;
    double max = 10;
    std::string min_label;                     // e.g. "No pain"
    std::string max_label;                     // e.g. "Worst imaginable pain"
    std::vector<QuestionnaireChoice> choices;  // for ItemKind::choice
    bool optional = false;
};

struct InterpretationBand {
    double min = 0;  // inclusive
    double max = 0;  // inclusive
    std::string label;
};

struct QuestionnaireDefinition {
    std::string id;
    std::string title;
    std::string version;
    std::string licence_text;
    std::string instructions;
    std::vector<QuestionnaireItem> items;
    std::vector<InterpretationBand> bands;
    std::optional<double> meaningful_change;  // smallest clinically meaningful change
};

struct QuestionnaireScore {
    double value = 0;
    std::string interpretation;
};

class QuestionnaireProvider {
  public:
    virtual ~QuestionnaireProvider() = default;
    virtual std::vector<QuestionnaireDefinition> definitions() const = 0;
    virtual QuestionnaireScore score(const std::string& instrument_id,
                                     const std::vector<QuestionnaireAnswer>& answers) const = 0;
};

}  // namespace knotnotes::sdk
