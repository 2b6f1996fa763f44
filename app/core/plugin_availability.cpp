#include "plugin_availability.hpp"

namespace knotnotes::core {
namespace {

std::string what_to_do(const PluginStatus& status) {
    if (status.state == PluginState::disabled)
        return "enable it with: knotnotes-cli plugins enable " + status.id();
    return "fix the file (see: knotnotes-cli plugins check " + status.manifest_file.string() + ")";
}

}  // namespace

std::string unavailable_plugins(const PluginHost& host, PluginKind kind) {
    std::string text;
    for (const auto& status : host.plugins()) {
        if (!status.manifest || !status.manifest->provides(kind) ||
            status.state == PluginState::loaded) {
            continue;
        }
        text += "  " + status.id() + " (" + to_text(status.state) + ": " + status.reason +
                "): " + what_to_do(status) + "\n";
    }
    return text;
}

std::string why_unavailable(const PluginHost& host, const std::string& id, PluginKind kind) {
    const auto* status = host.find(id);
    if (!status)
        return "no plugin with id " + id + " was found (see: knotnotes-cli plugins list)";
    if (!status->manifest->provides(kind)) {
        return "plugin " + id + " is not a " + to_text(kind) + " (it provides " +
               status->manifest->kinds_text() + ")";
    }
    if (status->state == PluginState::loaded)
        return {};
    return "plugin " + id + " is " + to_text(status->state) + ": " + status->reason + "; " +
           what_to_do(*status);
}

}  // namespace knotnotes::core
