// server_audit_chain.hpp — checks the clinic server's audit chain, entry by entry.
//
// Each entry must link to the one before it (prev_hash), carry the hash of its own fields, and
// the chain must end where the head says. A chain that forked, lost an entry, or was edited
// behind the triggers' back fails at the first entry that does not hold.
#pragma once

#include "db/clinic_directory.hpp"

namespace knotnotes::db::postgres {

class ServerConnection;

db::AuditChainCheck check_server_audit_chain(ServerConnection& server);

}  // namespace knotnotes::db::postgres
