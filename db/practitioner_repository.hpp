// practitioner_repository.hpp — the therapists who chart and sign sessions.
#pragma once

#include <optional>
#include <vector>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::db {

class Database;

class PractitionerRepository {
  public:
    explicit PractitionerRepository(Database& db) : db_(db) {}

    sdk::Id add(const sdk::Practitioner& practitioner);
    std::optional<sdk::Practitioner> get(sdk::Id id);
    std::vector<sdk::Practitioner> all();

  private:
    Database& db_;
};

}  // namespace knotnotes::db
