// intake_repository.hpp — versioned client intakes.
//
// save() never changes an existing intake (the schema forbids it): it stores a new version,
// numbered one more than the client's latest, and returns its id. Sessions record the id of
// the version current when they were charted, so history reads as it was.
#pragma once

#include <optional>
#include <vector>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::db {

class Database;
class Statement;

class IntakeRepository {
  public:
    explicit IntakeRepository(Database& db) : db_(db) {}

    sdk::Id save(const sdk::Intake& intake);  // ignores intake.id and intake.version
    std::optional<sdk::Intake> get(sdk::Id id);
    std::optional<sdk::Intake> current(sdk::Id client_id);
    std::vector<sdk::Intake> versions(sdk::Id client_id);  // oldest first

  private:
    sdk::Intake read_row(const Statement& st);
    Database& db_;
};

}  // namespace knotnotes::db
