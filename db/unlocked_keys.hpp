// unlocked_keys.hpp — the keys this process has already opened databases with, in memory only.
//
// A window's background jobs (export, import, backup) open their own connection to the file the
// window has open; they find its key here instead of asking the person again. Keys are held by
// the file's canonical path, for the life of the process (or until forget_key), and wiped when
// they go (DatabaseKey).
#pragma once

#include <filesystem>

#include "database_key.hpp"

namespace knotnotes::db {

void remember_key(const std::filesystem::path& file, const DatabaseKey& key);
// The empty key when this process has not opened `file` with one.
DatabaseKey remembered_key(const std::filesystem::path& file);
void forget_key(const std::filesystem::path& file);

}  // namespace knotnotes::db
