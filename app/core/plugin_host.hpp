// plugin_host.hpp — finds, checks, loads and contains plugins.
//
// Life of a plugin in the host:
//   discover()      reads every <id>.plugin.xml in the search folders without running plugin
//                   code, and refuses what it can already (see plugin_status.hpp);
//   load_enabled()  opens the libraries of enabled plugins, handshakes and runs their factories,
//                   each inside a LoadMarker so a crash is caught on the next start;
//   create_*()      hands out plugin objects as PluginObject<T>, which keep their library loaded
//                   and contain every call.
// A plugin that throws or crashes (loading, or inside any later call: plugin_crash_marker.hpp)
// is disabled with its reason, saved in the user's settings;
// the host and every other plugin keep working. Nothing here throws for a bad plugin; it
// throws only for a programming error (asking for a plugin that is not loaded).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <knotnotes/sdk/plugin.hpp>

#include "load_marker.hpp"
#include "plugin_crash_marker.hpp"
#include "plugin_object.hpp"
#include "plugin_settings.hpp"
#include "plugin_status.hpp"

namespace knotnotes::core {

struct LoadedLibrary;

struct PluginHostOptions {
    std::vector<std::filesystem::path> search_dirs;  // in priority order
    std::filesystem::path config_dir;                // settings and load markers
};

// The default search folders: the built-in plugin folder of this installation, the user's
// <data_dir>/plugins, each folder of KNOTNOTES_PLUGIN_PATH (':'-separated), then `extra`.
std::vector<std::filesystem::path> default_plugin_dirs(
    const std::vector<std::filesystem::path>& extra = {});

// The folder holding the plugins that ship with this build or installation.
std::filesystem::path builtin_plugin_dir();

class PluginHost {
  public:
    explicit PluginHost(PluginHostOptions options);
    ~PluginHost();
    PluginHost(const PluginHost&) = delete;
    PluginHost& operator=(const PluginHost&) = delete;

    void discover();
    void load_enabled();

    const std::vector<PluginStatus>& plugins() const { return plugins_; }
    const PluginStatus* find(const std::string& plugin_id) const;
    // Plugins found to have crashed the previous run while loading; they are now disabled.
    const std::vector<CrashedLoad>& crashed_loads() const { return crashed_; }
    // Plugins found to have crashed an earlier run inside a call (an export...); now disabled,
    // and what they left half-written removed.
    const std::vector<CrashedCall>& crashed_calls() const { return crashed_calls_; }
    const std::vector<std::filesystem::path>& search_dirs() const { return options_.search_dirs; }
    const std::string& settings_problem() const { return settings_.load_problem(); }

    // Persisted. Disabling unloads the plugin once no object of it is alive; enabling makes it
    // eligible for the next load_enabled(). Returns false for an unknown or refused id.
    bool set_enabled(const std::string& plugin_id, bool enabled);

    // Loaded plugins that declare `kind` in their manifest.
    std::vector<const PluginStatus*> loaded_with_kind(PluginKind kind) const;

    PluginObject<sdk::Exporter> create_exporter(const std::string& plugin_id);
    PluginObject<sdk::Importer> create_importer(const std::string& plugin_id);
    PluginObject<sdk::QuestionnaireProvider> create_questionnaire_provider(
        const std::string& plugin_id);
    PluginObject<sdk::TechniqueLibrary> create_technique_library(const std::string& plugin_id);

  private:
    PluginStatus* find_mutable(const std::string& plugin_id);
    void examine_manifest(const std::filesystem::path& file,
                          std::map<std::string, std::filesystem::path>& seen);
    void load(PluginStatus& status);
    void disable_after_failure(const std::string& plugin_id, const std::string& reason);
    PluginFailureHandler failure_handler();
    template <typename T, typename Create>
    PluginObject<T> create(const std::string& plugin_id, const char* what_call, Create make);

    PluginHostOptions options_;
    PluginSettings settings_;
    std::vector<CrashedLoad> crashed_;
    std::vector<CrashedCall> crashed_calls_;
    std::vector<PluginStatus> plugins_;
    std::map<std::string, std::shared_ptr<LoadedLibrary>> loaded_;
    // Lets PluginObjects report a failure without dangling if they outlive the host.
    std::shared_ptr<PluginHost*> self_;
};

}  // namespace knotnotes::core
