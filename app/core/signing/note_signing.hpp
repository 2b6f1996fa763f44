// note_signing.hpp — signing a note, checking a note's signature, and sealing an imported one.
//
// sign_note() builds the note's canonical form (canonical_note.hpp) from what is stored — the
// session with everything charted in it, the client's and practitioners' uids, the intake
// version it was charted against (with that version's digest), the questionnaires answered in
// it, the note it amends (uid and signature) — signs it with the practitioner's unlocked key,
// seals the draft and anchors the audit chain's head, all in one transaction.
//
// check_note_signature() rebuilds the canonical form from what is stored now and verifies the
// signature against the key it names, which must be one of the signer's keys in this database.
// Notes sealed by KnotNotes 1.0 ("sha256-legacy") are checked against their hash and reported
// as legacy: a hash seal shows the note is unchanged since sealing, not who sealed it.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include <knotnotes/sdk/records.hpp>

#include "db/note_records.hpp"

namespace knotnotes::core {

class UnlockedKey;

// Throws std::runtime_error in words a therapist can act on (not a draft, a demo
// practitioner's key, the key not the signer's), db::RecordLocked, db::DatabaseError.
sdk::Signature sign_note(db::Database& db, sdk::Id session_id, const UnlockedKey& key);

// The same on a clinic server's records (db::connect_note_records), in one of its units of
// work. Its audit chain is the server's, which keeps no signed anchors yet, so none is made.
sdk::Signature sign_note(db::NoteRecords& records, sdk::Id session_id, const UnlockedKey& key);

// Demo data only: signs as a demo practitioner at the demo's own time (demo data reads no
// clock, so one seed always gives the same database).
sdk::Signature sign_demo_note(db::Database& db, sdk::Id session_id, const UnlockedKey& key,
                              const std::string& signed_at);

struct NoteSignatureCheck {
    bool valid = false;
    bool legacy = false;  // a 1.0 hash seal: unchanged since sealing, signer unproven
    std::string problem;  // why it is not valid
};

// What checking many notes looks up again and again: client and practitioner uids, intake
// digests, signing keys. Safe to keep for a whole verify run because none of it can change:
// uids are fixed by the identity guards, intake versions and keys are append-only.
class NoteLookups {
  public:
    explicit NoteLookups(db::Database& db);  // a file's records (db::file_note_records)
    explicit NoteLookups(db::NoteRecords& records) : records_(records) {}
    const std::string& client_uid(const sdk::Session& s);
    const std::string& practitioner_uid(sdk::Id id, const sdk::Session& s);
    struct IntakeDigest {
        std::string uid;
        int version = 0;
        std::string sha256;
    };
    const IntakeDigest& intake(sdk::Id intake_id, const sdk::Session& s);
    // The practitioner the key belongs to, if it is one this database knows.
    std::optional<sdk::Id> key_owner(const std::string& public_key);
    db::NoteRecords& records() { return records_; }

  private:
    std::unique_ptr<db::NoteRecords> owned_;  // when made from a file
    db::NoteRecords& records_;
    std::map<sdk::Id, std::string> clients_, practitioners_;
    std::map<std::pair<sdk::Id, sdk::Id>, IntakeDigest> intakes_;  // (intake, client)
    std::map<std::string, std::optional<sdk::Id>> keys_;
};

NoteSignatureCheck check_note_signature(db::Database& db, const sdk::Session& session);
// The same, for many notes in a row (verify): `lookups` is reused from note to note.
NoteSignatureCheck check_note_signature(NoteLookups& lookups, const sdk::Session& session);

// check_note_signature() in two halves, so an import can verify signatures on another thread:
// prepare_note_check() reads the database (the key's owner, the canonical form) and settles
// what needs no signature check; verify_prepared_check() is pure computation (the Ed25519
// verification and the content digest) and may run on any thread.
struct PreparedNoteCheck {
    std::optional<NoteSignatureCheck> outcome;  // settled without verifying a signature
    std::string public_key, text, signature, content_sha256;
    std::string invalid_prefix;  // "<the note>, signed by <signer> at <time>, "
};
PreparedNoteCheck prepare_note_check(NoteLookups& lookups, const sdk::Session& session);
NoteSignatureCheck verify_prepared_check(const PreparedNoteCheck& prepared);

// For imports: `public_key` (base64) becomes one of the practitioner's keys, without its secret
// half, unless it already is. Throws std::runtime_error "<what> a key that belongs to another
// practitioner in this database" if it is someone else's.
void add_imported_public_key(db::Database& db, sdk::Id practitioner_id,
                             const std::string& public_key, const std::string& what);

// For imports: the draft `session_id` (already holding everything the file had for it) is
// sealed with `signature` (signer_practitioner_id already this database's id); the signer's
// public key is added to their keys (without a secret half) when it is new. Throws
// std::runtime_error naming the note when the check can be settled without the signature
// (an unknown kind, someone else's key, a legacy seal that no longer matches). The signature
// itself is not verified yet: the caller must pass the result to verify_prepared_check()
// and roll the import back unless it is valid (background_signature_check.hpp).
PreparedNoteCheck seal_imported_note(db::Database& db, NoteLookups& lookups, sdk::Id session_id,
                                     const sdk::Signature& signature);

}  // namespace knotnotes::core
