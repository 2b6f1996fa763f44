// plugin_status.hpp — what the host knows about one plugin it found, for lists and dialogs.
//
// refused:  the host will not load it as it stands (unreadable manifest, missing or unsafe
//           library, incompatible ABI, duplicate id, not a plugin). Worked out afresh at every
//           start, so fixing the file fixes the status.
// disabled: turned off, by the user or by the host after the plugin failed (threw, crashed).
//           Remembered in the user's settings until enabled again.
// enabled:  will be loaded when needed; loaded: its library is open and its factory ran.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "plugin_manifest.hpp"

namespace knotnotes::core {

enum class PluginState { enabled, loaded, disabled, refused };

std::string to_text(PluginState state);

struct PluginStatus {
    std::filesystem::path manifest_file;
    std::optional<PluginManifest> manifest;  // absent when the manifest could not be read
    PluginState state = PluginState::enabled;
    std::string reason;  // why disabled or refused; empty otherwise

    // The manifest's id, or the manifest's file name when it could not be read.
    std::string id() const;
};

}  // namespace knotnotes::core
