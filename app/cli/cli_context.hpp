// cli_context.hpp — options every knotnotes-cli command shares, filled in by CLI11.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/plugin_host.hpp"

namespace knotnotes::cli {

struct CliContext {
    std::filesystem::path db;                         // --db PATH (empty: the default file)
    std::vector<std::filesystem::path> plugin_paths;  // --plugin-path DIR, repeatable

    // A plugin host over the default folders plus --plugin-path, with the user's settings;
    // reports plugins that crashed the previous run on stderr.
    std::unique_ptr<core::PluginHost> make_plugin_host() const;

    // --db, or the default database in the user's data folder.
    std::filesystem::path database_path() const;
};

}  // namespace knotnotes::cli
