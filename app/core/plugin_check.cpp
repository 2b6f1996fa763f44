#include "plugin_check.hpp"

#include <knotnotes/sdk/abi_version.hpp>

#include "file_permissions.hpp"
#include "plugin_library.hpp"
#include "plugin_manifest.hpp"
#include "plugin_object.hpp"

namespace knotnotes::core {
namespace {

class Checker {
  public:
    PluginCheckReport report;

    void pass(std::string message) { report.findings.push_back({true, std::move(message)}); }
    void problem(std::string message) { report.findings.push_back({false, std::move(message)}); }

    // The manifest that names `library` in the same folder, if any.
    std::optional<std::filesystem::path> manifest_for(const std::filesystem::path& library) {
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(library.parent_path(), ec)) {
            if (!is_manifest_file_name(entry.path().filename().string()))
                continue;
            auto read = read_plugin_manifest(entry.path());
            if (read.manifest && read.manifest->library == library.filename().string()) {
                return entry.path();
            }
        }
        return std::nullopt;
    }

    void check_kinds(const PluginManifest& m, sdk::Plugin& plugin) {
        for (auto kind : m.kinds) {
            const auto what = to_text(kind);
            try {
                call_into_plugin(m.id, "create " + what, nullptr, [&] {
                    switch (kind) {
                        case PluginKind::exporter: {
                            auto e = plugin.create_exporter();
                            if (!e)
                                return problem(
                                    "declares exporter but create_exporter() "
                                    "returns nothing");
                            const auto f = e->format();
                            if (f.id.empty())
                                return problem("exporter format() has an empty id");
                            return pass("exporter: format '" + f.id + "' (" + f.name + ")");
                        }
                        case PluginKind::importer: {
                            auto i = plugin.create_importer();
                            if (!i)
                                return problem(
                                    "declares importer but create_importer() "
                                    "returns nothing");
                            return pass("importer: format '" + i->format().id + "'");
                        }
                        case PluginKind::questionnaire_provider: {
                            auto q = plugin.create_questionnaire_provider();
                            if (!q)
                                return problem(
                                    "declares questionnaire-provider but "
                                    "create_questionnaire_provider() returns "
                                    "nothing");
                            return pass("questionnaire provider: " +
                                        std::to_string(q->definitions().size()) + " instruments");
                        }
                        case PluginKind::technique_library: {
                            auto t = plugin.create_technique_library();
                            if (!t)
                                return problem(
                                    "declares technique-library but "
                                    "create_technique_library() returns nothing");
                            return pass("technique library: " +
                                        std::to_string(t->techniques().size()) + " techniques");
                        }
                    }
                });
            } catch (const std::exception& e) {
                problem(e.what());
            }
        }
    }

    void run(const std::filesystem::path& file) {
        std::error_code ec;
        if (!std::filesystem::exists(file, ec))
            return problem(file.string() + ": no such file");
        std::filesystem::path manifest_file = file;
        if (file.extension() == ".so") {
            auto found = manifest_for(file);
            if (!found) {
                return problem(file.string() + ": no *.plugin.xml beside it names this library");
            }
            manifest_file = *found;
        }
        auto read = read_plugin_manifest(manifest_file);
        if (!read.manifest)
            return problem("manifest " + manifest_file.string() + ": " + read.error);
        const auto& m = *read.manifest;
        pass("manifest " + manifest_file.string() + ": " + m.id + " " + m.version + " (" +
             m.kinds_text() + ")");
        if (manifest_file.filename() != m.id + manifest_suffix) {
            problem("the manifest must be named " + m.id + manifest_suffix);
        }
        const auto library = m.library_path();
        if (!std::filesystem::is_regular_file(library, ec)) {
            return problem("library " + library.string() + " does not exist");
        }
        for (const auto& path : {manifest_file, library}) {
            if (is_world_writable(path)) {
                problem(path.string() + " is world-writable; the host refuses it (chmod o-w)");
            }
        }
        const auto abi_problem =
            abi_incompatibility({sdk::abi_major, sdk::abi_minor}, {m.abi_major, m.abi_minor});
        if (!abi_problem.empty())
            return problem("manifest: " + abi_problem);
        try {
            auto loaded = open_plugin_library(library);
            pass("library " + library.string() + ": loads, ABI " + to_text(loaded->abi) +
                 ", factory returned a plugin");
            if (loaded->abi.major != m.abi_major) {
                problem("the library was built for ABI " + to_text(loaded->abi) +
                        " but the manifest declares " + to_text({m.abi_major, m.abi_minor}));
            } else if (loaded->abi.minor != m.abi_minor) {
                pass("the manifest declares ABI " + to_text({m.abi_major, m.abi_minor}) +
                     " and the library was built for " + to_text(loaded->abi) +
                     ": both load (same major); set <abi> to what you build against");
            }
            check_kinds(m, *loaded->plugin);
        } catch (const std::exception& e) {
            problem("library " + library.string() + ": " + e.what());
        }
    }
};

}  // namespace

bool PluginCheckReport::passed() const {
    for (const auto& f : findings) {
        if (!f.ok)
            return false;
    }
    return !findings.empty();
}

PluginCheckReport check_plugin(const std::filesystem::path& file) {
    Checker checker;
    checker.run(file);
    return std::move(checker.report);
}

}  // namespace knotnotes::core
