// import_service.hpp — imports a file through an importer plugin, all or nothing.
//
// The importer validates the whole file first; then every record is written inside ONE
// transaction, so a bad file — malformed, of another schema, with a reference to a record it
// does not contain, duplicate ids, a signed session whose content no longer matches its
// signature, records this database already holds (their uids) — changes nothing in the
// database. Ids in the file are the file's own; records get new database ids and references
// are mapped; uids are kept. A practitioner already in the database (same uid; for files
// without uids, same name and credentials) is reused rather than duplicated.
//
// The import asks the plugins (import_checks.hpp): every technique a note names must be offered
// by a loaded technique library, and every questionnaire response is re-scored by its
// instrument's provider and refused if the file's score or interpretation differs. A missing
// plugin is named, with why it is not loaded.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <knotnotes/sdk/importer.hpp>

#include "core/plugin_object.hpp"

namespace knotnotes::db {
class Database;
}

namespace knotnotes::core {

class PluginHost;

struct ImportCounts {
    std::int64_t practitioners = 0;
    std::int64_t clients = 0;
    std::int64_t intakes = 0;
    std::int64_t sessions = 0;
    std::int64_t questionnaire_responses = 0;
    // What the importer says it took and skipped, per kind of item of its file (FHIR: per
    // resource type); empty for a format that maps wholly, as KnotNotes XML does.
    std::vector<sdk::ImportNote> notes;
};

// The notes as lines a person reads, one per kind: "Observation: 12 taken, 3 skipped (why)".
std::string describe_notes(const ImportCounts& counts);

// Throws PluginCallError (the importer rejected the file: its message names line and problem),
// or db::DatabaseError. In both cases the database is unchanged.
ImportCounts import_records(db::Database& db, PluginObject<sdk::Importer>& importer,
                            const std::filesystem::path& file, PluginHost& host);

// What importing `file` would bring in, without touching any database: the importer reads (and
// so checks) the whole file into a counting sink. Throws PluginCallError like import_records.
ImportCounts preview_import(PluginObject<sdk::Importer>& importer,
                            const std::filesystem::path& file);

}  // namespace knotnotes::core
