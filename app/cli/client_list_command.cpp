#include "client_list_command.hpp"

#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>

#include "core/client_list_import.hpp"
#include "core/plain_text.hpp"
#include "db/client_records.hpp"
#include "exit_codes.hpp"

namespace knotnotes::cli {
namespace {

std::string field_ids() {
    std::string ids;
    for (const auto column : core::all_client_columns)
        ids += (ids.empty() ? "" : ", ") + core::client_column_id(column);
    return ids;
}

// --map "Cell number=phone": the recognised columns, with the user's choices over them.
std::vector<core::ClientColumn> mapped_columns(const core::CsvTable& table,
                                               const std::vector<std::string>& maps,
                                               const std::string& file) {
    auto columns = core::recognise_client_columns(table.header);
    for (const auto& map : maps) {
        const auto equals = map.rfind('=');
        if (equals == std::string::npos)
            throw CLI::ValidationError("--map", "\"" + map + "\" is not COLUMN=FIELD");
        // Spaces around a header (or around what was typed) are no part of its name.
        const auto header = core::trimmed(map.substr(0, equals));
        const auto field = core::parse_client_column_id(core::trimmed(map.substr(equals + 1)));
        if (!field) {
            throw CLI::ValidationError(
                "--map",
                "\"" + map.substr(equals + 1) + "\" is not a field; the fields are " + field_ids());
        }
        bool found = false;
        for (std::size_t i = 0; i < table.header.size(); ++i) {
            if (core::trimmed(table.header[i]) == header) {
                columns[i] = *field;
                found = true;
            }
        }
        if (!found) {
            std::string headers;
            for (const auto& h : table.header)
                headers += (headers.empty() ? "\"" : ", \"") + h + "\"";
            throw CLI::ValidationError(
                "--map", file + " has no column \"" + header + "\"; its columns are " + headers);
        }
    }
    return columns;
}

void print_skipped(const std::vector<core::ClientListSkip>& skipped) {
    if (skipped.empty())
        return;
    std::cout << "Skipped " << core::clients_text(skipped.size()) << " already known:\n";
    for (const auto& s : skipped)
        std::cout << "  line " << s.line << ": " << core::client_list_who(s.client) << " ("
                  << s.reason << ")\n";
}

void print_plan(const core::ClientListPlan& plan, const std::string& file) {
    std::cout << "Would import " << core::clients_text(plan.clients.size()) << " from " << file
              << " (nothing was changed):\n";
    for (const auto& c : plan.clients)
        std::cout << "  line " << c.line << ": " << core::client_list_who(c.client) << "\n";
    print_skipped(plan.skipped);
}

}  // namespace

int run_client_list_import(const CliContext& context, const ClientListCommand& command) {
    core::ClientListOptions options;
    if (!command.date_format.empty()) {
        const auto order = core::parse_date_order(command.date_format);
        if (!order) {
            std::cerr << "error: --date-format " << command.date_format
                      << " is not one of DMY (day first, 31/12/1980) or MDY (month first, "
                         "12/31/1980)\n";
            return exit_usage;
        }
        options.date_order = *order;
    }
    try {
        auto table = core::read_csv(command.file);
        if (!command.maps.empty())
            options.columns = mapped_columns(table, command.maps, command.file);
        if (command.dry_run && !context.on_clinic_server() &&
            !std::filesystem::exists(context.database_path())) {
            // A dry run creates nothing, not even the database it would import into.
            print_plan(core::plan_client_list(table, command.file, options, {}), command.file);
            return exit_ok;
        }
        // The clients of a file, or those the login may see on a clinic server.
        std::unique_ptr<db::Database> database;
        std::unique_ptr<db::ClientRecords> clients;
        std::string into;
        if (context.on_clinic_server()) {
            const auto address = context.db.string();
            clients = context.with_server_password(address, [&](std::optional<std::string> pw) {
                return db::connect_client_records(address, std::move(pw));
            });
            into = " into " + clients->where();
        } else {
            database =
                std::make_unique<db::Database>(context.database_path(), context.database_key());
            clients = db::file_client_records(*database);
        }
        const auto plan =
            core::plan_client_list(table, command.file, options, clients->identities());
        if (command.dry_run) {
            print_plan(plan, command.file);
            return exit_ok;
        }
        const auto result = core::import_client_list(*clients, plan);
        std::cout << "Imported " << core::clients_text(static_cast<std::size_t>(result.imported))
                  << " from " << command.file << into << "\n";
        print_skipped(result.skipped);
        return exit_ok;
    } catch (const core::DateOrderError& e) {
        std::cerr << "error: " << e.what()
                  << (e.needs_choice()
                          ? " Give --date-format DMY (day first) or --date-format MDY (month "
                            "first).\nNothing was imported; the database is unchanged.\n"
                          : "\nNothing was imported; the database is unchanged.\n");
        return exit_failure;
    } catch (const core::CsvError& e) {
        std::cerr << "error: " << e.what()
                  << "\nNothing was imported; the database is unchanged.\n";
        return exit_failure;
    } catch (const core::ClientListError& e) {
        std::cerr << "error: " << e.what() << "\n";
        return exit_failure;
    }
}

}  // namespace knotnotes::cli
