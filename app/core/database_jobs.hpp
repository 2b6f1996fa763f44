// database_jobs.hpp — the long database work the GUI runs as a BackgroundJob, each on a
// connection of its own (the UI thread keeps using the window's meanwhile): to the window's
// database file, or, for export and import, to the window's clinic server (JobRecords).
// Each returns a summary sentence for the user and reports progress through `control`.
//   - export: Cancel stops it; nothing is left behind (export_service.hpp).
//   - import: the file is checked and counted first (Cancel possible), then written in one
//     transaction, all or nothing; once writing has begun it runs to the end.
//   - backup: Cancel stops it and removes the partial copy.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include <knotnotes/sdk/exporter.hpp>
#include <knotnotes/sdk/importer.hpp>

#include "core/background_job.hpp"
#include "core/demo_data.hpp"
#include "core/export_service.hpp"
#include "core/import_service.hpp"
#include "core/plugin_object.hpp"

namespace knotnotes::db::postgres {
class ServerConnection;
}

namespace knotnotes::core {

class RecordStore;

// Where a job's records are, taken on the window's thread (job_records): the window's file, or
// a connection of the job's own to the window's clinic server. On a server, an export reads a
// private copy of what the login may see first, and an import is moved in as the login's own
// records, all of it or none (server_work_copy.hpp).
struct JobRecords {
    std::filesystem::path file;
    std::shared_ptr<db::postgres::ServerConnection> server;
};
// The errors of connecting to the server (db/postgres/server_connection.hpp).
JobRecords job_records(RecordStore& store);

// Throws ExportCancelled when cancelled. `options`: the exporter's own "key=value" lines.
ExportCounts export_job(const JobRecords& records, PluginObject<sdk::Exporter>& exporter,
                        const std::filesystem::path& destination, const ExportScope& scope,
                        JobControl& control, const std::string& options = {});

ImportCounts preview_job(PluginObject<sdk::Importer>& importer, const std::filesystem::path& file,
                         JobControl& control);
// `host` is only read (its technique libraries check the imported records).
ImportCounts import_job(const JobRecords& records, PluginObject<sdk::Importer>& importer,
                        const std::filesystem::path& file, PluginHost& host, JobControl& control);

// Throws JobCancelled when cancelled.
void backup_job(const std::filesystem::path& database_file,
                const std::filesystem::path& destination, JobControl& control);
// The automatic backup (RecordStore::backup_if_due) on its own connection; the new file or "".
std::filesystem::path automatic_backup_job(const std::filesystem::path& database_file,
                                           const std::filesystem::path& folder,
                                           JobControl& control);

// Creates `file` (which must not exist yet) filled with synthetic clients: the demo database.
// A run that fails or is cancelled leaves whole clients only (demo_data.hpp).
void create_demo_database_job(const std::filesystem::path& file, const DemoOptions& options,
                              JobControl& control);

// "12 clients, 3 intakes, 40 sessions and 2 questionnaire responses".
std::string describe(const ImportCounts& counts);

}  // namespace knotnotes::core
