// atomic_file.hpp — replace a file's content all at once: readers see the old file or the new
// one, never a mixture, even if the process dies half-way.
//
// Writes <file>.tmp-<pid>, flushes it to disk (unless told the file need only outlive the
// process), then renames it over <file>. Creates the parent folder. Throws std::runtime_error
// naming the file when any step fails.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>

namespace knotnotes::core {

// What the new content must survive. A process crash never loses what write() handed the kernel;
// only a power cut or a kernel crash does, and guarding against those costs an fsync (a
// millisecond or more on a laptop's disk).
enum class Durability {
    power_loss,     // settings, profiles: what a person chose must not be lost
    process_crash,  // markers that only have to outlive this process
};

void write_file_atomically(const std::filesystem::path& file,
                           const std::function<void(std::ostream&)>& write,
                           Durability durability = Durability::power_loss);

}  // namespace knotnotes::core
