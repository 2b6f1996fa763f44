#include "server_questionnaire_records.hpp"

#include "db/questionnaire_records.hpp"
#include "server_connection.hpp"
#include "server_values.hpp"
#include "shared_connection.hpp"

namespace knotnotes::db::postgres {

using namespace values;

namespace {

std::optional<std::string> score_text(const std::optional<double>& score) {
    return score ? std::optional<std::string>(number(*score)) : std::nullopt;
}

// `where` names the column the id is matched against: client_id or session_id.
std::vector<sdk::QuestionnaireResponse> responses_where(ServerConnection& server, const char* where,
                                                        sdk::Id id) {
    // One snapshot, so each listed response's answers are read as they were listed.
    ServerTransaction snapshot(server, ServerTransaction::Kind::read_snapshot);
    const auto rows = server.query(
        std::string("SELECT id, client_id, session_id, instrument_id, instrument_version, "
                    "completed_at, score, interpretation, uid FROM questionnaire_responses "
                    "WHERE ") +
            where + " = $1 ORDER BY completed_at, id",
        {number(id)});
    std::vector<sdk::QuestionnaireResponse> result;
    for (int row = 0; row < rows.size(); ++row) {
        sdk::QuestionnaireResponse r;
        r.id = id_at(rows, row, 0);
        r.client_id = id_at(rows, row, 1);
        r.session_id = optional_at(rows, row, 2);
        r.instrument_id = rows.text(row, 3);
        r.instrument_version = rows.text(row, 4);
        r.completed_at = rows.text(row, 5);
        r.score = optional_real_at(rows, row, 6);
        r.interpretation = rows.text(row, 7);
        r.uid = rows.text(row, 8);
        // A JSON null (a skipped item) reads as SQL NULL through ->>, as json_extract does.
        const auto answers = server.query(
            "SELECT a->>'item', a->>'value', a->>'text' FROM questionnaire_responses, "
            "json_array_elements(answers) WITH ORDINALITY AS e(a, n) WHERE id = $1 ORDER BY n",
            {rows.text(row, 0)});
        for (int a = 0; a < answers.size(); ++a) {
            r.answers.push_back(
                {answers.text(a, 0), optional_real_at(answers, a, 1), answers.text(a, 2)});
        }
        result.push_back(std::move(r));
    }
    snapshot.commit();
    return result;
}

class ServerQuestionnaireRecords final : public QuestionnaireRecords {
  public:
    explicit ServerQuestionnaireRecords(SharedConnection server)
        : connection_(std::move(server)), server_(*connection_) {}

    sdk::Id add(const sdk::QuestionnaireResponse& r) override {
        return id_at(
            server_.query(
                "INSERT INTO questionnaire_responses (client_id, session_id, "
                "instrument_id, instrument_version, completed_at, answers, score, "
                "interpretation, uid) VALUES ($1, $2::bigint, $3, $4, "
                "coalesce($5, kn_utc_now()), $6::json, $7::double precision, $8, "
                "coalesce($9, gen_random_uuid()::text)) RETURNING id",
                {number(r.client_id), number(r.session_id), r.instrument_id, r.instrument_version,
                 text_or_null(r.completed_at), questionnaire_answers_json(r.answers),
                 score_text(r.score), r.interpretation, text_or_null(r.uid)}),
            0, 0);
    }

    std::vector<sdk::QuestionnaireResponse> for_client(sdk::Id client_id) override {
        return client_responses(server_, client_id);
    }

  private:
    SharedConnection connection_;
    ServerConnection& server_;
};

}  // namespace

std::vector<sdk::QuestionnaireResponse> client_responses(ServerConnection& server,
                                                         sdk::Id client_id) {
    return responses_where(server, "client_id", client_id);
}

std::vector<sdk::QuestionnaireResponse> session_responses(ServerConnection& server,
                                                          sdk::Id session_id) {
    return responses_where(server, "session_id", session_id);
}

std::unique_ptr<QuestionnaireRecords> questionnaire_records_on(SharedConnection server) {
    return std::make_unique<ServerQuestionnaireRecords>(std::move(server));
}

}  // namespace knotnotes::db::postgres
