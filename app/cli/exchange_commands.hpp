// exchange_commands.hpp — `knotnotes-cli export | import`: records out to open formats and back.
#pragma once

#include <CLI/App.hpp>

#include "cli_context.hpp"

namespace knotnotes::cli {

void add_exchange_commands(CLI::App& app, const CliContext& context, int& exit_code);

}  // namespace knotnotes::cli
