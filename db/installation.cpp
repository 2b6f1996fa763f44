#include "installation.hpp"

#include "database.hpp"

namespace knotnotes::db {

std::string installation_id(Database& db) {
    auto st = db.prepare("SELECT installation_id FROM installation WHERE id = 1");
    if (!st->step())
        throw DatabaseError(db.file().string() + ": the database has no installation id");
    return st->text(0);
}

}  // namespace knotnotes::db
