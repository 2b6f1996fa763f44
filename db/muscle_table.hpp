// muscle_table.hpp — keeps the database's `muscles` table equal to the SDK's muscle atlas, so
// SQL users can join knots to muscle names and FMA ids, and knots.muscle_id is checked by a
// foreign key. Reference data, not clinical data: not audited. Writes only when something
// differs, so opening a database normally writes nothing.
#pragma once

namespace knotnotes::db {

class Database;

void sync_muscle_table(Database& db);

}  // namespace knotnotes::db
