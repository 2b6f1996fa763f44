#include "core/database_jobs.hpp"

#include <memory>

#include "core/practitioner_profiles.hpp"
#include "core/record_store.hpp"
#include "core/server_work_copy.hpp"
#include "db/backup.hpp"
#include "db/database.hpp"
#include "db/postgres/server_connection.hpp"

namespace knotnotes::core {
namespace {

// The worker's own connection to the file the window has open. It acts as the same
// practitioner as the window's connection, so the audit log names who imported.
std::unique_ptr<db::Database> worker_connection(const std::filesystem::path& database_file) {
    auto own = std::make_unique<db::Database>(database_file, db::OpenMode::existing_only);
    PractitionerProfiles(*own).act_as_current();
    return own;
}

}  // namespace

JobRecords job_records(RecordStore& store) {
    return {store.file(), store.another_server_connection()};
}

ExportCounts export_job(const JobRecords& records, PluginObject<sdk::Exporter>& exporter,
                        const std::filesystem::path& destination, const ExportScope& scope,
                        JobControl& control, const std::string& options) {
    if (!records.server) {
        const auto own = worker_connection(records.file);
        return export_records(
            *own, exporter, destination, scope,
            [&](std::int64_t done, std::int64_t total) {
                control.report(done, total);
                return !control.cancel_requested();
            },
            options);
    }
    // The bar's first half is the copy of the server, its second the export of the copy.
    ServerReadCopy copy(*records.server, [&](long long done, long long total) {
        control.report(done, 2 * total);
        if (control.cancel_requested())
            throw ExportCancelled();
    });
    return export_records(
        copy.database(), exporter, destination, scope,
        [&](std::int64_t done, std::int64_t total) {
            control.report(total + done, 2 * total);
            return !control.cancel_requested();
        },
        options, copy.installation_id());
}

ImportCounts preview_job(PluginObject<sdk::Importer>& importer, const std::filesystem::path& file,
                         JobControl& control) {
    auto counts = preview_import(importer, file);
    control.check_cancel();
    return counts;
}

ImportCounts import_job(const JobRecords& records, PluginObject<sdk::Importer>& importer,
                        const std::filesystem::path& file, PluginHost& host, JobControl& control) {
    control.check_cancel();
    if (!records.server) {
        const auto own = worker_connection(records.file);
        return import_records(*own, importer, file, host);
    }
    ImportCounts counts;
    write_through_staging(*records.server, [&](db::Database& staging) {
        counts = import_records(staging, importer, file, host);
    });
    return counts;
}

void backup_job(const std::filesystem::path& database_file,
                const std::filesystem::path& destination, JobControl& control) {
    const auto own = worker_connection(database_file);
    try {
        db::backup_database(*own, destination, [&](int done, int total) {
            control.report(done, total);
            control.check_cancel();
        });
    } catch (const JobCancelled&) {
        std::error_code ec;  // the copy is made beside the destination, see db/backup.hpp
        std::filesystem::remove(destination.string() + ".partial", ec);
        throw;
    }
}

std::filesystem::path automatic_backup_job(const std::filesystem::path& database_file,
                                           const std::filesystem::path& folder,
                                           JobControl& control) {
    control.check_cancel();
    RecordStore own(database_file);
    return own.backup_if_due(folder);
}

void create_demo_database_job(const std::filesystem::path& file, const DemoOptions& options,
                              JobControl& control) {
    if (std::filesystem::exists(file))
        throw std::runtime_error(file.string() +
                                 " already exists; demo data is only written "
                                 "into a new demo database");
    RecordStore own(file);
    own.add_demo_data(options, [&](int done, int total) {
        control.report(done, total);
        control.check_cancel();
    });
}

std::string describe(const ImportCounts& c) {
    return std::to_string(c.clients) + " clients, " + std::to_string(c.intakes) + " intakes, " +
           std::to_string(c.sessions) + " sessions and " +
           std::to_string(c.questionnaire_responses) + " questionnaire responses";
}

}  // namespace knotnotes::core
