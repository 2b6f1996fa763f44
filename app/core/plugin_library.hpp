// plugin_library.hpp — opens a plugin's shared library and performs the handshake.
//
// open_plugin_library() loads the file (RTLD_NOW, so a missing symbol fails here rather than
// in the middle of a session), reads the C ABI record, refuses an incompatible ABI (an SDK 1
// plugin is told how to port), then calls the entry point through the SDK's host-side bridge,
// which gives the plugin as a C++ sdk::Plugin whose objects are proxies over the C tables.
// Each failure throws PluginLoadError whose stage says whether the library was refused (not
// loadable, no symbols, wrong ABI: it will fail the same way next time) or failed while running
// its code (the entry point reported an error: a bug in the plugin).
//
// LoadedLibrary owns the library and the Plugin object; members are ordered so the Plugin is
// destroyed before the library is unloaded.
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include <boost/dll/shared_library.hpp>
#include <knotnotes/sdk/plugin.hpp>

#include "abi_check.hpp"

namespace knotnotes::core {

class PluginLoadError : public std::runtime_error {
  public:
    enum class Stage { refused, failed };
    PluginLoadError(Stage stage, const std::string& message)
        : std::runtime_error(message), stage_(stage) {}
    Stage stage() const noexcept { return stage_; }

  private:
    Stage stage_;
};

struct LoadedLibrary {
    boost::dll::shared_library library;  // declared first: destroyed last
    AbiVersion abi;
    std::unique_ptr<sdk::Plugin> plugin;

    ~LoadedLibrary() { plugin.reset(); }
};

std::shared_ptr<LoadedLibrary> open_plugin_library(const std::filesystem::path& file);

// Only the handshake, without calling the entry point.
AbiVersion read_plugin_abi(const boost::dll::shared_library& library,
                           const std::filesystem::path& file);

}  // namespace knotnotes::core
