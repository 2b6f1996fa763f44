// practitioner_repository.hpp — the therapists who chart and sign sessions: their profiles
// (name, credentials, registration number) and, read-only here, their current public key
// (signing_key_repository.hpp keeps the keys).
#pragma once

#include <optional>
#include <vector>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::db {

class Database;

class PractitionerRepository {
  public:
    explicit PractitionerRepository(Database& db) : db_(db) {}

    // `demo`: a synthetic practitioner of demo data, never offered as the one who charts.
    sdk::Id add(const sdk::Practitioner& practitioner, bool demo = false);
    std::optional<sdk::Practitioner> get(sdk::Id id);
    std::vector<sdk::Practitioner> all();
    std::vector<sdk::Practitioner> real();  // all but the demo practitioners
    bool is_demo(sdk::Id id);
    // Name, credentials and registration (signatures keep the name as it was when signing).
    void update_profile(const sdk::Practitioner& practitioner);

  private:
    Database& db_;
};

}  // namespace knotnotes::db
