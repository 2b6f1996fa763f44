// plugin_check.hpp — diagnostics for plugin authors: everything the host would check, spelled out.
//
// check_plugin(FILE) takes a manifest (<id>.plugin.xml) or a plugin library (.so, whose
// manifest is looked for beside it) and walks the same steps as the host: manifest, file
// names, permissions, ABI, loading, symbols, factory, and one object of every declared kind.
// It stops at the first step that makes the rest meaningless. Never throws for a bad plugin.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace knotnotes::core {

struct PluginCheckFinding {
    bool ok = false;
    std::string message;
};

struct PluginCheckReport {
    std::vector<PluginCheckFinding> findings;
    bool passed() const;
};

PluginCheckReport check_plugin(const std::filesystem::path& file);

}  // namespace knotnotes::core
