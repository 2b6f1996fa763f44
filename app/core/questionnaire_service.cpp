#include "questionnaire_service.hpp"

#include "db/questionnaire_records.hpp"
#include "db/timestamps.hpp"

namespace knotnotes::core {

QuestionnaireService::QuestionnaireService(PluginHost& host, db::QuestionnaireRecords& records)
    : catalogue_(host), records_(records) {}

sdk::QuestionnaireResponse QuestionnaireService::score_and_save(
    const std::string& instrument_id, sdk::Id client_id, std::optional<sdk::Id> session_id,
    const std::vector<sdk::QuestionnaireAnswer>& answers) {
    const auto result = score(instrument_id, answers);
    sdk::QuestionnaireResponse response;
    response.client_id = client_id;
    response.session_id = session_id;
    response.instrument_id = instrument_id;
    response.instrument_version = catalogue_.require(instrument_id).definition.version;
    response.completed_at = db::utc_now();
    response.answers = answers;
    response.score = result.value;
    response.interpretation = result.interpretation;
    response.id = records_.add(response);
    return response;
}

std::vector<sdk::QuestionnaireResponse> QuestionnaireService::responses(sdk::Id client_id) {
    return records_.for_client(client_id);
}

}  // namespace knotnotes::core
