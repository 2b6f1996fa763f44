#include "migrations.hpp"

#include <vector>

#include "database.hpp"
#include "file_identity.hpp"
#include "muscle_table.hpp"
#include "transaction.hpp"

namespace knotnotes::db {
namespace {

struct Migration {
    int version;
    void (*apply)(Database&);
};

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all{
        {1, migration::v1_initial_schema},
        {2, migration::v2_trustworthy_record},
        {3, migration::v3_session_location},
    };
    return all;
}

}  // namespace

int latest_schema_version() {
    return migrations().back().version;
}

void migrate_to(Database& db, int version) {
    for (const auto& m : migrations()) {
        if (m.version > version)
            break;
        Transaction transaction(db);
        // Checked inside the write lock: another process may have migrated meanwhile.
        if (db.schema_version() >= m.version)
            continue;
        m.apply(db);
        db.exec("PRAGMA application_id = " + std::to_string(knotnotes_application_id));
        db.exec("PRAGMA user_version = " + std::to_string(m.version));
        transaction.commit();
    }
}

void migrate_to_latest(Database& db) {
    migrate_to(db, latest_schema_version());
    sync_muscle_table(db);
}

}  // namespace knotnotes::db
