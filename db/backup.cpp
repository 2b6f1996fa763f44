#include "backup.hpp"

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>

#include "database.hpp"
#include "database_files.hpp"
#include "encryption.hpp"
#include "file_identity.hpp"
#include "migrations.hpp"

namespace knotnotes::db {
namespace {

std::string compact_utc_now() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &tm);
    return text;
}

// Copies every page of `from` into `to` with the online backup API.
void copy_pages(sqlite3* from, sqlite3* to, const std::filesystem::path& what,
                const BackupProgress& progress) {
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        throw DatabaseError(what.string() + ": cannot start the copy: " + sqlite3_errmsg(to));
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(backup, 512);
        if (progress) {
            const int total = sqlite3_backup_pagecount(backup);
            progress(total - sqlite3_backup_remaining(backup), total);
        }
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        throw DatabaseError(what.string() + ": the copy failed: " + sqlite3_errstr(rc));
    }
}

// A connection of its own; with a key, the file is (or, when `new_file`, becomes) encrypted.
struct Connection {
    sqlite3* db = nullptr;
    Connection(const std::filesystem::path& file, int flags, const DatabaseKey& key = {},
               bool new_file = false) {
        if (sqlite3_open_v2(file.c_str(), &db, flags, nullptr) != SQLITE_OK) {
            const std::string message = db ? sqlite3_errmsg(db) : "out of memory";
            sqlite3_close_v2(db);
            throw DatabaseError(file.string() + ": cannot open: " + message);
        }
        if (!key.empty()) {
            try {
                key_connection(db, "main", key, new_file);
            } catch (...) {
                sqlite3_close_v2(db);
                throw;
            }
        }
    }
    ~Connection() { sqlite3_close_v2(db); }
};

std::string quick_check(sqlite3* db) {
    std::string verdict;
    char* error = nullptr;
    const int rc = sqlite3_exec(
        db, "PRAGMA quick_check",
        [](void* out, int, char** values, char**) {
            auto& text = *static_cast<std::string*>(out);
            if (text.empty() && values[0])
                text = values[0];
            return 0;
        },
        &verdict, &error);
    if (rc != SQLITE_OK)
        verdict = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    return verdict;
}

}  // namespace

std::string check_database(Database& db) {
    return quick_check(db.handle());
}

void backup_database(Database& db, const std::filesystem::path& destination,
                     const BackupProgress& progress) {
    // A damaged database is not copied: a damaged copy must never pass for a good backup.
    if (const auto verdict = quick_check(db.handle()); verdict != "ok") {
        throw DatabaseDamaged(db.file().string() + ": the database is damaged (SQLite: " + verdict +
                              "), so no backup was made and the earlier backups were kept. "
                              "Restore the newest good backup with knotnotes-cli restore.");
    }
    const std::filesystem::path partial = destination.string() + ".partial";
    remove_database_files(partial);
    try {
        // Created private (0600) before SQLite opens it, whatever the umask.
        const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) {
            throw DatabaseError(destination.string() +
                                ": cannot write the backup there: " + std::strerror(errno));
        }
        ::close(fd);
        {
            // Encrypted with the database's own key (a new salt of its own): a backup is no
            // easier to read than the database.
            Connection out(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, db.key(), true);
            copy_pages(db.handle(), out.db, destination, progress);
            // A backup is one self-contained file: no -wal beside it to lose on the way.
            sqlite3_exec(out.db, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
            if (const auto verdict = quick_check(out.db); verdict != "ok") {
                throw DatabaseError(destination.string() +
                                    ": the copy does not check out (SQLite: " + verdict +
                                    "); no backup was made");
            }
        }
        std::error_code ec;
        std::filesystem::rename(partial, destination, ec);
        if (ec) {
            throw DatabaseError(destination.string() +
                                ": cannot write the backup: " + ec.message());
        }
    } catch (...) {
        remove_database_files(partial);
        throw;
    }
}

std::vector<std::filesystem::path> list_backups(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> backups;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const auto name = entry.path().filename().string();
        if (name.rfind("knotnotes-", 0) == 0 && entry.path().extension() == ".db") {
            backups.push_back(entry.path());
        }
    }
    std::sort(backups.begin(), backups.end());  // names sort by time
    return backups;
}

std::filesystem::path rotate_backups(Database& db, const std::filesystem::path& folder, int keep) {
    std::filesystem::create_directories(folder);
    // Partial copies a crash left behind are ours to clean up; finished backups are not touched.
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const auto name = entry.path().filename().string();
        if (name.rfind("knotnotes-", 0) == 0 && name.find(".db.partial") != std::string::npos)
            std::filesystem::remove(entry.path(), ec);
    }
    auto path = folder / ("knotnotes-" + compact_utc_now() + ".db");
    for (int n = 2; std::filesystem::exists(path); ++n) {
        path = folder / ("knotnotes-" + compact_utc_now() + "-" + std::to_string(n) + ".db");
    }
    backup_database(db, path);  // throws before anything is deleted if it fails
    auto backups = list_backups(folder);
    for (std::size_t i = 0; i + static_cast<std::size_t>(std::max(keep, 1)) < backups.size(); ++i) {
        std::filesystem::remove(backups[i]);
    }
    return path;
}

std::filesystem::path restore_database(const std::filesystem::path& backup,
                                       const std::filesystem::path& target,
                                       const DatabaseKey& key) {
    const auto identity = identify_database_file(backup);
    const bool encrypted = identity.kind == FileKind::encrypted;
    if (identity.kind != FileKind::knotnotes && !encrypted) {
        throw DatabaseRefused(backup.string() +
                              ": not a KnotNotes database, so it cannot be restored; nothing "
                              "was changed");
    }
    if (encrypted && key.empty()) {
        throw DatabaseLocked(backup.string() +
                             ": this backup is encrypted and no key was given to open it; "
                             "nothing was changed");
    }
    Connection source(backup, SQLITE_OPEN_READONLY, encrypted ? key : DatabaseKey{});
    int schema_version = identity.schema_version;
    if (encrypted) {
        sqlite3_stmt* stmt = nullptr;
        const bool readable =
            sqlite3_prepare_v2(source.db, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW;
        if (readable)
            schema_version = sqlite3_column_int(stmt, 0);
        sqlite3_finalize(stmt);
        if (!readable) {
            throw DatabaseLocked(backup.string() +
                                 ": this backup is encrypted and the key given does not open it "
                                 "(it may have been made before the key was changed); nothing "
                                 "was changed");
        }
    }
    if (schema_version > latest_schema_version()) {
        throw DatabaseRefused(backup.string() +
                              ": written by a newer KnotNotes; update KnotNotes to restore it");
    }
    if (const auto verdict = quick_check(source.db); verdict != "ok") {
        throw DatabaseRefused(backup.string() + ": the backup is damaged (" + verdict +
                              "); nothing was changed");
    }

    std::filesystem::path kept;
    if (std::filesystem::exists(target)) {
        // Kept encrypted with the current database's own key, like any backup of it.
        Database current(target, OpenMode::existing_only, -1, key);
        kept = target.string() + ".before-restore-" + compact_utc_now();
        backup_database(current, kept);
    }
    if (encrypted) {
        // An encrypted backup cannot be copied page by page over a file under another salt:
        // the copy is made beside the target, then renamed over it.
        const std::filesystem::path partial = target.string() + ".restoring";
        remove_database_files(partial);
        try {
            const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
            if (fd < 0)
                throw DatabaseError(target.string() + ": cannot restore: " + std::strerror(errno));
            ::close(fd);
            {
                Connection destination(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, key,
                                       true);
                copy_pages(source.db, destination.db, target, {});
            }
            std::error_code ec;
            std::filesystem::rename(partial, target, ec);
            if (ec)
                throw DatabaseError(target.string() + ": cannot restore: " + ec.message());
            for (const char* suffix : {"-wal", "-shm", "-journal"})
                std::filesystem::remove(target.string() + suffix, ec);
        } catch (...) {
            remove_database_files(partial);
            throw;
        }
    } else {
        Connection destination(target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        sqlite3_busy_timeout(destination.db, 3000);
        copy_pages(source.db, destination.db, target, {});
    }
    // Brings an older backup up to date.
    Database migrated(target, OpenMode::existing_only, -1, encrypted ? key : DatabaseKey{});
    return kept;
}

}  // namespace knotnotes::db
