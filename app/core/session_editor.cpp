#include "session_editor.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/entered_text.hpp"
#include "core/signing/note_signer.hpp"
#include "db/charting_store.hpp"
#include "db/uid.hpp"

namespace knotnotes::core {

SessionEditor::SessionEditor(db::ChartingStore& store, sdk::Id session_id, NoteSigner* signer)
    : store_(store), signer_(signer) {
    session_.id = session_id;
    reload();
}

void SessionEditor::reload() {
    auto loaded = store_.session(session_.id, version_);
    if (!loaded)
        throw std::runtime_error("no session with id " + std::to_string(session_.id));
    session_ = std::move(*loaded);
}

sdk::Id SessionEditor::start_session(db::ChartingStore& store, sdk::Id client_id,
                                     sdk::Id practitioner_id) {
    const auto earlier = store.sessions_of(client_id);
    sdk::Session draft;
    draft.client_id = client_id;
    draft.practitioner_id = practitioner_id;
    draft.intake_id = store.current_intake_id(client_id);
    draft.duration_minutes = 60;
    if (!earlier.empty()) {
        for (auto knot : store.knots(earlier.back().id)) {
            if (knot.result == sdk::KnotResult::released)
                continue;
            knot.previous_knot_id = knot.id;
            knot.uid.clear();  // the same knot, found again: a new record linked to the old
            knot.result = sdk::KnotResult::untreated;
            draft.knots.push_back(std::move(knot));
        }
    }
    return store.create_draft(draft);  // the draft and its carried knots in one transaction
}

std::vector<sdk::Knot> SessionEditor::earlier_knots() const {
    const auto sessions = store_.sessions_of(session_.client_id);
    for (std::size_t i = 1; i < sessions.size(); ++i) {
        if (sessions[i].id == session_.id)
            return store_.knots(sessions[i - 1].id);
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
    knot.id = store_.add_knot(knot);
    session_.knots.push_back(knot);
    return session_.knots.back();
}

void SessionEditor::update_knot(const sdk::Knot& knot) {
    check_entered_knot(knot);
    store_.update_knot(knot);
    for (auto& k : session_.knots) {
        if (k.id == knot.id)
            k = knot;
    }
}

void SessionEditor::remove_knot(sdk::Id knot_id) {
    store_.remove_knot(knot_id);
    session_.knots.erase(std::remove_if(session_.knots.begin(), session_.knots.end(),
                                        [&](const sdk::Knot& k) { return k.id == knot_id; }),
                         session_.knots.end());
}

const sdk::Knot& SessionEditor::restore_knot(sdk::Knot knot) {
    knot.session_id = session_.id;
    knot.id = store_.add_knot(knot);
    session_.knots.push_back(knot);
    return session_.knots.back();
}

void SessionEditor::remove_pressure(sdk::Id reading_id) {
    store_.remove_pressure_reading(reading_id);
    auto& readings = session_.pressure_readings;
    readings.erase(
        std::remove_if(readings.begin(), readings.end(),
                       [&](const sdk::PressureReading& r) { return r.id == reading_id; }),
        readings.end());
}

void SessionEditor::set_pressure(const std::string& region, sdk::Side side, int pressure) {
    for (auto& reading : session_.pressure_readings) {
        if (reading.region == region && reading.side == side) {
            auto changed = reading;
            changed.pressure = pressure;
            store_.update_pressure_reading(changed);
            reading = changed;
            return;
        }
    }
    sdk::PressureReading reading{0, session_.id, region, side, pressure, db::new_uid()};
    reading.id = store_.add_pressure_reading(reading);
    session_.pressure_readings.push_back(reading);
}

const sdk::TechniqueUse& SessionEditor::add_technique(sdk::TechniqueUse use) {
    check_entered_technique(use);
    use.session_id = session_.id;
    if (use.uid.empty())
        use.uid = db::new_uid();
    use.id = store_.add_technique_use(use);
    session_.techniques.push_back(use);
    return session_.techniques.back();
}

void SessionEditor::update_technique(const sdk::TechniqueUse& use) {
    check_entered_technique(use);
    store_.update_technique_use(use);
    for (auto& t : session_.techniques) {
        if (t.id == use.id)
            t = use;
    }
}

void SessionEditor::remove_technique(sdk::Id use_id) {
    store_.remove_technique_use(use_id);
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
    store_.update_note(changed, version_);
    session_ = std::move(changed);
}

void SessionEditor::acknowledge_conflicts(const std::string& reason) {
    auto changed = session_;
    changed.conflict_acknowledgement = reason;
    store_.update_note(changed, version_);
    session_ = std::move(changed);
}

void SessionEditor::set_location(sdk::SessionLocation location) {
    auto changed = session_;
    changed.location = location;
    store_.update_note(changed, version_);
    session_ = std::move(changed);
}

sdk::Signature SessionEditor::sign(const UnlockedKey& key) {
    if (!signer_) {
        throw std::runtime_error(
            "this note cannot be signed here: the editor was opened without a "
            "signer (for reading). The draft is kept as it is.");
    }
    const auto signature = signer_->sign(session_.id, key);
    session_.signature = signature;
    return signature;
}

sdk::Id SessionEditor::amend(const std::string& reason) {
    check_entered_text("The amendment's reason", reason);
    reload();  // amend what is stored, not what this window last saw
    return store_.create_draft(db::amendment_draft(session_, reason));
}

}  // namespace knotnotes::core
