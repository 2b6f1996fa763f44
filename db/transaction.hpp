// transaction.hpp — RAII write transaction: rolled back in the destructor unless committed
// (the SQLiteCpp Transaction pattern).
//
// The outermost Transaction is BEGIN IMMEDIATE, so the write lock is taken at the start and a
// busy database is reported at once rather than half-way through. A Transaction opened while
// another is active becomes a SAVEPOINT, so repositories can open their own without knowing
// whether a caller already did.
#pragma once

namespace knotnotes::db {

class Database;

class Transaction {
  public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

  private:
    Database& db_;
    bool nested_ = false;  // a SAVEPOINT inside an outer transaction
    bool done_ = false;
};

}  // namespace knotnotes::db
