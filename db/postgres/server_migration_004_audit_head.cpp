// The fourth clinic schema: the audit chain's head, for signing it. A therapist's app signs the
// head (its seq and hash) when it signs a note and when it closes, as on a file
// (core/signing/audit_anchor.hpp), so that whoever rewrites the audit log later, even with
// every hash recomputed, no longer matches what the therapists' keys signed.
//
// The audit log is the owner's to read (who did what, clinic-wide); this function gives any
// therapist or owner its newest entry's seq and hash only, nothing of what the entries say.
#include "server_migrations.hpp"

namespace knotnotes::db::postgres::migration {

std::string audit_head_004() {
    return R"sql(
CREATE FUNCTION kn_audit_head() RETURNS TABLE (seq bigint, hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT a.seq, a.hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1
$$;
REVOKE ALL ON FUNCTION kn_audit_head() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kn_audit_head() TO knotnotes_owner, knotnotes_therapist;
)sql";
}

}  // namespace knotnotes::db::postgres::migration
