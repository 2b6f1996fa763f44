// server_migrations.hpp — setting up and checking a KnotNotes clinic database on PostgreSQL.
//
// The same idea as the SQLite file's numbered migrations (db/migrations.hpp): the database
// records its schema version in `knotnotes_schema`, and opening it applies the missing
// migrations in order, each in one transaction, under an advisory lock so two first
// connections cannot both set it up. An empty database is set up; one that has tables but is
// not KnotNotes', or that a newer KnotNotes set up, is refused untouched. The login that sets
// an empty database up becomes its first owner (unless it is a superuser).
#pragma once

#include <string>

namespace knotnotes::db::postgres {

class ServerConnection;

// The schema version this build writes.
int latest_server_schema_version();

// Sets up or updates the clinic database, or throws DatabaseRefused (foreign or newer) or
// AccessDenied (it needs setting up and this login may not: the owner connects first).
// Returns the version it found before (0 for an empty database).
int set_up_clinic_database(ServerConnection& server);

namespace migration {
std::string clinic_schema_001();
std::string clinic_access_001();  // part of 001: grants and row-level security
std::string client_search_002();
std::string own_signing_key_003();  // a login's own sealed signing key
std::string audit_head_004();       // the audit chain's head, for signing it
}  // namespace migration

}  // namespace knotnotes::db::postgres
