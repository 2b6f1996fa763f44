// questionnaire_service.hpp — the outcome questionnaires of every loaded questionnaire-provider
// plugin: their definitions, scoring through the plugin, and storing responses.
//
// - Built once from the plugin host: every instrument of every loaded provider, under its
//   stored id "<plugin-id>/<instrument>", sorted by title. Each call into a plugin is contained:
//   a provider that throws is disabled (with its reason, see the Plugins dialog) and offers
//   nothing.
// - score() asks the instrument's plugin. An answer the plugin refuses (missing, out of range)
//   comes back as PluginCallError with disabled_plugin() false: show its message, let the person
//   correct the answer. A plugin bug comes back as PluginCallError with disabled_plugin() true.
//   An id that is not in instruments() is std::invalid_argument.
// - score_and_save() scores, then stores the response (answers, score, interpretation,
//   instrument id and version, completed now, linked to the session when one is given) through
//   db::QuestionnaireRepository. Nothing is stored when scoring fails.
// No wxWidgets here: the GUI's QuestionnaireDialog is a thin form over this.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <knotnotes/sdk/questionnaire_provider.hpp>
#include <knotnotes/sdk/records.hpp>

namespace knotnotes::db {
class Database;
}

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

class QuestionnaireService {
  public:
    QuestionnaireService(PluginHost& host, db::Database& database);

    const std::vector<QuestionnaireInstrument>& instruments() const { return instruments_; }
    const QuestionnaireInstrument* find(const std::string& id) const;

    sdk::QuestionnaireScore score(const std::string& instrument_id,
                                  const std::vector<sdk::QuestionnaireAnswer>& answers);
    // Returns the stored response, with its new id.
    sdk::QuestionnaireResponse score_and_save(const std::string& instrument_id, sdk::Id client_id,
                                              std::optional<sdk::Id> session_id,
                                              const std::vector<sdk::QuestionnaireAnswer>& answers);
    // The client's stored responses, oldest first.
    std::vector<sdk::QuestionnaireResponse> responses(sdk::Id client_id);

  private:
    const QuestionnaireInstrument& require(const std::string& id) const;

    PluginHost& host_;
    db::Database& database_;
    std::vector<QuestionnaireInstrument> instruments_;
};

}  // namespace knotnotes::core
