// shared_connection.hpp — one clinic server connection shared by the storage seams of one app
// (db/server_records.hpp): a login's window opens one connection, not one per seam, so a clinic
// of twenty therapists takes twenty of the server's connections. The app is one thread, and
// each seam's unit of work is one statement or one transaction at a time on it.
#pragma once

#include <memory>

#include "server_connection.hpp"

namespace knotnotes::db {
class AuditAnchors;
class ClientRecords;
class IntakeRecords;
class QuestionnaireRecords;
}  // namespace knotnotes::db

namespace knotnotes::db::postgres {

using SharedConnection = std::shared_ptr<ServerConnection>;

inline SharedConnection shared(ServerConnection connection) {
    return std::make_shared<ServerConnection>(std::move(connection));
}

std::unique_ptr<AuditAnchors> audit_anchors_on(SharedConnection server);
std::unique_ptr<ClientRecords> client_records_on(SharedConnection server);
std::unique_ptr<IntakeRecords> intake_records_on(SharedConnection server);
std::unique_ptr<QuestionnaireRecords> questionnaire_records_on(SharedConnection server);

}  // namespace knotnotes::db::postgres
