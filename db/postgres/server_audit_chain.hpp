// server_audit_chain.hpp — checks the clinic server's audit chain, entry by entry.
//
// Each entry must follow the one before it (seq), link to it (prev_hash) and carry the hash of
// its own fields. A chain that forked, lost an entry, or was edited behind the triggers' back
// fails at the first entry that does not hold. The newest entries removed by someone who may
// alter the tables (the server's superuser, the tables' owner) leave a shorter chain that still
// holds: catching that needs signed anchors of the chain's head, which the server does not
// keep yet.
#pragma once

#include "db/clinic_directory.hpp"

namespace knotnotes::db::postgres {

class ServerConnection;

db::AuditChainCheck check_server_audit_chain(ServerConnection& server);

}  // namespace knotnotes::db::postgres
