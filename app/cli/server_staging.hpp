// server_staging.hpp — writing records into a clinic server with the code that writes them into
// a database file: demo and import on a server address. The records are written into a private
// staging file (private_work_file.hpp) and then moved into the server as the login's own, in
// one server transaction, every row read back and compared (db/migrate/file_to_server.hpp): all
// of it or none. Until the storage seam reaches the demo writer and the importers, this is how
// they write to a server. The server keeps the staging file's audit chain with what it moved in.
#pragma once

#include <functional>

#include "cli_context.hpp"
#include "db/database.hpp"
#include "db/migrate/file_to_server.hpp"

namespace knotnotes::cli {

// `write` fills the staging file; nothing reaches the server if it throws.
db::FileMoveResult write_through_staging(const CliContext& context,
                                         const std::function<void(db::Database&)>& write);

}  // namespace knotnotes::cli
