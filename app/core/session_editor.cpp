#include "session_editor.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/entered_text.hpp"
#include "core/signing/note_signing.hpp"
#include "db/chart_entry_repository.hpp"
#include "db/intake_repository.hpp"
#include "db/session_repository.hpp"
#include "db/transaction.hpp"
#include "db/uid.hpp"

namespace knotnotes::core {

SessionEditor::SessionEditor(db::Database& db, sdk::Id session_id) : db_(db) {
    session_.id = session_id;
    reload();
}

void SessionEditor::reload() {
    auto loaded = db::SessionRepository(db_).get(session_.id);
    if (!loaded)
        throw std::runtime_error("no session with id " + std::to_string(session_.id));
    session_ = std::move(*loaded);
}

sdk::Id SessionEditor::start_session(db::Database& db, sdk::Id client_id, sdk::Id practitioner_id) {
    db::Transaction transaction(db);
    db::SessionRepository sessions(db);
    const auto earlier = sessions.list_for_client(client_id);
    sdk::Session draft;
    draft.client_id = client_id;
    draft.practitioner_id = practitioner_id;
    if (const auto intake = db::IntakeRepository(db).current(client_id)) {
        draft.intake_id = intake->id;
    }
    draft.duration_minutes = 60;
    const auto id = sessions.create_draft(draft);
    if (!earlier.empty()) {
        db::ChartEntryRepository entries(db);
        for (auto knot : entries.knots(earlier.back().id)) {
            if (knot.result == sdk::KnotResult::released)
                continue;
            knot.previous_knot_id = knot.id;
            knot.session_id = id;
            knot.uid.clear();  // the same knot, found again: a new record linked to the old
            knot.result = sdk::KnotResult::untreated;
            entries.add_knot(knot);
        }
    }
    transaction.commit();
    return id;
}

std::vector<sdk::Knot> SessionEditor::earlier_knots() const {
    const auto sessions = db::SessionRepository(db_).list_for_client(session_.client_id);
    for (std::size_t i = 1; i < sessions.size(); ++i) {
        if (sessions[i].id == session_.id)
            return db::ChartEntryRepository(db_).knots(sessions[i - 1].id);
    }
    return {};
}

const sdk::Knot& SessionEditor::place_knot(const std::string& muscle_id, sdk::Side side,
                                           sdk::ChartView view, double x, double y) {
    sdk::Knot knot;
    knot.session_id = session_.id;
    knot.muscle_id = muscle_id;
    knot.side = side;
    knot.view = view;
    knot.x = std::clamp(x, 0.0, 1.0);
    knot.y = std::clamp(y, 0.0, 1.0);
    knot.kind = sdk::KnotKind::latent;
    knot.tenderness = 5;
    knot.uid = db::new_uid();  // known here too, so an undone delete brings back the same knot
    knot.id = db::ChartEntryRepository(db_).add_knot(knot);
    session_.knots.push_back(knot);
    return session_.knots.back();
}

void SessionEditor::update_knot(const sdk::Knot& knot) {
    check_entered_knot(knot);
    db::ChartEntryRepository(db_).update_knot(knot);
    for (auto& k : session_.knots) {
        if (k.id == knot.id)
            k = knot;
    }
}

void SessionEditor::remove_knot(sdk::Id knot_id) {
    db::ChartEntryRepository(db_).remove_knot(knot_id);
    session_.knots.erase(std::remove_if(session_.knots.begin(), session_.knots.end(),
                                        [&](const sdk::Knot& k) { return k.id == knot_id; }),
                         session_.knots.end());
}

const sdk::Knot& SessionEditor::restore_knot(sdk::Knot knot) {
    knot.session_id = session_.id;
    knot.id = db::ChartEntryRepository(db_).add_knot(knot);
    session_.knots.push_back(knot);
    return session_.knots.back();
}

void SessionEditor::remove_pressure(sdk::Id reading_id) {
    db::ChartEntryRepository(db_).remove_pressure_reading(reading_id);
    auto& readings = session_.pressure_readings;
    readings.erase(
        std::remove_if(readings.begin(), readings.end(),
                       [&](const sdk::PressureReading& r) { return r.id == reading_id; }),
        readings.end());
}

void SessionEditor::set_pressure(const std::string& region, sdk::Side side, int pressure) {
    db::ChartEntryRepository entries(db_);
    for (auto& reading : session_.pressure_readings) {
        if (reading.region == region && reading.side == side) {
            auto changed = reading;
            changed.pressure = pressure;
            entries.update_pressure_reading(changed);
            reading = changed;
            return;
        }
    }
    sdk::PressureReading reading{0, session_.id, region, side, pressure, db::new_uid()};
    reading.id = entries.add_pressure_reading(reading);
    session_.pressure_readings.push_back(reading);
}

const sdk::TechniqueUse& SessionEditor::add_technique(sdk::TechniqueUse use) {
    check_entered_technique(use);
    use.session_id = session_.id;
    if (use.uid.empty())
        use.uid = db::new_uid();
    use.id = db::ChartEntryRepository(db_).add_technique_use(use);
    session_.techniques.push_back(use);
    return session_.techniques.back();
}

void SessionEditor::update_technique(const sdk::TechniqueUse& use) {
    check_entered_technique(use);
    db::ChartEntryRepository(db_).update_technique_use(use);
    for (auto& t : session_.techniques) {
        if (t.id == use.id)
            t = use;
    }
}

void SessionEditor::remove_technique(sdk::Id use_id) {
    db::ChartEntryRepository(db_).remove_technique_use(use_id);
    session_.techniques.erase(
        std::remove_if(session_.techniques.begin(), session_.techniques.end(),
                       [&](const sdk::TechniqueUse& t) { return t.id == use_id; }),
        session_.techniques.end());
}

void SessionEditor::update_note(const sdk::Session& fields) {
    check_entered_note(fields);
    auto changed = session_;
    changed.started_at = fields.started_at.empty() ? session_.started_at : fields.started_at;
    changed.duration_minutes = fields.duration_minutes;
    changed.subjective = fields.subjective;
    changed.objective = fields.objective;
    changed.assessment = fields.assessment;
    changed.plan = fields.plan;
    changed.pain_before = fields.pain_before;
    changed.pain_after = fields.pain_after;
    db::SessionRepository(db_).update_note(changed);
    session_ = std::move(changed);
}

void SessionEditor::acknowledge_conflicts(const std::string& reason) {
    auto changed = session_;
    changed.conflict_acknowledgement = reason;
    db::SessionRepository(db_).update_note(changed);
    session_ = std::move(changed);
}

void SessionEditor::set_location(sdk::SessionLocation location) {
    auto changed = session_;
    changed.location = location;
    db::SessionRepository(db_).update_note(changed);
    session_ = std::move(changed);
}

sdk::Signature SessionEditor::sign(const UnlockedKey& key) {
    const auto signature = sign_note(db_, session_.id, key);
    session_.signature = signature;
    return signature;
}

sdk::Id SessionEditor::amend(const std::string& reason) {
    check_entered_text("The amendment's reason", reason);
    return db::SessionRepository(db_).amend(session_.id, reason);
}

}  // namespace knotnotes::core
