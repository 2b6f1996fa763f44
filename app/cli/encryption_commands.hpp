// encryption_commands.hpp — knotnotes-cli encrypt, rekey and decrypt: a plain database becomes
// encrypted; an encrypted one gets a new passphrase; a plaintext copy is written only when the
// person says, with --i-understand-plaintext, that they know it will not be encrypted.
#pragma once

#include <CLI/CLI.hpp>

#include "cli_context.hpp"

namespace knotnotes::cli {

void add_encryption_commands(CLI::App& app, const CliContext& context, int& exit_code);

}  // namespace knotnotes::cli
