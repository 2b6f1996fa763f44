// builtin_exporter.hpp — one built-in exporter plugin, loaded for real from the build's plugin
// folder through core::PluginHost, with a throw-away configuration folder.
#pragma once

#include <memory>
#include <string>

#include "core/plugin_host.hpp"
#include "temp_dir.hpp"

namespace knotnotes::test {

class BuiltinExporter {
  public:
    explicit BuiltinExporter(const std::string& plugin_id)
        : plugin_id_(plugin_id),
          host_(core::PluginHostOptions{{KNOTNOTES_BUILTIN_PLUGIN_DIR}, config_.path()}) {
        host_.discover();
        host_.load_enabled();
        exporter_ = host_.create_exporter(plugin_id);
    }

    core::PluginObject<sdk::Exporter>& exporter() { return exporter_; }

    // The plugin's state now: an expected failure must leave it loaded.
    core::PluginState state() const { return host_.find(plugin_id_)->state; }

  private:
    std::string plugin_id_;
    TempDir config_;
    core::PluginHost host_;
    core::PluginObject<sdk::Exporter> exporter_;  // destroyed before the host
};

}  // namespace knotnotes::test
