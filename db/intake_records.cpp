#include "intake_records.hpp"

#include "intake_repository.hpp"

namespace knotnotes::db {
namespace {

class FileIntakeRecords final : public IntakeRecords {
  public:
    explicit FileIntakeRecords(Database& file) : intakes_(file) {}
    sdk::Id save(const sdk::Intake& intake) override { return intakes_.save(intake); }
    std::optional<sdk::Intake> get(sdk::Id id) override { return intakes_.get(id); }
    std::optional<sdk::Intake> current(sdk::Id client_id) override {
        return intakes_.current(client_id);
    }
    std::vector<sdk::Intake> versions(sdk::Id client_id) override {
        return intakes_.versions(client_id);
    }

  private:
    IntakeRepository intakes_;
};

}  // namespace

std::unique_ptr<IntakeRecords> file_intake_records(Database& file) {
    return std::make_unique<FileIntakeRecords>(file);
}

}  // namespace knotnotes::db
