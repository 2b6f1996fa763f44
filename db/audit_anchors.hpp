// audit_anchors.hpp — the audit chain's head and the anchors that sign it, on either engine: the
// storage seam core/signing/audit_anchor.hpp signs and checks anchors through. Only the backend
// behind it knows whether it is a SQLite file's repository or a clinic server.
//
// On a clinic server any therapist or owner reads the head (through a definer function: the
// audit log itself is the owner's to read) and adds anchors; reading an entry's hash, which
// checking an anchor needs, is the owner's (AccessDenied for the rest), as checking the chain is.
// The server audits an anchor's own insert too (its head is then one entry on).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audit_anchor_repository.hpp"

namespace knotnotes::db {

class Database;

class AuditAnchors {
  public:
    virtual ~AuditAnchors() = default;
    // The database's own id, which an anchor's signed message names.
    virtual std::string installation_id() = 0;
    virtual AuditHead head() = 0;
    virtual std::vector<AuditAnchor> all() = 0;  // oldest first
    virtual void add(const AuditAnchor& anchor) = 0;
    // The hash of audit entry `seq`, if there is one.
    virtual std::optional<std::string> hash_at(std::int64_t seq) = 0;
    // Whether the database knows this signing key (base64 public key).
    virtual bool knows_key(const std::string& public_key) = 0;
    // Whether adding an anchor is itself an audit entry.
    virtual bool audits_anchors() const = 0;
};

// A SQLite file's, kept by the caller.
std::unique_ptr<AuditAnchors> file_audit_anchors(Database& file);

}  // namespace knotnotes::db
