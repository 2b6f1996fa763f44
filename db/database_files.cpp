#include "database_files.hpp"

namespace knotnotes::db {

void remove_database_files(const std::filesystem::path& file) {
    std::error_code ec;
    for (const char* companion : {"", "-journal", "-wal", "-shm"})
        std::filesystem::remove(file.string() + companion, ec);
}

}  // namespace knotnotes::db
