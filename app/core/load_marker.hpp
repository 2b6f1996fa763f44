// load_marker.hpp — catches a plugin that crashes the process while it is being loaded.
//
// Around loading a plugin the host holds a LoadMarker: a small file
// <folder>/loading-<pid>.marker naming the plugin, written and flushed before the library is
// opened and removed once its factory has returned. If the process dies in between, the file
// stays; the next start calls take_crashed_loads(), which returns those plugins (only for
// processes that no longer run, so a second KnotNotes running at the same time is not
// mistaken for a crash) and removes their markers.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace knotnotes::core {

class LoadMarker {
  public:
    LoadMarker(const std::filesystem::path& folder, const std::string& plugin_id,
               const std::filesystem::path& library);
    ~LoadMarker();
    LoadMarker(const LoadMarker&) = delete;
    LoadMarker& operator=(const LoadMarker&) = delete;

  private:
    std::filesystem::path file_;
};

struct CrashedLoad {
    std::string plugin_id;
    std::string library;
    std::string when;  // UTC time the load started
};

std::vector<CrashedLoad> take_crashed_loads(const std::filesystem::path& folder);

// The markers <folder>/<prefix><pid>.marker of processes that no longer run (or of an earlier
// process that had our pid), for take_crashed_loads() and take_crashed_calls().
std::vector<std::filesystem::path> leftover_markers(const std::filesystem::path& folder,
                                                    const std::string& prefix);

}  // namespace knotnotes::core
