#include "questionnaire_records.hpp"

#include "json_text.hpp"
#include "questionnaire_repository.hpp"

namespace knotnotes::db {
namespace {

class FileQuestionnaireRecords final : public QuestionnaireRecords {
  public:
    explicit FileQuestionnaireRecords(Database& file) : responses_(file) {}
    sdk::Id add(const sdk::QuestionnaireResponse& response) override {
        return responses_.add(response);
    }
    std::vector<sdk::QuestionnaireResponse> for_client(sdk::Id client_id) override {
        return responses_.for_client(client_id);
    }

  private:
    QuestionnaireRepository responses_;
};

}  // namespace

std::unique_ptr<QuestionnaireRecords> file_questionnaire_records(Database& file) {
    return std::make_unique<FileQuestionnaireRecords>(file);
}

std::string questionnaire_answers_json(const std::vector<sdk::QuestionnaireAnswer>& answers) {
    std::string json = "[";
    for (const auto& a : answers) {
        if (json.size() > 1)
            json += ",";
        json += "{\"item\":" + json_quote(a.item_id) + ",\"value\":";
        json += a.value ? json_number(*a.value) : std::string("null");
        json += ",\"text\":" + json_quote(a.text) + "}";
    }
    return json + "]";
}

}  // namespace knotnotes::db
