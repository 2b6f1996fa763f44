#include "abi_check.hpp"

namespace knotnotes::core {

std::string to_text(AbiVersion version) {
    return std::to_string(version.major) + "." + std::to_string(version.minor);
}

std::string abi_incompatibility(AbiVersion host, AbiVersion plugin) {
    if (plugin.major != host.major) {
        return "built for SDK ABI " + to_text(plugin) + " but this KnotNotes speaks ABI " +
               to_text(host) + " (the major versions differ; rebuild the plugin against SDK " +
               std::to_string(host.major) + ")";
    }
    if (plugin.minor > host.minor) {
        return "built for SDK ABI " + to_text(plugin) + ", newer than this KnotNotes (ABI " +
               to_text(host) + "); update KnotNotes or use a plugin built for ABI " + to_text(host);
    }
    return {};
}

}  // namespace knotnotes::core
