// catalogue_commands.hpp — what the plugins offer, without the GUI, for plugin authors and
// scripts:
//   knotnotes-cli techniques list [--library ID] [--json]
//       one technique per line: its full id "<library>/<technique>", name, category, pressure
//   knotnotes-cli questionnaires list [--json]
//       one instrument per line: its full id "<plugin>/<instrument>", title, version, items
//   knotnotes-cli questionnaires score INSTRUMENT ITEM=VALUE... [--json]
//       the score and interpretation the instrument's plugin computes (as the app stores
//       them), or the plugin's reason for refusing the answers, with exit status 1
// --json prints the same as one JSON document (arrays of objects, every field of the
// definitions as the plugin returned them).
#pragma once

#include <CLI/App.hpp>

#include "cli_context.hpp"

namespace knotnotes::cli {

void add_catalogue_commands(CLI::App& app, const CliContext& context, int& exit_code);

}  // namespace knotnotes::cli
