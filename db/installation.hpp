// installation.hpp — the database's own identity: a UUID given when it was created (or
// migrated to schema 2) and never changed, so records exported from it can be told apart from
// every other database's (FHIR identifiers, name-based UUIDs).
#pragma once

#include <string>

namespace knotnotes::db {

class Database;

std::string installation_id(Database& db);

}  // namespace knotnotes::db
