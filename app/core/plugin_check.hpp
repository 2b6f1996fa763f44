// plugin_check.hpp — diagnostics for plugin authors: everything the host would check, spelled out.
//
// check_plugin(FILE, config_dir) takes a manifest (<id>.plugin.xml) or a plugin library (.so,
// whose manifest is looked for beside it) and walks the same steps as the host: manifest, file
// names, trust (owner and permissions of the files and every folder on the way: code the host
// would refuse is never loaded here either), ABI, loading, the entry point, then one object of
// every declared kind, used as the host uses it:
//   exporter               its format, and a trial export of a small sample database (demo
//                          data) into a temporary folder;
//   importer               its format, and reading back the trial export when it imports the
//                          format it exports;
//   questionnaire-provider every definition, against the SDK's rules (definition_rules.hpp,
//                          the same rules the built-in plugin applies to definition files);
//   technique-library      the techniques, against the SDK's rules.
// A plugin the user's settings (in config_dir) keep disabled is reported as such, with its
// reason and how to enable it: it may pass every check and still not be loaded.
// It stops at the first step that makes the rest meaningless. Never throws for a bad plugin.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace knotnotes::core {

struct PluginCheckFinding {
    bool ok = false;
    std::string message;
};

struct PluginCheckReport {
    std::vector<PluginCheckFinding> findings;
    bool passed() const;
};

PluginCheckReport check_plugin(const std::filesystem::path& file,
                               const std::filesystem::path& config_dir);

}  // namespace knotnotes::core
