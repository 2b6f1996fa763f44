#include "transaction.hpp"

#include <sqlite3.h>

#include "database.hpp"

namespace knotnotes::db {

// Nested transactions all use the one savepoint name: SQLite resolves a name to the most
// recent savepoint that has it, which is exactly the nesting order, and a fixed name lets the
// statements be prepared once (an import opens a savepoint per record).
Transaction::Transaction(Database& db) : db_(db) {
    if (sqlite3_get_autocommit(db_.handle())) {
        db_.prepare("BEGIN IMMEDIATE")->run();
    } else {
        nested_ = true;
        db_.prepare("SAVEPOINT nested")->run();
    }
}

Transaction::~Transaction() {
    if (done_)
        return;
    try {
        if (nested_) {
            db_.prepare("ROLLBACK TO nested")->run();
            db_.prepare("RELEASE nested")->run();
        } else {
            db_.prepare("ROLLBACK")->run();
        }
    } catch (...) {
        // A failed rollback leaves SQLite to roll back when the connection closes; a
        // destructor must not throw.
    }
}

void Transaction::commit() {
    db_.prepare(nested_ ? "RELEASE nested" : "COMMIT")->run();
    done_ = true;
}

}  // namespace knotnotes::db
