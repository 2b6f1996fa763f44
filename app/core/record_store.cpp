#include "record_store.hpp"

#include <stdexcept>

#include "core/entered_text.hpp"
#include "core/intake_service.hpp"
#include "core/practitioner_profiles.hpp"
#include "core/signing/audit_anchor.hpp"
#include "core/signing/signing_key.hpp"
#include "db/backup.hpp"
#include "db/installation.hpp"
#include "db/intake_repository.hpp"
#include "db/postgres/server_connection.hpp"
#include "db/practitioner_repository.hpp"
#include "db/server_records.hpp"
#include "db/transaction.hpp"

namespace knotnotes::core {

RecordStore::RecordStore(const std::filesystem::path& file, db::DatabaseKey key)
    : database_(std::make_unique<db::Database>(
          [&] {
              // The default location's folder may not exist on a first run.
              std::error_code ec;
              if (file.has_parent_path())
                  std::filesystem::create_directories(file.parent_path(), ec);
              return file;
          }(),
          std::move(key))),
      clients_(db::file_client_records(*database_)),
      intakes_(db::file_intake_records(*database_)),
      questionnaires_(db::file_questionnaire_records(*database_)),
      charting_(db::file_charting_store(*database_)),
      note_records_(db::file_note_records(*database_)),
      note_signer_(std::make_unique<FileNoteSigner>(*database_)) {
    PractitionerProfiles(*database_).act_as_current();
}

// One connection of the login's own for every seam (db/server_records.hpp); connecting sets an
// empty server database up.
RecordStore::RecordStore(const ClinicServer& server) {
    auto records = db::connect_server_records(server.address, server.password);
    server_connection_ = std::move(records.connection);
    clients_ = std::move(records.clients);
    intakes_ = std::move(records.intakes);
    questionnaires_ = std::move(records.questionnaires);
    charting_ = std::move(records.charting);
    note_records_ = std::move(records.notes);
    anchors_ = std::move(records.anchors);
    note_signer_ = std::make_unique<ServerNoteSigner>(*note_records_, *anchors_);
    server_ = clients_->where();
}

RecordStore::~RecordStore() {
    if (const auto* key = signing_session_.key()) {
        try {
            if (database_)
                anchor_head_if_moved(*database_, *key);
            else
                anchor_head_if_moved(*anchors_, *key);
        } catch (const std::exception&) {
            // A database that cannot be written now (full disk, read-only) keeps its records;
            // only this anchor is missing, and verify reports the entries after the last one.
        }
    }
}

const std::filesystem::path& RecordStore::file() const {
    static const std::filesystem::path none;
    return database_ ? database_->file() : none;
}

std::string RecordStore::location() const {
    return clients_->where();
}

std::shared_ptr<db::postgres::ServerConnection> RecordStore::another_server_connection() {
    if (!server_connection_)
        return nullptr;
    return std::make_shared<db::postgres::ServerConnection>(server_connection_->another());
}

db::Database& RecordStore::database() {
    if (!database_) {
        throw db::DatabaseError(server_ +
                                " holds the records, and this works on a database file only so "
                                "far: use knotnotes-cli on the server, or a file.");
    }
    return *database_;
}

std::string RecordStore::installation_id() {
    // A server's settings (the last client shown) belong to the login on that server.
    return database_ ? db::installation_id(*database_) : "server " + server_;
}

std::int64_t RecordStore::client_count() {
    return clients_->count();
}

std::vector<db::ClientSummary> RecordStore::clients(std::int64_t offset, int limit) {
    return clients_->list(offset, limit);
}

std::optional<sdk::Client> RecordStore::client(sdk::Id id) {
    return clients_->get(id);
}

sdk::Id RecordStore::add_client(const sdk::Client& client, const std::string& therapist_login) {
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
    return therapist_login.empty() ? clients_->add(client)
                                   : clients_->add_for(client, therapist_login);
}

void RecordStore::set_chart_figure(sdk::Id client_id, sdk::ChartFigure figure) {
    clients_->set_chart_figure(client_id, figure);
}

std::optional<sdk::Intake> RecordStore::current_intake(sdk::Id client_id) {
    return intakes_->current(client_id);
}

std::vector<db::SessionSummary> RecordStore::sessions(sdk::Id client_id) {
    return charting_->sessions_of(client_id);
}

std::optional<sdk::Practitioner> RecordStore::practitioner(sdk::Id id) {
    return note_records_->practitioner(id);
}

std::optional<sdk::Practitioner> RecordStore::current_practitioner() {
    if (!database_) {
        const auto own = note_records_->own_practitioner();
        return own ? note_records_->practitioner(*own) : std::nullopt;
    }
    return PractitionerProfiles(*database_).current();
}

bool RecordStore::has_signing_key(sdk::Id practitioner_id) {
    return note_records_->sealed_signing_key(practitioner_id).has_value();
}

std::unique_ptr<UnlockedKey> RecordStore::unlock_signing_key(sdk::Id practitioner_id,
                                                             std::string_view passphrase) {
    if (database_)
        return PractitionerProfiles(*database_).unlock(practitioner_id, passphrase);
    const auto key = note_records_->sealed_signing_key(practitioner_id);
    if (!key) {
        throw std::runtime_error("your login has no signing key on " + server_ +
                                 ": move your database in with its key (knotnotes-cli migrate "
                                 "--to the server), or ask the clinic owner");
    }
    return core::unlock_signing_key(*key, passphrase);
}

std::unique_ptr<UnlockedKey> RecordStore::create_signing_key(sdk::Id practitioner_id,
                                                             std::string_view passphrase) {
    auto key = make_signing_key(practitioner_id, passphrase);
    const auto id = note_records_->add_signing_key(key.stored);
    // Unsealed from what was kept, so the key in use is the one the records hold.
    auto stored = key.stored;
    stored.id = id;
    return core::unlock_signing_key(stored, passphrase);
}

DemoSummary RecordStore::add_demo_data(const DemoOptions& options,
                                       const std::function<void(int, int)>& progress) {
    return generate_demo_data(database(), options, progress);
}

void RecordStore::backup_to(const std::filesystem::path& destination,
                            const std::function<void(int, int)>& progress) {
    if (!database_) {
        throw db::DatabaseError(server_ +
                                " is backed up on the server: knotnotes-cli export, and pg_dump "
                                "(see \"Setting up a clinic server\" in the README).");
    }
    db::backup_database(*database_, destination, progress);
}

std::filesystem::path RecordStore::backup_if_due(const std::filesystem::path& folder, int keep,
                                                 std::chrono::hours max_age) {
    if (!database_)
        return {};  // the clinic backs its server up (pg_dump), not each computer
    const auto backups = db::list_backups(folder);
    if (!backups.empty()) {
        std::error_code ec;
        const auto newest = std::filesystem::last_write_time(backups.back(), ec);
        if (!ec && std::filesystem::file_time_type::clock::now() - newest < max_age)
            return {};
    }
    return db::rotate_backups(*database_, folder, keep);
}

}  // namespace knotnotes::core
