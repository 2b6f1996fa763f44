// canonical_session.hpp — the exact text whose SHA-256 seals a signed session.
//
// A deterministic JSON rendering of everything charted in the session: its clinical fields (not
// the signature itself) and its knots, pressure readings and technique uses in the order they
// were charted (id order), with keys in a fixed order and numbers printed the same way on every
// machine. Database row ids are left out on purpose: a signed session exported and imported
// into another database gets new ids but keeps a valid signature. Who the session belongs to
// and its links to other records are covered by the audit log instead. Signing and `verify`
// both hash this text, so any later change to the session or to what was charted in it shows
// up as a hash mismatch. Changing this function changes every signed hash: never do it without
// a new canonical version and a migration.
#pragma once

#include <string>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::db {

std::string canonical_session_text(const sdk::Session& session);
std::string canonical_session_sha256(const sdk::Session& session);

}  // namespace knotnotes::db
