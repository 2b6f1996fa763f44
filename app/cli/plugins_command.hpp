// plugins_command.hpp — `knotnotes-cli plugins list|check|enable|disable`.
#pragma once

#include <CLI/App.hpp>

#include "cli_context.hpp"

namespace knotnotes::cli {

// Adds the `plugins` sub-command to `app`; the chosen action sets `exit_code`.
void add_plugins_command(CLI::App& app, const CliContext& context, int& exit_code);

}  // namespace knotnotes::cli
