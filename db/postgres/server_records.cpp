#include "db/server_records.hpp"

#include "postgres_clinic_directory.hpp"
#include "server_charting_store.hpp"
#include "server_note_records.hpp"
#include "shared_connection.hpp"

namespace knotnotes::db {

ServerRecords connect_server_records(const std::string& address,
                                     std::optional<std::string> password) {
    const auto server = postgres::shared(connect_clinic_server(address, std::move(password)));
    ServerRecords records;
    records.connection = server;
    records.clients = postgres::client_records_on(server);
    records.intakes = postgres::intake_records_on(server);
    records.charting = std::make_unique<postgres::ServerChartingStore>(server);
    records.notes = std::make_unique<postgres::ServerNoteRecords>(server);
    records.questionnaires = postgres::questionnaire_records_on(server);
    records.anchors = postgres::audit_anchors_on(server);
    return records;
}

}  // namespace knotnotes::db
