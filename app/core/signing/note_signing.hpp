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

#include <string>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::db {
class Database;
}

namespace knotnotes::core {

class UnlockedKey;

// Throws std::runtime_error in words a therapist can act on (not a draft, a demo
// practitioner's key, the key not the signer's), db::RecordLocked, db::DatabaseError.
sdk::Signature sign_note(db::Database& db, sdk::Id session_id, const UnlockedKey& key);

// Demo data only: signs as a demo practitioner at the demo's own time (demo data reads no
// clock, so one seed always gives the same database).
sdk::Signature sign_demo_note(db::Database& db, sdk::Id session_id, const UnlockedKey& key,
                              const std::string& signed_at);

struct NoteSignatureCheck {
    bool valid = false;
    bool legacy = false;  // a 1.0 hash seal: unchanged since sealing, signer unproven
    std::string problem;  // why it is not valid
};

NoteSignatureCheck check_note_signature(db::Database& db, const sdk::Session& session);

// For imports: the draft `session_id` (already holding everything the file had for it) is
// sealed with `signature` (signer_practitioner_id already this database's id) only if the
// signature verifies over the note as stored here; the signer's public key is added to their
// keys (without a secret half) when it is new. Throws std::runtime_error naming the note.
void seal_imported_note(db::Database& db, sdk::Id session_id, const sdk::Signature& signature);

}  // namespace knotnotes::core
