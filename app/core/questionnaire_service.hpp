// questionnaire_service.hpp — the loaded plugins' questionnaires (QuestionnaireCatalogue) with
// their responses stored in the records, a file's or a clinic server's
// (db/questionnaire_records.hpp).
//
// - instruments(), find() and score() are the catalogue's (questionnaire_catalogue.hpp).
// - score_and_save() scores, then stores the response (answers, score, interpretation,
//   instrument id and version, completed now, linked to the session when one is given).
//   Nothing is stored when scoring fails.
// No wxWidgets here: the GUI's QuestionnaireDialog is a thin form over this.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <knotnotes/sdk/questionnaire_provider.hpp>
#include <knotnotes/sdk/records.hpp>

#include "questionnaire_catalogue.hpp"

namespace knotnotes::db {
class QuestionnaireRecords;
}

namespace knotnotes::core {

class PluginHost;

class QuestionnaireService {
  public:
    QuestionnaireService(PluginHost& host, db::QuestionnaireRecords& records);

    const std::vector<QuestionnaireInstrument>& instruments() const {
        return catalogue_.instruments();
    }
    const QuestionnaireInstrument* find(const std::string& id) const { return catalogue_.find(id); }

    sdk::QuestionnaireScore score(const std::string& instrument_id,
                                  const std::vector<sdk::QuestionnaireAnswer>& answers) {
        return catalogue_.score(instrument_id, answers);
    }
    // Returns the stored response, with its new id.
    sdk::QuestionnaireResponse score_and_save(const std::string& instrument_id, sdk::Id client_id,
                                              std::optional<sdk::Id> session_id,
                                              const std::vector<sdk::QuestionnaireAnswer>& answers);
    // The client's stored responses, oldest first.
    std::vector<sdk::QuestionnaireResponse> responses(sdk::Id client_id);

  private:
    QuestionnaireCatalogue catalogue_;
    db::QuestionnaireRecords& records_;
};

}  // namespace knotnotes::core
