// charting_store_contract.hpp — what charting a session means (db/charting_store.hpp), checked
// the same way on every engine: the unit tests run it on a SQLite file, the PostgreSQL tests on
// a real clinic server as a therapist's login. It charts through the store and through the
// session editor the app uses (core/session_editor.hpp); an engine passes when a therapist's
// chart reads back exactly as it was written, knots carry forward, and signed notes are sealed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include <catch2/catch.hpp>

#include "core/session_editor.hpp"
#include "core/signing/signing_key.hpp"
#include "db/charting_store.hpp"
#include "db/database_error.hpp"

namespace knotnotes::test {

struct ChartingEngine {
    db::ChartingStore& store;
    sdk::Id client_id;        // a client the store may chart for
    sdk::Id practitioner_id;  // who charts
    // Saves a new intake version for the client; returns its id.
    std::function<sdk::Id()> add_intake;
    // Marks a draft signed, as signing does (the seam does not sign: note_signer.hpp).
    std::function<void(sdk::Id session_id)> seal;
};

inline sdk::Session sample_draft(const ChartingEngine& engine) {
    sdk::Session s;
    s.client_id = engine.client_id;
    s.practitioner_id = engine.practitioner_id;
    s.started_at = "2026-11-02T09:30:00.000Z";
    s.duration_minutes = 75;
    s.subjective = "Läuft's \"gut\"? Neck stiff after a 10-hour drive;\nworse on the left";
    s.objective = "Guarding, C4–C6";
    s.pain_before = 0;  // zero, not "not recorded"
    s.location = sdk::SessionLocation::client_home;
    sdk::Knot knot;
    knot.muscle_id = "upper-trapezius";
    knot.side = sdk::Side::left;
    knot.view = sdk::ChartView::back;
    knot.x = 0.1 + 0.2;  // 0.30000000000000004: positions come back to the last bit
    knot.y = 1.0 / 3.0;
    knot.kind = sdk::KnotKind::active;
    knot.tenderness = 7;
    knot.referral = "temple";
    knot.uid = "3a4b5c6d-0000-4000-8000-000000000001";
    knot.referral_area = {{0.1, 0.2}, {0.35, 0.25}, {0.2, 1.0 / 7.0}};
    s.knots.push_back(knot);
    knot.muscle_id = "piriformis";
    knot.side = sdk::Side::right;
    knot.x = 0.56;
    knot.y = 0.485;
    knot.kind = sdk::KnotKind::latent;
    knot.result = sdk::KnotResult::released;
    knot.uid.clear();  // the store makes one
    knot.referral_area.clear();
    s.knots.push_back(knot);
    s.pressure_readings.push_back({0, 0, "upper-back", sdk::Side::bilateral, 6, ""});
    sdk::TechniqueUse use;
    use.technique_id = "org.knotnotes.techniques.deep-tissue/ischemic-compression";
    use.muscle_id = "upper-trapezius";
    use.side = sdk::Side::left;
    use.duration_seconds = 90;
    use.tool = sdk::Tool::thumb;
    use.direction = sdk::Direction::sustained;
    use.response = "Referred to the temple, then eased";
    s.techniques.push_back(use);  // pressure not recorded
    return s;
}

inline void check_same_knot(const sdk::Knot& got, const sdk::Knot& want) {
    CHECK(got.muscle_id == want.muscle_id);
    CHECK(got.side == want.side);
    CHECK(got.view == want.view);
    CHECK(got.x == want.x);  // exactly
    CHECK(got.y == want.y);
    CHECK(got.kind == want.kind);
    CHECK(got.tenderness == want.tenderness);
    CHECK(got.referral == want.referral);
    CHECK(got.result == want.result);
    CHECK(got.previous_knot_id == want.previous_knot_id);
    REQUIRE(got.referral_area.size() == want.referral_area.size());
    for (std::size_t i = 0; i < got.referral_area.size(); ++i) {
        CHECK(got.referral_area[i].x == want.referral_area[i].x);
        CHECK(got.referral_area[i].y == want.referral_area[i].y);
    }
}

inline void check_charting_store_contract(const ChartingEngine& engine) {
    auto& store = engine.store;
    CHECK_FALSE(store.session(987654321));
    CHECK(store.sessions_of(engine.client_id).empty());
    CHECK_FALSE(store.current_intake_id(engine.client_id));
    engine.add_intake();
    const auto newest_intake = engine.add_intake();
    CHECK(store.current_intake_id(engine.client_id) == newest_intake);

    // A draft and what it starts with come back exactly as written.
    const auto draft = sample_draft(engine);
    const auto id = store.create_draft(draft);
    db::NoteVersion version;
    auto stored = store.session(id, version);
    REQUIRE(stored);
    CHECK(stored->id == id);
    CHECK(stored->client_id == engine.client_id);
    CHECK(stored->practitioner_id == engine.practitioner_id);
    CHECK(stored->started_at == draft.started_at);
    CHECK(stored->duration_minutes == 75);
    CHECK(stored->subjective == draft.subjective);
    CHECK(stored->objective == draft.objective);
    CHECK(stored->pain_before == 0);
    CHECK_FALSE(stored->pain_after);
    CHECK(stored->location == sdk::SessionLocation::client_home);
    CHECK_FALSE(stored->is_signed());
    CHECK_FALSE(stored->uid.empty());
    REQUIRE(stored->knots.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        check_same_knot(stored->knots[i], draft.knots[i]);
        CHECK(stored->knots[i].session_id == id);
    }
    CHECK(stored->knots[0].uid == draft.knots[0].uid);
    CHECK_FALSE(stored->knots[1].uid.empty());
    REQUIRE(stored->pressure_readings.size() == 1);
    CHECK(stored->pressure_readings[0].region == "upper-back");
    CHECK(stored->pressure_readings[0].side == sdk::Side::bilateral);
    CHECK(stored->pressure_readings[0].pressure == 6);
    REQUIRE(stored->techniques.size() == 1);
    const auto use = stored->techniques[0];  // a copy: `stored` is read again below
    CHECK(use.technique_id == draft.techniques[0].technique_id);
    CHECK_FALSE(use.pressure);
    CHECK(use.duration_seconds == 90);
    CHECK(use.tool == sdk::Tool::thumb);
    CHECK(use.direction == sdk::Direction::sustained);
    CHECK(use.response == draft.techniques[0].response);

    const auto summaries = store.sessions_of(engine.client_id);
    REQUIRE(summaries.size() == 1);
    CHECK(summaries[0].id == id);
    CHECK(summaries[0].knot_count == 2);
    CHECK_FALSE(summaries[0].is_signed);

    // The note's fields, saved twice in a row by the same writer.
    auto note = *stored;
    note.assessment = "Released with 90 s compression";
    note.pain_after = 2;
    store.update_note(note, version);
    note.plan = "Heat at home; again in a week";
    store.update_note(note, version);
    stored = store.session(id);
    CHECK(stored->assessment == note.assessment);
    CHECK(stored->plan == note.plan);
    CHECK(stored->pain_after == 2);
    CHECK(stored->knots.size() == 2);  // the children are not the note's fields

    // Knots, readings and technique uses: changed and removed one by one; one that is not there
    // is reported, never silently skipped.
    auto knot = stored->knots[0];
    knot.tenderness = 3;
    knot.result = sdk::KnotResult::reduced;
    knot.referral_area.clear();
    store.update_knot(knot);
    check_same_knot(store.knots(id).at(0), knot);
    store.remove_knot(stored->knots[1].id);
    CHECK(store.knots(id).size() == 1);
    CHECK_THROWS_AS(store.remove_knot(stored->knots[1].id), db::DatabaseError);
    auto gone = stored->knots[1];
    CHECK_THROWS_AS(store.update_knot(gone), db::DatabaseError);
    auto reading = stored->pressure_readings[0];
    reading.pressure = 4;
    store.update_pressure_reading(reading);
    CHECK(store.session(id)->pressure_readings.at(0).pressure == 4);
    store.remove_pressure_reading(reading.id);
    CHECK(store.session(id)->pressure_readings.empty());
    CHECK_THROWS_AS(store.update_pressure_reading(reading), db::DatabaseError);
    auto changed_use = use;
    changed_use.pressure = 8;
    changed_use.tool = sdk::Tool::elbow;
    store.update_technique_use(changed_use);
    CHECK(store.session(id)->techniques.at(0).pressure == 8);
    CHECK(store.session(id)->techniques.at(0).tool == sdk::Tool::elbow);
    store.remove_technique_use(use.id);
    CHECK(store.session(id)->techniques.empty());
    CHECK_THROWS_AS(store.remove_technique_use(use.id), db::DatabaseError);

    // The session editor charts through the store: a knot placed and a pressure set are stored
    // at once, and the next session carries the knots that were not released, linked to them,
    // charted against the current intake.
    core::SessionEditor editor(store, id);
    const auto placed =
        editor.place_knot("piriformis", sdk::Side::right, sdk::ChartView::back, 0.56, 0.485);
    editor.set_pressure("lower-back", sdk::Side::left, 5);
    CHECK(store.session(id)->knots.size() == 2);
    CHECK(store.session(id)->pressure_readings.size() == 1);
    auto released = placed;
    released.result = sdk::KnotResult::released;
    editor.update_knot(released);
    const auto next_id =
        core::SessionEditor::start_session(store, engine.client_id, engine.practitioner_id);
    const auto next = store.session(next_id);
    REQUIRE(next);
    CHECK(next->intake_id == newest_intake);
    REQUIRE(next->knots.size() == 1);  // the released one stays behind
    CHECK(next->knots[0].previous_knot_id == knot.id);
    CHECK(next->knots[0].result == sdk::KnotResult::untreated);
    CHECK(next->knots[0].uid != knot.uid);
    CHECK(core::SessionEditor(store, next_id).earlier_knots().size() == 2);
    CHECK(store.sessions_of(engine.client_id).size() == 2);

    // A signed session and what was charted in it are sealed; signing needs a signer, and an
    // amendment starts as a copy of the signed note.
    const unsigned char no_secret[64] = {};
    const core::UnlockedKey any_key(0, engine.practitioner_id, "", no_secret);
    CHECK_THROWS_WITH(editor.sign(any_key), Catch::Contains("cannot be signed here"));
    CHECK_FALSE(store.session(id)->is_signed());
    engine.seal(id);
    auto sealed = *store.session(id);
    REQUIRE(sealed.is_signed());
    sealed.plan = "changed after signing";
    store.session(id, version);
    CHECK_THROWS_AS(store.update_note(sealed, version), db::RecordLocked);
    CHECK_THROWS_AS(store.remove_knot(sealed.knots[0].id), db::RecordLocked);
    CHECK_THROWS_AS(store.update_knot(sealed.knots[0]), db::RecordLocked);
    auto extra = sealed.knots[0];
    extra.uid.clear();
    CHECK_THROWS_AS(store.add_knot(extra), db::RecordLocked);
    CHECK(store.session(id)->plan == note.plan);
    core::SessionEditor signed_editor(store, id);
    CHECK(signed_editor.read_only());
    const auto amendment = store.session(signed_editor.amend("Corrects the pain after"));
    REQUIRE(amendment);
    CHECK(amendment->amends_session_id == id);
    CHECK(amendment->amendment_reason == "Corrects the pain after");
    CHECK_FALSE(amendment->is_signed());
    REQUIRE(amendment->knots.size() == 2);
    CHECK(amendment->knots[0].uid != sealed.knots[0].uid);
    check_same_knot(amendment->knots[0], sealed.knots[0]);
    CHECK_THROWS_AS(core::SessionEditor(store, next_id).amend("not signed"), db::DatabaseError);
}

}  // namespace knotnotes::test
