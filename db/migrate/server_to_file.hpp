// server_to_file.hpp — a clinic server's records, as the connected login may see them, into a
// new database file (knotnotes-cli --db postgresql://... migrate --to FILE): a therapist who
// leaves takes their clients with them; an owner can take the whole clinic.
//
// The server is read in one snapshot; the file is written in one transaction, with the
// server's ids (the file is new). Signed sessions are signed after what was charted in them,
// so the file's own seals hold from the start, and the file's own audit chain records the
// move. Signing keys come with their sealed secret half when the login may read it (the
// server's owner of the tables may); otherwise with their public half only.
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

struct ServerMoveResult {
    std::map<std::string, long long> rows;  // per table
    bool secret_keys_included = true;
    std::string installation_id;  // the server's own
};

// `file` must be a database no record was written to yet. Throws DatabaseError (and
// subclasses); the file's transaction is rolled back then.
ServerMoveResult move_server_to_file(
    postgres::ServerConnection& server, Database& file,
    const std::function<void(long long, long long)>& progress = {});
ServerMoveResult move_clinic_server_to_file(
    const std::string& address, std::optional<std::string> password, Database& file,
    const std::function<void(long long, long long)>& progress = {});

}  // namespace knotnotes::db
