// database_commands.hpp — `knotnotes-cli demo | verify | backup | restore`.
#pragma once

#include <CLI/App.hpp>

#include "cli_context.hpp"

namespace knotnotes::cli {

void add_database_commands(CLI::App& app, const CliContext& context, int& exit_code);

}  // namespace knotnotes::cli
