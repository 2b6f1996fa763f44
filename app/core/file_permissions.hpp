// file_permissions.hpp — permission checks on files whose content KnotNotes will trust.
#pragma once

#include <filesystem>

namespace knotnotes::core {

// True when anyone on the machine may change the file (S_IWOTH): such a plugin could have its
// code replaced by another user, so the host refuses it.
bool is_world_writable(const std::filesystem::path& file);

}  // namespace knotnotes::core
