#include "file_identity.hpp"

#include <sqlite3.h>

#include <cstring>
#include <fstream>

namespace knotnotes::db {

FileIdentity identify_database_file(const std::filesystem::path& file) {
    FileIdentity identity;
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (!std::filesystem::exists(status))
        return identity;
    if (!std::filesystem::is_regular_file(status)) {
        identity.kind = FileKind::unreadable;
        identity.problem = "it is not a regular file";
        return identity;
    }
    const auto size = std::filesystem::file_size(file, ec);
    if (!ec && size == 0) {
        identity.kind = FileKind::empty;
        return identity;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        identity.kind = FileKind::unreadable;
        identity.problem = std::strerror(errno);
        return identity;
    }
    char magic[16] = {};
    in.read(magic, sizeof magic);
    if (in.gcount() != sizeof magic || std::memcmp(magic, "SQLite format 3", 16) != 0) {
        identity.kind = FileKind::not_sqlite;
        return identity;
    }

    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    auto pragma = [&](const char* sql, std::int32_t& out) {
        sqlite3_stmt* stmt = nullptr;
        bool ok = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
                  sqlite3_step(stmt) == SQLITE_ROW;
        if (ok)
            out = sqlite3_column_int(stmt, 0);
        sqlite3_finalize(stmt);
        return ok;
    };
    if (rc != SQLITE_OK || !pragma("PRAGMA application_id", identity.application_id) ||
        !pragma("PRAGMA user_version", identity.schema_version)) {
        identity.kind = FileKind::not_sqlite;  // the magic matched, but SQLite cannot read it
        identity.problem = db ? sqlite3_errmsg(db) : "cannot open";
    } else {
        identity.kind = identity.application_id == knotnotes_application_id
                            ? FileKind::knotnotes
                            : FileKind::other_sqlite;
    }
    sqlite3_close_v2(db);
    return identity;
}

}  // namespace knotnotes::db
