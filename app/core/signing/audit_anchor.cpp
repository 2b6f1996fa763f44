#include "audit_anchor.hpp"

#include <set>

#include "db/audit_anchor_repository.hpp"
#include "db/audit_anchors.hpp"
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

void anchor_audit_head(db::AuditAnchors& anchors, const UnlockedKey& key, const std::string& reason,
                       const std::string& signed_at) {
    const auto head = anchors.head();
    db::AuditAnchor anchor;
    anchor.reason = reason;
    anchor.audit_seq = head.seq;
    anchor.audit_hash = head.hash;
    anchor.signed_at = signed_at;
    anchor.signer_public_key = key.public_key();
    anchor.signature_value = key.sign(
        audit_anchor_message(anchors.installation_id(), reason, head.seq, head.hash, signed_at));
    anchors.add(anchor);
}

void anchor_audit_head(db::Database& db, const UnlockedKey& key, const std::string& reason,
                       const std::string& signed_at) {
    anchor_audit_head(*db::file_audit_anchors(db), key, reason, signed_at);
}

void anchor_head_if_moved(db::AuditAnchors& anchors, const UnlockedKey& key) {
    const auto head = anchors.head();
    const auto all = anchors.all();
    // Where an anchor is itself an audit entry, the head one past the last anchor is that
    // anchor's own entry, and nothing changed since.
    const std::int64_t own_entry = anchors.audits_anchors() ? 1 : 0;
    if (head.seq == 0 || (!all.empty() && all.back().audit_seq + own_entry >= head.seq))
        return;
    anchor_audit_head(anchors, key, "closed", db::utc_now());
}

void anchor_head_if_moved(db::Database& db, const UnlockedKey& key) {
    anchor_head_if_moved(*db::file_audit_anchors(db), key);
}

AnchorCheck check_anchor_signatures(db::AuditAnchors& anchors) {
    const auto installation = anchors.installation_id();
    std::int64_t last_seq = 0;
    const auto all = anchors.all();
    for (const auto& a : all) {
        const auto describe =
            "audit anchor " + std::to_string(a.id) + " (" + a.reason + ", " + a.signed_at + ")";
        if (!anchors.knows_key(a.signer_public_key)) {
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
        last_seq = std::max(last_seq, a.audit_seq);
    }
    const auto head = anchors.head();
    return {true, std::to_string(all.size()) + " anchors verify; " +
                      std::to_string(head.seq - last_seq) +
                      " audit entries after the last anchor (covered by the hash chain only)"};
}

AnchorCheck check_audit_anchors(db::Database& db) {
    const auto anchors = db::file_audit_anchors(db);
    auto check = check_anchor_signatures(*anchors);
    if (!check.passed)
        return check;
    std::set<std::string> anchored_notes;
    for (const auto& a : anchors->all()) {
        if (a.reason.rfind("signed ", 0) == 0)
            anchored_notes.insert(a.reason.substr(7));
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
    return check;
}

}  // namespace knotnotes::core
