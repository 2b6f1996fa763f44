// Migration 3: where a session took place (clinic, the client's home, an event, other), the
// first record field added in plugin SDK 2.1. Frozen once released; changes go in a new
// migration.
//
// - sessions.location, 'unspecified' for every existing session (nobody was asked).
// - The column joins the sessions' audited content: the audit triggers are re-created with it
//   and every session gets a fresh audit entry with its new content, so `verify` matches. The
//   seal of signed sessions is lifted for that one statement, inside this migration's
//   transaction, and put back as migration 2 made it.
// - Signing a draft cannot change its location, as it cannot change anything else it says.
#include <string>

#include "audit_schema.hpp"
#include "database.hpp"
#include "migrations.hpp"

namespace knotnotes::db::migration {
namespace {

constexpr const char* add_location = R"sql(
ALTER TABLE sessions ADD COLUMN location TEXT NOT NULL DEFAULT 'unspecified'
    CHECK (location = 'unspecified' OR location = 'clinic' OR location = 'client-home' OR
           location = 'event' OR location = 'other');
)sql";

// Migration 2's seal of signed sessions, word for word.
constexpr const char* signed_sessions_sealed = R"sql(
CREATE TRIGGER sessions_signed_sealed BEFORE UPDATE ON sessions WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: this session is signed and cannot be changed; add an amendment'); END;
)sql";

constexpr const char* signing_keeps_location = R"sql(
CREATE TRIGGER sessions_signing_keeps_location BEFORE UPDATE ON sessions
WHEN OLD.status = 'draft' AND NEW.status = 'signed' AND NEW.location IS NOT OLD.location
BEGIN SELECT RAISE(ABORT, 'locked: signing a session cannot change what it says'); END;
)sql";

}  // namespace

void v3_session_location(Database& db) {
    const std::string actor = db.actor();
    db.set_actor("KnotNotes schema migration 3");
    for (const char* action : {"insert", "update", "delete"})
        db.exec(std::string("DROP TRIGGER sessions_audit_") + action);
    db.exec(add_location);
    for (const auto& table : audited_tables()) {
        if (table.name == "sessions")
            db.exec(audit_triggers_sql(table));
    }
    db.exec("DROP TRIGGER sessions_signed_sealed");
    db.exec("UPDATE sessions SET location = location");  // a fresh audit entry for each
    db.exec(signed_sessions_sealed);
    db.exec(signing_keeps_location);
    db.set_actor(actor);
}

}  // namespace knotnotes::db::migration
