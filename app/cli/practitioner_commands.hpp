// practitioner_commands.hpp — who charts and signs, from the command line:
//   practitioners add --name N [--credentials C] [--registration R] --passphrase-file F
//   practitioners list
//   practitioners use ID
//   practitioners passphrase --passphrase-file OLD --new-passphrase-file NEW [--id ID]
//   sign SESSION --passphrase-file F        sign a draft note as the current practitioner
#pragma once

#include <CLI/App.hpp>

#include "cli_context.hpp"

namespace knotnotes::cli {

void add_practitioner_commands(CLI::App& app, const CliContext& context, int& exit_code);

}  // namespace knotnotes::cli
