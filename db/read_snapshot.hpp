// read_snapshot.hpp — RAII read transaction: every query made while it lives sees the database
// as it was when the snapshot began, whatever other connections commit meanwhile.
//
// An export reads thousands of queries; without a snapshot each one is a transaction of its
// own, so a note signed half-way through could appear in some resources and not in others,
// and every query pays for taking and dropping the shared lock. In WAL mode a snapshot does
// not block writers. Inside a transaction already open on the connection it does nothing:
// that transaction is the snapshot.
#pragma once

namespace knotnotes::db {

class Database;

class ReadSnapshot {
  public:
    explicit ReadSnapshot(Database& db);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

  private:
    Database& db_;
    bool owned_ = false;  // false: a transaction of the caller's was already open
};

}  // namespace knotnotes::db
