// clinic_records.hpp — small records written straight to the clinic schema by the tests,
// as one login, so that what the server lets each role do can be checked row by row.
#pragma once

#include <string>

#include "db/postgres/server_connection.hpp"

namespace knotnotes::test {

// A client whose responsible therapist is `responsible` (the caller's login when empty).
inline std::string add_client(db::postgres::ServerConnection& as, const std::string& given,
                              const std::string& responsible = "") {
    if (responsible.empty())
        return as
            .query(
                "INSERT INTO clients (given_name, family_name, phone, occupation) "
                "VALUES ($1, 'Client', '555-0100', 'Carpenter') RETURNING id",
                {given})
            .text(0, 0);
    return as
        .query(
            "INSERT INTO clients (given_name, family_name, phone, responsible_login) "
            "VALUES ($1, 'Client', '555-0100', $2) RETURNING id",
            {given, responsible})
        .text(0, 0);
}

// A draft session of the caller's, for a client.
inline std::string add_session(db::postgres::ServerConnection& as, const std::string& client) {
    return as
        .query(
            "INSERT INTO sessions (client_id, practitioner_id, started_at, subjective) "
            "VALUES ($1, kn_my_practitioner_id(), '2026-12-01T10:00:00.000Z', "
            "'Neck pain after desk work') RETURNING id",
            {client})
        .text(0, 0);
}

inline std::string add_knot(db::postgres::ServerConnection& as, const std::string& session) {
    return as
        .query(
            "INSERT INTO knots (session_id, muscle_id, side, view, x, y, kind, "
            "tenderness) VALUES ($1, (SELECT min(id) FROM muscles), 'left', 'back', "
            "0.4, 0.3, 'active', 6) RETURNING id",
            {session})
        .text(0, 0);
}

inline void sign_session(db::postgres::ServerConnection& as, const std::string& session) {
    as.query(
        "UPDATE sessions SET status = 'signed', signed_by = 'Jane Roe', signed_at = "
        "kn_utc_now(), content_sha256 = repeat('a', 64) WHERE id = $1",
        {session});
}

inline int count(db::postgres::ServerConnection& as, const std::string& sql) {
    return std::stoi(as.query(sql).text(0, 0));
}

}  // namespace knotnotes::test
