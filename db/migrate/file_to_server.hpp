// file_to_server.hpp — moving a solo therapist's database file into a clinic server
// (knotnotes-cli migrate --to postgresql://...).
//
// Every record of the file is written to the server in one transaction: all of it or none.
// Records get the server's ids (a clinic already has clients of its own); what refers to them
// follows. Each row the server stores is read back from the INSERT and compared with the file's,
// value by value, and the counts are checked before the transaction commits. The file's audit
// chain and anchors are kept beside the server's own (moved_in_audit_log), and the same file
// cannot be moved in twice. The file itself is only read.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace knotnotes::db {

class Database;
namespace postgres {
class ServerConnection;
}

struct FileMoveOptions {
    // The therapist whose clients these are (their login on the server). Empty: the login that
    // moves the file in. When the file has one practitioner of its own (not a demo one), that
    // practitioner becomes this login's profile, so their drafts stay theirs to edit.
    std::string therapist_login;
    // A private file written for this one command (demo, import: app/cli/server_staging.hpp),
    // not a therapist's database: it has no history worth keeping, so its audit chain, its
    // anchors and a record of the move are not written (those tables are the owner's), and any
    // login may move one in. The server's own audit trigger records every row it writes.
    bool staged = false;
};

struct FileMoveResult {
    std::map<std::string, long long> rows;  // per table, as moved and checked
    std::string installation_id;            // the file's
};

// `progress(done, total)` counts rows. Throws DatabaseError (and subclasses) naming the file or
// the server; nothing is left on the server then.
FileMoveResult move_file_to_server(Database& file, postgres::ServerConnection& server,
                                   const FileMoveOptions& options,
                                   const std::function<void(long long, long long)>& progress = {});
// The same, to the clinic server at `address` (connected and set up as by
// connect_clinic_directory: clinic_directory.hpp).
FileMoveResult move_file_to_clinic_server(
    Database& file, const std::string& address, std::optional<std::string> password,
    const FileMoveOptions& options, const std::function<void(long long, long long)>& progress = {});

}  // namespace knotnotes::db
