#include "chart_entry_repository.hpp"

#include "database.hpp"
#include "json_text.hpp"
#include "transaction.hpp"
#include "uid.hpp"

namespace knotnotes::db {
namespace {

std::string text(sdk::Side v) {
    return std::string(sdk::to_text(v));
}
std::string text(sdk::ChartView v) {
    return std::string(sdk::to_text(v));
}
std::string text(sdk::KnotKind v) {
    return std::string(sdk::to_text(v));
}
std::string text(sdk::KnotResult v) {
    return std::string(sdk::to_text(v));
}
std::string text(sdk::Tool v) {
    return std::string(sdk::to_text(v));
}
std::string text(sdk::Direction v) {
    return std::string(sdk::to_text(v));
}

// The schema's CHECK constraints only admit the vocabulary's words, so these never fall back.
sdk::Side side_of(const std::string& w) {
    return sdk::parse_side(w).value_or(sdk::Side::midline);
}

const std::string knot_columns =
    "SELECT id, session_id, muscle_id, side, view, x, y, kind, tenderness, referral, result, "
    "previous_knot_id, coalesce(uid, ''), referral_area FROM knots ";
const std::string reading_columns =
    "SELECT id, session_id, region, side, pressure, coalesce(uid, '') FROM pressure_readings ";
const std::string technique_columns =
    "SELECT id, session_id, technique_id, muscle_id, side, pressure, duration_seconds, tool, "
    "direction, response, coalesce(uid, '') FROM technique_uses ";

}  // namespace

void ChartEntryRepository::expect_one_change(const char* what, sdk::Id id) {
    if (db_.changes() != 1) {
        throw DatabaseError(db_.file().string() + ": no " + what + " with id " +
                            std::to_string(id));
    }
}

void ChartEntryRepository::remove(const char* table, sdk::Id id) {
    Transaction transaction(db_);
    db_.prepare("DELETE FROM " + std::string(table) + " WHERE id = ?")->bind(1, id).run();
    expect_one_change(table, id);
    transaction.commit();
}

sdk::Id ChartEntryRepository::add_knot(const sdk::Knot& k) {
    Transaction transaction(db_);
    db_.prepare(
           "INSERT INTO knots (session_id, muscle_id, side, view, x, y, kind, tenderness, "
           "referral, result, previous_knot_id, uid, referral_area) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        ->bind_all(k.session_id, k.muscle_id, text(k.side), text(k.view), k.x, k.y, text(k.kind),
                   k.tenderness, k.referral, text(k.result), k.previous_knot_id,
                   k.uid.empty() ? new_uid() : k.uid, json_point_array(k.referral_area))
        .run();
    const auto id = db_.last_insert_id();
    transaction.commit();
    return id;
}

void ChartEntryRepository::update_knot(const sdk::Knot& k) {
    Transaction transaction(db_);
    db_.prepare(
           "UPDATE knots SET muscle_id = ?, side = ?, view = ?, x = ?, y = ?, kind = ?, "
           "tenderness = ?, referral = ?, result = ?, previous_knot_id = ?, referral_area = ? "
           "WHERE id = ?")
        ->bind_all(k.muscle_id, text(k.side), text(k.view), k.x, k.y, text(k.kind), k.tenderness,
                   k.referral, text(k.result), k.previous_knot_id,
                   json_point_array(k.referral_area), k.id)
        .run();
    expect_one_change("knot", k.id);
    transaction.commit();
}

void ChartEntryRepository::remove_knot(sdk::Id knot_id) {
    remove("knots", knot_id);
}

std::vector<sdk::Knot> ChartEntryRepository::knots(sdk::Id session_id) {
    std::vector<sdk::Knot> result;
    auto st = db_.prepare(knot_columns + "WHERE session_id = ? ORDER BY id");
    st->bind(1, session_id);
    while (st->step()) {
        sdk::Knot k;
        k.id = st->int64(0);
        k.session_id = st->int64(1);
        k.muscle_id = st->text(2);
        k.side = side_of(st->text(3));
        k.view = sdk::parse_chart_view(st->text(4)).value_or(sdk::ChartView::back);
        k.x = st->real(5);
        k.y = st->real(6);
        k.kind = sdk::parse_knot_kind(st->text(7)).value_or(sdk::KnotKind::latent);
        k.tenderness = st->integer(8);
        k.referral = st->text(9);
        k.result = sdk::parse_knot_result(st->text(10)).value_or(sdk::KnotResult::untreated);
        k.previous_knot_id = st->optional_int64(11);
        k.uid = st->text(12);
        k.referral_area = parse_json_point_array(st->text(13));
        result.push_back(std::move(k));
    }
    return result;
}

std::optional<std::string> ChartEntryRepository::knot_uid(sdk::Id knot_id) {
    auto st = db_.prepare("SELECT uid FROM knots WHERE id = ?");
    st->bind(1, knot_id);
    if (!st->step() || st->is_null(0))
        return std::nullopt;
    return st->text(0);
}

sdk::Id ChartEntryRepository::add_pressure_reading(const sdk::PressureReading& r) {
    Transaction transaction(db_);
    db_.prepare(
           "INSERT INTO pressure_readings (session_id, region, side, pressure, uid) "
           "VALUES (?, ?, ?, ?, ?)")
        ->bind_all(r.session_id, r.region, text(r.side), r.pressure,
                   r.uid.empty() ? new_uid() : r.uid)
        .run();
    const auto id = db_.last_insert_id();
    transaction.commit();
    return id;
}

void ChartEntryRepository::update_pressure_reading(const sdk::PressureReading& r) {
    Transaction transaction(db_);
    db_.prepare("UPDATE pressure_readings SET region = ?, side = ?, pressure = ? WHERE id = ?")
        ->bind_all(r.region, text(r.side), r.pressure, r.id)
        .run();
    expect_one_change("pressure reading", r.id);
    transaction.commit();
}

void ChartEntryRepository::remove_pressure_reading(sdk::Id reading_id) {
    remove("pressure_readings", reading_id);
}

std::vector<sdk::PressureReading> ChartEntryRepository::pressure_readings(sdk::Id session_id) {
    std::vector<sdk::PressureReading> result;
    auto st = db_.prepare(reading_columns + "WHERE session_id = ? ORDER BY id");
    st->bind(1, session_id);
    while (st->step()) {
        result.push_back({st->int64(0), st->int64(1), st->text(2), side_of(st->text(3)),
                          st->integer(4), st->text(5)});
    }
    return result;
}

sdk::Id ChartEntryRepository::add_technique_use(const sdk::TechniqueUse& t) {
    Transaction transaction(db_);
    db_.prepare(
           "INSERT INTO technique_uses (session_id, technique_id, muscle_id, side, pressure, "
           "duration_seconds, tool, direction, response, uid) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        ->bind_all(t.session_id, t.technique_id, t.muscle_id, text(t.side), t.pressure,
                   t.duration_seconds, text(t.tool), text(t.direction), t.response,
                   t.uid.empty() ? new_uid() : t.uid)
        .run();
    const auto id = db_.last_insert_id();
    transaction.commit();
    return id;
}

void ChartEntryRepository::update_technique_use(const sdk::TechniqueUse& t) {
    Transaction transaction(db_);
    db_.prepare(
           "UPDATE technique_uses SET technique_id = ?, muscle_id = ?, side = ?, pressure = ?, "
           "duration_seconds = ?, tool = ?, direction = ?, response = ? WHERE id = ?")
        ->bind_all(t.technique_id, t.muscle_id, text(t.side), t.pressure, t.duration_seconds,
                   text(t.tool), text(t.direction), t.response, t.id)
        .run();
    expect_one_change("technique use", t.id);
    transaction.commit();
}

void ChartEntryRepository::remove_technique_use(sdk::Id use_id) {
    remove("technique_uses", use_id);
}

std::vector<sdk::TechniqueUse> ChartEntryRepository::technique_uses(sdk::Id session_id) {
    std::vector<sdk::TechniqueUse> result;
    auto st = db_.prepare(technique_columns + "WHERE session_id = ? ORDER BY id");
    st->bind(1, session_id);
    while (st->step()) {
        sdk::TechniqueUse t;
        t.id = st->int64(0);
        t.session_id = st->int64(1);
        t.technique_id = st->text(2);
        t.muscle_id = st->text(3);
        t.side = side_of(st->text(4));
        t.pressure = st->optional_int(5);
        t.duration_seconds = st->integer(6);
        t.tool = sdk::parse_tool(st->text(7)).value_or(sdk::Tool::hands);
        t.direction = sdk::parse_direction(st->text(8)).value_or(sdk::Direction::none);
        t.response = st->text(9);
        t.uid = st->text(10);
        result.push_back(std::move(t));
    }
    return result;
}

}  // namespace knotnotes::db
