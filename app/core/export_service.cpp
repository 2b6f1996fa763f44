#include "export_service.hpp"

#include <unistd.h>

#include <algorithm>

#include <knotnotes/sdk/timestamps.hpp>

#include "core/product_version.hpp"

#include "db/client_repository.hpp"
#include "db/database.hpp"
#include "db/installation.hpp"
#include "db/intake_repository.hpp"
#include "db/practitioner_repository.hpp"
#include "db/questionnaire_repository.hpp"
#include "db/read_snapshot.hpp"
#include "db/session_repository.hpp"

namespace knotnotes::core {
namespace {

// A bound is a date (compared with the timestamp's UTC date) or a UTC timestamp (compared with
// the whole timestamp: how the GUI sends a range of local days, see core/local_time.hpp).
bool in_scope(const std::string& timestamp, const ExportScope& scope) {
    const auto key = [&](const std::string& bound) {
        return bound.size() == 10 ? timestamp.substr(0, 10) : timestamp;
    };
    return (scope.since.empty() || key(scope.since) >= scope.since) &&
           (scope.until.empty() || key(scope.until) <= scope.until);
}

bool dated_scope(const ExportScope& scope) {
    return !scope.since.empty() || !scope.until.empty();
}

std::int64_t clients_in_scope(db::Database& db, const ExportScope& scope) {
    if (scope.client)
        return 1;
    auto st = db.prepare("SELECT count(*) FROM clients");
    st->step();
    return st->int64(0);
}

// Where the exporter writes until the export is complete.
std::filesystem::path partial_path(const std::filesystem::path& destination) {
    return destination.parent_path() /
           (destination.filename().string() + ".partial-" + std::to_string(::getpid()));
}

void check_destination(const std::filesystem::path& destination, bool folder) {
    std::error_code ec;
    if (!std::filesystem::exists(destination, ec))
        return;
    if (folder && !std::filesystem::is_directory(destination, ec)) {
        throw std::runtime_error(destination.string() + " exists and is not a folder");
    }
    if (folder && !std::filesystem::is_empty(destination, ec)) {
        throw std::runtime_error(destination.string() +
                                 " is a folder that is not empty; choose a new or empty folder "
                                 "so no existing file is overwritten");
    }
    if (!folder && std::filesystem::is_directory(destination, ec)) {
        throw std::runtime_error(destination.string() + " is a folder; give a file name");
    }
}

class Streamer {
  public:
    Streamer(db::Database& db, PluginObject<sdk::Exporter>& exporter, const ExportScope& scope)
        : db_(db), exporter_(exporter), scope_(scope) {}

    ExportCounts run(const ExportProgress& progress) {
        for (const auto& p : db::PractitionerRepository(db_).all()) {
            exporter_.call("write_practitioner",
                           [&](sdk::Exporter& e) { e.write_practitioner(p); });
        }
        const auto total = clients_in_scope(db_, scope_);
        std::int64_t done = 0;
        if (scope_.client) {
            write_client(*scope_.client);
            ++done;
        } else {
            db::ClientRepository clients(db_);
            for (sdk::Id after = 0;;) {
                const auto page = clients.ids_after(after, 500);
                if (page.empty())
                    break;
                for (auto id : page) {
                    write_client(id);
                    if (progress && !progress(++done, total))
                        throw ExportCancelled();
                }
                after = page.back();
            }
        }
        if (progress && !progress(total, total))
            throw ExportCancelled();
        return counts_;
    }

  private:
    void write_client(sdk::Id client_id) {
        const auto client = db::ClientRepository(db_).get(client_id);
        if (!client)
            throw std::runtime_error("no client with id " + std::to_string(client_id));
        auto sessions = db::SessionRepository(db_).list_for_client(client_id);
        auto responses = db::QuestionnaireRepository(db_).for_client(client_id);
        if (dated_scope(scope_)) {
            sessions.erase(std::remove_if(sessions.begin(), sessions.end(),
                                          [&](auto& s) { return !in_scope(s.started_at, scope_); }),
                           sessions.end());
            responses.erase(
                std::remove_if(responses.begin(), responses.end(),
                               [&](auto& r) { return !in_scope(r.completed_at, scope_); }),
                responses.end());
            if (sessions.empty() && responses.empty())
                return;  // nobody seen in the period
        }
        exporter_.call("write_client", [&](sdk::Exporter& e) { e.write_client(*client); });
        ++counts_.clients;
        for (const auto& intake : db::IntakeRepository(db_).versions(client_id)) {
            exporter_.call("write_intake", [&](sdk::Exporter& e) { e.write_intake(intake); });
        }
        db::SessionRepository session_repository(db_);
        for (const auto& summary : sessions) {
            const auto session = session_repository.get(summary.id);
            exporter_.call("write_session", [&](sdk::Exporter& e) { e.write_session(*session); });
            ++counts_.sessions;
        }
        for (const auto& response : responses) {
            exporter_.call("write_questionnaire_response",
                           [&](sdk::Exporter& e) { e.write_questionnaire_response(response); });
            ++counts_.questionnaire_responses;
        }
    }

    db::Database& db_;
    PluginObject<sdk::Exporter>& exporter_;
    const ExportScope& scope_;
    ExportCounts counts_;
};

}  // namespace

bool is_valid_scope_date(const std::string& date) {
    return date.empty() || sdk::is_iso_date(date);
}

ExportCounts export_records(db::Database& db, PluginObject<sdk::Exporter>& exporter,
                            const std::filesystem::path& destination, const ExportScope& scope,
                            const ExportProgress& progress, const std::string& options,
                            const std::string& installation) {
    const auto format = exporter.call("format", [](sdk::Exporter& e) { return e.format(); });
    check_destination(destination, format.writes_folder);
    const auto partial = partial_path(destination);
    std::error_code ec;
    std::filesystem::remove_all(partial, ec);
    auto discard_partial = [&] { std::filesystem::remove_all(partial, ec); };

    const sdk::ExportContext context{partial, "KnotNotes " KNOTNOTES_VERSION_STRING,
                                     installation.empty() ? db::installation_id(db) : installation,
                                     options};
    ExportCounts counts;
    const PluginOperationScope operation("export", partial);  // a crash: cleaned up next start
    try {
        exporter.call("begin", [&](sdk::Exporter& e) { e.begin(context); });
        // One consistent view of the records, however long the export takes.
        const db::ReadSnapshot snapshot(db);
        counts = Streamer(db, exporter, scope).run(progress);
        exporter.call("end", [](sdk::Exporter& e) { e.end(); });
    } catch (...) {
        try {
            exporter.call("abort", [](sdk::Exporter& e) { e.abort(); });
        } catch (...) {
            // Already failing: the first error is the one to report.
        }
        discard_partial();
        throw;
    }
    if (format.writes_folder)
        std::filesystem::remove(destination, ec);  // empty, checked above
    std::filesystem::rename(partial, destination, ec);
    if (ec) {
        discard_partial();
        throw std::runtime_error(destination.string() +
                                 ": cannot put the export in place: " + ec.message());
    }
    return counts;
}

}  // namespace knotnotes::core
