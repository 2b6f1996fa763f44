// migrations.hpp — the numbered schema migrations.
//
// PRAGMA user_version is the number of the last migration applied. Each migration runs in its
// own transaction (BEGIN IMMEDIATE, so two processes opening an old file at once migrate it
// once) and sets user_version as its last step; a failure rolls it back whole. Migrations are
// never edited once released: a change is a new migration (for what ALTER TABLE cannot do, the
// 12-step table rebuild of sqlite.org/lang_altertable.html).
#pragma once

namespace knotnotes::db {

class Database;

int latest_schema_version();

// Brings the database to latest_schema_version() (a new file gets the whole schema) and sets
// PRAGMA application_id. The caller has already refused files of a newer version.
void migrate_to_latest(Database& db);

// Only for tests of the migration path: migrate up to `version` and stop.
void migrate_to(Database& db, int version);

namespace migration {
void v1_initial_schema(Database& db);
void v2_trustworthy_record(Database& db);
void v3_session_location(Database& db);
}  // namespace migration

}  // namespace knotnotes::db
