#include "audit_anchors.hpp"

#include "installation.hpp"
#include "signing_key_repository.hpp"

namespace knotnotes::db {
namespace {

class FileAuditAnchors final : public AuditAnchors {
  public:
    explicit FileAuditAnchors(Database& file) : file_(file), anchors_(file) {}
    std::string installation_id() override { return db::installation_id(file_); }
    AuditHead head() override { return anchors_.head(); }
    std::vector<AuditAnchor> all() override { return anchors_.all(); }
    void add(const AuditAnchor& anchor) override { anchors_.add(anchor); }
    std::optional<std::string> hash_at(std::int64_t seq) override { return anchors_.hash_at(seq); }
    bool knows_key(const std::string& public_key) override {
        return SigningKeyRepository(file_).find(public_key).has_value();
    }
    bool audits_anchors() const override { return false; }

  private:
    Database& file_;
    AuditAnchorRepository anchors_;
};

}  // namespace

std::unique_ptr<AuditAnchors> file_audit_anchors(Database& file) {
    return std::make_unique<FileAuditAnchors>(file);
}

}  // namespace knotnotes::db
