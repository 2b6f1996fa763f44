#include "audit_anchor_repository.hpp"

#include "database.hpp"
#include "transaction.hpp"

namespace knotnotes::db {

AuditHead AuditAnchorRepository::head() {
    auto st = db_.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    if (!st->step())
        return {};
    return {st->int64(0), st->text(1)};
}

void AuditAnchorRepository::add(const AuditAnchor& a) {
    Transaction transaction(db_);
    db_.prepare(
           "INSERT INTO audit_anchors (reason, audit_seq, audit_hash, signed_at, "
           "signer_public_key, signature_value) VALUES (?, ?, ?, ?, ?, ?)")
        ->bind_all(a.reason, a.audit_seq, a.audit_hash, a.signed_at, a.signer_public_key,
                   a.signature_value)
        .run();
    transaction.commit();
}

std::vector<AuditAnchor> AuditAnchorRepository::all() {
    std::vector<AuditAnchor> anchors;
    auto st = db_.prepare(
        "SELECT id, reason, audit_seq, audit_hash, signed_at, signer_public_key, "
        "signature_value FROM audit_anchors ORDER BY id");
    while (st->step()) {
        anchors.push_back({st->int64(0), st->text(1), st->int64(2), st->text(3), st->text(4),
                           st->text(5), st->text(6)});
    }
    return anchors;
}

std::optional<std::string> AuditAnchorRepository::hash_at(std::int64_t seq) {
    auto st = db_.prepare("SELECT hash FROM audit_log WHERE seq = ?");
    st->bind(1, seq);
    if (!st->step())
        return std::nullopt;
    return st->text(0);
}

}  // namespace knotnotes::db
