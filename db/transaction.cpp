#include "transaction.hpp"

#include <sqlite3.h>

#include "database.hpp"

namespace knotnotes::db {

Transaction::Transaction(Database& db) : db_(db) {
    if (sqlite3_get_autocommit(db_.handle())) {
        db_.prepare("BEGIN IMMEDIATE")->run();
    } else {
        savepoint_ = "sp" + std::to_string(db_.next_savepoint_number());
        db_.exec("SAVEPOINT " + savepoint_);
    }
}

Transaction::~Transaction() {
    if (done_)
        return;
    try {
        if (savepoint_.empty()) {
            db_.prepare("ROLLBACK")->run();
        } else {
            db_.exec("ROLLBACK TO " + savepoint_ + "; RELEASE " + savepoint_);
        }
    } catch (...) {
        // A failed rollback leaves SQLite to roll back when the connection closes; a
        // destructor must not throw.
    }
}

void Transaction::commit() {
    if (savepoint_.empty()) {
        db_.prepare("COMMIT")->run();
    } else {
        db_.exec("RELEASE " + savepoint_);
    }
    done_ = true;
}

}  // namespace knotnotes::db
