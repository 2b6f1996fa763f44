// export_service.hpp — streams records from the database into an exporter plugin.
//
// Records go to the exporter one at a time in the order exporter.hpp promises (practitioners,
// then per client: client, intakes, sessions with what was charted in them, questionnaire
// responses), one client in memory at a time, so memory stays bounded whatever the database
// size. The exporter writes to a temporary sibling of the destination, renamed into place only
// when the export completed: a failed or cancelled export leaves no partial file behind and
// never replaces a good file with a broken one. Every call into the plugin is contained
// (PluginObject::call).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include <knotnotes/sdk/exporter.hpp>

#include "core/plugin_object.hpp"

namespace knotnotes::db {
class Database;
}

namespace knotnotes::core {

// Said wherever an export is made (CLI, export dialog): an export is an open format, not
// encrypted like the database it comes from (issue 13, item 4).
inline constexpr const char* export_not_encrypted_notice =
    "The export is not encrypted (an open format, private to you: mode 0600); keep it safe and "
    "delete it when it is no longer needed.";

struct ExportScope {
    std::optional<sdk::Id> client;  // only this client
    // "YYYY-MM-DD" (a UTC date) or a UTC timestamp "2026-11-24T23:00:00.000Z" (the GUI's
    // local days, core/local_time.hpp): sessions and responses on or after it ...
    std::string since;
    std::string until;  // ... and on or before it
};

struct ExportCounts {
    std::int64_t clients = 0;
    std::int64_t sessions = 0;
    std::int64_t questionnaire_responses = 0;
};

// Told (clients done, clients in scope); returns false to cancel.
using ExportProgress = std::function<bool(std::int64_t, std::int64_t)>;

class ExportCancelled : public std::runtime_error {
  public:
    ExportCancelled() : std::runtime_error("the export was cancelled") {}
};

// Throws PluginCallError (the plugin failed), ExportCancelled, or std::runtime_error naming the
// destination for a problem of ours (it exists as a non-empty folder, cannot be renamed...).
// `options` are the exporter's own "key=value" lines (sdk::ExportContext::options).
// `installation`: the id the records' identifiers are made from when `db` is a copy of another
// database's records (a clinic server's); empty: db's own.
ExportCounts export_records(db::Database& db, PluginObject<sdk::Exporter>& exporter,
                            const std::filesystem::path& destination, const ExportScope& scope,
                            const ExportProgress& progress = {}, const std::string& options = {},
                            const std::string& installation = {});

// Checks a date of the scope: empty, or a real calendar date "YYYY-MM-DD".
bool is_valid_scope_date(const std::string& date);

}  // namespace knotnotes::core
