// passphrase_file.hpp — reading a passphrase a script passes in a file (--passphrase-file, or
// the KNOTNOTES_PASSPHRASE_FILE environment variable, which the CLI and the app both honour):
// the file's first line, without its line ending. The file itself should be private (0600); one
// that other users may read is refused, because its secret is no longer one.
#pragma once

#include <filesystem>
#include <string>

namespace knotnotes::core {

// Throws std::runtime_error naming the file: missing, unreadable, readable by others, empty.
std::string read_passphrase_file(const std::filesystem::path& file);

// The passphrase in the file KNOTNOTES_PASSPHRASE_FILE names, or "" when it is unset or empty.
// Throws like read_passphrase_file when it names a file that cannot be used.
std::string passphrase_from_environment();

}  // namespace knotnotes::core
