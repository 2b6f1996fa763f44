// SPDX-License-Identifier: MIT
// questionnaire_provider.hpp — outcome questionnaires: definitions, items, scoring, licence.
//
// Specification
// - definitions() lists the instruments the plugin provides; the host asks once per start.
//   Instrument ids are local to the plugin ("nprs"): lower-case letters, digits and '-',
//   starting with a letter, at most 64 characters, unique in the plugin. The host stores them
//   as "<plugin-id>/<instrument>"; a released id keeps its meaning for ever (stored scores are
//   re-scored with it on import).
// - score(instrument_id, answers) receives the LOCAL id ("nprs", never the stored
//   "<plugin-id>/nprs") and the answers given, in any order, skipped items left out or without
//   a value. It computes the score with the interpretation it falls in, or throws InvalidAnswer
//   (a PluginError: the person's input is at fault, the plugin stays enabled) naming the item
//   when an answer is missing, repeated, of an unknown item or out of range, and for an unknown
//   instrument id. It never guesses, and the same answers always give the same score: the host
//   stores the result, and an import is refused when a file's stored score differs from what
//   score() gives for the stored answers.
// - The score's value is in the instrument's own unit, as its scoring defines it (a sum, a
//   mean, a percentage 0–100 for percent-of-max scorings...), never rescaled by the host. The
//   bands and meaningful_change are in that same unit.
// - Bands are half-open, [min, max): a score s falls in a band when min <= s < max; the last
//   band (the one with the highest min) is closed, min <= s <= max. Bands are listed in
//   ascending order and do not overlap; every band has min < max, except that the last may have
//   min == max. A score in no band has no band label.
// - interpretation is what score() returns and what the host stores and shows: it wins. When
//   the instrument has bands it is normally the label of the score's band (band_label() in
//   definition_rules.hpp computes it); an instrument whose reading is not a band of the total
//   (STarT Back's high risk comes from a sub-score) returns its own.
// - Item ranges: a scale item has min < max and answers within [min, max]; a choice item has at
//   least two choices with distinct values, and its min/max are the lowest and highest choice.
// - licence_text must be shown wherever the instrument is (copyright statements verbatim).
// - `knotnotes-cli plugins check` applies these rules (definition_rules.hpp, the same rules the
//   built-in plugin applies to questionnaire definition files); `knotnotes-cli questionnaires
//   score` calls score() as the host does.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "knotnotes/sdk/plugin_error.hpp"
#include "knotnotes/sdk/records.hpp"

namespace knotnotes::sdk {

enum class ItemKind { scale, choice, text_and_scale };

struct QuestionnaireChoice {
    double value = 0;
    std::string label;
};

struct QuestionnaireItem {
    std::string id;  // same rules as instrument ids, unique in the instrument
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
    double max = 0;  // exclusive, except in the last band (see above)
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
    std::optional<double> meaningful_change;  // smallest clinically meaningful change, >= 0
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
