#include "statement.hpp"

#include <sqlite3.h>

#include "database_error.hpp"
#include "encryption.hpp"

namespace knotnotes::db {

void throw_sqlite_error(sqlite3* db, int code, std::string_view context) {
    const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
    std::string where = (file && *file) ? std::string(file) : std::string("database");
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    std::string text = where + ": " + message;
    if (!context.empty())
        text += " (" + std::string(context) + ")";
    const int primary = code & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
        throw DatabaseBusy(where +
                           ": the database is busy: another program is writing to it; try again "
                           "in a moment (" +
                           message + ")");
    }
    // SQLCipher reports a page that fails its HMAC check (damage, or tampering) as out of
    // memory: in an encrypted database that is damage, not a full memory.
    if (primary == SQLITE_NOMEM && !encryption_key_id(where).empty()) {
        throw DatabaseDamaged(where +
                              ": the encrypted database is damaged (a page fails its "
                              "authentication check, or memory ran out). Restore it from a "
                              "backup with knotnotes-cli restore.");
    }
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
        throw DatabaseDamaged(where + ": the database is damaged (" + message +
                              "). Restore it from a backup with knotnotes-cli restore.");
    }
    // Our immutability triggers raise messages starting with "locked:".
    if (code == SQLITE_CONSTRAINT_TRIGGER && message.rfind("locked:", 0) == 0) {
        throw RecordLocked(where + ": " + message.substr(8));
    }
    throw DatabaseError(text);
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK)
        throw_sqlite_error(db_, rc, sql);
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (const int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK) {
        throw_sqlite_error(db_, rc);
    }
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (const int rc = sqlite3_bind_double(stmt_, index, value); rc != SQLITE_OK) {
        throw_sqlite_error(db_, rc);
    }
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    const int rc = sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                       SQLITE_UTF8);
    if (rc != SQLITE_OK)
        throw_sqlite_error(db_, rc);
    return *this;
}

Statement& Statement::bind_null(int index) {
    if (const int rc = sqlite3_bind_null(stmt_, index); rc != SQLITE_OK) {
        throw_sqlite_error(db_, rc);
    }
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const int extended = sqlite3_extended_errcode(db_);
    sqlite3_reset(stmt_);
    throw_sqlite_error(db_, extended ? extended : rc);
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

double Statement::real(int column) const {
    return sqlite3_column_double(stmt_, column);
}

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
             : std::string();
}

std::optional<std::int64_t> Statement::optional_int64(int column) const {
    if (is_null(column))
        return std::nullopt;
    return int64(column);
}

std::optional<int> Statement::optional_int(int column) const {
    if (is_null(column))
        return std::nullopt;
    return integer(column);
}

std::optional<double> Statement::optional_real(int column) const {
    if (is_null(column))
        return std::nullopt;
    return real(column);
}

}  // namespace knotnotes::db
