// note_signer.hpp — who signs the note a session editor charts (core/session_editor.hpp).
//
// Signing is its own capability beside the charting seam (db/charting_store.hpp): sign_note()
// (note_signing.hpp) reads the whole record the signature covers through db::NoteRecords and
// seals the draft, on a SQLite file (where it also anchors the file's audit chain) or on a
// clinic server. An editor made without a signer says so when asked to sign.
#pragma once

#include <memory>

#include <knotnotes/sdk/records.hpp>

#include "db/note_records.hpp"

namespace knotnotes::db {
class AuditAnchors;
class Database;
}  // namespace knotnotes::db

namespace knotnotes::core {

class UnlockedKey;

class NoteSigner {
  public:
    virtual ~NoteSigner() = default;
    // Signs and seals the draft (the errors of sign_note()).
    virtual sdk::Signature sign(sdk::Id session_id, const UnlockedKey& key) = 0;
};

class FileNoteSigner final : public NoteSigner {
  public:
    explicit FileNoteSigner(db::Database& file) : file_(file) {}
    sdk::Signature sign(sdk::Id session_id, const UnlockedKey& key) override;

  private:
    db::Database& file_;
};

// Signs on a clinic server, through its records (db::connect_server_records), kept by the
// caller; then signs the server's audit head (reason "signed <session uid>") with the same key,
// as a file's signing does. The server writes the seal's audit entry as it commits, so the
// anchor comes just after, on its own: a signed note whose anchor could not be written (say,
// the server was gone) stays signed, and verify counts one anchor fewer.
class ServerNoteSigner final : public NoteSigner {
  public:
    ServerNoteSigner(db::NoteRecords& records, db::AuditAnchors& anchors)
        : records_(records), anchors_(anchors) {}
    sdk::Signature sign(sdk::Id session_id, const UnlockedKey& key) override;

  private:
    db::NoteRecords& records_;
    db::AuditAnchors& anchors_;
};

}  // namespace knotnotes::core
