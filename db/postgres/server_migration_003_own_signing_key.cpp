// The third clinic schema: a practitioner reads their own sealed signing key, so the app signs
// notes on a clinic server as it does on a file (the passphrase unseals the key on the
// practitioner's own computer; the server never sees the passphrase or the unsealed key).
//
// Logins may not read the sealed halves of signing_keys (001 grants its public columns only):
// anyone's sealed key is a target for guessing passphrases offline. This function hands a
// login its own newest sealed key and nobody else's: it decides "own" by session_user (through
// kn_my_practitioner_id), which a client cannot change, and a disabled login has none.
#include "server_migrations.hpp"

namespace knotnotes::db::postgres::migration {

std::string own_signing_key_003() {
    return R"sql(
CREATE FUNCTION kn_my_sealed_signing_key()
RETURNS TABLE (id bigint, practitioner_id bigint, public_key text, sealed_secret_key text,
               kdf_salt text, kdf_opslimit bigint, kdf_memlimit bigint, nonce text,
               created_at text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT k.id, k.practitioner_id, k.public_key, k.sealed_secret_key, k.kdf_salt,
           k.kdf_opslimit, k.kdf_memlimit, k.nonce, k.created_at
    FROM signing_keys k
    WHERE k.practitioner_id = kn_my_practitioner_id() AND k.sealed_secret_key IS NOT NULL
    ORDER BY k.id DESC
    LIMIT 1
$$;
REVOKE ALL ON FUNCTION kn_my_sealed_signing_key() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kn_my_sealed_signing_key()
    TO knotnotes_owner, knotnotes_therapist, knotnotes_front_desk;
)sql";
}

}  // namespace knotnotes::db::postgres::migration
