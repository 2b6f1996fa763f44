// session_repository.hpp — sessions (SOAP notes): drafts, signing, amendments.
//
// - create_draft() stores a new draft; update_note() changes its fields (each call commits).
// - get() returns the session with its knots, pressure readings and technique uses.
// - seal() stores a draft's signature (core signs: app/core/signing/note_signing.hpp). From
//   then on the database refuses any change to the session or what was charted in it
//   (RecordLocked).
// - amend() starts a correction: a new draft that references the signed original and starts
//   as a copy of it (knots keep their link to earlier sessions). The original stays as it was.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::db {

class Database;

struct SessionSummary {
    sdk::Id id = 0;
    std::string started_at;
    bool is_signed = false;
    std::optional<int> pain_before;
    std::optional<int> pain_after;
    int knot_count = 0;
    std::optional<sdk::Id> amends_session_id;
};

class SessionRepository {
  public:
    explicit SessionRepository(Database& db) : db_(db) {}

    sdk::Id create_draft(const sdk::Session& session);  // ignores children and signature
    // The draft with the knots, pressure readings and technique uses it starts with, in one
    // transaction (their ids and session ids ignored).
    sdk::Id create_draft_with_entries(const sdk::Session& session);
    void update_note(const sdk::Session& session);  // fields only, not children
    std::optional<sdk::Session> get(sdk::Id id);
    std::vector<SessionSummary> list_for_client(sdk::Id client_id);  // oldest first

    // Full-text search in the S/O/A/P text of every session: each word typed must start a word
    // of the note (as client name search does). Best matches first.
    struct NoteMatch {
        sdk::Id session_id = 0;
        sdk::Id client_id = 0;
        std::string started_at;
        std::string snippet;  // the matching text, matches between [ and ]
    };
    std::vector<NoteMatch> search_notes(const std::string& typed, int limit);
    void delete_draft(sdk::Id id);

    // Seals a draft with its signature (made and checked by core: app/core/signing). From then
    // on the schema refuses any change to it or to what was charted in it. RecordLocked if it
    // is not a draft.
    void seal(sdk::Id id, const sdk::Signature& signature);
    // `reason` (required, not blank) is kept in the amendment and covered by its signature.
    sdk::Id amend(sdk::Id signed_session_id, const std::string& reason);

  private:
    Database& db_;
};

}  // namespace knotnotes::db
