// knotnotes-cli — KnotNotes' services for scripts and automation.
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>
#include <knotnotes/sdk/abi_version.hpp>

#include "core/product_version.hpp"

#include "catalogue_commands.hpp"
#include "cli_context.hpp"
#include "clinic_commands.hpp"
#include "core/private_files.hpp"
#include "database_commands.hpp"
#include "db/database_error.hpp"
#include "encryption_commands.hpp"
#include "exchange_commands.hpp"
#include "exit_codes.hpp"
#include "plugins_command.hpp"
#include "practitioner_commands.hpp"

int main(int argc, char** argv) {
    using namespace knotnotes::cli;
    knotnotes::core::keep_files_private();
    CliContext context;
    int exit_code = exit_ok;

    CLI::App app{"knotnotes-cli — KnotNotes clinical notes from the command line", "knotnotes-cli"};
    app.footer(exit_codes_help);
    app.set_version_flag("-V,--version", "knotnotes-cli " KNOTNOTES_VERSION_STRING
                                         " (plugin SDK ABI " +
                                             std::to_string(KNOTNOTES_SDK_ABI_MAJOR) + "." +
                                             std::to_string(KNOTNOTES_SDK_ABI_MINOR) + ")");
    app.add_option("--db", context.db,
                   "The KnotNotes database file (default: in the data folder), or a clinic "
                   "server's address, postgresql://LOGIN@HOST:PORT/DATABASE");
    app.add_option("--plugin-path", context.plugin_paths,
                   "Also look for plugins in DIR (repeatable; so does KNOTNOTES_PLUGIN_PATH)")
        ->type_name("DIR")
        ->allow_extra_args(false);
    app.add_option("--passphrase-file", context.key_options.passphrase_file,
                   "A private file whose first line is the database's passphrase (so does "
                   "KNOTNOTES_PASSPHRASE_FILE; without either, it is asked for on the terminal)")
        ->type_name("FILE");
    app.add_option("--password-file", context.server_password_file,
                   "With a clinic server: a private file whose first line is your login's "
                   "password (so does PGPASSFILE; without either, it is asked for on the "
                   "terminal). Never stored.")
        ->type_name("FILE");
    app.add_flag("--unencrypted", context.key_options.unencrypted,
                 "Create a new database unencrypted, on purpose (new databases are encrypted)");
    app.require_subcommand(1);

    add_plugins_command(app, context, exit_code);
    add_database_commands(app, context, exit_code);
    add_exchange_commands(app, context, exit_code);
    add_catalogue_commands(app, context, exit_code);
    add_practitioner_commands(app, context, exit_code);
    add_encryption_commands(app, context, exit_code);
    add_clinic_commands(app, context, exit_code);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return exit_usage;
    } catch (const knotnotes::db::DatabaseLocked& e) {
        // Some messages end their sentence, some do not: one full stop either way.
        const std::string what = e.what();
        std::cerr << "error: " << what << (what.empty() || what.back() != '.' ? "." : "")
                  << " Give its passphrase with --passphrase-file FILE (a private file whose "
                     "first line is the passphrase) or KNOTNOTES_PASSPHRASE_FILE, or type it when "
                     "asked on a terminal.\n";
        return exit_locked;
    } catch (const knotnotes::db::LoginRefused& e) {
        std::cerr << "error: " << e.what() << "\n";
        return exit_locked;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return exit_failure;
    }
    return exit_code;
}
