// server_charting_store.hpp — charting on a clinic server: the PostgreSQL side of the charting
// seam (db/charting_store.hpp), over one connection.
//
// The server enforces what matters, whoever connects: the seals refuse a change to a signed
// session (RecordLocked), row-level security decides which sessions a login sees and may change,
// and the sessions' row version catches a lost update: update_note() sends the row version the
// writer read (NoteVersion), and the server refuses the update when another login (or another
// window) saved the session since (EditConflict: "changed by NAME at TIME: reload ...").
#pragma once

#include "db/charting_store.hpp"
#include "shared_connection.hpp"

namespace knotnotes::db::postgres {

class ServerChartingStore final : public ChartingStore {
  public:
    explicit ServerChartingStore(ServerConnection server)
        : ServerChartingStore(shared(std::move(server))) {}
    explicit ServerChartingStore(SharedConnection server)
        : connection_(std::move(server)), server_(*connection_) {}

    using ChartingStore::session;
    std::optional<sdk::Session> session(sdk::Id id, NoteVersion& read) override;
    std::vector<SessionSummary> sessions_of(sdk::Id client_id) override;
    std::optional<sdk::Id> current_intake_id(sdk::Id client_id) override;
    sdk::Id create_draft(const sdk::Session& draft) override;
    void update_note(const sdk::Session& session, NoteVersion& read) override;

    std::vector<sdk::Knot> knots(sdk::Id session_id) override;
    sdk::Id add_knot(const sdk::Knot& knot) override;
    void update_knot(const sdk::Knot& knot) override;
    void remove_knot(sdk::Id knot_id) override;

    sdk::Id add_pressure_reading(const sdk::PressureReading& reading) override;
    void update_pressure_reading(const sdk::PressureReading& reading) override;
    void remove_pressure_reading(sdk::Id reading_id) override;

    sdk::Id add_technique_use(const sdk::TechniqueUse& use) override;
    void update_technique_use(const sdk::TechniqueUse& use) override;
    void remove_technique_use(sdk::Id use_id) override;

    // The store's own connection, for what else is read or written in the same units of work
    // (server_note_records.hpp).
    ServerConnection& connection() { return server_; }

  private:
    sdk::Id insert_returning_id(const std::string& sql,
                                const std::vector<std::optional<std::string>>& values);
    void change_one(const char* what, sdk::Id id, const std::string& sql,
                    const std::vector<std::optional<std::string>>& values);
    std::vector<sdk::PressureReading> pressure_readings(sdk::Id session_id);
    std::vector<sdk::TechniqueUse> technique_uses(sdk::Id session_id);

    SharedConnection connection_;
    ServerConnection& server_;
};

}  // namespace knotnotes::db::postgres
