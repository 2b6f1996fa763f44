#include "plugin_status.hpp"

namespace knotnotes::core {

std::string to_text(PluginState state) {
    switch (state) {
        case PluginState::enabled:
            return "enabled";
        case PluginState::loaded:
            return "loaded";
        case PluginState::disabled:
            return "disabled";
        case PluginState::refused:
            return "refused";
    }
    return "unknown";
}

std::string PluginStatus::id() const {
    return manifest ? manifest->id : manifest_file.filename().string();
}

}  // namespace knotnotes::core
