#include "exchange_commands.hpp"

#include <iostream>
#include <memory>

#include "client_list_command.hpp"
#include "core/export_service.hpp"
#include "core/format_registry.hpp"
#include "core/import_service.hpp"
#include "core/output_safety.hpp"
#include "core/plugin_availability.hpp"
#include "db/database.hpp"
#include "exit_codes.hpp"
#include "server_snapshot.hpp"
#include "server_staging.hpp"
#include "terminal_progress.hpp"

namespace knotnotes::cli {
namespace {

std::string list_of(const std::vector<core::FormatChoice>& formats) {
    std::string text;
    for (const auto& f : formats) {
        text += (text.empty() ? "" : ", ") + f.format.id + " (" + f.format.name + ")";
    }
    return text.empty() ? "none: no exporter plugin is loaded" : text;
}

struct ExportOptions {
    std::string format;
    std::string output;
    core::ExportScope scope;
    sdk::Id client = 0;
    bool force = false;
    std::vector<std::string> format_options;  // KEY=VALUE, the exporter's own
};

void add_export(CLI::App& app, const CliContext& context, int& exit_code) {
    auto options = std::make_shared<ExportOptions>();
    auto* command = app.add_subcommand("export", "Export records with an exporter plugin");
    command->add_option("--format", options->format, "Format id (see `export --list-formats`)");
    auto* list = command->add_flag("--list-formats", "List the formats the plugins offer");
    command->add_option("--client", options->client, "Only this client (its id)");
    command->add_option("--since", options->scope.since, "Only sessions on or after YYYY-MM-DD");
    command->add_option("--until", options->scope.until, "Only sessions on or before YYYY-MM-DD");
    command->add_option("-o,--output", options->output, "The file (or folder) to write");
    command->add_flag("--force", options->force,
                      "Replace an existing file (never a database, whatever the flag)");
    command->add_option("--option", options->format_options,
                        "KEY=VALUE for the exporter (repeatable), e.g. bundle=collection or "
                        "snomed=no for fhir-r4-xml");
    command->callback([&context, &exit_code, options, list] {
        auto host = context.make_plugin_host();
        host->load_enabled();
        if (list->count() > 0) {
            for (const auto& f : core::export_formats(*host)) {
                std::cout << f.format.id << "\t" << f.format.name << "\t" << f.plugin_id << "\n";
            }
            exit_code = exit_ok;
            return;
        }
        if (options->format.empty() || options->output.empty()) {
            throw CLI::ValidationError("export needs --format ID and -o PATH");
        }
        for (const auto& date : {options->scope.since, options->scope.until}) {
            if (!core::is_valid_scope_date(date)) {
                throw CLI::ValidationError("'" + date + "' is not a date YYYY-MM-DD");
            }
        }
        if (options->client > 0)
            options->scope.client = options->client;
        std::string format_options;
        for (const auto& option : options->format_options) {
            if (option.find('=') == std::string::npos || option.find('\n') != std::string::npos)
                throw CLI::ValidationError("--option '" + option + "' is not KEY=VALUE");
            format_options += option + "\n";
        }
        auto exporter = core::exporter_for(*host, options->format);
        if (!exporter) {
            std::cerr << "error: no loaded plugin exports the format '" << options->format
                      << "'. Available: " << list_of(core::export_formats(*host)) << "\n";
            if (const auto missing = core::unavailable_plugins(*host, core::PluginKind::exporter);
                !missing.empty()) {
                std::cerr << "These exporters are not loaded, and one of them may offer it:\n"
                          << missing;
            }
            exit_code = exit_failure;
            return;
        }
        // An existing folder is the exporter's to judge (it must be empty); a file is ours.
        if (!std::filesystem::is_directory(options->output))
            core::check_output_path(options->output, context.database_path(), options->force);
        // A clinic server is read into a private copy first (server_snapshot.hpp).
        std::unique_ptr<ServerSnapshot> server;
        std::unique_ptr<db::Database> file;
        if (context.on_clinic_server())
            server = std::make_unique<ServerSnapshot>(context);
        else
            file = std::make_unique<db::Database>(context.database_path(),
                                                  context.database_key(db::OpenMode::existing_only),
                                                  db::OpenMode::existing_only);
        TerminalProgress bar("Exporting");
        const auto counts = core::export_records(
            server ? server->database() : *file, exporter, options->output, options->scope,
            [&](std::int64_t done, std::int64_t total) {
                bar.update(done, total);
                return true;
            },
            format_options, server ? server->installation_id() : std::string());
        std::cout << "Exported " << counts.clients << " clients, " << counts.sessions
                  << " sessions and " << counts.questionnaire_responses
                  << " questionnaire responses to " << options->output << "\n"
                  << core::export_not_encrypted_notice << "\n";
        exit_code = exit_ok;
    });
}

void add_import(CLI::App& app, const CliContext& context, int& exit_code) {
    auto file = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>();
    auto client_list = std::make_shared<ClientListCommand>();
    auto* command = app.add_subcommand(
        "import",
        "Import a file (checked whole before anything is committed; all or nothing, in one "
        "transaction)");
    command->add_option("FILE", *file, "The file to import")->required();
    command->add_option("--format", *format,
                        std::string("Format id of the file (default: told from the file: xml, "
                                    "KnotNotes XML, or fhir-r4-xml, a FHIR R4 Bundle); ") +
                            client_list_format + ": a client list (CSV) from another system");
    auto* date_format = command->add_option(
        "--date-format", client_list->date_format,
        std::string(client_list_format) +
            ": DMY or MDY, when the dates of birth could be day or month first");
    auto* map = command->add_option(
        "--map", client_list->maps,
        std::string(client_list_format) +
            ": COLUMN=FIELD, which field a column holds (repeatable; FIELD is given-name, "
            "family-name, full-name, birth-date, email, phone, occupation, emergency-contact "
            "or ignore)");
    auto* dry_run = command->add_flag(
        "--dry-run", client_list->dry_run,
        std::string(client_list_format) + ": list what would be imported, change nothing");
    command->callback([&context, &exit_code, file, format, client_list, date_format, map, dry_run] {
        if (*format == client_list_format) {
            client_list->file = *file;
            exit_code = run_client_list_import(context, *client_list);
            return;
        }
        for (const auto* only_for_lists : {date_format, map, dry_run}) {
            if (only_for_lists->count() > 0) {
                throw CLI::ValidationError(only_for_lists->get_name(),
                                           std::string("only for --format ") + client_list_format);
            }
        }
        if (format->empty())
            *format = core::import_format_of(*file);
        auto host = context.make_plugin_host();
        host->load_enabled();
        auto importer = core::importer_for(*host, *format);
        if (!importer) {
            std::cerr << "error: no loaded plugin imports the format '" << *format
                      << "'. Available: " << list_of(core::import_formats(*host)) << ", "
                      << client_list_format << " (a client list, CSV)\n";
            if (const auto missing = core::unavailable_plugins(*host, core::PluginKind::importer);
                !missing.empty()) {
                std::cerr << "These importers are not loaded, and one of them may offer it:\n"
                          << missing;
            }
            exit_code = exit_failure;
            return;
        }
        try {
            core::ImportCounts counts;
            std::string where = *file;
            if (context.on_clinic_server()) {
                // Checked whole into a staging file, then moved into the server as the login's
                // own records (server_staging.hpp): all of it or none.
                write_through_staging(context, [&](db::Database& staging) {
                    counts = core::import_records(staging, importer, *file, *host);
                });
                where += " into the clinic server " + context.db.string();
            } else {
                db::Database database(context.database_path(), context.database_key());
                counts = core::import_records(database, importer, *file, *host);
            }
            std::cout << "Imported " << counts.clients << " clients, " << counts.intakes
                      << " intakes, " << counts.sessions << " sessions and "
                      << counts.questionnaire_responses << " questionnaire responses from " << where
                      << "\n";
            if (!counts.notes.empty()) {
                // A format that maps only partly (FHIR from another system) says what it left.
                std::cout << "Per resource type:\n" << core::describe_notes(counts);
            }
            exit_code = exit_ok;
        } catch (const core::PluginCallError& e) {
            std::cerr << "error: " << *file << ": " << e.what()
                      << "\nNothing was imported; the database is unchanged.\n";
            exit_code = exit_failure;
        }
    });
}

}  // namespace

void add_exchange_commands(CLI::App& app, const CliContext& context, int& exit_code) {
    add_export(app, context, exit_code);
    add_import(app, context, exit_code);
}

}  // namespace knotnotes::cli
