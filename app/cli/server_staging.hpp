// server_staging.hpp — demo and import on a server address: the command's login and password,
// then core/server_work_copy.hpp (a private staging file, moved into the server as the login's
// own: all of it or none), with a progress bar on the terminal.
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
