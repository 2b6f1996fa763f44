// The roles' access in the first clinic schema (server_migration_001_clinic_schema.cpp): the
// grants of each group role and the row-level security policies that decide, row by row, what
// a login sees and changes.
#include "server_migrations.hpp"

namespace knotnotes::db::postgres::migration {
namespace {

constexpr const char* access = R"sql(
-- Definer functions read past row-level security to answer one question each; a policy that
-- queried another protected table directly would see only what the caller may see.
CREATE FUNCTION kn_my_practitioner_id() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
    SELECT id FROM practitioners WHERE login = session_user AND active
$$;
CREATE FUNCTION kn_is_shared_with_me(client bigint) RETURNS boolean LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM client_shares WHERE client_id = client AND login = session_user)
$$;
CREATE FUNCTION kn_can_see_client(client bigint) RETURNS boolean LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT kn_is_owner()
        OR EXISTS (SELECT 1 FROM clients WHERE id = client AND responsible_login = session_user)
        OR kn_is_shared_with_me(client)
$$;
CREATE FUNCTION kn_session_client(session bigint) RETURNS bigint LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT client_id FROM sessions WHERE id = session
$$;
CREATE FUNCTION kn_session_is_mine(session bigint) RETURNS boolean LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM sessions WHERE id = session
                   AND practitioner_id = kn_my_practitioner_id())
$$;

GRANT SELECT ON installation, muscles, practitioners, audit_anchors
    TO knotnotes_owner, knotnotes_therapist, knotnotes_front_desk;
GRANT SELECT (id, practitioner_id, public_key, created_at) ON signing_keys
    TO knotnotes_owner, knotnotes_therapist, knotnotes_front_desk;
GRANT INSERT ON signing_keys, audit_anchors TO knotnotes_owner, knotnotes_therapist;
GRANT INSERT, UPDATE ON practitioners TO knotnotes_owner;
GRANT INSERT, UPDATE ON muscles TO knotnotes_owner;
GRANT SELECT ON audit_log, moved_in_files, moved_in_audit_log,
    moved_in_audit_anchors TO knotnotes_owner;
GRANT INSERT ON moved_in_files, moved_in_audit_log, moved_in_audit_anchors TO knotnotes_owner;

GRANT SELECT, INSERT, UPDATE ON clients TO knotnotes_owner, knotnotes_therapist;
GRANT SELECT (id, uid, given_name, family_name, birth_date, phone, email, emergency_contact,
              created_at, responsible_login),
      INSERT (given_name, family_name, birth_date, phone, email, emergency_contact,
              responsible_login),
      UPDATE (given_name, family_name, birth_date, phone, email, emergency_contact,
              responsible_login)
    ON clients TO knotnotes_front_desk;
GRANT SELECT, INSERT ON client_shares TO knotnotes_owner, knotnotes_therapist;
GRANT SELECT, INSERT ON intakes, questionnaire_responses TO knotnotes_owner, knotnotes_therapist;
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions, knots, pressure_readings, technique_uses
    TO knotnotes_owner, knotnotes_therapist;

ALTER TABLE signing_keys ENABLE ROW LEVEL SECURITY;
CREATE POLICY signing_keys_read ON signing_keys FOR SELECT USING (true);
CREATE POLICY signing_keys_own ON signing_keys FOR INSERT
    WITH CHECK (kn_is_owner() OR practitioner_id = kn_my_practitioner_id());

ALTER TABLE clients ENABLE ROW LEVEL SECURITY;
-- Written on the row's own columns, not through kn_can_see_client(id): an INSERT ...
-- RETURNING checks the new row against this policy before a lookup by id could find it.
CREATE POLICY clients_read ON clients FOR SELECT
    USING (kn_is_front_desk() OR kn_is_owner() OR responsible_login = session_user OR
           kn_is_shared_with_me(id));
CREATE POLICY clients_add ON clients FOR INSERT
    WITH CHECK (kn_is_owner() OR kn_is_front_desk() OR responsible_login = session_user);
CREATE POLICY clients_change ON clients FOR UPDATE
    USING (kn_is_owner() OR kn_is_front_desk() OR responsible_login = session_user)
    WITH CHECK (kn_is_owner() OR kn_is_front_desk() OR responsible_login = session_user);

ALTER TABLE client_shares ENABLE ROW LEVEL SECURITY;
CREATE POLICY client_shares_read ON client_shares FOR SELECT
    USING (kn_is_owner() OR login = session_user OR shared_by = session_user);
CREATE POLICY client_shares_add ON client_shares FOR INSERT
    WITH CHECK (shared_by = session_user AND
                (kn_is_owner() OR EXISTS (SELECT 1 FROM clients WHERE id = client_id
                                          AND responsible_login = session_user)));

ALTER TABLE intakes ENABLE ROW LEVEL SECURITY;
CREATE POLICY intakes_read ON intakes FOR SELECT USING (kn_can_see_client(client_id));
CREATE POLICY intakes_add ON intakes FOR INSERT WITH CHECK (kn_can_see_client(client_id));

ALTER TABLE questionnaire_responses ENABLE ROW LEVEL SECURITY;
CREATE POLICY questionnaire_responses_read ON questionnaire_responses FOR SELECT
    USING (kn_can_see_client(client_id));
CREATE POLICY questionnaire_responses_add ON questionnaire_responses FOR INSERT
    WITH CHECK (kn_can_see_client(client_id));

-- A therapist reads the sessions of the clients they may see, and writes only their own.
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY sessions_read ON sessions FOR SELECT USING (kn_can_see_client(client_id));
-- The owner may write any (moving a therapist's file in, for one); signed ones stay sealed.
CREATE POLICY sessions_add ON sessions FOR INSERT
    WITH CHECK (kn_is_owner() OR
                (practitioner_id = kn_my_practitioner_id() AND kn_can_see_client(client_id)));
CREATE POLICY sessions_change ON sessions FOR UPDATE
    USING (kn_is_owner() OR practitioner_id = kn_my_practitioner_id())
    WITH CHECK (kn_is_owner() OR practitioner_id = kn_my_practitioner_id());
CREATE POLICY sessions_remove ON sessions FOR DELETE
    USING (kn_is_owner() OR practitioner_id = kn_my_practitioner_id());
)sql";

std::string charted_policies() {
    std::string sql;
    for (const std::string table : {"knots", "pressure_readings", "technique_uses"}) {
        sql += "ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY;\n";
        sql += "CREATE POLICY " + table + "_read ON " + table +
               " FOR SELECT USING (kn_can_see_client(kn_session_client(session_id)));\n";
        sql += "CREATE POLICY " + table + "_write ON " + table +
               " FOR ALL USING (kn_is_owner() OR kn_session_is_mine(session_id))"
               " WITH CHECK (kn_is_owner() OR kn_session_is_mine(session_id));\n";
    }
    return sql;
}

}  // namespace

std::string clinic_access_001() {
    return std::string(access) + charted_policies();
}

}  // namespace knotnotes::db::postgres::migration
