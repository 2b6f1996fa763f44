// postgres_clinic_directory.hpp — the clinic server on PostgreSQL: connect_clinic_directory()
// (clinic_directory.hpp) for postgresql:// and postgres:// addresses, and the connection under it.
#pragma once

#include <optional>
#include <string>

#include "db/clinic_directory.hpp"
#include "server_connection.hpp"

namespace knotnotes::db {

// Connects and sets an empty database up (server_migrations.hpp); refuses any other address.
postgres::ServerConnection connect_clinic_server(const std::string& address,
                                                 std::optional<std::string> password);

}  // namespace knotnotes::db
