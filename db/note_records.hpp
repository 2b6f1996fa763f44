// note_records.hpp — what a note's signature covers, read from either engine, and the seal
// that ends a draft: the storage seam signing works through (core/signing/note_signing.hpp).
// On a SQLite file it reads through the repositories; on a clinic server through the login's
// own connection (row-level security decides what it may read, the seal triggers what it may
// seal).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <knotnotes/sdk/records.hpp>

#include "signing_key_repository.hpp"

namespace knotnotes::db {

class Database;

class NoteRecords {
  public:
    virtual ~NoteRecords() = default;

    // One unit of work, rolled back unless committed: signing reads and seals inside one, so
    // what is sealed is what was signed.
    class Write {
      public:
        virtual ~Write() = default;
        virtual void commit() = 0;
    };
    virtual std::unique_ptr<Write> begin_write() = 0;

    // With what was charted in it.
    virtual std::optional<sdk::Session> session(sdk::Id id) = 0;
    virtual std::optional<std::string> client_uid(sdk::Id client_id) = 0;
    virtual std::optional<sdk::Practitioner> practitioner(sdk::Id id) = 0;
    virtual bool is_demo_practitioner(sdk::Id id) = 0;
    virtual std::optional<sdk::Intake> intake(sdk::Id id) = 0;
    virtual std::optional<std::string> knot_uid(sdk::Id knot_id) = 0;
    // The questionnaires answered in the session, in the order they were stored.
    virtual std::vector<sdk::QuestionnaireResponse> responses_for_session(sdk::Id session_id) = 0;
    // The practitioner a signing key belongs to, if the database knows the key.
    virtual std::optional<sdk::Id> signing_key_owner(const std::string& public_key) = 0;
    // The practitioner's newest key that has its sealed secret half (what their passphrase
    // unlocks to sign), if there is one. A clinic server gives a login its own only.
    virtual std::optional<StoredSigningKey> sealed_signing_key(sdk::Id practitioner_id) = 0;
    // Keeps a new key of a practitioner's (a clinic server: the login's own only); its id.
    virtual sdk::Id add_signing_key(const StoredSigningKey& key) = 0;
    // The practitioner the database knows the signing person as, where it knows who is
    // connected: a clinic server's login. None on a file, whose user is whoever has it open.
    virtual std::optional<sdk::Id> own_practitioner() = 0;
    // Seals a draft with its signature; RecordLocked if it is not a draft.
    virtual void seal(sdk::Id session_id, const sdk::Signature& signature) = 0;
};

// A SQLite file's, kept by the caller.
std::unique_ptr<NoteRecords> file_note_records(Database& file);

// A clinic server's at `address`, on a connection of its own (the password and errors as for
// connect_clinic_directory in clinic_directory.hpp).
std::unique_ptr<NoteRecords> connect_note_records(const std::string& address,
                                                  std::optional<std::string> password);

}  // namespace knotnotes::db
