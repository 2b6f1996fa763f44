// note_signer.hpp — who signs the note a session editor charts (core/session_editor.hpp).
//
// Signing is its own capability beside the charting seam (db/charting_store.hpp): on a SQLite
// file it is sign_note() (note_signing.hpp), which reads the whole record the signature covers
// and anchors the file's audit chain. Signing on a clinic server is not built yet, so an editor
// on a server has no signer and SessionEditor::sign() says so.
#pragma once

#include <knotnotes/sdk/records.hpp>

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

}  // namespace knotnotes::core
