// audit_anchor.hpp — signing the audit chain's head, and checking the anchors.
//
// An anchor is an Ed25519 signature, by a practitioner's key, over
//   "knotnotes-audit-anchor-1\n<installation id>\n<reason>\n<audit seq>\n<audit hash>\n<signed at>"
// made at each signing (reason "signed <session uid>", in the signing's transaction, after its
// audit entry) and when the app closes a database while a key is unlocked (reason "closed").
// Whoever rewrites the audit log — even recomputing every hash with the app's own functions —
// cannot re-sign the anchors, so the rewritten chain no longer passes through them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace knotnotes::db {
class AuditAnchors;
class Database;
}  // namespace knotnotes::db

namespace knotnotes::core {

class UnlockedKey;

std::string audit_anchor_message(const std::string& installation_id, const std::string& reason,
                                 std::int64_t audit_seq, const std::string& audit_hash,
                                 const std::string& signed_at);

// Signs the current head of the audit log (call inside the transaction whose last change it
// should cover; on a clinic server, whose audit entries are written at commit, after it).
// `signed_at`: UTC, as signatures write it. On a file or a server (db/audit_anchors.hpp).
void anchor_audit_head(db::AuditAnchors& anchors, const UnlockedKey& key, const std::string& reason,
                       const std::string& signed_at);
void anchor_audit_head(db::Database& db, const UnlockedKey& key, const std::string& reason,
                       const std::string& signed_at);

// At a clean close: signs the head (reason "closed") when changes were made since the last
// anchor, so edits after the last signing are covered too. Does nothing when there are none.
void anchor_head_if_moved(db::AuditAnchors& anchors, const UnlockedKey& key);
void anchor_head_if_moved(db::Database& db, const UnlockedKey& key);

struct AnchorCheck {
    bool passed = true;
    std::string details;
};

// Every anchor's signature is valid, by a key the database knows, and the audit entry it names
// still has the hash it signed. details also says how many audit entries follow the last
// anchor (they are covered by the hash chain only). On a file or a server.
AnchorCheck check_anchor_signatures(db::AuditAnchors& anchors);
// That, and every note signed in the file (with a key whose secret is there) has its anchor.
AnchorCheck check_audit_anchors(db::Database& db);

}  // namespace knotnotes::core
