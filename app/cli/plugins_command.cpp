#include "plugins_command.hpp"

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <memory>

#include "core/plugin_check.hpp"
#include "core/user_paths.hpp"
#include "exit_codes.hpp"

namespace knotnotes::cli {
namespace {

void print_table(const core::PluginHost& host, bool verbose) {
    const auto& plugins = host.plugins();
    if (verbose) {
        std::cout << "Plugin folders searched, in order:\n";
        for (const auto& dir : host.search_dirs())
            std::cout << "  " << dir.string() << "\n";
        std::cout << "\n";
    }
    if (plugins.empty()) {
        std::cout << "No plugins found.\n";
        return;
    }
    std::size_t id_width = 2;
    for (const auto& p : plugins)
        id_width = std::max(id_width, p.id().size());
    std::cout << std::left << std::setw(static_cast<int>(id_width) + 2) << "ID" << std::setw(10)
              << "VERSION" << std::setw(34) << "KINDS"
              << "STATUS\n";
    for (const auto& p : plugins) {
        std::cout << std::left << std::setw(static_cast<int>(id_width) + 2) << p.id()
                  << std::setw(10) << (p.manifest ? p.manifest->version : "?") << std::setw(34)
                  << (p.manifest ? p.manifest->kinds_text() : "?") << to_text(p.state) << "\n";
        if (!p.reason.empty())
            std::cout << "    reason: " << p.reason << "\n";
        if (verbose)
            std::cout << "    manifest: " << p.manifest_file.string() << "\n";
    }
}

int set_enabled(const CliContext& context, const std::string& id, bool enabled) {
    auto host = context.make_plugin_host();
    const auto* status = host->find(id);
    if (!status) {
        std::cerr << "error: no plugin with id " << id
                  << " was found (see: knotnotes-cli plugins list)\n";
        return exit_failure;
    }
    if (!host->set_enabled(id, enabled)) {
        std::cerr << "error: plugin " << id << " is refused, so it cannot be "
                  << (enabled ? "enabled" : "disabled") << ": " << status->reason << "\n";
        return exit_failure;
    }
    std::cout << id << ": " << (enabled ? "enabled" : "disabled") << "\n";
    return exit_ok;
}

}  // namespace

void add_plugins_command(CLI::App& app, const CliContext& context, int& exit_code) {
    auto* plugins = app.add_subcommand("plugins", "List, check, enable and disable plugins");
    plugins->require_subcommand(1);

    auto* list = plugins->add_subcommand(
        "list", "List every plugin found, with its status: loaded, disabled or refused (and why)");
    auto verbose = std::make_shared<bool>(false);
    list->add_flag("-v,--verbose", *verbose, "Also show the folders searched and manifest files");
    list->callback([&context, &exit_code, verbose] {
        auto host = context.make_plugin_host();
        host->load_enabled();
        print_table(*host, *verbose);
        exit_code = exit_ok;
    });

    auto* check = plugins->add_subcommand(
        "check", "Diagnose one plugin (its manifest or its .so) as the host would load it");
    auto file = std::make_shared<std::string>();
    check->add_option("FILE", *file, "The plugin's <id>.plugin.xml or its library")->required();
    check->callback([file, &exit_code] {
        const auto report = core::check_plugin(*file, core::config_dir());
        for (const auto& finding : report.findings) {
            (finding.ok ? std::cout : std::cerr)
                << (finding.ok ? "ok:      " : "problem: ") << finding.message << "\n";
        }
        std::cout << (report.passed() ? "The plugin passed every check.\n"
                                      : "The plugin has problems; see above.\n");
        exit_code = report.passed() ? exit_ok : exit_check_failed;
    });

    for (bool enable : {true, false}) {
        auto* sub = plugins->add_subcommand(
            enable ? "enable" : "disable",
            enable ? "Enable a plugin (remembered)" : "Disable a plugin (remembered)");
        auto id = std::make_shared<std::string>();
        sub->add_option("ID", *id, "The plugin's id, as `plugins list` shows it")->required();
        sub->callback(
            [&context, &exit_code, id, enable] { exit_code = set_enabled(context, *id, enable); });
    }
}

}  // namespace knotnotes::cli
