#include "plugin_trial.hpp"

#include <stdlib.h>

#include "db/database.hpp"
#include "demo_data.hpp"
#include "export_service.hpp"
#include "import_service.hpp"

namespace knotnotes::core {
namespace {

std::uintmax_t size_of(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec))
        return std::filesystem::file_size(path, ec);
    std::uintmax_t total = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path, ec)) {
        if (entry.is_regular_file(ec))
            total += entry.file_size(ec);
    }
    return total;
}

struct TemporaryFolder {
    TemporaryFolder() {
        auto pattern = (std::filesystem::temp_directory_path() / "knotnotes-check-XXXXXX").string();
        if (!::mkdtemp(pattern.data()))
            throw std::runtime_error("cannot create a temporary folder for the trial export");
        path = pattern;
    }
    ~TemporaryFolder() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::filesystem::path path;
};

}  // namespace

std::vector<TrialFinding> try_export_and_import(const std::string& plugin_id,
                                                std::shared_ptr<sdk::Exporter> exporter,
                                                std::shared_ptr<sdk::Importer> importer) {
    std::vector<TrialFinding> findings;
    TemporaryFolder folder;
    ExportCounts counts;
    std::filesystem::path output;
    try {
        db::Database database(folder.path / "sample.db");
        generate_demo_data(database, {2, 3, 7});
        PluginObject<sdk::Exporter> object(plugin_id, std::move(exporter), nullptr);
        const auto format = object.call("format()", [](sdk::Exporter& e) { return e.format(); });
        output = folder.path / ("trial-export" + format.extension);
        counts = export_records(database, object, output, {});
        findings.push_back({true, "exporter: trial export of a sample database (" +
                                      std::to_string(counts.clients) + " clients, " +
                                      std::to_string(counts.sessions) + " sessions) wrote " +
                                      std::to_string(size_of(output)) + " bytes"});
    } catch (const std::exception& e) {
        findings.push_back({false, "exporter: the trial export of a sample database failed: " +
                                       std::string(e.what())});
        return findings;
    }
    if (!importer)
        return findings;
    try {
        PluginObject<sdk::Importer> object(plugin_id, std::move(importer), nullptr);
        const auto read = preview_import(object, output);
        if (read.clients != counts.clients || read.sessions != counts.sessions) {
            findings.push_back({false, "importer: reading back the trial export found " +
                                           std::to_string(read.clients) + " clients and " +
                                           std::to_string(read.sessions) + " sessions, not " +
                                           std::to_string(counts.clients) + " and " +
                                           std::to_string(counts.sessions)});
        } else {
            findings.push_back({true, "importer: read the trial export back (" +
                                          std::to_string(read.clients) + " clients, " +
                                          std::to_string(read.sessions) + " sessions)"});
        }
    } catch (const std::exception& e) {
        findings.push_back(
            {false, "importer: reading back the trial export failed: " + std::string(e.what())});
    }
    return findings;
}

}  // namespace knotnotes::core
