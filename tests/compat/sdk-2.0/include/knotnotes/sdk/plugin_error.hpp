// SPDX-License-Identifier: MIT
// plugin_error.hpp — how a plugin reports a failure, and what the host does with it.
//
// Specification
// - Throw PluginError for a failure the user can act on: a file that cannot be written, a
//   folder that does not exist, a record the format cannot hold. The host shows what() with
//   the plugin's id and keeps the plugin enabled. Write whole sentences that name the file or
//   record and say what to do.
// - ImportError (an importer: the file is at fault; line is 1-based, 0 when unknown) and
//   InvalidAnswer (a questionnaire's score(): an answer is missing or out of range) are
//   PluginErrors with a meaning of their own.
// - Any other exception escaping a plugin call is treated as a bug in the plugin: the host
//   disables the plugin and shows what() as the reason (`knotnotes-cli plugins list`, the
//   app's Plugins dialog) until the user enables it again.
// - No exception crosses the library boundary: the SDK's adapters (bridge/) turn them into the
//   status codes of abi.h inside the plugin, and back into these classes inside the host.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace knotnotes::sdk {

class PluginError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class ImportError : public PluginError {
  public:
    ImportError(std::size_t line, const std::string& problem)
        : PluginError(line ? "line " + std::to_string(line) + ": " + problem : problem),
          line_(line),
          problem_(problem) {}
    std::size_t line() const noexcept { return line_; }
    // The message without its "line N: " prefix.
    const std::string& problem() const noexcept { return problem_; }

  private:
    std::size_t line_;
    std::string problem_;
};

class InvalidAnswer : public PluginError {
  public:
    using PluginError::PluginError;
};

}  // namespace knotnotes::sdk
