// backup.hpp — copies of the database made with SQLite's online backup API (consistent even
// while the app is writing), rotating automatic backups, and restore.
//
// Copies of an encrypted database are encrypted with the same key (each with its own salt).
// - backup_database() writes a complete copy to `destination` (replacing it atomically: the
//   copy is made beside it and renamed into place), in steps so `progress` can report.
// - rotate_backups() makes a timestamped copy in `folder` and keeps the newest `keep`; a failed
//   copy (a damaged database) deletes nothing, so the last good backups stay.
// - restore_database() refuses a file that is not a KnotNotes database of a version this
//   KnotNotes can read (DatabaseRefused), then replaces `target` with it; the file being
//   replaced is first kept as <target>.before-restore-<time>, so a restore never loses data.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "database_key.hpp"

namespace knotnotes::db {

class Database;

using BackupProgress = std::function<void(int pages_done, int pages_total)>;

// Refuses a damaged database (DatabaseDamaged, SQLite's reason in the message) before writing
// anything; checks the copy too; leaves no partial file behind when it fails. The caller has
// already checked that `destination` may be written (core/output_safety.hpp).
void backup_database(Database& db, const std::filesystem::path& destination,
                     const BackupProgress& progress = {});

// PRAGMA quick_check's verdict: "ok", or the first problem.
std::string check_database(Database& db);

// Returns the new backup's path.
std::filesystem::path rotate_backups(Database& db, const std::filesystem::path& folder, int keep);
std::vector<std::filesystem::path> list_backups(const std::filesystem::path& folder);

// Returns where the replaced database was kept (empty if there was none). `key` opens an
// encrypted backup and the encrypted target (the same key: the one backups are made with).
std::filesystem::path restore_database(const std::filesystem::path& backup,
                                       const std::filesystem::path& target,
                                       const DatabaseKey& key = {});

}  // namespace knotnotes::db
