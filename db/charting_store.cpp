#include "charting_store.hpp"

#include "chart_entry_repository.hpp"
#include "database_error.hpp"
#include "intake_repository.hpp"
#include "session_repository.hpp"

namespace knotnotes::db {
namespace {

class FileChartingStore final : public ChartingStore {
  public:
    explicit FileChartingStore(Database& file) : sessions_(file), entries_(file), intakes_(file) {}

    using ChartingStore::session;
    std::optional<sdk::Session> session(sdk::Id id, NoteVersion&) override {
        return sessions_.get(id);
    }
    std::vector<SessionSummary> sessions_of(sdk::Id client_id) override {
        return sessions_.list_for_client(client_id);
    }
    std::optional<sdk::Id> current_intake_id(sdk::Id client_id) override {
        const auto intake = intakes_.current(client_id);
        return intake ? std::optional<sdk::Id>(intake->id) : std::nullopt;
    }
    sdk::Id create_draft(const sdk::Session& draft) override {
        return sessions_.create_draft_with_entries(draft);
    }
    void update_note(const sdk::Session& session, NoteVersion&) override {
        sessions_.update_note(session);
    }

    std::vector<sdk::Knot> knots(sdk::Id session_id) override { return entries_.knots(session_id); }
    sdk::Id add_knot(const sdk::Knot& knot) override { return entries_.add_knot(knot); }
    void update_knot(const sdk::Knot& knot) override { entries_.update_knot(knot); }
    void remove_knot(sdk::Id knot_id) override { entries_.remove_knot(knot_id); }

    sdk::Id add_pressure_reading(const sdk::PressureReading& reading) override {
        return entries_.add_pressure_reading(reading);
    }
    void update_pressure_reading(const sdk::PressureReading& reading) override {
        entries_.update_pressure_reading(reading);
    }
    void remove_pressure_reading(sdk::Id reading_id) override {
        entries_.remove_pressure_reading(reading_id);
    }

    sdk::Id add_technique_use(const sdk::TechniqueUse& use) override {
        return entries_.add_technique_use(use);
    }
    void update_technique_use(const sdk::TechniqueUse& use) override {
        entries_.update_technique_use(use);
    }
    void remove_technique_use(sdk::Id use_id) override { entries_.remove_technique_use(use_id); }

  private:
    SessionRepository sessions_;
    ChartEntryRepository entries_;
    IntakeRepository intakes_;
};

}  // namespace

std::unique_ptr<ChartingStore> file_charting_store(Database& file) {
    return std::make_unique<FileChartingStore>(file);
}

sdk::Session amendment_draft(const sdk::Session& signed_original, const std::string& reason) {
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
        throw DatabaseError("an amendment needs a reason: say what it corrects");
    if (!signed_original.is_signed()) {
        throw DatabaseError("session " + std::to_string(signed_original.id) +
                            " is not a signed session, so there is nothing to amend");
    }
    sdk::Session draft = signed_original;
    draft.signature.reset();
    draft.amends_session_id = signed_original.id;
    draft.uid.clear();
    draft.amendment_reason = reason;
    draft.conflict_acknowledgement.clear();
    // Knots keep their link to earlier sessions (previous_knot_id): they are the same knots.
    for (auto& knot : draft.knots)
        knot.uid.clear();
    for (auto& reading : draft.pressure_readings)
        reading.uid.clear();
    for (auto& use : draft.techniques)
        use.uid.clear();
    return draft;
}

}  // namespace knotnotes::db
