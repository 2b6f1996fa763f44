// cli_context.hpp — options every knotnotes-cli command shares, filled in by CLI11.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/plugin_host.hpp"
#include "database_key_source.hpp"
#include "db/clinic_directory.hpp"
#include "db/database.hpp"
#include "db/database_error.hpp"

namespace knotnotes::cli {

struct CliContext {
    std::filesystem::path db;                         // --db PATH (empty: the default file)
    std::vector<std::filesystem::path> plugin_paths;  // --plugin-path DIR, repeatable
    KeyOptions key_options;                           // --passphrase-file, --unencrypted
    std::filesystem::path server_password_file;       // --password-file (a clinic server login)

    // A plugin host over the default folders plus --plugin-path, with the user's settings;
    // reports plugins that crashed the previous run on stderr.
    std::unique_ptr<core::PluginHost> make_plugin_host() const;

    // --db is a clinic server's address (postgresql://...), not a file.
    bool on_clinic_server() const;
    // The clinic server --db names, as the login it names. The password: --password-file, or
    // PGPASSFILE (libpq's own), or typed when the server asks on a terminal; never stored.
    std::unique_ptr<db::ClinicDirectory> clinic_directory() const;
    // Runs connect(password) for the clinic server at `address`, with the password found the
    // same way (asked for and tried again when the server asks for one and there is a terminal).
    template <typename Connect>
    auto with_server_password(const std::string& address, Connect&& connect) const {
        if (!server_password_file.empty())
            return connect(std::optional<std::string>(server_password()));
        if (typed_password_)
            return connect(typed_password_);
        try {
            return connect(std::optional<std::string>());
        } catch (const db::PasswordNeeded&) {
            if (!can_ask_for_password())
                throw;
            typed_password_ = ask_for_password(address);  // asked once per command
            return connect(typed_password_);
        }
    }

    // --db, or the default database in the user's data folder.
    std::filesystem::path database_path() const;
    // The key that opens (or creates) database_path(): database_key_source.hpp.
    // Only a database that may be created (create_if_missing) is new: the others must exist.
    db::DatabaseKey database_key(db::OpenMode mode = db::OpenMode::create_if_missing) const;
    // The key a new file is created with (encrypted unless --unencrypted), from the same sources.
    db::DatabaseKey database_key_for_new(const std::filesystem::path& file) const;
    // The key of another existing file (a backup to restore), from the same sources.
    db::DatabaseKey key_of(const std::filesystem::path& file) const;

  private:
    std::string server_password() const;
    static bool can_ask_for_password();
    static std::string ask_for_password(const std::string& address);
    mutable std::optional<std::string> typed_password_;
};

}  // namespace knotnotes::cli
