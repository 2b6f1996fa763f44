// plugin_error.hpp — how a plugin reports an expected failure without being disabled.
//
// Specification
// - Throw PluginError (or ImportError, which derives from it) for a failure the user can act
//   on: a file that cannot be written, an input file that is invalid. The host shows what()
//   with the plugin's name and keeps the plugin enabled.
// - Any other exception escaping a plugin call is treated as a bug in the plugin: the host
//   disables the plugin and shows what() as the reason.
// - The classes have default visibility so the host recognises them across the library
//   boundary even when the plugin is built with -fvisibility=hidden.
#pragma once

#include <stdexcept>
#include <string>

#define KNOTNOTES_SDK_VISIBLE __attribute__((visibility("default")))

namespace knotnotes::sdk {

class KNOTNOTES_SDK_VISIBLE PluginError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace knotnotes::sdk
