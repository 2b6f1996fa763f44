#include "file_identity.hpp"

#include <sqlite3.h>

#include <cctype>
#include <cstring>
#include <fstream>

#include "encryption.hpp"

namespace knotnotes::db {

std::string read_only_uri(const std::filesystem::path& file) {
    std::string uri = "file:";
    for (const unsigned char c : std::filesystem::absolute(file).string()) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
            uri += static_cast<char>(c);
        } else {
            static constexpr char hex[] = "0123456789ABCDEF";
            uri += '%';
            uri += hex[c >> 4];
            uri += hex[c & 15];
        }
    }
    // Without a -wal file everything is in the main file, and immutable=1 reads it without
    // creating a -shm beside it; with one, another connection may be writing: read through it.
    std::error_code ec;
    const bool has_wal = std::filesystem::exists(file.string() + "-wal", ec);
    return uri + (has_wal ? "?mode=ro" : "?mode=ro&immutable=1");
}

bool is_address(const std::filesystem::path& file) {
    const std::string& text = file.native();
    const auto colon = text.find("://");
    if (colon == std::string::npos || colon == 0 ||
        !std::isalpha(static_cast<unsigned char>(text[0])))
        return false;
    for (std::size_t i = 1; i < colon; ++i) {  // RFC 3986: ALPHA *( ALPHA / DIGIT / + / - / . )
        const auto c = static_cast<unsigned char>(text[i]);
        if (!std::isalnum(c) && c != '+' && c != '-' && c != '.')
            return false;
    }
    return true;
}

FileIdentity identify_database_file(const std::filesystem::path& file) {
    FileIdentity identity;
    if (is_address(file)) {
        identity.kind = FileKind::address;
        return identity;
    }
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
    char header[100] = {};
    in.read(header, sizeof header);
    const bool sqlite_magic = in.gcount() >= 16 && std::memcmp(header, "SQLite format 3", 16) == 0;
    const bool our_id = in.gcount() >= 72 && std::memcmp(header + 68, "KNOT", 4) == 0;
    if (in.gcount() >= 16 &&
        starts_with_encrypted_marker(std::string_view(header, static_cast<std::size_t>(16)))) {
        identity.kind = FileKind::encrypted;
        return identity;
    }
    if (!sqlite_magic) {
        identity.kind = our_id ? FileKind::damaged : FileKind::not_sqlite;
        if (our_id)
            identity.problem = "its SQLite header is broken";
        return identity;
    }

    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(read_only_uri(file).c_str(), &db,
                                   SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
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
        identity.kind = FileKind::damaged;  // the magic matched, but SQLite cannot read it
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
