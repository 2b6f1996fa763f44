// server_intake_records.hpp — intakes on a clinic server (the PostgreSQL side of
// db/intake_records.hpp), and the one reader of an intake row that the note records share.
#pragma once

#include <optional>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::db::postgres {

class ServerConnection;

// The id of the client's newest intake version, as the login may see it.
std::optional<sdk::Id> newest_intake_id(ServerConnection& server, sdk::Id client_id);

// The intake version with this id, as the login may see it.
std::optional<sdk::Intake> read_intake(ServerConnection& server, sdk::Id id);

}  // namespace knotnotes::db::postgres
