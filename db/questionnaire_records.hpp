// questionnaire_records.hpp — a client's questionnaire responses, on either engine: the storage
// seam core::QuestionnaireService saves and reads through (and the Progress tab's scores). Only
// the backend behind it knows whether it is a SQLite file's repository or a clinic server; one
// contract test (tests/support/questionnaire_records_contract.hpp) runs against both.
//
// The meaning is the same on both: a response is kept as it was answered (answers in order, a
// skipped item as no value, the score and its interpretation, the instrument's id and version),
// with a new uid and the time now unless it brings its own. On a clinic server the server
// decides whose responses a login reads and writes (those of the clients it may see; the front
// desk none).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::db {

class Database;

class QuestionnaireRecords {
  public:
    virtual ~QuestionnaireRecords() = default;
    // Ignores response.id; returns the new response's id.
    virtual sdk::Id add(const sdk::QuestionnaireResponse& response) = 0;
    // Oldest first (by completed_at, then id).
    virtual std::vector<sdk::QuestionnaireResponse> for_client(sdk::Id client_id) = 0;
};

// A SQLite file's (QuestionnaireRepository), kept by the caller.
std::unique_ptr<QuestionnaireRecords> file_questionnaire_records(Database& file);

// The answers as both engines store them: a JSON array of {"item", "value", "text"} in order,
// "value" null for a skipped item.
std::string questionnaire_answers_json(const std::vector<sdk::QuestionnaireAnswer>& answers);

}  // namespace knotnotes::db
