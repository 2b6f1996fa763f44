// questionnaire_records_contract.hpp — what the questionnaire responses seam means
// (db/questionnaire_records.hpp), checked the same way on every engine: the unit tests run it on
// a SQLite file, the PostgreSQL tests on a real clinic server as a therapist.
#pragma once

#include <catch2/catch.hpp>

#include "db/questionnaire_records.hpp"

namespace knotnotes::test {

// `client` and `other_client` are two clients the caller may chart for; `session` one of
// `client`'s sessions.
inline void check_questionnaire_records_contract(db::QuestionnaireRecords& responses,
                                                 sdk::Id client, sdk::Id other_client,
                                                 sdk::Id session) {
    CHECK(responses.for_client(client).empty());

    sdk::QuestionnaireResponse later;
    later.client_id = client;
    later.session_id = session;
    later.instrument_id = "org.knotnotes.questionnaires/ndi";
    later.instrument_version = "1.2";
    later.completed_at = "2026-11-30T10:00:00.000Z";
    // A skipped item (no value), a fraction, and text the JSON must carry as it is.
    later.answers = {{"pain", 3.0, ""},
                     {"reading", std::nullopt, ""},
                     {"sleep", 2.5, "wakes at \"3 am\", ça va"}};
    later.score = 12.25;
    later.interpretation = "mild disability";
    const auto later_id = responses.add(later);

    sdk::QuestionnaireResponse earlier;  // no session, no score, uid and time made here
    earlier.client_id = client;
    earlier.instrument_id = "org.knotnotes.questionnaires/nprs";
    earlier.completed_at = "2026-11-01T09:00:00.000Z";
    const auto earlier_id = responses.add(earlier);
    CHECK(earlier_id != later_id);

    sdk::QuestionnaireResponse someone_else;
    someone_else.client_id = other_client;
    someone_else.instrument_id = "org.knotnotes.questionnaires/nprs";
    someone_else.score = 7;
    responses.add(someone_else);

    const auto all = responses.for_client(client);
    REQUIRE(all.size() == 2);
    CHECK(all[0].id == earlier_id);  // oldest first
    CHECK_FALSE(all[0].session_id);
    CHECK_FALSE(all[0].score);
    CHECK(all[0].answers.empty());
    CHECK(all[0].uid.size() == 36);
    const auto& read = all[1];
    CHECK(read.id == later_id);
    CHECK(read.client_id == client);
    CHECK(read.session_id == session);
    CHECK(read.instrument_id == "org.knotnotes.questionnaires/ndi");
    CHECK(read.instrument_version == "1.2");
    CHECK(read.completed_at == "2026-11-30T10:00:00.000Z");
    REQUIRE(read.answers.size() == 3);
    CHECK(read.answers[0].item_id == "pain");
    CHECK(read.answers[0].value == 3.0);
    CHECK(read.answers[1].item_id == "reading");
    CHECK_FALSE(read.answers[1].value);
    CHECK(read.answers[2].value == 2.5);
    CHECK(read.answers[2].text == "wakes at \"3 am\", ça va");
    CHECK(read.score == 12.25);
    CHECK(read.interpretation == "mild disability");
    CHECK(read.uid.size() == 36);

    const auto others = responses.for_client(other_client);
    REQUIRE(others.size() == 1);
    CHECK(others[0].score == 7.0);
    CHECK(others[0].completed_at.size() == 24);  // made here, now
}

}  // namespace knotnotes::test
