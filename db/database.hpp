// database.hpp — one open KnotNotes database file.
//
// Opening checks what the file is before SQLite may write to it (file_identity.hpp): a file
// that is not SQLite, another application's database, or one written by a newer KnotNotes is
// refused with DatabaseRefused and left byte-for-byte untouched. Otherwise the connection is
// set up (WAL, synchronous=FULL so an acknowledged commit survives a power cut, foreign keys,
// a busy timeout), the schema is migrated to the current version (each migration in its own
// transaction), and the reference data (muscle atlas) is brought up to date.
//
// Encryption (encryption.hpp): given a key, a new file is created encrypted; an encrypted file
// needs its key (or one this process already opened it with: unlocked_keys.hpp), else
// DatabaseLocked, and the file is left as it is. A plain file opens plain whatever the key.
// The application id and schema version of an encrypted file are checked, once its key has
// opened it, before anything is written.
//
// The connection registers the SQL functions the schema's triggers and migrations use:
//   kn_sha256(text)  lower-case hex SHA-256 (audit hash chain, row content hashes)
//   kn_actor()       who is making the change (set_actor), recorded in the audit log
//   kn_new_uid()     a new record uid (uid.hpp), for migrations that give existing rows one
// None of them is a secret: an attacker may copy them, so no seal may rely on their absence.
// A Database is used from one thread at a time.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "database_error.hpp"
#include "database_key.hpp"
#include "statement.hpp"

struct sqlite3;

namespace knotnotes::db {

// read_only: for looking without touching (verify): the file must exist and be a KnotNotes
// database of the current schema; nothing is written, created or migrated.
enum class OpenMode { create_if_missing, existing_only, read_only };

class Database {
  public:
    // `schema_target` is for tests of the migration path only: stop migrating at that version.
    explicit Database(const std::filesystem::path& file,
                      OpenMode mode = OpenMode::create_if_missing, int schema_target = -1,
                      DatabaseKey key = {});
    Database(const std::filesystem::path& file, DatabaseKey key,
             OpenMode mode = OpenMode::create_if_missing)
        : Database(file, mode, -1, std::move(key)) {}
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    sqlite3* handle() const { return db_; }
    const std::filesystem::path& file() const { return file_; }
    int schema_version();
    bool encrypted() const { return !key_.empty(); }
    // The key this connection was opened with (empty: a plain database). For copies that must
    // be encrypted the same way (backups) and for rekey.
    const DatabaseKey& key() const { return key_; }
    void replace_key(DatabaseKey key);

    // Runs SQL with no results (may hold several statements).
    void exec(std::string_view sql);
    // A prepared statement kept for the life of the connection, ready to bind. The lease
    // resets it when it goes out of scope, so no finished query keeps a read snapshot open.
    StatementLease prepare(std::string_view sql);

    void set_actor(std::string actor) { actor_ = std::move(actor); }
    const std::string& actor() const { return actor_; }

    std::int64_t last_insert_id() const;
    int changes() const;

  private:
    friend class Transaction;  // sets all_or_nothing_ (see Transaction::Scope)
    void configure_connection();
    void register_functions();

    std::filesystem::path file_;
    sqlite3* db_ = nullptr;
    std::string actor_;
    DatabaseKey key_;
    bool all_or_nothing_ = false;  // an all-or-nothing Transaction is open
    std::unordered_map<std::string, std::unique_ptr<Statement>> statements_;
};

}  // namespace knotnotes::db
