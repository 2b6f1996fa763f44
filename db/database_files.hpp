// database_files.hpp — a SQLite database is its file and the companions SQLite keeps beside it
// (-journal, -wal, -shm): what goes when a partial or failed copy is removed.
#pragma once

#include <filesystem>

namespace knotnotes::db {

// Removes `file` and its companions, whichever exist; a file that is not there is no error.
void remove_database_files(const std::filesystem::path& file);

}  // namespace knotnotes::db
