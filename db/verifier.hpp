// verifier.hpp — the storage half of `knotnotes-cli verify`: is this database file whole and
// its audit log unbroken? (The signatures are core's: app/core/record_verification.hpp.)
//
// Checks, in order, and reports the first broken link of each:
//   1. PRAGMA integrity_check: the file's structure;
//   2. PRAGMA foreign_key_check: every reference points at a record;
//   3. the audit log's hash chain: each entry's hash covers its fields and the previous hash;
//   4. every audited row matches the content hash of its last audit entry (a change made
//      behind KnotNotes' back, e.g. with the sqlite3 shell and the triggers dropped).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace knotnotes::db {

class Database;

struct VerifyCheck {
    std::string name;  // "audit chain"
    bool passed = false;
    std::string details;  // what was checked, or the first broken link
};

struct VerifyReport {
    std::vector<VerifyCheck> checks;
    bool passed() const;
};

// `progress` (optional) is told the name of each check as it starts.
VerifyReport verify_database(Database& db,
                             const std::function<void(const std::string&)>& progress = {});

}  // namespace knotnotes::db
