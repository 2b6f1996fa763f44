#include "cli_context.hpp"

#include <unistd.h>

#include <iostream>

#include "core/passphrase_file.hpp"
#include "core/user_paths.hpp"
#include "db/file_identity.hpp"

namespace knotnotes::cli {

std::unique_ptr<core::PluginHost> CliContext::make_plugin_host() const {
    auto host = std::make_unique<core::PluginHost>(
        core::PluginHostOptions{core::default_plugin_dirs(plugin_paths), core::config_dir()});
    for (const auto& crash : host->crashed_loads()) {
        std::cerr << "warning: plugin " << crash.plugin_id << " (" << crash.library
                  << ") crashed KnotNotes while loading at " << crash.when
                  << "; it has been disabled (knotnotes-cli plugins enable " << crash.plugin_id
                  << " to retry)\n";
    }
    for (const auto& crash : host->crashed_calls()) {
        std::cerr << "warning: plugin " << crash.plugin_id << " crashed KnotNotes during "
                  << crash.operation << " (in " << crash.call << ", " << crash.when << ")"
                  << (crash.partial_output.empty()
                          ? std::string()
                          : "; its partial output " + crash.partial_output + " was removed")
                  << "; it has been disabled (knotnotes-cli plugins enable " << crash.plugin_id
                  << " to retry)\n";
    }
    if (!host->settings_problem().empty()) {
        std::cerr << "warning: " << host->settings_problem() << "\n";
    }
    host->discover();
    return host;
}

bool CliContext::on_clinic_server() const {
    return db::is_address(db);
}

std::unique_ptr<db::ClinicDirectory> CliContext::clinic_directory() const {
    const auto address = db.string();
    return with_server_password(address, [&](std::optional<std::string> password) {
        return db::connect_clinic_directory(address, std::move(password));
    });
}

std::string CliContext::server_password() const {
    return core::read_passphrase_file(server_password_file);
}

bool CliContext::can_ask_for_password() {
    return ::isatty(STDIN_FILENO) == 1;
}

std::string CliContext::ask_for_password(const std::string& address) {
    return read_hidden_line("Password for " + address + ": ");
}

std::filesystem::path CliContext::database_path() const {
    return db.empty() ? core::default_database_path() : db;
}

db::DatabaseKey CliContext::database_key(db::OpenMode mode) const {
    return database_key_for(database_path(), key_options, mode == db::OpenMode::create_if_missing);
}

db::DatabaseKey CliContext::database_key_for_new(const std::filesystem::path& file) const {
    return database_key_for(file, key_options, true);
}

db::DatabaseKey CliContext::key_of(const std::filesystem::path& file) const {
    return database_key_for(file, key_options, false);
}

}  // namespace knotnotes::cli
