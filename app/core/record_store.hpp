// record_store.hpp — the open clinical records, as the front ends see them: a database file, or
// a clinic server (PostgreSQL) the app connected to.
//
// Offers what the windows and commands need without SQL: counts, client pages, sessions,
// charting and signing, through the storage seams (db/client_records.hpp,
// db/charting_store.hpp, db/note_records.hpp), so the windows work the same on either engine.
// Opening refuses a file that is not ours, is damaged or newer (db::DatabaseRefused, message
// naming the file), so a front end can tell the user and keep running.
//
// What is not behind a seam yet works on a file only: database() (practitioner profiles, demo
// data and backups). On a
// server, on_server() is true, database() throws db::DatabaseError saying so, and the windows leave
// those commands out.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/demo_data.hpp"
#include "core/practitioner_profiles.hpp"
#include "core/signing/note_signer.hpp"
#include "db/audit_anchors.hpp"
#include "db/charting_store.hpp"
#include "db/client_records.hpp"
#include "db/client_repository.hpp"
#include "db/database.hpp"
#include "db/intake_records.hpp"
#include "db/questionnaire_records.hpp"
#include "db/session_repository.hpp"

namespace knotnotes::db::postgres {
class ServerConnection;
}

namespace knotnotes::core {

class RecordStore {
  public:
    // `key`: the key of an encrypted database, or the key a new one is created with (empty: a
    // plain database; see db/database.hpp).
    explicit RecordStore(const std::filesystem::path& file, db::DatabaseKey key = {});
    // The records a clinic server at `address` (a libpq URI) lets its login see, the password
    // as for db::connect_clinic_directory (given, else PGPASSFILE; never kept here). The errors
    // of db/postgres/server_connection.hpp (PasswordNeeded, LoginRefused, DatabaseError ...).
    struct ClinicServer {
        std::string address;
        std::optional<std::string> password;
    };
    explicit RecordStore(const ClinicServer& server);
    // Closing signs the audit head when a key is unlocked and there were changes since the last
    // anchor (audit_anchor.hpp), so a rewritten history after the last signing is caught too.
    ~RecordStore();
    RecordStore(const RecordStore&) = delete;
    RecordStore& operator=(const RecordStore&) = delete;

    bool on_server() const { return !database_; }
    // The file's path; empty on a clinic server.
    const std::filesystem::path& file() const;
    // Where the records are, for titles and messages: the file's path, or the clinic server's
    // address without its password.
    std::string location() const;
    // The file's database; on a clinic server db::DatabaseError (see above).
    db::Database& database();
    // The clients, their intakes and their questionnaire responses, on either engine.
    db::ClientRecords& client_records() { return *clients_; }
    db::IntakeRecords& intake_records() { return *intakes_; }
    db::QuestionnaireRecords& questionnaire_records() { return *questionnaires_; }
    // Charting and signing a session (core/session_editor.hpp) in this database.
    db::ChartingStore& charting() { return *charting_; }
    NoteSigner& note_signer() { return *note_signer_; }
    // The database's own id (a UUID made when it was created; kept by backups and restores):
    // settings that belong to one database, such as the last client shown, are kept under it.
    std::string installation_id();

    std::int64_t client_count();
    std::vector<db::ClientSummary> clients(std::int64_t offset, int limit);
    std::optional<sdk::Client> client(sdk::Id id);
    // Throws std::invalid_argument without a name or with a birth date that is not YYYY-MM-DD.
    // `therapist_login`: on a clinic server, whom the front desk or the owner books the client
    // with (one of bookable_therapists()); empty: the adding login's own.
    sdk::Id add_client(const sdk::Client& client, const std::string& therapist_login = {});
    // Whom a new client may be booked with (db::ClientRecords::therapists): none on a file.
    std::vector<db::BookableTherapist> bookable_therapists() { return clients_->therapists(); }
    // The figure the client's body chart is drawn with, kept with the client (db::DatabaseError
    // if there is no such client; on a server AccessDenied for the front desk).
    void set_chart_figure(sdk::Id client_id, sdk::ChartFigure figure);
    std::optional<sdk::Intake> current_intake(sdk::Id client_id);
    std::vector<db::SessionSummary> sessions(sdk::Id client_id);
    // The practitioner who charted a note (for its printout).
    std::optional<sdk::Practitioner> practitioner(sdk::Id id);
    // Who charts: the current practitioner profile (practitioner_profiles.hpp); none on a first
    // run, before the therapist has said who they are. On a clinic server, the login's own
    // practitioner (none for a login without one).
    std::optional<sdk::Practitioner> current_practitioner();
    // Whether the practitioner has a signing key here that a passphrase unlocks, and that key
    // unlocked (WrongPassphrase; std::runtime_error when there is none), on either engine.
    bool has_signing_key(sdk::Id practitioner_id);
    std::unique_ptr<UnlockedKey> unlock_signing_key(sdk::Id practitioner_id,
                                                    std::string_view passphrase);
    // A new signing key for the practitioner, sealed under `passphrase` and kept with the
    // records, unlocked (std::invalid_argument for a passphrase under 8 characters). On a file
    // a practitioner profile makes its key (practitioner_profiles.hpp); on a clinic server a
    // login without a key makes its own here, the first time it signs.
    std::unique_ptr<UnlockedKey> create_signing_key(sdk::Id practitioner_id,
                                                    std::string_view passphrase);
    // On a clinic server, a connection of its own to the same server as the same login, for a
    // job on another thread (database_jobs.hpp); null for a file. The errors of connecting.
    std::shared_ptr<db::postgres::ServerConnection> another_server_connection();
    // The file's key (empty for a plain file); none on a clinic server.
    const db::DatabaseKey* database_key() const { return database_ ? &database_->key() : nullptr; }
    // The charting practitioner's unlocked key for this app session (asked for once).
    SigningSession& signing_session() { return signing_session_; }
    DemoSummary add_demo_data(const DemoOptions& options,
                              const std::function<void(int, int)>& progress = {});

    // A consistent copy of the database in `destination` (online backup: fine while in use). On
    // a clinic server db::DatabaseError: a server is backed up with export and pg_dump.
    void backup_to(const std::filesystem::path& destination,
                   const std::function<void(int, int)>& progress = {});

    // The automatic backup: a rotating copy in `folder` (the newest `keep` are kept) when the
    // newest there is older than `max_age`, or there is none. Returns the new backup, or an
    // empty path when none was due (always on a clinic server). The app calls it when it closes
    // a database.
    std::filesystem::path backup_if_due(const std::filesystem::path& folder, int keep = 10,
                                        std::chrono::hours max_age = std::chrono::hours(24));

  private:
    std::unique_ptr<db::Database> database_;  // a file's; none on a clinic server
    std::string server_;                      // the server's address (no password), or empty
    std::shared_ptr<db::postgres::ServerConnection> server_connection_;  // the seams' own
    std::unique_ptr<db::ClientRecords> clients_;
    std::unique_ptr<db::IntakeRecords> intakes_;
    std::unique_ptr<db::QuestionnaireRecords> questionnaires_;
    std::unique_ptr<db::ChartingStore> charting_;
    std::unique_ptr<db::NoteRecords> note_records_;
    std::unique_ptr<db::AuditAnchors> anchors_;  // a server's; a file anchors through database_
    std::unique_ptr<NoteSigner> note_signer_;
    SigningSession signing_session_;
};

}  // namespace knotnotes::core
