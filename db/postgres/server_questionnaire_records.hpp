// server_questionnaire_records.hpp — questionnaire responses on a clinic server (the PostgreSQL
// side of db/questionnaire_records.hpp), and the one reader of response rows that the note
// records share (a signed note carries the session's responses).
#pragma once

#include <vector>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::db::postgres {

class ServerConnection;

// The responses of one client or of one session, as the login may see them, oldest first.
std::vector<sdk::QuestionnaireResponse> client_responses(ServerConnection& server,
                                                         sdk::Id client_id);
std::vector<sdk::QuestionnaireResponse> session_responses(ServerConnection& server,
                                                          sdk::Id session_id);

}  // namespace knotnotes::db::postgres
