// client_search_command.hpp — `knotnotes-cli clients search TEXT`: the type-ahead over client
// names (db/client_search.hpp), on a database file or a clinic server alike.
#pragma once

#include <CLI/CLI.hpp>

#include "cli_context.hpp"

namespace knotnotes::cli {

// Adds `search` to the `clients` command group.
void add_client_search(CLI::App& clients, const CliContext& context, int& exit_code);

}  // namespace knotnotes::cli
