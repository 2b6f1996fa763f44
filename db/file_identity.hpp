// file_identity.hpp — what a file is, found out without changing a byte of it.
//
// Reads the 16-byte SQLite magic directly; only a real SQLite file is then opened, read-only,
// to read PRAGMA application_id and user_version (read through SQLite rather than from the
// header bytes, because in WAL mode the newest header may still be in the -wal file).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace knotnotes::db {

// "KNOT" in ASCII: PRAGMA application_id of every KnotNotes database.
inline constexpr std::int32_t knotnotes_application_id = 0x4B4E4F54;

enum class FileKind {
    missing,       // no file: a new database may be created there
    empty,         // a 0-byte file: SQLite treats it as a new database
    knotnotes,     // a KnotNotes database (see schema_version)
    other_sqlite,  // an SQLite database of another application
    not_sqlite,    // anything else
    unreadable,    // exists but cannot be read (permissions, a folder)
};

struct FileIdentity {
    FileKind kind = FileKind::missing;
    std::int32_t application_id = 0;
    std::int32_t schema_version = 0;  // PRAGMA user_version
    std::string problem;              // for unreadable: why
};

FileIdentity identify_database_file(const std::filesystem::path& file);

}  // namespace knotnotes::db
