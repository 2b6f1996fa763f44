// Migration 1: the initial schema. Frozen once released; changes go in a new migration.
#include "audit_schema.hpp"
#include "database.hpp"
#include "migrations.hpp"

namespace knotnotes::db::migration {
namespace {

constexpr const char* tables = R"sql(
CREATE TABLE muscles (
    id     TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    region TEXT NOT NULL,
    fma_id TEXT
) WITHOUT ROWID;

CREATE TABLE practitioners (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) > 0),
    credentials TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);

CREATE TABLE clients (
    id                INTEGER PRIMARY KEY,
    given_name        TEXT NOT NULL,
    family_name       TEXT NOT NULL,
    birth_date        TEXT NOT NULL DEFAULT '',
    phone             TEXT NOT NULL DEFAULT '',
    email             TEXT NOT NULL DEFAULT '',
    emergency_contact TEXT NOT NULL DEFAULT '',
    occupation        TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    CHECK (length(given_name) + length(family_name) > 0)
);
CREATE INDEX clients_by_name ON clients (family_name COLLATE NOCASE, given_name COLLATE NOCASE);

-- Closed vocabularies are checked with OR chains, not IN lists: SQLite builds a temporary
-- b-tree for every IN list of three or more on each insert, which would triple the cost of
-- an edit.

-- An intake is never changed: an update is a new version of it.
CREATE TABLE intakes (
    id                    INTEGER PRIMARY KEY,
    client_id             INTEGER NOT NULL REFERENCES clients (id),
    version               INTEGER NOT NULL CHECK (version >= 1),
    recorded_at           TEXT NOT NULL,
    reason_for_visit      TEXT NOT NULL DEFAULT '',
    goals                 TEXT NOT NULL DEFAULT '',
    activity              TEXT NOT NULL DEFAULT '',
    health_flags          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(health_flags)),
    medications           TEXT NOT NULL DEFAULT '',
    allergies             TEXT NOT NULL DEFAULT '',
    surgeries_injuries    TEXT NOT NULL DEFAULT '',
    areas_to_avoid        TEXT NOT NULL DEFAULT '',
    preferred_pressure    INTEGER CHECK (preferred_pressure BETWEEN 0 AND 10),
    consent_agreed        INTEGER NOT NULL DEFAULT 0 CHECK (consent_agreed IN (0, 1)),
    consent_date          TEXT NOT NULL DEFAULT '',
    consent_signer        TEXT NOT NULL DEFAULT '',
    consent_signature_png TEXT NOT NULL DEFAULT '',
    UNIQUE (client_id, version)
);

CREATE TABLE sessions (
    id                INTEGER PRIMARY KEY,
    client_id         INTEGER NOT NULL REFERENCES clients (id),
    practitioner_id   INTEGER NOT NULL REFERENCES practitioners (id),
    intake_id         INTEGER REFERENCES intakes (id),
    started_at        TEXT NOT NULL,
    duration_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (duration_minutes BETWEEN 0 AND 600),
    subjective        TEXT NOT NULL DEFAULT '',
    objective         TEXT NOT NULL DEFAULT '',
    assessment        TEXT NOT NULL DEFAULT '',
    plan              TEXT NOT NULL DEFAULT '',
    pain_before       INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    pain_after        INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    status            TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
    signed_by         TEXT,
    signed_at         TEXT,
    content_sha256    TEXT,
    amends_session_id INTEGER REFERENCES sessions (id),
    CHECK ((status = 'signed') =
           (signed_by IS NOT NULL AND signed_at IS NOT NULL AND content_sha256 IS NOT NULL))
);
CREATE INDEX sessions_by_client ON sessions (client_id, started_at);
CREATE INDEX sessions_by_amended ON sessions (amends_session_id) WHERE amends_session_id IS NOT NULL;

CREATE TABLE knots (
    id               INTEGER PRIMARY KEY,
    session_id       INTEGER NOT NULL REFERENCES sessions (id),
    muscle_id        TEXT NOT NULL REFERENCES muscles (id),
    side             TEXT NOT NULL CHECK (side = 'left' OR side = 'right' OR side = 'midline' OR side = 'bilateral'),
    view             TEXT NOT NULL CHECK (view = 'front' OR view = 'back' OR view = 'left' OR view = 'right'),
    x                REAL NOT NULL CHECK (x BETWEEN 0 AND 1),
    y                REAL NOT NULL CHECK (y BETWEEN 0 AND 1),
    kind             TEXT NOT NULL CHECK (kind IN ('active', 'latent')),
    tenderness       INTEGER NOT NULL CHECK (tenderness BETWEEN 0 AND 10),
    referral         TEXT NOT NULL DEFAULT '',
    result           TEXT NOT NULL DEFAULT 'untreated'
                     CHECK (result = 'untreated' OR result = 'released' OR
                            result = 'reduced' OR result = 'unchanged'),
    previous_knot_id INTEGER REFERENCES knots (id)
);
CREATE INDEX knots_by_session ON knots (session_id);
-- Deleting a draft knot checks that no later knot links to it: this keeps that check cheap.
CREATE INDEX knots_by_previous ON knots (previous_knot_id) WHERE previous_knot_id IS NOT NULL;

CREATE TABLE pressure_readings (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    region     TEXT NOT NULL CHECK (length(region) > 0),
    side       TEXT NOT NULL CHECK (side = 'left' OR side = 'right' OR side = 'midline' OR side = 'bilateral'),
    pressure   INTEGER NOT NULL CHECK (pressure BETWEEN 0 AND 10)
);
CREATE INDEX pressure_readings_by_session ON pressure_readings (session_id);

CREATE TABLE technique_uses (
    id               INTEGER PRIMARY KEY,
    session_id       INTEGER NOT NULL REFERENCES sessions (id),
    technique_id     TEXT NOT NULL CHECK (instr(technique_id, '/') > 1),
    muscle_id        TEXT NOT NULL DEFAULT '',
    side             TEXT NOT NULL CHECK (side = 'left' OR side = 'right' OR side = 'midline' OR side = 'bilateral'),
    pressure         INTEGER CHECK (pressure BETWEEN 0 AND 10),
    duration_seconds INTEGER NOT NULL DEFAULT 0 CHECK (duration_seconds >= 0),
    tool             TEXT NOT NULL CHECK (tool = 'hands' OR tool = 'thumb' OR tool = 'fingers' OR
                                          tool = 'knuckle' OR tool = 'palm' OR tool = 'elbow' OR
                                          tool = 'forearm' OR tool = 'instrument'),
    direction        TEXT NOT NULL CHECK (direction = 'none' OR direction = 'along-fibres' OR
                                          direction = 'across-fibres' OR
                                          direction = 'circular' OR direction = 'sustained'),
    response         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX technique_uses_by_session ON technique_uses (session_id);

CREATE TABLE questionnaire_responses (
    id                 INTEGER PRIMARY KEY,
    client_id          INTEGER NOT NULL REFERENCES clients (id),
    session_id         INTEGER REFERENCES sessions (id),
    instrument_id      TEXT NOT NULL CHECK (instr(instrument_id, '/') > 1),
    instrument_version TEXT NOT NULL DEFAULT '',
    completed_at       TEXT NOT NULL,
    answers            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(answers)),
    score              REAL,
    interpretation     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX questionnaire_responses_by_client ON questionnaire_responses (client_id, completed_at);
CREATE INDEX questionnaire_responses_by_session ON questionnaire_responses (session_id)
    WHERE session_id IS NOT NULL;

-- Append-only: who changed what and when, each entry hashed together with the one before.
-- No index beyond the rowid: every edit appends here, and only `verify` reads it by row.
CREATE TABLE audit_log (
    seq            INTEGER PRIMARY KEY,
    at             TEXT NOT NULL,
    actor          TEXT NOT NULL,
    table_name     TEXT NOT NULL,
    row_id         INTEGER NOT NULL,
    action         TEXT NOT NULL CHECK (action = 'insert' OR action = 'update' OR action = 'delete'),
    content_sha256 TEXT,
    prev_hash      TEXT NOT NULL,
    hash           TEXT NOT NULL
);
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'locked: the audit log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'locked: the audit log is append-only'); END;
)sql";

// Signed sessions, and everything charted in them, are never changed; intakes are versioned.
constexpr const char* immutability = R"sql(
CREATE TRIGGER intakes_never_updated BEFORE UPDATE ON intakes
BEGIN SELECT RAISE(ABORT, 'locked: an intake is never changed; save a new intake version'); END;
CREATE TRIGGER intakes_never_deleted BEFORE DELETE ON intakes
BEGIN SELECT RAISE(ABORT, 'locked: an intake is part of the clinical record and is kept'); END;

CREATE TRIGGER sessions_signed_no_update BEFORE UPDATE ON sessions WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: this session is signed and cannot be changed; add an amendment'); END;
CREATE TRIGGER sessions_signed_no_delete BEFORE DELETE ON sessions WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: this session is signed and cannot be deleted'); END;
)sql";

std::string child_immutability(const std::string& table) {
    std::string sql;
    for (const auto& [event, row] : {std::pair<std::string, std::string>{"INSERT", "NEW"},
                                     {"UPDATE", "OLD"},
                                     {"DELETE", "OLD"}}) {
        sql += "CREATE TRIGGER " + table + "_signed_no_" + event + " BEFORE " + event + " ON " +
               table + " WHEN (SELECT status FROM sessions WHERE id = " + row +
               ".session_id) = 'signed'\nBEGIN SELECT RAISE(ABORT, 'locked: this session is "
               "signed and what was charted in it cannot be changed; add an amendment'); END;\n";
    }
    return sql;
}

// Full-text search over client names and note text, kept in step by triggers. prefix='1 2 3'
// indexes short prefixes, which makes type-ahead prefix queries fast.
constexpr const char* search = R"sql(
CREATE VIRTUAL TABLE client_search USING fts5(
    given_name, family_name, content = 'clients', content_rowid = 'id',
    prefix = '1 2 3', tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER clients_search_insert AFTER INSERT ON clients BEGIN
    INSERT INTO client_search (rowid, given_name, family_name)
    VALUES (NEW.id, NEW.given_name, NEW.family_name);
END;
CREATE TRIGGER clients_search_delete AFTER DELETE ON clients BEGIN
    INSERT INTO client_search (client_search, rowid, given_name, family_name)
    VALUES ('delete', OLD.id, OLD.given_name, OLD.family_name);
END;
CREATE TRIGGER clients_search_update AFTER UPDATE OF given_name, family_name ON clients BEGIN
    INSERT INTO client_search (client_search, rowid, given_name, family_name)
    VALUES ('delete', OLD.id, OLD.given_name, OLD.family_name);
    INSERT INTO client_search (rowid, given_name, family_name)
    VALUES (NEW.id, NEW.given_name, NEW.family_name);
END;

CREATE VIRTUAL TABLE note_search USING fts5(
    subjective, objective, assessment, plan, content = 'sessions', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER sessions_search_insert AFTER INSERT ON sessions BEGIN
    INSERT INTO note_search (rowid, subjective, objective, assessment, plan)
    VALUES (NEW.id, NEW.subjective, NEW.objective, NEW.assessment, NEW.plan);
END;
CREATE TRIGGER sessions_search_delete AFTER DELETE ON sessions BEGIN
    INSERT INTO note_search (note_search, rowid, subjective, objective, assessment, plan)
    VALUES ('delete', OLD.id, OLD.subjective, OLD.objective, OLD.assessment, OLD.plan);
END;
CREATE TRIGGER sessions_search_update
AFTER UPDATE OF subjective, objective, assessment, plan ON sessions BEGIN
    INSERT INTO note_search (note_search, rowid, subjective, objective, assessment, plan)
    VALUES ('delete', OLD.id, OLD.subjective, OLD.objective, OLD.assessment, OLD.plan);
    INSERT INTO note_search (rowid, subjective, objective, assessment, plan)
    VALUES (NEW.id, NEW.subjective, NEW.objective, NEW.assessment, NEW.plan);
END;
)sql";

}  // namespace

void v1_initial_schema(Database& db) {
    db.exec(tables);
    db.exec(immutability);
    for (const char* table : {"knots", "pressure_readings", "technique_uses"}) {
        db.exec(child_immutability(table));
    }
    db.exec(search);
    for (const auto& table : audited_tables_v1())
        db.exec(audit_triggers_sql(table));
}

}  // namespace knotnotes::db::migration
