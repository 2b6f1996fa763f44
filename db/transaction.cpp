#include "transaction.hpp"

#include <sqlite3.h>

#include "database.hpp"

namespace knotnotes::db {

// Nested transactions all use the one savepoint name: SQLite resolves a name to the most
// recent savepoint that has it, which is exactly the nesting order, and a fixed name lets the
// statements be prepared once (a record's repository calls open one or more each).
Transaction::Transaction(Database& db, Scope scope) : db_(db) {
    if (sqlite3_get_autocommit(db_.handle())) {
        db_.prepare("BEGIN IMMEDIATE")->run();
        outer_all_or_nothing_ = scope == Scope::all_or_nothing;
        db_.all_or_nothing_ = outer_all_or_nothing_;
    } else if (db_.all_or_nothing_) {
        nested_ = flat_ = true;
    } else {
        nested_ = true;
        db_.prepare("SAVEPOINT nested")->run();
    }
}

Transaction::~Transaction() {
    if (outer_all_or_nothing_)
        db_.all_or_nothing_ = false;
    if (done_ || flat_)
        return;  // flat: the all-or-nothing transaction around it rolls back
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
    if (!flat_)
        db_.prepare(nested_ ? "RELEASE nested" : "COMMIT")->run();
    done_ = true;
}

}  // namespace knotnotes::db
