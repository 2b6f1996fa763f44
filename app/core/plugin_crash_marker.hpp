// plugin_crash_marker.hpp — catches a plugin that crashes the process in the middle of a call
// (a segfault in write_session), so the next start disables it and removes what it left.
//
// - arm_plugin_crash_marker(folder), once per process (the plugin host does it), installs a
//   handler for the fatal signals (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT). When one arrives
//   while the process is inside a call into a plugin, the handler writes
//   <folder>/crashed-<pid>.marker — the plugin, the operation, the call and the partial output
//   — with async-signal-safe calls only, then lets the signal kill the process as it would have
//   (the exit status still says SIGSEGV).
// - PluginCallScope marks a call into a plugin (call_into_plugin holds one); a crash elsewhere
//   in KnotNotes is never blamed on a plugin.
// - PluginOperationScope names what the calls are part of ("export", "import") and the partial
//   file or folder it writes, which the next start removes.
// - take_crashed_calls(folder) returns the markers left by processes that no longer run,
//   removes their partial output and the markers.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace knotnotes::core {

void arm_plugin_crash_marker(const std::filesystem::path& folder);

class PluginCallScope {
  public:
    PluginCallScope(const std::string& plugin_id, const char* call);
    ~PluginCallScope();
    PluginCallScope(const PluginCallScope&) = delete;
    PluginCallScope& operator=(const PluginCallScope&) = delete;

  private:
    std::string previous_plugin_;
    std::string previous_call_;
};

class PluginOperationScope {
  public:
    PluginOperationScope(const char* operation, const std::filesystem::path& partial_output);
    ~PluginOperationScope();
    PluginOperationScope(const PluginOperationScope&) = delete;
    PluginOperationScope& operator=(const PluginOperationScope&) = delete;
};

struct CrashedCall {
    std::string plugin_id;
    std::string operation;  // "export", "import", or "a call" outside either
    std::string call;       // "write_session", ...
    std::string partial_output;
    std::string when;  // UTC time of the crash
};

std::vector<CrashedCall> take_crashed_calls(const std::filesystem::path& folder);

}  // namespace knotnotes::core
