#include "plugin_host.hpp"

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include <knotnotes/sdk/abi_version.hpp>

#include "file_trust.hpp"
#include "plugin_library.hpp"
#include "user_paths.hpp"

namespace knotnotes::core {
namespace {

// Manifests in `dir` and in its immediate sub-folders (one folder per plugin is common),
// sorted so the outcome does not depend on the file system's order.
std::vector<std::filesystem::path> manifests_in(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> found;
    std::error_code ec;
    auto collect = [&](const std::filesystem::path& folder) {
        for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
            if (is_manifest_file_name(entry.path().filename().string())) {
                found.push_back(entry.path());
            }
        }
    };
    collect(dir);
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.is_directory(ec))
            collect(entry.path());
    }
    std::sort(found.begin(), found.end());
    return found;
}

}  // namespace

std::filesystem::path builtin_plugin_dir() {
    // The build tree and an installation have the same shape: bin/ beside <libdir>/knotnotes/.
    const auto prefix = executable_dir().parent_path();
    const auto installed = prefix / KNOTNOTES_INSTALL_LIBDIR / "knotnotes" / "plugins";
    std::error_code ec;
    if (std::filesystem::is_directory(installed, ec))
        return installed;
    return prefix / "lib" / "knotnotes" / "plugins";
}

std::vector<std::filesystem::path> default_plugin_dirs(
    const std::vector<std::filesystem::path>& extra) {
    std::vector<std::filesystem::path> dirs{builtin_plugin_dir(), data_dir() / "plugins"};
    if (const char* env = std::getenv("KNOTNOTES_PLUGIN_PATH"); env && *env) {
        std::stringstream list(env);
        for (std::string dir; std::getline(list, dir, ':');) {
            if (!dir.empty())
                dirs.emplace_back(dir);
        }
    }
    dirs.insert(dirs.end(), extra.begin(), extra.end());
    // The same folder named twice would make every plugin in it a duplicate of itself.
    std::vector<std::filesystem::path> unique;
    for (const auto& dir : dirs) {
        std::error_code ec;
        auto canonical = std::filesystem::weakly_canonical(dir, ec);
        if (ec)
            canonical = dir;
        if (std::find(unique.begin(), unique.end(), canonical) == unique.end()) {
            unique.push_back(canonical);
        }
    }
    return unique;
}

PluginHost::PluginHost(PluginHostOptions options)
    : options_(std::move(options)),
      settings_(options_.config_dir / "plugins.xml"),
      self_(std::make_shared<PluginHost*>(this)) {
    crashed_ = take_crashed_loads(options_.config_dir);
    for (const auto& crash : crashed_) {
        settings_.disable(crash.plugin_id, "crashed KnotNotes while loading " + crash.library +
                                               " (" + crash.when + "); enable it again to retry");
    }
    crashed_calls_ = take_crashed_calls(options_.config_dir);
    for (const auto& crash : crashed_calls_) {
        settings_.disable(crash.plugin_id, "crashed KnotNotes during " + crash.operation + " (in " +
                                               crash.call + ", " + crash.when + ")" +
                                               (crash.partial_output.empty()
                                                    ? ""
                                                    : "; the partial output " +
                                                          crash.partial_output + " was removed") +
                                               "; enable it again to retry");
    }
    arm_plugin_crash_marker(options_.config_dir);
}

PluginHost::~PluginHost() {
    *self_ = nullptr;
    loaded_.clear();
}

const PluginStatus* PluginHost::find(const std::string& plugin_id) const {
    for (const auto& status : plugins_) {
        if (status.manifest && status.manifest->id == plugin_id)
            return &status;
    }
    return nullptr;
}

PluginStatus* PluginHost::find_mutable(const std::string& plugin_id) {
    return const_cast<PluginStatus*>(std::as_const(*this).find(plugin_id));
}

void PluginHost::discover() {
    plugins_.clear();
    std::map<std::string, std::filesystem::path> seen;  // id -> manifest that provides it
    for (const auto& dir : options_.search_dirs) {
        for (const auto& file : manifests_in(dir))
            examine_manifest(file, seen);
    }
}

void PluginHost::examine_manifest(const std::filesystem::path& file,
                                  std::map<std::string, std::filesystem::path>& seen) {
    PluginStatus status;
    status.manifest_file = file;
    auto refuse = [&](std::string reason) {
        status.state = PluginState::refused;
        status.reason = std::move(reason);
        plugins_.push_back(std::move(status));
    };
    // Nothing another local user could have written is read, let alone run: such a copy claims
    // no id, so it cannot keep a good copy elsewhere from loading.
    if (auto untrusted = untrusted_reason(file); !untrusted.empty())
        return refuse(untrusted);
    auto read = read_plugin_manifest(file);
    if (!read.manifest)
        return refuse("manifest " + file.string() + ": " + read.error);
    status.manifest = std::move(read.manifest);
    const auto& m = *status.manifest;

    if (file.filename() != m.id + manifest_suffix) {
        return refuse("manifest " + file.string() + " declares id " + m.id +
                      " but a manifest must be named " + m.id + manifest_suffix);
    }
    const auto library = m.library_path();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(library, ec)) {
        return refuse("library " + library.string() + " named by " + file.filename().string() +
                      " does not exist");
    }
    if (auto untrusted = untrusted_reason(library); !untrusted.empty())
        return refuse(untrusted);
    const auto problem =
        abi_incompatibility({sdk::abi_major, sdk::abi_minor}, {m.abi_major, m.abi_minor});
    if (!problem.empty())
        return refuse(file.filename().string() + ": " + problem);
    // Only a copy that could load claims its id; the first such copy in the search order wins.
    if (auto it = seen.find(m.id); it != seen.end()) {
        return refuse("duplicate id " + m.id + ": already provided by " + it->second.string() +
                      "; this copy (" + file.string() + ") is ignored");
    }
    seen.emplace(m.id, file);

    if (!settings_.is_enabled(m.id)) {
        status.state = PluginState::disabled;
        status.reason = settings_.disabled_reason(m.id);
    }
    plugins_.push_back(std::move(status));
}

void PluginHost::load_enabled() {
    for (auto& status : plugins_) {
        if (status.state == PluginState::enabled)
            load(status);
    }
}

void PluginHost::load(PluginStatus& status) {
    const auto& m = *status.manifest;
    try {
        std::shared_ptr<LoadedLibrary> loaded;
        {
            LoadMarker marker(options_.config_dir, m.id, m.library_path());
            loaded = open_plugin_library(m.library_path());
        }
        // Minors may differ (the contract holds across them); a major the manifest misstates
        // means the manifest is stale.
        if (loaded->abi.major != m.abi_major) {
            throw PluginLoadError(PluginLoadError::Stage::refused,
                                  m.library + " was built for ABI " + to_text(loaded->abi) +
                                      " but its manifest declares " +
                                      to_text(AbiVersion{m.abi_major, m.abi_minor}));
        }
        loaded_[m.id] = std::move(loaded);
        status.state = PluginState::loaded;
        status.reason.clear();
    } catch (const PluginLoadError& e) {
        status.reason = m.library_path().string() + ": " + e.what();
        if (e.stage() == PluginLoadError::Stage::refused) {
            status.state = PluginState::refused;
        } else {
            status.state = PluginState::disabled;
            settings_.disable(m.id, status.reason);
        }
    } catch (const std::exception& e) {
        // Our own failure around the load (e.g. the marker could not be written).
        status.state = PluginState::refused;
        status.reason = m.library_path().string() + ": " + e.what();
    }
}

bool PluginHost::set_enabled(const std::string& plugin_id, bool enabled) {
    auto* status = find_mutable(plugin_id);
    if (!status || status->state == PluginState::refused)
        return false;
    if (enabled) {
        settings_.enable(plugin_id);
        if (status->state == PluginState::disabled) {
            status->state = PluginState::enabled;
            status->reason.clear();
        }
    } else {
        settings_.disable(plugin_id, "disabled by the user");
        status->state = PluginState::disabled;
        status->reason = settings_.disabled_reason(plugin_id);
        loaded_.erase(plugin_id);  // live PluginObjects still hold the library
    }
    return true;
}

std::vector<const PluginStatus*> PluginHost::loaded_with_kind(PluginKind kind) const {
    std::vector<const PluginStatus*> result;
    for (const auto& status : plugins_) {
        if (status.state == PluginState::loaded && status.manifest->provides(kind)) {
            result.push_back(&status);
        }
    }
    return result;
}

void PluginHost::disable_after_failure(const std::string& plugin_id, const std::string& reason) {
    settings_.disable(plugin_id, reason);
    if (auto* status = find_mutable(plugin_id)) {
        status->state = PluginState::disabled;
        status->reason = reason;
    }
    loaded_.erase(plugin_id);
}

PluginFailureHandler PluginHost::failure_handler() {
    std::weak_ptr<PluginHost*> weak = self_;
    return [weak](const std::string& plugin_id, const std::string& reason) {
        if (auto self = weak.lock(); self && *self)
            (*self)->disable_after_failure(plugin_id, reason);
    };
}

template <typename T, typename Create>
PluginObject<T> PluginHost::create(const std::string& plugin_id, const char* what_call,
                                   Create make) {
    auto it = loaded_.find(plugin_id);
    if (it == loaded_.end()) {
        throw std::logic_error("plugin " + plugin_id + " is not loaded");
    }
    std::shared_ptr<LoadedLibrary> library = it->second;
    std::unique_ptr<T> object = call_into_plugin(plugin_id, what_call, failure_handler(),
                                                 [&] { return make(*library->plugin); });
    if (!object) {
        throw PluginCallError(
            plugin_id,
            "plugin " + plugin_id + " declares this kind but " + what_call + " returned nothing",
            false);
    }
    // The deleter owns a reference to the library: it is unloaded only after the object dies.
    std::shared_ptr<T> shared(object.release(), [library](T* p) { delete p; });
    return PluginObject<T>(plugin_id, std::move(shared), failure_handler());
}

PluginObject<sdk::Exporter> PluginHost::create_exporter(const std::string& plugin_id) {
    return create<sdk::Exporter>(plugin_id, "create_exporter()",
                                 [](sdk::Plugin& p) { return p.create_exporter(); });
}

PluginObject<sdk::Importer> PluginHost::create_importer(const std::string& plugin_id) {
    return create<sdk::Importer>(plugin_id, "create_importer()",
                                 [](sdk::Plugin& p) { return p.create_importer(); });
}

PluginObject<sdk::QuestionnaireProvider> PluginHost::create_questionnaire_provider(
    const std::string& plugin_id) {
    return create<sdk::QuestionnaireProvider>(
        plugin_id, "create_questionnaire_provider()",
        [](sdk::Plugin& p) { return p.create_questionnaire_provider(); });
}

PluginObject<sdk::TechniqueLibrary> PluginHost::create_technique_library(
    const std::string& plugin_id) {
    return create<sdk::TechniqueLibrary>(
        plugin_id, "create_technique_library()",
        [](sdk::Plugin& p) { return p.create_technique_library(); });
}

}  // namespace knotnotes::core
