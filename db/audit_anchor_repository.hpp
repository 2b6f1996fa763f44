// audit_anchor_repository.hpp — the audit chain's head as a practitioner's key signed it.
//
// head() is the newest audit entry (its seq and hash); an anchor records a head with a
// signature made by core (app/core/signing/audit_anchor.hpp) over the installation id, the
// reason, the seq, the hash and the time. Anchors are append-only (the schema refuses the rest).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace knotnotes::db {

class Database;

struct AuditHead {
    std::int64_t seq = 0;  // 0: the log is empty
    std::string hash;
};

struct AuditAnchor {
    std::int64_t id = 0;
    std::string reason;  // "signed <session uid>" or "closed"
    std::int64_t audit_seq = 0;
    std::string audit_hash;
    std::string signed_at;
    std::string signer_public_key;  // base64
    std::string signature_value;    // base64
};

class AuditAnchorRepository {
  public:
    explicit AuditAnchorRepository(Database& db) : db_(db) {}

    AuditHead head();
    void add(const AuditAnchor& anchor);
    std::vector<AuditAnchor> all();  // oldest first
    // The hash of audit entry `seq`, if there is one.
    std::optional<std::string> hash_at(std::int64_t seq);

  private:
    Database& db_;
};

}  // namespace knotnotes::db
