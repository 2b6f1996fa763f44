// server_records.hpp — every storage seam of one login on a clinic server, on one connection:
// what the app opens when it connects to a server (core/record_store.hpp). Nothing above the
// seams knows which engine is behind them; only this factory knows it is a server.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "audit_anchors.hpp"
#include "charting_store.hpp"
#include "client_records.hpp"
#include "intake_records.hpp"
#include "note_records.hpp"
#include "questionnaire_records.hpp"

namespace knotnotes::db {
namespace postgres {
class ServerConnection;
}

struct ServerRecords {
    // The one connection the seams share; another() of it gives a background job its own.
    std::shared_ptr<postgres::ServerConnection> connection;
    std::unique_ptr<ClientRecords> clients;
    std::unique_ptr<IntakeRecords> intakes;
    std::unique_ptr<ChartingStore> charting;
    std::unique_ptr<NoteRecords> notes;
    std::unique_ptr<QuestionnaireRecords> questionnaires;
    std::unique_ptr<AuditAnchors> anchors;
};

// Connects to the clinic server at `address` as its login and sets an empty database up (the
// password and errors as for connect_clinic_directory in clinic_directory.hpp).
ServerRecords connect_server_records(const std::string& address,
                                     std::optional<std::string> password);

}  // namespace knotnotes::db
