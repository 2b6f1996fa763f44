#include "plugin_settings.hpp"

#include <stdexcept>
#include <system_error>

#include <pugixml.hpp>

#include "atomic_file.hpp"

namespace knotnotes::core {

PluginSettings::PluginSettings(std::filesystem::path file) : file_(std::move(file)) {
    load();
}

bool PluginSettings::is_enabled(const std::string& plugin_id) const {
    return disabled_.find(plugin_id) == disabled_.end();
}

std::string PluginSettings::disabled_reason(const std::string& plugin_id) const {
    auto it = disabled_.find(plugin_id);
    return it == disabled_.end() ? std::string() : it->second;
}

void PluginSettings::disable(const std::string& plugin_id, const std::string& reason) {
    disabled_[plugin_id] = reason.empty() ? "disabled by the user" : reason;
    save();
}

void PluginSettings::enable(const std::string& plugin_id) {
    if (disabled_.erase(plugin_id) > 0)
        save();
}

void PluginSettings::load() {
    std::error_code ec;
    if (!std::filesystem::exists(file_, ec))
        return;
    pugi::xml_document doc;
    const auto parsed = doc.load_file(file_.c_str());
    if (!parsed) {
        load_problem_ = file_.string() + ": " + parsed.description() +
                        "; every plugin is enabled until the settings are saved again";
        return;
    }
    for (auto node : doc.child("plugins").children("plugin")) {
        if (!node.attribute("enabled").as_bool(true)) {
            disabled_[node.attribute("id").value()] = node.attribute("reason").value();
        }
    }
}

void PluginSettings::save() const {
    pugi::xml_document doc;
    auto root = doc.append_child("plugins");
    for (const auto& [id, reason] : disabled_) {
        auto node = root.append_child("plugin");
        node.append_attribute("id") = id.c_str();
        node.append_attribute("enabled") = false;
        node.append_attribute("reason") = reason.c_str();
    }
    write_file_atomically(file_, [&](std::ostream& out) { doc.save(out, "  "); });
}

}  // namespace knotnotes::core
