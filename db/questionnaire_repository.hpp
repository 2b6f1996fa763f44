// questionnaire_repository.hpp — questionnaire responses: answers, score, interpretation,
// with the instrument's id and version, so scores can be compared over time.
#pragma once

#include <vector>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::db {

class Database;

class QuestionnaireRepository {
  public:
    explicit QuestionnaireRepository(Database& db) : db_(db) {}

    sdk::Id add(const sdk::QuestionnaireResponse& response);
    std::vector<sdk::QuestionnaireResponse> for_client(sdk::Id client_id);  // oldest first
    std::vector<sdk::QuestionnaireResponse> for_session(sdk::Id session_id);

  private:
    std::vector<sdk::QuestionnaireResponse> read(const std::string& where, sdk::Id id);
    Database& db_;
};

}  // namespace knotnotes::db
