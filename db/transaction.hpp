// transaction.hpp — RAII write transaction: rolled back in the destructor unless committed
// (the SQLiteCpp Transaction pattern).
//
// The outermost Transaction is BEGIN IMMEDIATE, so the write lock is taken at the start and a
// busy database is reported at once rather than half-way through. A Transaction opened while
// another is active becomes a SAVEPOINT, so repositories can open their own without knowing
// whether a caller already did.
//
// An all-or-nothing outer Transaction (a bulk import) keeps nothing when anything fails, so the
// Transactions nested in it take no savepoint: there is nothing to roll back to, and every
// savepoint makes SQLite's FTS5 search index flush its pending terms to disk (one tiny segment
// per record, merged again later). An error inside it must reach the outer Transaction, which
// rolls everything back; code that catches one and carries on does not belong inside it.
#pragma once

namespace knotnotes::db {

class Database;

class Transaction {
  public:
    enum class Scope {
        savepoints,      // nested Transactions roll back on their own (the default)
        all_or_nothing,  // outermost only: nested Transactions take no savepoint
    };
    explicit Transaction(Database& db, Scope scope = Scope::savepoints);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

  private:
    Database& db_;
    bool nested_ = false;  // inside an outer transaction
    bool flat_ = false;    // nested in an all-or-nothing one: no SAVEPOINT of its own
    bool outer_all_or_nothing_ = false;
    bool done_ = false;
};

}  // namespace knotnotes::db
