// plugin_settings.hpp — which plugins the user (or the host, after a failure) has turned off.
//
// Kept in <config_dir>/plugins.xml, one <plugin id enabled reason/> per plugin that is not in
// its default state (every plugin is enabled by default). Saved atomically (write a temporary
// file, then rename) so a crash never leaves half a file; a missing or unreadable file means
// "all enabled" and is reported through load_problem() rather than thrown.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace knotnotes::core {

class PluginSettings {
  public:
    explicit PluginSettings(std::filesystem::path file);

    bool is_enabled(const std::string& plugin_id) const;
    // Why it is disabled ("disabled by the user", or the failure that disabled it).
    std::string disabled_reason(const std::string& plugin_id) const;

    void disable(const std::string& plugin_id, const std::string& reason);
    void enable(const std::string& plugin_id);

    const std::filesystem::path& file() const { return file_; }
    const std::string& load_problem() const { return load_problem_; }

  private:
    void load();
    void save() const;

    std::filesystem::path file_;
    std::map<std::string, std::string> disabled_;  // id -> reason
    std::string load_problem_;
};

}  // namespace knotnotes::core
