#include "database.hpp"

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>

#include "encryption.hpp"
#include "file_identity.hpp"
#include "migrations.hpp"
#include "sha256.hpp"
#include "uid.hpp"
#include "unlocked_keys.hpp"

namespace knotnotes::db {
namespace {

std::string default_actor() {
    if (const char* user = std::getenv("USER"); user && *user)
        return user;
    return "knotnotes";
}

void refuse_if_schema_unknown(const std::string& name, int schema_version, OpenMode mode) {
    if (schema_version > latest_schema_version()) {
        throw DatabaseRefused(name +
                              ": this database was written by a newer KnotNotes (schema version " +
                              std::to_string(schema_version) + "; this KnotNotes knows up to " +
                              std::to_string(latest_schema_version()) +
                              "). It has not been changed. Update KnotNotes to open it.");
    }
    if (mode == OpenMode::read_only && schema_version < latest_schema_version()) {
        throw DatabaseRefused(
            name + ": this database has schema version " + std::to_string(schema_version) +
            " of an older KnotNotes (now " + std::to_string(latest_schema_version()) +
            "). It has not been changed; KnotNotes upgrades it the next time it opens it "
            "(for instance knotnotes-cli --db FILE backup -o COPY).");
    }
}

// Reads one integer PRAGMA; false (with SQLite's code in `rc`) when the file cannot be read.
bool read_pragma(sqlite3* db, const char* sql, int& out, int& rc) {
    sqlite3_stmt* stmt = nullptr;
    rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
            out = sqlite3_column_int(stmt, 0);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_OK;
}

// The key has been given: does it open the file, and is the file one we may open?
void check_encrypted_contents(sqlite3* db, const std::string& name, const DatabaseKey& key,
                              OpenMode mode) {
    int count = 0;
    int rc = SQLITE_OK;
    if (!read_pragma(db, "SELECT count(*) FROM sqlite_master", count, rc)) {
        if ((rc & 0xff) == SQLITE_NOTADB) {
            const auto verified = pages_verified_by_key(name, key);
            if (verified && *verified > 0) {
                throw DatabaseDamaged(
                    name +
                    ": this encrypted KnotNotes database is damaged: its first page does "
                    "not verify, though " +
                    std::to_string(*verified) +
                    " of the pages after it do with the key given (so the key is right). It has "
                    "not "
                    "been changed. Restore it from a backup with knotnotes-cli restore.");
            }
            throw DatabaseLocked(name +
                                 ": this database is encrypted and the key given does not open "
                                 "it (" +
                                 (verified ? "a wrong passphrase or key: no page verifies with it"
                                           : "a wrong passphrase or key, or its first page is "
                                             "damaged") +
                                 "). It has not been changed.");
        }
        throw DatabaseDamaged(name + ": this encrypted KnotNotes database is damaged (" +
                              sqlite3_errstr(rc) +
                              "). It has not been changed. Restore it from a backup with "
                              "knotnotes-cli restore.");
    }
    int application_id = 0;
    int schema_version = 0;
    if (!read_pragma(db, "PRAGMA application_id", application_id, rc) ||
        !read_pragma(db, "PRAGMA user_version", schema_version, rc)) {
        throw DatabaseDamaged(name + ": this encrypted KnotNotes database is damaged (" +
                              sqlite3_errstr(rc) + "). It has not been changed.");
    }
    if (application_id != knotnotes_application_id) {
        throw DatabaseRefused(name +
                              ": this encrypted file is not a KnotNotes database (application_id " +
                              std::to_string(application_id) + "). It has not been changed.");
    }
    refuse_if_schema_unknown(name, schema_version, mode);
}

void refuse_if_not_ours(const std::filesystem::path& file, OpenMode mode) {
    const auto identity = identify_database_file(file);
    const std::string name = file.string();
    switch (identity.kind) {
        case FileKind::missing:
            if (mode != OpenMode::create_if_missing) {
                throw DatabaseRefused(name + ": no such database file");
            }
            return;
        case FileKind::empty:
            if (mode == OpenMode::read_only) {
                throw DatabaseRefused(name +
                                      ": this file is empty, not a KnotNotes database. It has "
                                      "not been changed.");
            }
            return;
        case FileKind::knotnotes:
            refuse_if_schema_unknown(name, identity.schema_version, mode);
            return;
        case FileKind::encrypted:
            return;  // its key opens it first: see open_encrypted()
        case FileKind::damaged:
            throw DatabaseDamaged(name + ": this KnotNotes database is damaged (" +
                                  identity.problem +
                                  "). It has not been changed. Restore it from a backup with "
                                  "knotnotes-cli restore.");
        case FileKind::other_sqlite:
            throw DatabaseRefused(name +
                                  ": this is an SQLite database of another application "
                                  "(application_id " +
                                  std::to_string(identity.application_id) +
                                  "), not a KnotNotes database. It has not been changed.");
        case FileKind::not_sqlite:
            throw DatabaseRefused(name +
                                  ": this is not a KnotNotes database (not an SQLite file). It "
                                  "has not been changed.");
        case FileKind::unreadable:
            throw DatabaseRefused(name + ": cannot read this file: " + identity.problem);
        case FileKind::address:
            throw DatabaseRefused(
                name +
                ": this is the address of a clinic server, not a file. On a clinic server this "
                "version of KnotNotes sets the database up, manages practitioners' logins "
                "(practitioners add, list, disable), shares clients (clients share) and checks "
                "the audit chain (verify); charting and this command still need a database "
                "file. Nothing was created.");
    }
}

void sql_sha256(sqlite3_context* context, int, sqlite3_value** argv) {
    const auto* text = sqlite3_value_text(argv[0]);
    const int size = sqlite3_value_bytes(argv[0]);
    const auto hex = text ? sha256_hex(std::string_view(reinterpret_cast<const char*>(text),
                                                        static_cast<std::size_t>(size)))
                          : sha256_hex("");
    sqlite3_result_text(context, hex.c_str(), static_cast<int>(hex.size()), SQLITE_TRANSIENT);
}

void sql_actor(sqlite3_context* context, int, sqlite3_value**) {
    const auto* actor = static_cast<const std::string*>(sqlite3_user_data(context));
    sqlite3_result_text(context, actor->c_str(), static_cast<int>(actor->size()), SQLITE_TRANSIENT);
}

void sql_new_uid(sqlite3_context* context, int, sqlite3_value**) {
    const auto uid = new_uid();
    sqlite3_result_text(context, uid.c_str(), static_cast<int>(uid.size()), SQLITE_TRANSIENT);
}

}  // namespace

Database::Database(const std::filesystem::path& file, OpenMode mode, int schema_target,
                   DatabaseKey key)
    : file_(file), actor_(default_actor()) {
    refuse_if_not_ours(file_, mode);
    const auto kind = identify_database_file(file_).kind;
    const bool new_file = kind == FileKind::missing || kind == FileKind::empty;
    if (kind == FileKind::encrypted) {
        key_ = key.empty() ? remembered_key(file_) : std::move(key);
        if (key_.empty()) {
            throw DatabaseLocked(file_.string() +
                                 ": this database is encrypted and no key was given to open it. "
                                 "It has not been changed.");
        }
    } else if (new_file) {
        key_ = std::move(key);  // empty: a plain database, on purpose
    }
    if (mode == OpenMode::create_if_missing) {
        if (file_.has_parent_path()) {
            // A first run: the default data folder may not exist yet.
            std::error_code ec;
            std::filesystem::create_directories(file_.parent_path(), ec);
        }
        // Created private (0600) whatever the umask; SQLite gives the -wal and -shm files the
        // main file's permissions.
        const int fd = ::open(file_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0)
            ::close(fd);
    }
    const bool read_only = mode == OpenMode::read_only;
    const int flags = read_only ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX
                                : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const std::string target = read_only ? read_only_uri(file_) : file_.string();
    if (const int rc = sqlite3_open_v2(target.c_str(), &db_, flags, nullptr); rc != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw DatabaseError(file_.string() + ": cannot open: " + message);
    }
    try {
        sqlite3_extended_result_codes(db_, 1);
        if (!key_.empty()) {
            key_connection(db_, "main", key_, new_file);
            if (!new_file)
                check_encrypted_contents(db_, file_.string(), key_, mode);
        }
        register_functions();
        if (read_only) {
            sqlite3_busy_timeout(db_, 3000);
            return;
        }
        configure_connection();
        if (schema_target < 0) {
            migrate_to_latest(*this);
        } else {
            migrate_to(*this, schema_target);
        }
        if (!key_.empty())
            remember_key(file_, key_);
    } catch (...) {
        statements_.clear();
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw;
    }
}

Database::~Database() {
    statements_.clear();  // finalize before closing
    sqlite3_close_v2(db_);
}

void Database::register_functions() {
    const int deterministic = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    sqlite3_create_function_v2(db_, "kn_sha256", 1, deterministic, nullptr, sql_sha256, nullptr,
                               nullptr, nullptr);
    sqlite3_create_function_v2(db_, "kn_actor", 0, SQLITE_UTF8, &actor_, sql_actor, nullptr,
                               nullptr, nullptr);
    sqlite3_create_function_v2(db_, "kn_new_uid", 0, SQLITE_UTF8, nullptr, sql_new_uid, nullptr,
                               nullptr, nullptr);
}

void Database::configure_connection() {
    sqlite3_busy_timeout(db_, 3000);
    exec("PRAGMA foreign_keys = ON");
    // WAL: readers never block the writer. FULL: a commit is on disk when COMMIT returns, so
    // an edit the app has acknowledged survives a crash or a power cut.
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = FULL");
    // 16 MB of page cache instead of SQLite's 2 MB: a clinic's database is hundreds of MB, and in
    // an encrypted one every page read from the file is decrypted and its HMAC checked. With
    // 2 MB, the index pages a knot edit touches were read again on most edits. On the 10k
    // benchmark the encrypted knot edit p99 was 1.19-1.34x the plain one in three runs; with
    // 16 MB, 0.94-1.29x in five runs (and 2.0x in one run made while the disk was still
    // writing out a test run: a synced commit's time is mostly the disk's).
    exec("PRAGMA cache_size = -16384");
}

void Database::replace_key(DatabaseKey key) {
    key_ = std::move(key);
    remember_key(file_, key_);
}

int Database::schema_version() {
    auto st = prepare("PRAGMA user_version");
    st->step();
    return st->integer(0);
}

void Database::exec(std::string_view sql) {
    char* error = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        sqlite3_free(error);
        throw_sqlite_error(db_, sqlite3_extended_errcode(db_), sql.substr(0, 80));
    }
}

StatementLease Database::prepare(std::string_view sql) {
    auto it = statements_.find(std::string(sql));
    if (it == statements_.end()) {
        it = statements_.emplace(std::string(sql), std::make_unique<Statement>(db_, sql)).first;
    }
    return StatementLease(*it->second);
}

std::int64_t Database::last_insert_id() const {
    return sqlite3_last_insert_rowid(db_);
}

int Database::changes() const {
    return sqlite3_changes(db_);
}

}  // namespace knotnotes::db
