#include "questionnaire_repository.hpp"

#include <cstdio>

#include "database.hpp"
#include "questionnaire_records.hpp"
#include "timestamps.hpp"
#include "transaction.hpp"
#include "uid.hpp"

namespace knotnotes::db {

sdk::Id QuestionnaireRepository::add(const sdk::QuestionnaireResponse& r) {
    Transaction transaction(db_);
    db_.prepare(
           "INSERT INTO questionnaire_responses (client_id, session_id, instrument_id, "
           "instrument_version, completed_at, answers, score, interpretation, uid) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        ->bind_all(r.client_id, r.session_id, r.instrument_id, r.instrument_version,
                   r.completed_at.empty() ? utc_now() : r.completed_at,
                   questionnaire_answers_json(r.answers), r.score, r.interpretation,
                   r.uid.empty() ? new_uid() : r.uid)
        .run();
    const auto id = db_.last_insert_id();
    transaction.commit();
    return id;
}

std::vector<sdk::QuestionnaireResponse> QuestionnaireRepository::read(const std::string& where,
                                                                      sdk::Id id) {
    std::vector<sdk::QuestionnaireResponse> result;
    auto st = db_.prepare(
        "SELECT id, client_id, session_id, instrument_id, instrument_version, completed_at, "
        "score, interpretation, coalesce(uid, '') FROM questionnaire_responses WHERE " +
        where + " = ? ORDER BY completed_at, id");
    st->bind(1, id);
    while (st->step()) {
        sdk::QuestionnaireResponse r;
        r.id = st->int64(0);
        r.client_id = st->int64(1);
        r.session_id = st->optional_int64(2);
        r.instrument_id = st->text(3);
        r.instrument_version = st->text(4);
        r.completed_at = st->text(5);
        r.score = st->optional_real(6);
        r.interpretation = st->text(7);
        r.uid = st->text(8);
        auto answers = db_.prepare(
            "SELECT json_extract(value, '$.item'), json_extract(value, '$.value'), "
            "json_extract(value, '$.text') FROM questionnaire_responses, "
            "json_each(questionnaire_responses.answers) WHERE questionnaire_responses.id = ? "
            "ORDER BY json_each.key");
        answers->bind(1, r.id);
        while (answers->step()) {
            r.answers.push_back({answers->text(0), answers->optional_real(1), answers->text(2)});
        }
        result.push_back(std::move(r));
    }
    return result;
}

std::vector<sdk::QuestionnaireResponse> QuestionnaireRepository::for_client(sdk::Id client_id) {
    return read("client_id", client_id);
}

std::vector<sdk::QuestionnaireResponse> QuestionnaireRepository::for_session(sdk::Id session_id) {
    return read("session_id", session_id);
}

}  // namespace knotnotes::db
