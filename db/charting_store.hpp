// charting_store.hpp — a session's note and what is charted in it, on either engine: the storage
// seam the session editor (core/session_editor.hpp) charts through. Only the backend behind it
// knows whether it is a SQLite file or a clinic server; the repository contract test
// (tests/support/charting_store_contract.hpp) runs the same checks against both.
//
// Every call is one unit of work: it reads, or it writes and commits, on its own (the app
// autosaves every change at once). Both engines refuse a change to a signed session or to what
// was charted in it (RecordLocked) and a change to a record that is not there (DatabaseError).
//
// A clinic server also refuses what the login's role may not do (AccessDenied, or "not there"
// for rows its row-level security hides), and catches a lost update: a writer reads a session
// with its NoteVersion and sends it back with update_note(); a save that another writer's
// (another login, another window) came before is refused with EditConflict naming who and
// when, so the editor reloads instead of writing over their change. A SQLite file has one
// writer, the app that has it open, and keeps no versions.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <knotnotes/sdk/records.hpp>

#include "session_repository.hpp"

namespace knotnotes::db {

class Database;

// The version of a session's note that a writer read, as the engine counts it (empty on a
// file); update_note() checks it and moves it on.
struct NoteVersion {
    std::string value;
};

class ChartingStore {
  public:
    virtual ~ChartingStore() = default;

    // The session with its knots, pressure readings and technique uses, all as of one moment,
    // and the version of its note then; none if there is no such session (or, on a server,
    // none the login may see).
    virtual std::optional<sdk::Session> session(sdk::Id id, NoteVersion& read) = 0;
    // The same, for a reader that will not save the note.
    std::optional<sdk::Session> session(sdk::Id id) {
        NoteVersion unused;
        return session(id, unused);
    }
    // The client's sessions, oldest first.
    virtual std::vector<SessionSummary> sessions_of(sdk::Id client_id) = 0;
    // The id of the client's current intake (its newest version), if they have one.
    virtual std::optional<sdk::Id> current_intake_id(sdk::Id client_id) = 0;

    // A new draft with the knots, pressure readings and technique uses it starts with (their
    // ids and session ids are ignored), written in one transaction. Its signature is ignored.
    // Returns the draft's id.
    virtual sdk::Id create_draft(const sdk::Session& draft) = 0;
    // The session's own fields (S/O/A/P, pain, duration, start, location, reasons), not its
    // children, over the version `read` (EditConflict on a server when another save came in
    // between); `read` becomes the version saved. An empty `read` (never read) is taken as the
    // current version.
    virtual void update_note(const sdk::Session& session, NoteVersion& read) = 0;

    virtual std::vector<sdk::Knot> knots(sdk::Id session_id) = 0;
    virtual sdk::Id add_knot(const sdk::Knot& knot) = 0;
    virtual void update_knot(const sdk::Knot& knot) = 0;
    virtual void remove_knot(sdk::Id knot_id) = 0;

    virtual sdk::Id add_pressure_reading(const sdk::PressureReading& reading) = 0;
    virtual void update_pressure_reading(const sdk::PressureReading& reading) = 0;
    virtual void remove_pressure_reading(sdk::Id reading_id) = 0;

    virtual sdk::Id add_technique_use(const sdk::TechniqueUse& use) = 0;
    virtual void update_technique_use(const sdk::TechniqueUse& use) = 0;
    virtual void remove_technique_use(sdk::Id use_id) = 0;
};

// Charting in a SQLite file (SessionRepository, ChartEntryRepository), kept by the caller.
std::unique_ptr<ChartingStore> file_charting_store(Database& file);

// Charting on the clinic server at `address`, on a connection of its own, as the login of the
// address (the password as for connect_clinic_directory in clinic_directory.hpp; the same
// errors).
std::unique_ptr<ChartingStore> connect_charting_store(const std::string& address,
                                                      std::optional<std::string> password);

// The draft an amendment starts as: a copy of the signed original, with what was charted in it,
// that references it and carries `reason`; new records (no uids), the original's conflict
// acknowledgement not carried (the amendment is signed on its own terms). DatabaseError when
// the reason is blank or the original is not signed.
sdk::Session amendment_draft(const sdk::Session& signed_original, const std::string& reason);

}  // namespace knotnotes::db
