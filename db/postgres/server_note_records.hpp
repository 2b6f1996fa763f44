// server_note_records.hpp — what a note's signature covers, read from a clinic server, and its
// seal (the PostgreSQL side of db/note_records.hpp), on the login's own connection.
//
// Rows are read as the login sees them (row-level security), and the server's triggers decide
// what may be sealed: a signed session stays sealed whatever a client sends.
#pragma once

#include "db/note_records.hpp"
#include "server_charting_store.hpp"

namespace knotnotes::db::postgres {

class ServerNoteRecords final : public NoteRecords {
  public:
    explicit ServerNoteRecords(ServerConnection server) : charting_(std::move(server)) {}
    explicit ServerNoteRecords(SharedConnection server) : charting_(std::move(server)) {}

    std::unique_ptr<Write> begin_write() override;
    std::optional<sdk::Session> session(sdk::Id id) override { return charting_.session(id); }
    std::optional<std::string> client_uid(sdk::Id client_id) override;
    std::optional<sdk::Practitioner> practitioner(sdk::Id id) override;
    bool is_demo_practitioner(sdk::Id id) override;
    std::optional<sdk::Intake> intake(sdk::Id id) override;
    std::optional<std::string> knot_uid(sdk::Id knot_id) override;
    std::vector<sdk::QuestionnaireResponse> responses_for_session(sdk::Id session_id) override;
    std::optional<sdk::Id> signing_key_owner(const std::string& public_key) override;
    std::optional<StoredSigningKey> sealed_signing_key(sdk::Id practitioner_id) override;
    sdk::Id add_signing_key(const StoredSigningKey& key) override;
    std::optional<sdk::Id> own_practitioner() override;
    void seal(sdk::Id session_id, const sdk::Signature& signature) override;

  private:
    ServerConnection& server() { return charting_.connection(); }
    std::optional<std::string> one_text(const std::string& sql, const std::string& parameter);

    ServerChartingStore charting_;  // reads sessions as the charting seam does
};

}  // namespace knotnotes::db::postgres
