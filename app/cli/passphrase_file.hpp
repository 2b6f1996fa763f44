// passphrase_file.hpp — reading a passphrase a script passes in a file (--passphrase-file): the
// file's first line, without its line ending. The file itself should be private (0600); one
// that other users may read is refused, because its secret is no longer one.
#pragma once

#include <filesystem>
#include <string>

namespace knotnotes::cli {

// Throws std::runtime_error naming the file: missing, unreadable, readable by others, empty.
std::string read_passphrase_file(const std::filesystem::path& file);

}  // namespace knotnotes::cli
