#include "read_snapshot.hpp"

#include <sqlite3.h>

#include "database.hpp"

namespace knotnotes::db {

// BEGIN alone takes no snapshot (a deferred transaction starts at its first read), so the
// snapshot is pinned at once by reading the schema page.
ReadSnapshot::ReadSnapshot(Database& db) : db_(db) {
    if (!sqlite3_get_autocommit(db_.handle()))
        return;
    db_.prepare("BEGIN DEFERRED")->run();
    owned_ = true;
    try {
        auto first_read = db_.prepare("SELECT count(*) FROM sqlite_schema");
        first_read->step();
    } catch (...) {
        db_.prepare("ROLLBACK")->run();
        throw;
    }
}

ReadSnapshot::~ReadSnapshot() {
    if (!owned_)
        return;
    try {
        db_.prepare("ROLLBACK")->run();  // nothing was written: ending it is all there is
    } catch (...) {
        // SQLite ends the transaction when the connection closes; a destructor must not throw.
    }
}

}  // namespace knotnotes::db
