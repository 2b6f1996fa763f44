// atomic_file.hpp — replace a file's content all at once: readers see the old file or the new
// one, never a mixture, even if the process dies half-way.
//
// Writes <file>.tmp-<pid>, flushes it to disk, then renames it over <file>. Creates the parent
// folder. Throws std::runtime_error naming the file when any step fails.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>

namespace knotnotes::core {

void write_file_atomically(const std::filesystem::path& file,
                           const std::function<void(std::ostream&)>& write);

}  // namespace knotnotes::core
