// statement.hpp — a prepared SQLite statement with RAII, typed binding and column access.
//
// bind() takes 1-based parameter indexes, like SQLite; std::optional binds NULL when empty.
// step() returns true while there is a row; errors throw DatabaseError (or its subclasses)
// with the database file's name. A Statement is reset (and its bindings cleared) by reset(),
// which the Database's statement cache calls before handing a cached statement out again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace knotnotes::db {

class Statement {
  public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, std::int64_t{value}); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind_null(int index);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    // Binds every argument in order, starting at parameter 1.
    template <typename... Args>
    Statement& bind_all(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    bool step();
    void run();  // step() for a statement that returns no rows
    void reset();

    bool is_null(int column) const;
    std::int64_t int64(int column) const;
    int integer(int column) const { return static_cast<int>(int64(column)); }
    double real(int column) const;
    std::string text(int column) const;
    std::optional<std::int64_t> optional_int64(int column) const;
    std::optional<int> optional_int(int column) const;
    std::optional<double> optional_real(int column) const;

  private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// A cached Statement on loan: reset (bindings cleared, read snapshot released) when the lease
// ends, so the next user finds it ready.
class StatementLease {
  public:
    explicit StatementLease(Statement& statement) : statement_(&statement) {}
    ~StatementLease() { statement_->reset(); }
    StatementLease(const StatementLease&) = delete;
    StatementLease& operator=(const StatementLease&) = delete;

    Statement* operator->() const { return statement_; }
    Statement& operator*() const { return *statement_; }

  private:
    Statement* statement_;
};

// Throws the DatabaseError subclass matching an SQLite result code, naming the database file.
[[noreturn]] void throw_sqlite_error(sqlite3* db, int code, std::string_view context = {});

}  // namespace knotnotes::db
