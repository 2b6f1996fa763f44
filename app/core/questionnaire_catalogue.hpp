// questionnaire_catalogue.hpp — the outcome questionnaires of every loaded questionnaire-provider
// plugin, and scoring through them; no database (QuestionnaireService adds storing responses).
//
// - Built once from the plugin host: every instrument of every loaded provider, under its
//   stored id "<plugin-id>/<instrument>", sorted by title. Each call into a plugin is contained:
//   a provider that throws is disabled (with its reason, see the Plugins dialog) and offers
//   nothing.
// - score() asks the instrument's plugin (the same provider object every time), with the
// instrument's local id as
//   questionnaire_provider.hpp says. An answer the plugin refuses (missing, out of range)
//   comes back as PluginCallError with disabled_plugin() false: show its message, let the person
//   correct the answer. A plugin bug comes back as PluginCallError with disabled_plugin() true.
//   An id that is not in instruments() is std::invalid_argument.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <knotnotes/sdk/questionnaire_provider.hpp>

#include "plugin_object.hpp"

namespace knotnotes::core {

class PluginHost;

// A score as people read it: "6", "6.33" (at most two decimals), then the interpretation in
// brackets when there is one: "7 (severe)".
std::string score_text(const sdk::QuestionnaireScore& score);

struct QuestionnaireInstrument {
    std::string id;         // "<plugin-id>/<instrument>"
    std::string plugin_id;  // the provider that defines and scores it
    sdk::QuestionnaireDefinition definition;
};

class QuestionnaireCatalogue {
  public:
    explicit QuestionnaireCatalogue(PluginHost& host);

    const std::vector<QuestionnaireInstrument>& instruments() const { return instruments_; }
    const QuestionnaireInstrument* find(const std::string& id) const;
    const QuestionnaireInstrument& require(const std::string& id) const;

    sdk::QuestionnaireScore score(const std::string& instrument_id,
                                  const std::vector<sdk::QuestionnaireAnswer>& answers);

  private:
    PluginObject<sdk::QuestionnaireProvider>& provider(const std::string& plugin_id);

    PluginHost& host_;
    std::vector<QuestionnaireInstrument> instruments_;
    // One provider per plugin, made once: a provider reads its questionnaire folders when it is
    // made, and an import scores every response it holds (140,000 in the benchmark's export).
    // Each holds its library loaded (plugin_object.hpp), whatever the host does meanwhile.
    std::map<std::string, PluginObject<sdk::QuestionnaireProvider>> providers_;
};

}  // namespace knotnotes::core
