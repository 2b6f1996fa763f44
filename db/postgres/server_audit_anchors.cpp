// The audit anchors on a clinic server (db/audit_anchors.hpp).
#include "db/audit_anchors.hpp"
#include "server_connection.hpp"
#include "server_values.hpp"
#include "shared_connection.hpp"

namespace knotnotes::db::postgres {

using namespace values;

namespace {

class ServerAuditAnchors final : public AuditAnchors {
  public:
    explicit ServerAuditAnchors(SharedConnection server)
        : connection_(std::move(server)), server_(*connection_) {}

    std::string installation_id() override {
        return server_.query("SELECT installation_id FROM installation").text(0, 0);
    }

    AuditHead head() override {
        const auto rows = server_.query("SELECT seq, hash FROM kn_audit_head()");
        if (rows.size() == 0)
            return {};
        return {id_at(rows, 0, 0), rows.text(0, 1)};
    }

    std::vector<AuditAnchor> all() override {
        const auto rows = server_.query(
            "SELECT id, reason, audit_seq, audit_hash, signed_at, signer_public_key, "
            "signature_value FROM audit_anchors ORDER BY id");
        std::vector<AuditAnchor> anchors;
        for (int row = 0; row < rows.size(); ++row)
            anchors.push_back({id_at(rows, row, 0), rows.text(row, 1), id_at(rows, row, 2),
                               rows.text(row, 3), rows.text(row, 4), rows.text(row, 5),
                               rows.text(row, 6)});
        return anchors;
    }

    void add(const AuditAnchor& a) override {
        server_.query(
            "INSERT INTO audit_anchors (reason, audit_seq, audit_hash, signed_at, "
            "signer_public_key, signature_value) VALUES ($1, $2::bigint, $3, $4, $5, $6)",
            {a.reason, number(a.audit_seq), a.audit_hash, a.signed_at, a.signer_public_key,
             a.signature_value});
    }

    std::optional<std::string> hash_at(std::int64_t seq) override {
        const auto rows =
            server_.query("SELECT hash FROM audit_log WHERE seq = $1::bigint", {number(seq)});
        if (rows.size() == 0)
            return std::nullopt;
        return rows.text(0, 0);
    }

    bool knows_key(const std::string& public_key) override {
        return server_.query("SELECT 1 FROM signing_keys WHERE public_key = $1", {public_key})
                   .size() > 0;
    }

    bool audits_anchors() const override { return true; }

  private:
    SharedConnection connection_;
    ServerConnection& server_;
};

}  // namespace

std::unique_ptr<AuditAnchors> audit_anchors_on(SharedConnection server) {
    return std::make_unique<ServerAuditAnchors>(std::move(server));
}

}  // namespace knotnotes::db::postgres
