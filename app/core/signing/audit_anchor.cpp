#include "audit_anchor.hpp"

#include <set>

#include "db/audit_anchor_repository.hpp"
#include "db/database.hpp"
#include "db/installation.hpp"
#include "db/signing_key_repository.hpp"
#include "db/timestamps.hpp"
#include "signing_key.hpp"

namespace knotnotes::core {

std::string audit_anchor_message(const std::string& installation_id, const std::string& reason,
                                 std::int64_t audit_seq, const std::string& audit_hash,
                                 const std::string& signed_at) {
    return "knotnotes-audit-anchor-1\n" + installation_id + "\n" + reason + "\n" +
           std::to_string(audit_seq) + "\n" + audit_hash + "\n" + signed_at;
}

void anchor_audit_head(db::Database& db, const UnlockedKey& key, const std::string& reason,
                       const std::string& signed_at) {
    db::AuditAnchorRepository anchors(db);
    const auto head = anchors.head();
    db::AuditAnchor anchor;
    anchor.reason = reason;
    anchor.audit_seq = head.seq;
    anchor.audit_hash = head.hash;
    anchor.signed_at = signed_at;
    anchor.signer_public_key = key.public_key();
    anchor.signature_value = key.sign(audit_anchor_message(db::installation_id(db), reason,
                                                           head.seq, head.hash, anchor.signed_at));
    anchors.add(anchor);
}

void anchor_head_if_moved(db::Database& db, const UnlockedKey& key) {
    db::AuditAnchorRepository anchors(db);
    const auto head = anchors.head();
    const auto all = anchors.all();
    if (head.seq == 0 || (!all.empty() && all.back().audit_seq >= head.seq))
        return;
    anchor_audit_head(db, key, "closed", db::utc_now());
}

AnchorCheck check_audit_anchors(db::Database& db) {
    db::AuditAnchorRepository anchors(db);
    db::SigningKeyRepository keys(db);
    const auto installation = db::installation_id(db);
    std::set<std::string> anchored_notes;
    std::int64_t last_seq = 0;
    const auto all = anchors.all();
    for (const auto& a : all) {
        const auto describe =
            "audit anchor " + std::to_string(a.id) + " (" + a.reason + ", " + a.signed_at + ")";
        if (!keys.find(a.signer_public_key)) {
            return {false, describe + " is signed by a key this database does not know"};
        }
        if (!signature_is_valid(a.signer_public_key,
                                audit_anchor_message(installation, a.reason, a.audit_seq,
                                                     a.audit_hash, a.signed_at),
                                a.signature_value)) {
            return {false, describe + " has a signature that does not verify: it was altered"};
        }
        const auto hash = anchors.hash_at(a.audit_seq);
        if (a.audit_seq > 0 && (!hash || *hash != a.audit_hash)) {
            return {false, describe + " signed audit entry " + std::to_string(a.audit_seq) +
                               ", which " + (hash ? "no longer has" : "no longer exists with") +
                               " the hash it had: the audit log was rewritten"};
        }
        if (a.reason.rfind("signed ", 0) == 0)
            anchored_notes.insert(a.reason.substr(7));
        last_seq = std::max(last_seq, a.audit_seq);
    }
    // Notes signed here, with a key whose secret is here, were anchored when they were signed.
    auto st = db.prepare(
        "SELECT s.id, s.uid FROM sessions s JOIN signing_keys k ON k.public_key = "
        "s.signer_public_key WHERE s.status = 'signed' AND s.signature_algorithm = 'ed25519' "
        "AND k.sealed_secret_key IS NOT NULL ORDER BY s.id");
    while (st->step()) {
        if (!anchored_notes.count(st->text(1))) {
            return {false, "signed session " + std::to_string(st->int64(0)) +
                               " has no audit anchor from its signing: anchors were removed"};
        }
    }
    const auto head = anchors.head();
    return {true, std::to_string(all.size()) + " anchors verify; " +
                      std::to_string(head.seq - last_seq) +
                      " audit entries after the last anchor (covered by the hash chain only)"};
}

}  // namespace knotnotes::core
