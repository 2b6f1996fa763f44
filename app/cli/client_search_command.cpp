#include "client_search_command.hpp"

#include <iostream>
#include <memory>

#include "db/client_search.hpp"
#include "db/database.hpp"
#include "exit_codes.hpp"

namespace knotnotes::cli {
namespace {

struct SearchOptions {
    std::string typed;
    int limit = 20;
};

std::vector<db::ClientSummary> search(const CliContext& context, const SearchOptions& options) {
    if (context.on_clinic_server()) {
        const auto address = context.db.string();
        auto server =
            context.with_server_password(address, [&](std::optional<std::string> password) {
                return db::connect_client_search(address, std::move(password));
            });
        return server->search_names(options.typed, options.limit);
    }
    // Read-only: searching never creates, changes or migrates a file.
    db::Database file(context.database_path(), context.database_key(db::OpenMode::read_only),
                      db::OpenMode::read_only);
    return db::file_client_search(file)->search_names(options.typed, options.limit);
}

}  // namespace

void add_client_search(CLI::App& clients, const CliContext& context, int& exit_code) {
    auto options = std::make_shared<SearchOptions>();
    auto* command = clients.add_subcommand(
        "search",
        "Find clients by name: every word must start a given or family name "
        "(\"smi jo\" finds Jo Smith), case and accents ignored; one per line, id "
        "first, best matches first");
    command->add_option("TEXT", options->typed, "What you would type into the search box")
        ->required();
    command->add_option("--limit", options->limit, "At most this many clients")
        ->capture_default_str()
        ->check(CLI::Range(1, 10000));
    command->callback([&context, &exit_code, options] {
        const auto found = search(context, *options);
        for (const auto& client : found)
            std::cout << client.id << "\t" << client.display_name() << "\n";
        if (found.empty())
            std::cerr << "No client's name matches \"" << options->typed << "\".\n";
        exit_code = exit_ok;
    });
}

}  // namespace knotnotes::cli
