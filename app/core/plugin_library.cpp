#include "plugin_library.hpp"

#include <knotnotes/sdk/abi_version.hpp>
#include <knotnotes/sdk/bridge/host_side.hpp>

#include "core/product_version.hpp"

namespace knotnotes::core {
namespace {

// Boost.DLL folds dlerror()'s text into what(); keep only that part, which names the problem.
std::string dlerror_text(const std::string& what) {
    const std::string marker = "(dlerror system message: ";
    const auto start = what.find(marker);
    if (start == std::string::npos)
        return what;
    auto text = what.substr(start + marker.size());
    const auto end = text.rfind(')');
    return end == std::string::npos ? text : text.substr(0, end);
}

[[noreturn]] void refuse(const std::string& message) {
    throw PluginLoadError(PluginLoadError::Stage::refused, message);
}

}  // namespace

AbiVersion read_plugin_abi(const boost::dll::shared_library& library,
                           const std::filesystem::path& file) {
    if (!library.has(KNOTNOTES_ABI_SYMBOL)) {
        refuse(file.filename().string() +
               " is a shared library but not a KnotNotes plugin: it "
               "does not export the symbol " KNOTNOTES_ABI_SYMBOL
               " (use KNOTNOTES_PLUGIN(YourPlugin) from <knotnotes/sdk/plugin_export.hpp>)");
    }
    const auto& record = library.get<const KnotNotesAbiRecord>(KNOTNOTES_ABI_SYMBOL);
    if (record.struct_size < sizeof(std::uint32_t) * 3) {
        refuse("its " KNOTNOTES_ABI_SYMBOL " record is truncated (" +
               std::to_string(record.struct_size) + " bytes)");
    }
    const AbiVersion plugin{record.major, record.minor};
    const std::string problem = abi_incompatibility({sdk::abi_major, sdk::abi_minor}, plugin);
    if (!problem.empty())
        refuse(problem);
    return plugin;
}

std::shared_ptr<LoadedLibrary> open_plugin_library(const std::filesystem::path& file) {
    auto loaded = std::make_shared<LoadedLibrary>();
    try {
        // rtld_now: an unresolved symbol fails here, not later in the middle of a session.
        loaded->library.load(file,
                             boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
    } catch (const std::exception& e) {
        refuse("not a loadable shared library: " + dlerror_text(e.what()));
    }
    loaded->abi = read_plugin_abi(loaded->library, file);
    if (!loaded->library.has(KNOTNOTES_ENTRY_SYMBOL)) {
        refuse("exports the ABI record but no " KNOTNOTES_ENTRY_SYMBOL " entry point");
    }
    const auto entry =
        &loaded->library.get<std::remove_pointer_t<kn_plugin_entry>>(KNOTNOTES_ENTRY_SYMBOL);
    try {
        loaded->plugin = std::make_unique<sdk::bridge::PluginProxy>(
            entry, "KnotNotes " KNOTNOTES_VERSION_STRING);
    } catch (const std::exception& e) {
        throw PluginLoadError(PluginLoadError::Stage::failed,
                              std::string("creating the plugin failed: ") + e.what());
    }
    return loaded;
}

}  // namespace knotnotes::core
