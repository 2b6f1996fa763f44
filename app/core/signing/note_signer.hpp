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
class Database;
}

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

// Signs on a clinic server, through its records (db::connect_note_records), kept by the caller.
class ServerNoteSigner final : public NoteSigner {
  public:
    explicit ServerNoteSigner(db::NoteRecords& records) : records_(records) {}
    sdk::Signature sign(sdk::Id session_id, const UnlockedKey& key) override;

  private:
    db::NoteRecords& records_;
};

}  // namespace knotnotes::core
