// server_connection.hpp — one connection to a KnotNotes clinic server (PostgreSQL, libpq).
//
// The address is a libpq URI (postgresql://USER@HOST:PORT/DB?sslmode=verify-full ...). The
// password, when one is given, is passed to libpq beside the URI and wiped afterwards; it is
// never stored. Without one libpq reads PGPASSFILE (or ~/.pgpass) as it always does.
//
// Errors are the storage errors of db/database_error.hpp, each naming the server
// ("the clinic server postgresql://jane@clinic:5432/knotnotes"), never the password:
//   PasswordNeeded    the server asks for a password and none was given
//   LoginRefused      the login was refused (wrong password, unknown or disabled login)
//   DatabaseError     the server cannot be reached, or any other failure
//   AccessDenied      the login's role does not allow this (the server's row-level security
//                     and grants decide, not the app)
//   RecordLocked      the change touches a signed session or another record that never changes
//   EditConflict      the record was changed by someone else since it was read
//   DatabaseBusy      another writer holds what this one needs (deadlock, serialisation)
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct pg_conn;
struct pg_result;

namespace knotnotes::db::postgres {

// The rows of one query, as text (NULL is std::nullopt), the way libpq's text protocol gives
// them.
class ServerRows {
  public:
    explicit ServerRows(pg_result* result);
    ~ServerRows();
    ServerRows(ServerRows&& other) noexcept;
    ServerRows(const ServerRows&) = delete;
    ServerRows& operator=(const ServerRows&) = delete;
    ServerRows& operator=(ServerRows&&) = delete;

    int size() const;
    std::optional<std::string> value(int row, int column) const;
    // The value, or "" for NULL.
    std::string text(int row, int column) const;
    // The number of rows an INSERT, UPDATE or DELETE touched.
    long affected() const;

  private:
    pg_result* result_;
};

class ServerConnection {
  public:
    static ServerConnection open(const std::string& uri,
                                 std::optional<std::string> password = std::nullopt);
    // A second connection to the same server as the same login, with what this one connected
    // with (its password too): for work on a thread of its own, such as an export in the
    // background while the window keeps this one. The errors of open().
    ServerConnection another();
    ~ServerConnection();
    ServerConnection(ServerConnection&& other) noexcept;
    ServerConnection(const ServerConnection&) = delete;
    ServerConnection& operator=(const ServerConnection&) = delete;
    ServerConnection& operator=(ServerConnection&&) = delete;

    // Runs one or more statements with no parameters (DDL, BEGIN, COMMIT).
    void execute(const std::string& sql);
    // Runs one statement with $1, $2 ... bound to the given values (std::nullopt is NULL).
    ServerRows query(const std::string& sql,
                     const std::vector<std::optional<std::string>>& parameters = {});

    // Runs a query inside the open transaction through a cursor and hands its rows over a
    // batch at a time, so a table of any size takes a batch's memory, not the table's.
    void for_each_batch(const std::string& sql, const std::function<void(const ServerRows&)>& batch,
                        int rows_per_batch = 2000);

    // True inside a transaction (BEGIN ... COMMIT).
    bool in_transaction() const;
    // The login the server knows this connection by (session_user).
    std::string login();
    // "the clinic server postgresql://USER@HOST:PORT/DB", for messages (no password).
    const std::string& description() const { return description_; }
    // Quotes a name (a login) for use as an SQL identifier.
    std::string quoted_identifier(const std::string& name) const;
    // The SCRAM verifier of a password for this login, computed here, so that CREATE ROLE ...
    // PASSWORD sends the server (and its logs) no plaintext.
    std::string password_verifier(const std::string& login, const std::string& password);

  private:
    ServerConnection(pg_conn* connection, std::string description);
    // Checks a new connection (errors name the server as `description`) and takes it over.
    static ServerConnection connected(pg_conn* connection, const std::string& description);
    [[noreturn]] void fail(pg_result* result, const std::string& what);

    pg_conn* connection_;
    std::string description_;
};

// A transaction on one connection, rolled back unless committed (RAII). A read snapshot sees
// one moment of the server for all its queries, whoever writes meanwhile, and writes nothing.
// Opened inside another transaction it is part of that one: it begins and commits nothing,
// and a failure inside it reaches the outer one, which rolls everything back.
class ServerTransaction {
  public:
    enum class Kind { read_write, read_snapshot };
    explicit ServerTransaction(ServerConnection& connection, Kind kind = Kind::read_write);
    ~ServerTransaction();
    ServerTransaction(const ServerTransaction&) = delete;
    ServerTransaction& operator=(const ServerTransaction&) = delete;
    void commit();

  private:
    ServerConnection& connection_;
    bool open_ = true;  // ours to commit or roll back (false when nested)
};

}  // namespace knotnotes::db::postgres
