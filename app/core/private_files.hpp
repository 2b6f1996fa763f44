// private_files.hpp — client health records are nobody else's business: every file KnotNotes
// (or a plugin inside it) creates is readable by the user alone, whatever the umask.
//
// keep_files_private() sets the process's umask to 077, so databases, their -wal and -shm,
// backups, partial files, exports and settings are created 0600 and folders 0700, and tightens
// what an earlier version left: in the data and config folders, group and other permission
// bits are removed from every folder and file (owner bits are kept, so plugin libraries stay
// loadable). Call it first thing in every front end. Returns the paths it tightened.
#pragma once

#include <filesystem>
#include <vector>

namespace knotnotes::core {

std::vector<std::filesystem::path> keep_files_private();

// The same tightening for one folder tree (for tests and for a folder named on the command line).
std::vector<std::filesystem::path> tighten_tree(const std::filesystem::path& folder);

}  // namespace knotnotes::core
