#include "abi_check.hpp"

namespace knotnotes::core {

std::string to_text(AbiVersion version) {
    return std::to_string(version.major) + "." + std::to_string(version.minor);
}

std::string abi_incompatibility(AbiVersion host, AbiVersion plugin) {
    if (plugin.major == host.major)
        return {};
    if (plugin.major < host.major) {
        return "built for SDK ABI " + to_text(plugin) + " but this KnotNotes speaks ABI " +
               to_text(host) + " (the major versions differ). SDK " + std::to_string(host.major) +
               " has a binary contract that holds across versions; port the plugin to it and "
               "rebuild: see 'Porting a plugin from SDK 1' in the SDK guide "
               "(/usr/share/doc/knotnotes-sdk-dev/README.md)";
    }
    return "built for SDK ABI " + to_text(plugin) +
           ", a newer major than this KnotNotes speaks (ABI " + to_text(host) +
           "); update KnotNotes, or use a build of the plugin for SDK " +
           std::to_string(host.major);
}

}  // namespace knotnotes::core
