#include "plugin_check.hpp"

#include <set>

#include <knotnotes/sdk/abi_version.hpp>
#include <knotnotes/sdk/definition_rules.hpp>

#include "file_trust.hpp"
#include "plugin_library.hpp"
#include "plugin_manifest.hpp"
#include "plugin_object.hpp"
#include "plugin_settings.hpp"
#include "plugin_trial.hpp"

namespace knotnotes::core {
namespace {

class Checker {
  public:
    explicit Checker(const std::filesystem::path& config_dir)
        : settings_(config_dir / "plugins.xml") {}

    PluginCheckReport report;

    void pass(std::string message) { report.findings.push_back({true, std::move(message)}); }
    void problem(std::string message) { report.findings.push_back({false, std::move(message)}); }

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
        if (manifest_file.filename() != m.id + manifest_suffix)
            problem("the manifest must be named " + m.id + manifest_suffix);
        const auto library = m.library_path();
        if (!std::filesystem::is_regular_file(library, ec))
            return problem("library " + library.string() + " does not exist");
        if (!trusted(manifest_file) || !trusted(library))
            return;
        pass("no other local user can change the manifest, the library or their folders");
        const auto abi_problem =
            abi_incompatibility({sdk::abi_major, sdk::abi_minor}, {m.abi_major, m.abi_minor});
        if (!abi_problem.empty())
            return problem("manifest: " + abi_problem);
        if (!settings_.is_enabled(m.id)) {
            problem("KnotNotes keeps this plugin disabled (" + settings_.disabled_reason(m.id) +
                    "), so it does not load it; once fixed, enable it with: knotnotes-cli "
                    "plugins enable " +
                    m.id);
        }
        try {
            auto loaded = open_plugin_library(library);
            pass("library " + library.string() + ": loads, ABI " + to_text(loaded->abi) +
                 ", the entry point returned a plugin");
            check_manifest_abi(m, loaded->abi);
            check_kinds(m, loaded);
        } catch (const std::exception& e) {
            problem("library " + library.string() + ": " + e.what());
        }
    }

  private:
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

    bool trusted(const std::filesystem::path& path) {
        const auto reason = untrusted_reason(path);
        if (reason.empty())
            return true;
        problem(reason + " (KnotNotes refuses to load it, so it was not loaded here either)");
        return false;
    }

    void check_manifest_abi(const PluginManifest& m, AbiVersion built) {
        if (built.major != m.abi_major) {
            problem("the library was built for ABI " + to_text(built) +
                    " but the manifest declares " + to_text({m.abi_major, m.abi_minor}));
        } else if (built.minor != m.abi_minor) {
            pass("the manifest declares ABI " + to_text({m.abi_major, m.abi_minor}) +
                 " and the library was built for " + to_text(built) +
                 ": both load (same major); set <abi> to what you build against");
        }
    }

    // Runs f() as the host would, reporting what it throws as a problem; true when it did not.
    template <typename F>
    bool contained(const PluginManifest& m, const std::string& what, F&& f) {
        try {
            call_into_plugin(m.id, what, nullptr, std::forward<F>(f));
            return true;
        } catch (const std::exception& e) {
            problem(e.what());
            return false;
        }
    }

    template <typename T>
    std::shared_ptr<T> keep_loaded(std::unique_ptr<T> object,
                                   const std::shared_ptr<LoadedLibrary>& library) {
        return std::shared_ptr<T>(object.release(), [library](T* p) { delete p; });
    }

    void check_kinds(const PluginManifest& m, const std::shared_ptr<LoadedLibrary>& loaded) {
        auto& plugin = *loaded->plugin;
        std::shared_ptr<sdk::Exporter> exporter;
        std::shared_ptr<sdk::Importer> importer;
        sdk::ExportFormat exported, imported;
        for (auto kind : m.kinds) {
            switch (kind) {
                case PluginKind::exporter:
                    contained(m, "create_exporter()", [&] {
                        exporter = keep_loaded(plugin.create_exporter(), loaded);
                        if (exporter)
                            exported = exporter->format();
                    });
                    if (!exporter)
                        return problem("declares exporter but create_exporter() returns nothing");
                    if (exported.id.empty() || exported.name.empty())
                        problem("exporter format() needs an id and a name");
                    else
                        pass("exporter: format '" + exported.id + "' (" + exported.name + ")");
                    break;
                case PluginKind::importer:
                    contained(m, "create_importer()", [&] {
                        importer = keep_loaded(plugin.create_importer(), loaded);
                        if (importer)
                            imported = importer->format();
                    });
                    if (!importer)
                        return problem("declares importer but create_importer() returns nothing");
                    pass("importer: format '" + imported.id + "'");
                    break;
                case PluginKind::questionnaire_provider:
                    check_questionnaires(m, plugin);
                    break;
                case PluginKind::technique_library:
                    check_techniques(m, plugin);
                    break;
            }
        }
        if (exporter) {
            const bool reads_back = importer && imported.id == exported.id;
            for (auto& finding :
                 try_export_and_import(m.id, exporter, reads_back ? importer : nullptr))
                report.findings.push_back({finding.ok, std::move(finding.message)});
        }
    }

    void check_questionnaires(const PluginManifest& m, sdk::Plugin& plugin) {
        std::vector<sdk::QuestionnaireDefinition> definitions;
        const bool ok = contained(m, "definitions()", [&] {
            auto provider = plugin.create_questionnaire_provider();
            if (!provider)
                throw std::runtime_error(
                    "declares questionnaire-provider but create_questionnaire_provider() "
                    "returns nothing");
            definitions = provider->definitions();
        });
        if (!ok)
            return;
        std::size_t broken = 0;
        std::set<std::string> ids;
        for (const auto& d : definitions) {
            if (!ids.insert(d.id).second)
                problem("questionnaire provider: two instruments have the id '" + d.id + "'");
            for (const auto& p : sdk::definition_problems(d)) {
                problem("questionnaire '" + d.id + "': " + p.message);
                ++broken;
            }
        }
        if (definitions.empty())
            problem("questionnaire provider: definitions() lists no instrument");
        else if (broken == 0)
            pass("questionnaire provider: " + std::to_string(definitions.size()) +
                 " instruments, every definition follows the SDK's rules");
    }

    void check_techniques(const PluginManifest& m, sdk::Plugin& plugin) {
        std::vector<sdk::Technique> techniques;
        const bool ok = contained(m, "techniques()", [&] {
            auto library = plugin.create_technique_library();
            if (!library)
                throw std::runtime_error(
                    "declares technique-library but create_technique_library() returns nothing");
            techniques = library->techniques();
        });
        if (!ok)
            return;
        const auto problems = sdk::technique_problems(techniques);
        for (const auto& p : problems)
            problem("technique library: " + p.message);
        if (techniques.empty())
            problem("technique library: techniques() lists no technique");
        else if (problems.empty())
            pass("technique library: " + std::to_string(techniques.size()) +
                 " techniques, each with a valid id, a name, a category and a pressure range");
    }

    PluginSettings settings_;
};

}  // namespace

bool PluginCheckReport::passed() const {
    for (const auto& f : findings) {
        if (!f.ok)
            return false;
    }
    return !findings.empty();
}

PluginCheckReport check_plugin(const std::filesystem::path& file,
                               const std::filesystem::path& config_dir) {
    Checker checker(config_dir);
    checker.run(file);
    return std::move(checker.report);
}

}  // namespace knotnotes::core
