#include "record_store.hpp"

#include <stdexcept>

#include "core/entered_text.hpp"
#include "core/intake_service.hpp"
#include "core/practitioner_profiles.hpp"
#include "core/signing/audit_anchor.hpp"
#include "db/backup.hpp"
#include "db/installation.hpp"
#include "db/intake_repository.hpp"
#include "db/practitioner_repository.hpp"
#include "db/transaction.hpp"

namespace knotnotes::core {

RecordStore::RecordStore(const std::filesystem::path& file, db::DatabaseKey key)
    : database_(
          [&] {
              // The default location's folder may not exist on a first run.
              std::error_code ec;
              if (file.has_parent_path())
                  std::filesystem::create_directories(file.parent_path(), ec);
              return file;
          }(),
          std::move(key)),
      charting_(db::file_charting_store(database_)),
      note_signer_(database_) {
    PractitionerProfiles(database_).act_as_current();
}

RecordStore::~RecordStore() {
    if (const auto* key = signing_session_.key()) {
        try {
            anchor_head_if_moved(database_, *key);
        } catch (const std::exception&) {
            // A database that cannot be written now (full disk, read-only) keeps its records;
            // only this anchor is missing, and verify reports the entries after the last one.
        }
    }
}

std::string RecordStore::installation_id() {
    return db::installation_id(database_);
}

std::int64_t RecordStore::client_count() {
    return db::ClientRepository(database_).count();
}

std::vector<db::ClientSummary> RecordStore::clients(std::int64_t offset, int limit) {
    return db::ClientRepository(database_).list(offset, limit);
}

std::optional<sdk::Client> RecordStore::client(sdk::Id id) {
    return db::ClientRepository(database_).get(id);
}

sdk::Id RecordStore::add_client(const sdk::Client& client) {
    if (client.given_name.empty() && client.family_name.empty()) {
        throw std::invalid_argument("a client needs a given name or a family name");
    }
    check_entered_client(client);
    // "12/03/1980" is the 12th of March to some and the 3rd of December to others: only an
    // ISO date is stored, so exports (FHIR birthDate) carry what was meant.
    if (!client.birth_date.empty() && !is_calendar_date(client.birth_date)) {
        throw std::invalid_argument("the birth date \"" + client.birth_date +
                                    "\" is not a date written YYYY-MM-DD (e.g. 1980-03-12)");
    }
    return db::ClientRepository(database_).add(client);
}

void RecordStore::set_chart_figure(sdk::Id client_id, sdk::ChartFigure figure) {
    db::Transaction transaction(database_);  // read and write the client as one change
    db::ClientRepository clients(database_);
    auto client = clients.get(client_id);
    if (!client) {
        throw db::DatabaseError(database_.file().string() + ": no client with id " +
                                std::to_string(client_id));
    }
    if (client->chart_figure == figure)
        return;
    client->chart_figure = figure;
    clients.update(*client);
    transaction.commit();
}

std::optional<sdk::Intake> RecordStore::current_intake(sdk::Id client_id) {
    return db::IntakeRepository(database_).current(client_id);
}

std::vector<db::SessionSummary> RecordStore::sessions(sdk::Id client_id) {
    return db::SessionRepository(database_).list_for_client(client_id);
}

std::optional<sdk::Practitioner> RecordStore::practitioner(sdk::Id id) {
    return db::PractitionerRepository(database_).get(id);
}

std::optional<sdk::Practitioner> RecordStore::current_practitioner() {
    return PractitionerProfiles(database_).current();
}

DemoSummary RecordStore::add_demo_data(const DemoOptions& options,
                                       const std::function<void(int, int)>& progress) {
    return generate_demo_data(database_, options, progress);
}

void RecordStore::backup_to(const std::filesystem::path& destination,
                            const std::function<void(int, int)>& progress) {
    db::backup_database(database_, destination, progress);
}

std::filesystem::path RecordStore::backup_if_due(const std::filesystem::path& folder, int keep,
                                                 std::chrono::hours max_age) {
    const auto backups = db::list_backups(folder);
    if (!backups.empty()) {
        std::error_code ec;
        const auto newest = std::filesystem::last_write_time(backups.back(), ec);
        if (!ec && std::filesystem::file_time_type::clock::now() - newest < max_age)
            return {};
    }
    return db::rotate_backups(database_, folder, keep);
}

}  // namespace knotnotes::core
