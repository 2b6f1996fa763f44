// output_safety.hpp — nothing the user did not ask to replace is ever overwritten.
//
// check_output_path() is asked before any command writes a file the user named (backup -o,
// export -o, the GUI's Save as): it refuses, with a message that says what to do,
//   - always: the open database, its -wal, -shm or -journal file, and any other KnotNotes
//     database (a backup or export over a database would destroy clinical records);
//   - unless `replace` (the user said --force, or confirmed "Replace?"): any existing file.
#pragma once

#include <filesystem>
#include <stdexcept>

namespace knotnotes::core {

class OutputRefused : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// `open_database`: the database in use (empty if none). Throws OutputRefused.
void check_output_path(const std::filesystem::path& destination,
                       const std::filesystem::path& open_database, bool replace);

}  // namespace knotnotes::core
