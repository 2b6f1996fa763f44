// plugin_trial.hpp — a plugin's exporter and importer tried on real records, for
// `plugins check`: a small demo database in a temporary folder, exported through the exporter
// as the app exports, and the result read back by the importer. The folder is removed after.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <knotnotes/sdk/exporter.hpp>
#include <knotnotes/sdk/importer.hpp>

namespace knotnotes::core {

struct TrialFinding {
    bool ok = false;
    std::string message;
};

// `importer` may be null: then only the export is tried. Both objects belong to the plugin
// `plugin_id`, whose library the caller keeps loaded.
std::vector<TrialFinding> try_export_and_import(const std::string& plugin_id,
                                                std::shared_ptr<sdk::Exporter> exporter,
                                                std::shared_ptr<sdk::Importer> importer);

}  // namespace knotnotes::core
