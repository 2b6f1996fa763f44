// Migration 2: a record that holds up. Frozen once released; changes go in a new migration.
//
// - Identity: the database's installation id; a uid (UUID) on every record, kept through export
//   and import; practitioners' registration numbers; which practitioners are synthetic (demo).
// - Signatures: practitioners' Ed25519 keys (the secret half sealed under their passphrase),
//   sessions signed by a key over a canonical form, signed audit-chain anchors. Notes sealed by
//   KnotNotes 1.0 keep their hash seal, marked "sha256-legacy".
// - Seals without holes: every way to change a signed note or what was charted in it (UPDATE,
//   DELETE, REPLACE, UPSERT, moving a row into or out of it) is refused, and so is replacing an
//   intake version, a signing key or an audit entry.
//
// Order matters: the old triggers go first (they would refuse the uid fill of signed notes),
// the audit triggers come back with the new columns before the fill (so each filled row gets an
// audit entry with its new content and `verify` still matches), the seals come last.
#include <string>

#include "audit_schema.hpp"
#include "database.hpp"
#include "migrations.hpp"

namespace knotnotes::db::migration {
namespace {

constexpr const char* drop_v1_triggers = R"sql(
DROP TRIGGER intakes_never_updated;
DROP TRIGGER intakes_never_deleted;
DROP TRIGGER sessions_signed_no_update;
DROP TRIGGER sessions_signed_no_delete;
DROP TRIGGER knots_signed_no_INSERT;
DROP TRIGGER knots_signed_no_UPDATE;
DROP TRIGGER knots_signed_no_DELETE;
DROP TRIGGER pressure_readings_signed_no_INSERT;
DROP TRIGGER pressure_readings_signed_no_UPDATE;
DROP TRIGGER pressure_readings_signed_no_DELETE;
DROP TRIGGER technique_uses_signed_no_INSERT;
DROP TRIGGER technique_uses_signed_no_UPDATE;
DROP TRIGGER technique_uses_signed_no_DELETE;
DROP TRIGGER audit_log_append_only_update;
DROP TRIGGER audit_log_append_only_delete;
)sql";

constexpr const char* new_columns_and_tables = R"sql(
-- One row: this database's identity, given when it was created (or migrated) and never changed.
CREATE TABLE installation (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    installation_id TEXT NOT NULL CHECK (length(installation_id) = 36),
    created_at      TEXT NOT NULL
);

ALTER TABLE practitioners ADD COLUMN uid TEXT;
ALTER TABLE practitioners ADD COLUMN registration TEXT NOT NULL DEFAULT '';
-- Synthetic practitioners of demo data: never offered as the person who charts and signs.
ALTER TABLE practitioners ADD COLUMN is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1));

-- A practitioner's signing keys, newest last. The secret key is sealed with
-- XChaCha20-Poly1305 under a key derived from the practitioner's passphrase with Argon2id
-- (salt and limits stored with it), so holding this file is not enough to sign.
CREATE TABLE signing_keys (
    id                INTEGER PRIMARY KEY,
    practitioner_id   INTEGER NOT NULL REFERENCES practitioners (id),
    public_key        TEXT NOT NULL UNIQUE CHECK (length(public_key) = 44),
    sealed_secret_key TEXT,
    kdf_salt          TEXT,
    kdf_opslimit      INTEGER,
    kdf_memlimit      INTEGER,
    nonce             TEXT,
    created_at        TEXT NOT NULL
);
CREATE INDEX signing_keys_by_practitioner ON signing_keys (practitioner_id);

ALTER TABLE clients ADD COLUMN uid TEXT;
ALTER TABLE clients ADD COLUMN chart_figure TEXT NOT NULL DEFAULT 'neutral'
    CHECK (chart_figure = 'neutral' OR chart_figure = 'female' OR chart_figure = 'male');
ALTER TABLE intakes ADD COLUMN uid TEXT;
ALTER TABLE sessions ADD COLUMN uid TEXT;
ALTER TABLE sessions ADD COLUMN amendment_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN conflict_acknowledgement TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN signer_practitioner_id INTEGER REFERENCES practitioners (id);
ALTER TABLE sessions ADD COLUMN signature_algorithm TEXT;
ALTER TABLE sessions ADD COLUMN canonical_version INTEGER;
ALTER TABLE sessions ADD COLUMN signer_public_key TEXT;
ALTER TABLE sessions ADD COLUMN signature_value TEXT;
ALTER TABLE knots ADD COLUMN uid TEXT;
ALTER TABLE knots ADD COLUMN referral_area TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(referral_area));
ALTER TABLE pressure_readings ADD COLUMN uid TEXT;
ALTER TABLE technique_uses ADD COLUMN uid TEXT;
ALTER TABLE questionnaire_responses ADD COLUMN uid TEXT;

-- The head of the audit chain as a practitioner's key signed it: at each signing and when the
-- app closes the database with a key unlocked. Rewriting history (even with every hash
-- recomputed) no longer matches an anchor. Append-only.
CREATE TABLE audit_anchors (
    id                INTEGER PRIMARY KEY,
    reason            TEXT NOT NULL,  -- 'signed <session uid>' or 'closed'
    audit_seq         INTEGER NOT NULL,
    audit_hash        TEXT NOT NULL,
    signed_at         TEXT NOT NULL,
    signer_public_key TEXT NOT NULL,
    signature_value   TEXT NOT NULL
);
)sql";

// Every existing record gets its uid (each fill is audited, with the new content).
constexpr const char* fill_identity = R"sql(
INSERT INTO installation (id, installation_id, created_at)
VALUES (1, kn_new_uid(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
UPDATE practitioners SET uid = kn_new_uid();
UPDATE clients SET uid = kn_new_uid();
UPDATE intakes SET uid = kn_new_uid();
UPDATE sessions SET uid = kn_new_uid();
UPDATE sessions SET signature_algorithm = 'sha256-legacy', canonical_version = 1
    WHERE status = 'signed';
UPDATE knots SET uid = kn_new_uid();
UPDATE pressure_readings SET uid = kn_new_uid();
UPDATE technique_uses SET uid = kn_new_uid();
UPDATE questionnaire_responses SET uid = kn_new_uid();
)sql";

constexpr const char* uid_indexes = R"sql(
CREATE UNIQUE INDEX practitioners_by_uid ON practitioners (uid);
CREATE UNIQUE INDEX clients_by_uid ON clients (uid);
CREATE UNIQUE INDEX intakes_by_uid ON intakes (uid);
CREATE UNIQUE INDEX sessions_by_uid ON sessions (uid);
CREATE UNIQUE INDEX knots_by_uid ON knots (uid);
CREATE UNIQUE INDEX pressure_readings_by_uid ON pressure_readings (uid);
CREATE UNIQUE INDEX technique_uses_by_uid ON technique_uses (uid);
CREATE UNIQUE INDEX questionnaire_responses_by_uid ON questionnaire_responses (uid);
)sql";

constexpr const char* locked = "SELECT RAISE(ABORT, 'locked: ";

// A row's uid never changes once given, and no INSERT may land on an existing row's id or uid:
// that is how INSERT OR REPLACE and UPSERT would otherwise delete or rewrite a row without the
// DELETE or UPDATE triggers seeing it.
std::string identity_guards(const std::string& table) {
    return "CREATE TRIGGER " + table + "_uid_kept BEFORE UPDATE OF uid ON " + table +
           " WHEN OLD.uid IS NOT NULL AND NEW.uid IS NOT OLD.uid\nBEGIN " + locked +
           "a record keeps its uid for ever'); END;\n"
           "CREATE TRIGGER " +
           table + "_never_replaced BEFORE INSERT ON " + table + " WHEN EXISTS (SELECT 1 FROM " +
           table + " WHERE id = NEW.id OR uid = NEW.uid)\nBEGIN " + locked +
           "a record cannot be replaced or inserted over another; change it through "
           "KnotNotes'); END;\n";
}

// Signed sessions. A session is inserted as a draft; signing is the one UPDATE a draft may get
// that sets the signature, and it cannot change the note at the same time.
std::string session_seals() {
    const char* content_columns[] = {"id",
                                     "client_id",
                                     "practitioner_id",
                                     "intake_id",
                                     "started_at",
                                     "duration_minutes",
                                     "subjective",
                                     "objective",
                                     "assessment",
                                     "plan",
                                     "pain_before",
                                     "pain_after",
                                     "amends_session_id",
                                     "uid",
                                     "amendment_reason",
                                     "conflict_acknowledgement"};
    std::string changed;
    for (const char* column : content_columns) {
        if (!changed.empty())
            changed += " OR ";
        changed += std::string("NEW.") + column + " IS NOT OLD." + column;
    }
    return std::string(
               "CREATE TRIGGER sessions_inserted_as_drafts BEFORE INSERT ON sessions "
               "WHEN NEW.status IS NOT 'draft' OR NEW.signed_by IS NOT NULL\nBEGIN ") +
           locked +
           "a session is created as a draft and signed by KnotNotes'); END;\n"
           "CREATE TRIGGER sessions_signed_sealed BEFORE UPDATE ON sessions "
           "WHEN OLD.status = 'signed'\nBEGIN " +
           locked +
           "this session is signed and cannot be changed; add an amendment'); END;\n"
           "CREATE TRIGGER sessions_signing_changes_nothing_else BEFORE UPDATE ON sessions "
           "WHEN OLD.status = 'draft' AND NEW.status = 'signed' AND (" +
           changed + ")\nBEGIN " + locked +
           "signing a session cannot change what it says'); END;\n"
           "CREATE TRIGGER sessions_signed_kept BEFORE DELETE ON sessions "
           "WHEN OLD.status = 'signed'\nBEGIN " +
           locked + "this session is signed and cannot be deleted'); END;\n";
}

// What was charted in a session (and the questionnaires answered in it) is sealed with it:
// nothing added to a signed session, nothing in one changed or removed, nothing moved into or
// out of one.
std::string child_seals(const std::string& table) {
    const std::string signed_session = "(SELECT status FROM sessions WHERE id = ";
    const std::string message =
        "this session is signed and what was charted in it cannot be changed; add an "
        "amendment'); END;\n";
    return "CREATE TRIGGER " + table + "_sealed_insert BEFORE INSERT ON " + table + " WHEN " +
           signed_session + "NEW.session_id) = 'signed'\nBEGIN " + locked + message +
           "CREATE TRIGGER " + table + "_sealed_update BEFORE UPDATE ON " + table + " WHEN " +
           signed_session + "OLD.session_id) = 'signed' OR " + signed_session +
           "NEW.session_id) = 'signed'\nBEGIN " + locked + message + "CREATE TRIGGER " + table +
           "_sealed_delete BEFORE DELETE ON " + table + " WHEN " + signed_session +
           "OLD.session_id) = 'signed'\nBEGIN " + locked + message;
}

constexpr const char* other_seals = R"sql(
CREATE TRIGGER intakes_never_updated BEFORE UPDATE ON intakes
BEGIN SELECT RAISE(ABORT, 'locked: an intake is never changed; save a new intake version'); END;
CREATE TRIGGER intakes_never_deleted BEFORE DELETE ON intakes
BEGIN SELECT RAISE(ABORT, 'locked: an intake is part of the clinical record and is kept'); END;
CREATE TRIGGER intakes_version_is_new BEFORE INSERT ON intakes
WHEN EXISTS (SELECT 1 FROM intakes WHERE client_id = NEW.client_id AND version = NEW.version)
BEGIN SELECT RAISE(ABORT, 'locked: this intake version exists; save a new intake version'); END;

CREATE TRIGGER installation_never_updated BEFORE UPDATE ON installation
BEGIN SELECT RAISE(ABORT, 'locked: a database keeps its installation id'); END;
CREATE TRIGGER installation_never_deleted BEFORE DELETE ON installation
BEGIN SELECT RAISE(ABORT, 'locked: a database keeps its installation id'); END;
CREATE TRIGGER installation_never_replaced BEFORE INSERT ON installation
WHEN EXISTS (SELECT 1 FROM installation)
BEGIN SELECT RAISE(ABORT, 'locked: a database keeps its installation id'); END;

-- A key's public half and owner never change, and a key is never removed: the signatures made
-- with it must stay checkable. Only the sealed secret may be re-sealed (a new passphrase).
CREATE TRIGGER signing_keys_public_half_kept BEFORE UPDATE ON signing_keys
WHEN NEW.id IS NOT OLD.id OR NEW.public_key IS NOT OLD.public_key OR
     NEW.practitioner_id IS NOT OLD.practitioner_id OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'locked: a signing key''s public half is kept for ever'); END;
CREATE TRIGGER signing_keys_kept BEFORE DELETE ON signing_keys
BEGIN SELECT RAISE(ABORT, 'locked: a signing key is kept so its signatures stay checkable'); END;
CREATE TRIGGER signing_keys_never_replaced BEFORE INSERT ON signing_keys
WHEN EXISTS (SELECT 1 FROM signing_keys WHERE id = NEW.id OR public_key = NEW.public_key)
BEGIN SELECT RAISE(ABORT, 'locked: a signing key is kept so its signatures stay checkable'); END;

CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'locked: the audit log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'locked: the audit log is append-only'); END;
-- In a BEFORE INSERT trigger NEW.seq is -1 when SQLite will assign it (the triggers' own
-- appends); an explicit seq must be new and after every entry, or REPLACE would rewrite one.
CREATE TRIGGER audit_log_append_only_insert BEFORE INSERT ON audit_log
WHEN NEW.seq <> -1 AND EXISTS (SELECT 1 FROM audit_log WHERE seq >= NEW.seq)
BEGIN SELECT RAISE(ABORT, 'locked: the audit log is append-only'); END;

CREATE TRIGGER audit_anchors_append_only_update BEFORE UPDATE ON audit_anchors
BEGIN SELECT RAISE(ABORT, 'locked: audit anchors are append-only'); END;
CREATE TRIGGER audit_anchors_append_only_delete BEFORE DELETE ON audit_anchors
BEGIN SELECT RAISE(ABORT, 'locked: audit anchors are append-only'); END;
CREATE TRIGGER audit_anchors_append_only_insert BEFORE INSERT ON audit_anchors
WHEN NEW.id <> -1 AND EXISTS (SELECT 1 FROM audit_anchors WHERE id >= NEW.id)
BEGIN SELECT RAISE(ABORT, 'locked: audit anchors are append-only'); END;
)sql";

}  // namespace

void v2_trustworthy_record(Database& db) {
    const std::string actor = db.actor();
    db.set_actor("KnotNotes schema migration 2");
    db.exec(drop_v1_triggers);
    for (const auto& table : audited_tables_v1()) {
        for (const char* action : {"insert", "update", "delete"})
            db.exec("DROP TRIGGER " + table.name + "_audit_" + action);
    }
    db.exec(new_columns_and_tables);
    for (const auto& table : audited_tables_v2())
        db.exec(audit_triggers_sql(table));
    db.exec(fill_identity);
    db.exec(uid_indexes);
    for (const char* table : {"practitioners", "clients", "intakes", "sessions", "knots",
                              "pressure_readings", "technique_uses", "questionnaire_responses"}) {
        db.exec(identity_guards(table));
    }
    db.exec(session_seals());
    for (const char* table :
         {"knots", "pressure_readings", "technique_uses", "questionnaire_responses"}) {
        db.exec(child_seals(table));
    }
    db.exec(other_seals);
    db.set_actor(actor);
}

}  // namespace knotnotes::db::migration
