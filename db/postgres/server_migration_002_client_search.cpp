// The second clinic schema: the type-ahead over client names (db/client_search.hpp) on the
// server, with the same meaning as the SQLite file's FTS5 table: every word typed starts a word
// of the given or family name, case and accents ignored.
//
// The words are a generated tsvector column, and row-level security still decides which of
// the matches a login sees. Under row-level security PostgreSQL checks the policy before the
// match (the @@ operator is not leakproof), so a login's search reads the client list through
// the policy rather than through the GIN index: 2-3 ms for 10k clients here. The index serves
// logins that row-level security does not apply to (the tables' owner, the administrator).
// unaccent is a trusted extension (PostgreSQL 13 and later): the database's owner may create
// it, no superuser needed.
//
// A search reads the whole client list through its read policy, so the policy is rewritten
// here to decide once per query what it decided once per row: which role the login has (an
// InitPlan) and which clients are shared with it (a hashed set). It allows exactly the same
// rows. Per row it called a SECURITY DEFINER function, which PostgreSQL cannot inline: 40 ms for
// a therapist's search of 10k clients, against 2.8 ms now.
#include "server_migrations.hpp"

namespace knotnotes::db::postgres::migration {

std::string client_search_002() {
    return R"sql(
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

-- unaccent() is STABLE because its dictionary could be changed; with the dictionary named,
-- the result depends on the text alone, which lets a generated column and an index use it.
CREATE FUNCTION kn_name_words(given text, family text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT to_tsvector('pg_catalog.simple',
                       public.unaccent('public.unaccent'::regdictionary, given || ' ' || family))
$$;

-- What was typed, as a query of prefixes: each word the parser finds must start a word of the
-- name. Typed text is never tsquery syntax: quotes, '&', '!' or ':*' in it are characters.
CREATE FUNCTION kn_name_prefix_query(typed text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT string_agg('''' || replace(replace(word, '\', '\\'), '''', '''''') || ''':*',
                      ' & ')::tsquery
    FROM unnest(tsvector_to_array(kn_name_words(typed, ''))) AS word
$$;

ALTER TABLE clients ADD COLUMN name_words tsvector
    GENERATED ALWAYS AS (kn_name_words(given_name, family_name)) STORED;
CREATE INDEX clients_name_search ON clients USING gin (name_words);
GRANT SELECT (name_words) ON clients TO knotnotes_front_desk;

CREATE FUNCTION kn_clients_shared_with_me() RETURNS SETOF bigint LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT client_id FROM client_shares WHERE login = session_user
$$;
DROP POLICY clients_read ON clients;
CREATE POLICY clients_read ON clients FOR SELECT
    USING ((SELECT kn_is_front_desk() OR kn_is_owner()) OR responsible_login = session_user OR
           id IN (SELECT kn_clients_shared_with_me()));
)sql";
}

}  // namespace knotnotes::db::postgres::migration
