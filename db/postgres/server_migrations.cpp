#include "server_migrations.hpp"

#include <functional>
#include <string>
#include <vector>

#include <knotnotes/sdk/muscle_atlas.hpp>

#include "db/database_error.hpp"
#include "server_connection.hpp"

namespace knotnotes::db::postgres {
namespace {

// Any number will do, as long as it is KnotNotes' own: "KnNo".
constexpr const char* migration_lock = "SELECT pg_advisory_xact_lock(1265520239)";

const std::vector<std::function<std::string()>>& migrations() {
    static const std::vector<std::function<std::string()>> all{
        migration::clinic_schema_001, migration::client_search_002, migration::own_signing_key_003,
        migration::audit_head_004};
    return all;
}

// -1: not a KnotNotes database and not empty; 0: empty; otherwise its version.
int found_version(ServerConnection& server) {
    auto ours = server.query("SELECT to_regclass('public.knotnotes_schema') IS NOT NULL");
    if (ours.text(0, 0) == "t")
        return std::stoi(
            server.query("SELECT coalesce(max(version), 0) FROM knotnotes_schema").text(0, 0));
    auto tables = server.query(
        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'p', 'f')");
    return tables.text(0, 0) == "0" ? 0 : -1;
}

// The muscle atlas of this build, as on the SQLite file (db/muscle_table.cpp): knots refer
// to it.
void sync_muscles(ServerConnection& server) {
    for (const auto& m : sdk::muscle_atlas) {
        server.query(
            "INSERT INTO muscles (id, name, region, fma_id) "
            "VALUES ($1, $2, $3, nullif($4, '')) ON CONFLICT (id) DO UPDATE SET "
            "name = excluded.name, region = excluded.region, fma_id = excluded.fma_id",
            {std::string(m.id), std::string(m.name), std::string(m.region), std::string(m.fma_id)});
    }
}

// Whoever sets the clinic database up owns it: their login becomes its first owner, who then
// adds everyone else (practitioners add). A superuser (the server's own administrator) is
// everything already and is not made a practitioner.
void register_first_owner(ServerConnection& server) {
    if (server.query("SELECT rolsuper FROM pg_roles WHERE rolname = session_user").text(0, 0) ==
        "t")
        return;
    server.execute("GRANT knotnotes_owner TO " + server.quoted_identifier(server.login()));
    server.query(
        "INSERT INTO practitioners (name, login, role) "
        "VALUES (session_user, session_user, 'owner') ON CONFLICT (login) DO NOTHING");
}

}  // namespace

int latest_server_schema_version() {
    return static_cast<int>(migrations().size());
}

int set_up_clinic_database(ServerConnection& server) {
    const int latest = latest_server_schema_version();
    int found = found_version(server);
    if (found == latest)
        return found;

    ServerTransaction transaction(server);
    server.execute(migration_lock);
    found = found_version(server);  // another first connection may have set it up meanwhile
    if (found < 0)
        throw DatabaseRefused(server.description() +
                              " holds tables that are not KnotNotes'. Nothing was changed. "
                              "Give KnotNotes a database of its own (createdb knotnotes).");
    if (found > latest)
        throw DatabaseRefused(server.description() + " was set up by a newer KnotNotes (schema " +
                              std::to_string(found) + "; this one knows up to " +
                              std::to_string(latest) +
                              "). Nothing was changed. Update KnotNotes on this computer.");
    if (found == latest)
        return found;
    try {
        if (found == 0)
            server.execute(
                "CREATE TABLE knotnotes_schema ("
                " version integer PRIMARY KEY,"
                " applied_at timestamptz NOT NULL DEFAULT clock_timestamp(),"
                " applied_by text NOT NULL DEFAULT session_user);"
                "COMMENT ON TABLE knotnotes_schema IS 'KnotNotes clinic database';"
                "GRANT SELECT ON knotnotes_schema TO PUBLIC");
        for (int version = found + 1; version <= latest; ++version) {
            server.execute(migrations()[static_cast<std::size_t>(version - 1)]());
            server.query("INSERT INTO knotnotes_schema (version) VALUES ($1)",
                         {std::to_string(version)});
        }
        sync_muscles(server);
        if (found == 0)
            register_first_owner(server);
    } catch (const AccessDenied&) {
        throw AccessDenied(server.description() + " needs setting up (schema " +
                           std::to_string(found) + " to " + std::to_string(latest) +
                           ") and your login may not do it. Nothing was changed. The clinic "
                           "owner connects once first to set it up.");
    }
    transaction.commit();
    return found;
}

}  // namespace knotnotes::db::postgres
