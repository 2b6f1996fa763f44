// record_store.hpp — the open clinical database, as the front ends see it.
//
// Owns the db::Database and offers what the windows and commands need without SQL: counts,
// client pages, and demo data. Opening refuses a file that is not ours, is damaged or newer
// (db::DatabaseRefused, message naming the file), so a front end can tell the user and keep
// running.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "core/demo_data.hpp"
#include "core/practitioner_profiles.hpp"
#include "core/signing/note_signer.hpp"
#include "db/charting_store.hpp"
#include "db/client_repository.hpp"
#include "db/database.hpp"
#include "db/session_repository.hpp"

namespace knotnotes::core {

class RecordStore {
  public:
    // `key`: the key of an encrypted database, or the key a new one is created with (empty: a
    // plain database; see db/database.hpp).
    explicit RecordStore(const std::filesystem::path& file, db::DatabaseKey key = {});
    // Closing signs the audit head when a key is unlocked and there were changes since the last
    // anchor (audit_anchor.hpp), so a rewritten history after the last signing is caught too.
    ~RecordStore();
    RecordStore(const RecordStore&) = delete;
    RecordStore& operator=(const RecordStore&) = delete;

    const std::filesystem::path& file() const { return database_.file(); }
    db::Database& database() { return database_; }
    // Charting and signing a session (core/session_editor.hpp) in this database.
    db::ChartingStore& charting() { return *charting_; }
    NoteSigner& note_signer() { return note_signer_; }
    // The database's own id (a UUID made when it was created; kept by backups and restores):
    // settings that belong to one database, such as the last client shown, are kept under it.
    std::string installation_id();

    std::int64_t client_count();
    std::vector<db::ClientSummary> clients(std::int64_t offset, int limit);
    std::optional<sdk::Client> client(sdk::Id id);
    // Throws std::invalid_argument without a name or with a birth date that is not YYYY-MM-DD.
    sdk::Id add_client(const sdk::Client& client);
    // The figure the client's body chart is drawn with, kept with the client (db::DatabaseError
    // if there is no such client).
    void set_chart_figure(sdk::Id client_id, sdk::ChartFigure figure);
    std::optional<sdk::Intake> current_intake(sdk::Id client_id);
    std::vector<db::SessionSummary> sessions(sdk::Id client_id);
    // The practitioner who charted a note (for its printout).
    std::optional<sdk::Practitioner> practitioner(sdk::Id id);
    // Who charts: the current practitioner profile (practitioner_profiles.hpp); none on a first
    // run, before the therapist has said who they are.
    std::optional<sdk::Practitioner> current_practitioner();
    // The charting practitioner's unlocked key for this app session (asked for once).
    SigningSession& signing_session() { return signing_session_; }
    DemoSummary add_demo_data(const DemoOptions& options,
                              const std::function<void(int, int)>& progress = {});

    // A consistent copy of the database in `destination` (online backup: fine while in use).
    void backup_to(const std::filesystem::path& destination,
                   const std::function<void(int, int)>& progress = {});

    // The automatic backup: a rotating copy in `folder` (the newest `keep` are kept) when the
    // newest there is older than `max_age`, or there is none. Returns the new backup, or an
    // empty path when none was due. The app calls it when it closes a database.
    std::filesystem::path backup_if_due(const std::filesystem::path& folder, int keep = 10,
                                        std::chrono::hours max_age = std::chrono::hours(24));

  private:
    db::Database database_;
    std::unique_ptr<db::ChartingStore> charting_;
    FileNoteSigner note_signer_;
    SigningSession signing_session_;
};

}  // namespace knotnotes::core
