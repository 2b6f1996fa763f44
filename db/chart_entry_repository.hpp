// chart_entry_repository.hpp — what is charted inside a session: knots, pressure readings and
// technique uses. Each add/update/remove is its own committed transaction (the app autosaves
// every change at once); the schema refuses any of them on a signed session (RecordLocked).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::db {

class Database;

class ChartEntryRepository {
  public:
    explicit ChartEntryRepository(Database& db) : db_(db) {}

    sdk::Id add_knot(const sdk::Knot& knot);
    void update_knot(const sdk::Knot& knot);
    void remove_knot(sdk::Id knot_id);
    std::vector<sdk::Knot> knots(sdk::Id session_id);
    std::optional<std::string> knot_uid(sdk::Id knot_id);

    sdk::Id add_pressure_reading(const sdk::PressureReading& reading);
    void update_pressure_reading(const sdk::PressureReading& reading);
    void remove_pressure_reading(sdk::Id reading_id);
    std::vector<sdk::PressureReading> pressure_readings(sdk::Id session_id);

    sdk::Id add_technique_use(const sdk::TechniqueUse& use);
    void update_technique_use(const sdk::TechniqueUse& use);
    void remove_technique_use(sdk::Id use_id);
    std::vector<sdk::TechniqueUse> technique_uses(sdk::Id session_id);

  private:
    void expect_one_change(const char* what, sdk::Id id);
    void remove(const char* table, sdk::Id id);
    Database& db_;
};

}  // namespace knotnotes::db
