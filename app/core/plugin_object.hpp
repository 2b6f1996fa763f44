// plugin_object.hpp — an object that came from a plugin, held safely by the host.
//
// PluginObject<T> keeps the plugin's library loaded for as long as the object lives (the
// refcounting of Boost.DLL's tutorial 8), and call() is the only way to use the object: it
// contains whatever the plugin throws.
//   - sdk::PluginError (an expected failure: cannot write a file, invalid input) becomes a
//     PluginCallError; the plugin stays enabled.
//   - Any other exception is a bug in the plugin: the host disables the plugin, remembers why,
//     and call() throws PluginCallError with disabled_plugin() true.
// Messages are copied out of the plugin's exception before it is destroyed, so nothing that
// came from the library outlives it.
#pragma once

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

#include <knotnotes/sdk/plugin_error.hpp>

#include "plugin_crash_marker.hpp"

namespace knotnotes::core {

class PluginCallError : public std::runtime_error {
  public:
    PluginCallError(std::string plugin_id, const std::string& message, bool disabled)
        : std::runtime_error(message), plugin_id_(std::move(plugin_id)), disabled_(disabled) {}
    const std::string& plugin_id() const noexcept { return plugin_id_; }
    bool disabled_plugin() const noexcept { return disabled_; }

  private:
    std::string plugin_id_;
    bool disabled_;
};

// Called with (plugin id, reason) when a plugin must be disabled after a bug.
using PluginFailureHandler = std::function<void(const std::string&, const std::string&)>;

// Runs f(); turns what the plugin throws into PluginCallError (see above). A crash inside f()
// leaves a marker (plugin_crash_marker.hpp).
template <typename F>
decltype(auto) call_into_plugin(const std::string& plugin_id, const std::string& what_call,
                                const PluginFailureHandler& on_failure, F&& f) {
    std::string bug;
    try {
        const PluginCallScope scope(plugin_id, what_call.c_str());  // a crash here is the plugin's
        return std::forward<F>(f)();
    } catch (const sdk::PluginError& e) {
        throw PluginCallError(plugin_id, "plugin " + plugin_id + ": " + e.what(), false);
    } catch (const std::exception& e) {
        bug = std::string(what_call) + " threw: " + e.what();
    } catch (...) {
        bug = std::string(what_call) + " threw something that is not a std::exception";
    }
    if (on_failure)
        on_failure(plugin_id, bug);
    throw PluginCallError(plugin_id,
                          "plugin " + plugin_id + " failed and has been disabled: " + bug, true);
}

template <typename T>
class PluginObject {
  public:
    PluginObject() = default;
    PluginObject(std::string plugin_id, std::shared_ptr<T> object, PluginFailureHandler on_failure)
        : plugin_id_(std::move(plugin_id)),
          object_(std::move(object)),
          on_failure_(std::move(on_failure)) {}

    explicit operator bool() const { return static_cast<bool>(object_); }
    const std::string& plugin_id() const { return plugin_id_; }

    // f(T&) runs with every exception contained; `what_call` names the call in messages.
    template <typename F>
    decltype(auto) call(const char* what_call, F&& f) {
        return call_into_plugin(plugin_id_, what_call, on_failure_,
                                [&]() -> decltype(auto) { return f(*object_); });
    }

  private:
    std::string plugin_id_;
    std::shared_ptr<T> object_;  // its deleter also holds the library
    PluginFailureHandler on_failure_;
};

}  // namespace knotnotes::core
