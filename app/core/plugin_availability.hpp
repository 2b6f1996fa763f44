// plugin_availability.hpp — why a plugin a command needs is not there, for error messages:
// every plugin of a kind that is disabled or refused, with its reason and what to do.
#pragma once

#include <string>

#include "plugin_host.hpp"

namespace knotnotes::core {

// "" when every plugin declaring `kind` is loaded; otherwise one line per plugin that is not,
// e.g. "  org.example.hello (disabled: crashed during export ...): knotnotes-cli plugins
// enable org.example.hello".
std::string unavailable_plugins(const PluginHost& host, PluginKind kind);

// Why the plugin `id` does not offer `kind` now: not found, refused (and why), disabled (and
// how to enable it), or not of that kind. "" when it is loaded and of that kind.
std::string why_unavailable(const PluginHost& host, const std::string& id, PluginKind kind);

}  // namespace knotnotes::core
