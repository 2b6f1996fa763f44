#include "server_note_records.hpp"

#include "db/database_error.hpp"
#include "postgres_clinic_directory.hpp"
#include "server_intake_records.hpp"
#include "server_questionnaire_records.hpp"
#include "server_values.hpp"

namespace knotnotes::db::postgres {
namespace {

using namespace values;

class ServerWrite final : public NoteRecords::Write {
  public:
    explicit ServerWrite(ServerConnection& server) : transaction_(server) {}
    void commit() override { transaction_.commit(); }

  private:
    ServerTransaction transaction_;
};

}  // namespace

std::unique_ptr<NoteRecords::Write> ServerNoteRecords::begin_write() {
    return std::make_unique<ServerWrite>(server());
}

std::optional<std::string> ServerNoteRecords::one_text(const std::string& sql,
                                                       const std::string& parameter) {
    const auto rows = server().query(sql, {parameter});
    if (rows.size() == 0)
        return std::nullopt;
    return rows.text(0, 0);
}

std::optional<std::string> ServerNoteRecords::client_uid(sdk::Id client_id) {
    return one_text("SELECT uid FROM clients WHERE id = $1", number(client_id));
}

std::optional<sdk::Practitioner> ServerNoteRecords::practitioner(sdk::Id id) {
    const auto rows = server().query(
        "SELECT id, name, credentials, uid, registration, coalesce((SELECT public_key FROM "
        "signing_keys k WHERE k.practitioner_id = p.id ORDER BY k.id DESC LIMIT 1), '') "
        "FROM practitioners p WHERE id = $1",
        {number(id)});
    if (rows.size() == 0)
        return std::nullopt;
    return sdk::Practitioner{std::stoll(rows.text(0, 0)),
                             rows.text(0, 1),
                             rows.text(0, 2),
                             rows.text(0, 3),
                             rows.text(0, 4),
                             rows.text(0, 5)};
}

bool ServerNoteRecords::is_demo_practitioner(sdk::Id id) {
    return one_text("SELECT is_demo FROM practitioners WHERE id = $1", number(id)) ==
           std::optional<std::string>("1");
}

std::optional<sdk::Intake> ServerNoteRecords::intake(sdk::Id id) {
    return read_intake(server(), id);
}

std::optional<std::string> ServerNoteRecords::knot_uid(sdk::Id knot_id) {
    return one_text("SELECT uid FROM knots WHERE id = $1", number(knot_id));
}

std::vector<sdk::QuestionnaireResponse> ServerNoteRecords::responses_for_session(
    sdk::Id session_id) {
    return session_responses(server(), session_id);
}

std::optional<sdk::Id> ServerNoteRecords::signing_key_owner(const std::string& public_key) {
    const auto owner =
        one_text("SELECT practitioner_id FROM signing_keys WHERE public_key = $1", public_key);
    return owner ? std::optional<sdk::Id>(std::stoll(*owner)) : std::nullopt;
}

std::optional<StoredSigningKey> ServerNoteRecords::sealed_signing_key(sdk::Id practitioner_id) {
    // Only a login's own (server migration 003): nobody reads another's sealed key.
    const auto rows = server().query(
        "SELECT id, practitioner_id, public_key, sealed_secret_key, kdf_salt, kdf_opslimit, "
        "kdf_memlimit, nonce, created_at FROM kn_my_sealed_signing_key() "
        "WHERE practitioner_id = $1",
        {values::number(practitioner_id)});
    if (rows.size() == 0)
        return std::nullopt;
    StoredSigningKey key;
    key.id = values::id_at(rows, 0, 0);
    key.practitioner_id = values::id_at(rows, 0, 1);
    key.public_key = rows.text(0, 2);
    key.sealed_secret_key = rows.text(0, 3);
    key.kdf_salt = rows.text(0, 4);
    key.kdf_opslimit = std::stoull(rows.text(0, 5));
    key.kdf_memlimit = std::stoull(rows.text(0, 6));
    key.nonce = rows.text(0, 7);
    key.created_at = rows.text(0, 8);
    return key;
}

// The policy signing_keys_own (001) lets a login add keys of its own practitioner only.
sdk::Id ServerNoteRecords::add_signing_key(const StoredSigningKey& key) {
    return values::id_at(
        server().query(
            "INSERT INTO signing_keys (practitioner_id, public_key, sealed_secret_key, kdf_salt, "
            "kdf_opslimit, kdf_memlimit, nonce) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            {values::number(key.practitioner_id), key.public_key, key.sealed_secret_key,
             key.kdf_salt, std::to_string(key.kdf_opslimit), std::to_string(key.kdf_memlimit),
             key.nonce}),
        0, 0);
}

std::optional<sdk::Id> ServerNoteRecords::own_practitioner() {
    const auto rows = server().query("SELECT kn_my_practitioner_id()");
    const auto id = rows.value(0, 0);
    return id ? std::optional<sdk::Id>(std::stoll(*id)) : std::nullopt;
}

void ServerNoteRecords::seal(sdk::Id session_id, const sdk::Signature& g) {
    const auto signer = g.signer_practitioner_id
                            ? std::optional<std::string>(number(g.signer_practitioner_id))
                            : std::nullopt;
    const auto rows = server().query(
        "UPDATE sessions SET status = 'signed', signed_by = $1, signed_at = $2, "
        "content_sha256 = $3, signer_practitioner_id = $4, signature_algorithm = $5, "
        "canonical_version = $6, signer_public_key = $7, signature_value = $8 "
        "WHERE id = $9 AND status = 'draft'",
        {g.signer, g.signed_at, g.content_sha256, signer, g.algorithm, number(g.canonical_version),
         g.public_key, g.value, number(session_id)});
    if (rows.affected() != 1) {
        throw RecordLocked(server().description() + ": session " + number(session_id) +
                           " is not a draft your login may sign (already signed, gone, or "
                           "another practitioner's), so it cannot be signed");
    }
}

}  // namespace knotnotes::db::postgres

namespace knotnotes::db {

std::unique_ptr<NoteRecords> connect_note_records(const std::string& address,
                                                  std::optional<std::string> password) {
    return std::make_unique<postgres::ServerNoteRecords>(
        connect_clinic_server(address, std::move(password)));
}

}  // namespace knotnotes::db
