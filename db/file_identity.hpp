// file_identity.hpp — what a file is, found out without changing a byte of it.
//
// Reads the 100-byte SQLite header directly; only a real SQLite file is then opened, read-only
// and without creating anything beside it, to read PRAGMA application_id and user_version (read
// through SQLite rather than from the header bytes, because in WAL mode the newest header may
// still be in the -wal file). A file whose header says KnotNotes ("KNOT" at byte 68) or SQLite
// but which SQLite cannot read, or whose magic is broken but still carries our application id,
// is damaged, not foreign. An encrypted KnotNotes database starts with its own marker instead of
// the SQLite magic (encryption.hpp); without its key only that much is known about it.
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
    encrypted,     // an encrypted KnotNotes database: its key tells the rest (database.hpp)
    other_sqlite,  // an SQLite database of another application
    not_sqlite,    // anything else
    damaged,       // a KnotNotes or SQLite file that SQLite cannot read as a database
    unreadable,    // exists but cannot be read (permissions, a folder)
    address,       // not a file name at all: a server address such as postgresql://host/db
};

struct FileIdentity {
    FileKind kind = FileKind::missing;
    std::int32_t application_id = 0;
    std::int32_t schema_version = 0;  // PRAGMA user_version
    std::string problem;              // for unreadable: why
};

FileIdentity identify_database_file(const std::filesystem::path& file);

// "scheme://…" (postgresql://, postgres://, file://): an address, which is never taken for a
// file name (it would otherwise create a folder "postgresql:" and a database in it).
bool is_address(const std::filesystem::path& file);

// The SQLite URI that opens `file` read-only and creates nothing beside it (see the .cpp).
std::string read_only_uri(const std::filesystem::path& file);

}  // namespace knotnotes::db
