// server_audit_chain.hpp — checks the clinic server's audit chain, entry by entry.
//
// Each entry must link to the one before it (prev_hash), carry the hash of its own fields, and
// the chain must end where the head says. A chain that forked, lost an entry, or was edited
// behind the triggers' back fails at the first entry that does not hold.
#pragma once

#include <cstdint>
#include <string>

namespace knotnotes::db::postgres {

class ServerConnection;

struct ServerAuditCheck {
    std::int64_t entries = 0;
    bool intact = true;
    // When not intact: the first entry that does not hold, and why.
    std::int64_t first_broken_seq = 0;
    std::string problem;
};

ServerAuditCheck check_server_audit_chain(ServerConnection& server);

}  // namespace knotnotes::db::postgres
