// client_list_command.hpp — `knotnotes-cli import --format csv-clients FILE`: a client list
// from another system (core/client_list_import.hpp), with --date-format when the file's dates
// could be read day first or month first, --map when a header is not recognised, and
// --dry-run to see what would be imported.
#pragma once

#include <string>
#include <vector>

#include "cli_context.hpp"

namespace knotnotes::cli {

inline constexpr const char* client_list_format = "csv-clients";

struct ClientListCommand {
    std::string file;
    std::string date_format;        // DMY, MDY or empty
    std::vector<std::string> maps;  // "COLUMN=FIELD"
    bool dry_run = false;
};

// The exit status; the problem, naming the file and line, on stderr.
int run_client_list_import(const CliContext& context, const ClientListCommand& command);

}  // namespace knotnotes::cli
