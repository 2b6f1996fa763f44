#include "server_charting_store.hpp"

#include "db/database_error.hpp"
#include "db/json_text.hpp"
#include "db/timestamps.hpp"
#include "db/uid.hpp"
#include "postgres_clinic_directory.hpp"
#include "server_intake_records.hpp"
#include "server_values.hpp"

namespace knotnotes::db::postgres {
namespace {

using Values = std::vector<std::optional<std::string>>;
using namespace values;

template <typename Word>
std::string word(Word value) {
    return std::string(sdk::to_text(value));
}
std::string uid_or_new(const std::string& uid) {
    return uid.empty() ? new_uid() : uid;
}

// The tables' CHECK constraints admit only the vocabulary's words, so these never fall back.
sdk::Side side_at(const ServerRows& rows, int row, int column) {
    return sdk::parse_side(rows.text(row, column)).value_or(sdk::Side::midline);
}

const char* const session_columns =
    "SELECT id, client_id, practitioner_id, intake_id, started_at, duration_minutes, "
    "subjective, objective, assessment, plan, pain_before, pain_after, status, signed_by, "
    "signed_at, content_sha256, amends_session_id, uid, amendment_reason, "
    "conflict_acknowledgement, signer_practitioner_id, signature_algorithm, canonical_version, "
    "signer_public_key, signature_value, location, row_version FROM sessions ";

const char* const knot_columns =
    "SELECT id, session_id, muscle_id, side, view, x, y, kind, tenderness, referral, result, "
    "previous_knot_id, uid, referral_area FROM knots ";

}  // namespace

std::optional<sdk::Session> ServerChartingStore::session(sdk::Id id, NoteVersion& read) {
    sdk::Session s;
    {
        ServerTransaction snapshot(server_, ServerTransaction::Kind::read_snapshot);
        const auto rows =
            server_.query(std::string(session_columns) + "WHERE id = $1", {number(id)});
        if (rows.size() == 0)
            return std::nullopt;
        s.id = id_at(rows, 0, 0);
        s.client_id = id_at(rows, 0, 1);
        s.practitioner_id = id_at(rows, 0, 2);
        s.intake_id = optional_at(rows, 0, 3);
        s.started_at = rows.text(0, 4);
        s.duration_minutes = int_at(rows, 0, 5);
        s.subjective = rows.text(0, 6);
        s.objective = rows.text(0, 7);
        s.assessment = rows.text(0, 8);
        s.plan = rows.text(0, 9);
        s.pain_before = optional_int_at(rows, 0, 10);
        s.pain_after = optional_int_at(rows, 0, 11);
        if (rows.text(0, 12) == "signed") {
            sdk::Signature signature;
            signature.signer = rows.text(0, 13);
            signature.signed_at = rows.text(0, 14);
            signature.content_sha256 = rows.text(0, 15);
            signature.signer_practitioner_id = optional_at(rows, 0, 20).value_or(0);
            signature.algorithm = rows.text(0, 21);
            signature.canonical_version = optional_int_at(rows, 0, 22).value_or(0);
            signature.public_key = rows.text(0, 23);
            signature.value = rows.text(0, 24);
            s.signature = std::move(signature);
        }
        s.amends_session_id = optional_at(rows, 0, 16);
        s.uid = rows.text(0, 17);
        s.amendment_reason = rows.text(0, 18);
        s.conflict_acknowledgement = rows.text(0, 19);
        s.location = sdk::parse_session_location(rows.text(0, 25))
                         .value_or(sdk::SessionLocation::unspecified);
        read.value = rows.text(0, 26);
        // One snapshot: the children are the ones of this version of the session.
        s.knots = knots(id);
        s.pressure_readings = pressure_readings(id);
        s.techniques = technique_uses(id);
        snapshot.commit();
    }
    return s;
}

std::vector<SessionSummary> ServerChartingStore::sessions_of(sdk::Id client_id) {
    const auto rows = server_.query(
        "SELECT s.id, s.started_at, s.status = 'signed', s.pain_before, s.pain_after, "
        "(SELECT count(*) FROM knots k WHERE k.session_id = s.id), s.amends_session_id "
        "FROM sessions s WHERE s.client_id = $1 ORDER BY s.started_at, s.id",
        {number(client_id)});
    std::vector<SessionSummary> result;
    for (int row = 0; row < rows.size(); ++row) {
        result.push_back({id_at(rows, row, 0), rows.text(row, 1), rows.text(row, 2) == "t",
                          optional_int_at(rows, row, 3), optional_int_at(rows, row, 4),
                          int_at(rows, row, 5), optional_at(rows, row, 6)});
    }
    return result;
}

std::optional<sdk::Id> ServerChartingStore::current_intake_id(sdk::Id client_id) {
    return newest_intake_id(server_, client_id);
}

sdk::Id ServerChartingStore::create_draft(const sdk::Session& s) {
    ServerTransaction transaction(server_);
    const auto rows = server_.query(
        "INSERT INTO sessions (client_id, practitioner_id, intake_id, started_at, "
        "duration_minutes, subjective, objective, assessment, plan, pain_before, pain_after, "
        "amends_session_id, uid, amendment_reason, conflict_acknowledgement, location) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) "
        "RETURNING id",
        {number(s.client_id), number(s.practitioner_id), number(s.intake_id),
         s.started_at.empty() ? utc_now() : s.started_at, number(s.duration_minutes), s.subjective,
         s.objective, s.assessment, s.plan, number(s.pain_before), number(s.pain_after),
         number(s.amends_session_id), uid_or_new(s.uid), s.amendment_reason,
         s.conflict_acknowledgement, word(s.location)});
    const auto id = id_at(rows, 0, 0);
    for (auto knot : s.knots) {
        knot.session_id = id;
        add_knot(knot);
    }
    for (auto reading : s.pressure_readings) {
        reading.session_id = id;
        add_pressure_reading(reading);
    }
    for (auto use : s.techniques) {
        use.session_id = id;
        add_technique_use(use);
    }
    transaction.commit();
    return id;
}

void ServerChartingStore::update_note(const sdk::Session& s, NoteVersion& read) {
    if (read.value.empty()) {
        // Never read: there is no earlier read to protect, so the current version it is.
        const auto rows =
            server_.query("SELECT row_version FROM sessions WHERE id = $1", {number(s.id)});
        if (rows.size() == 0)
            throw DatabaseError(server_.description() + ": there is no session " + number(s.id) +
                                " that your login may change");
        read.value = rows.text(0, 0);
    }
    // The server's trigger compares the version sent with the stored one (EditConflict when
    // another save came in between) and counts it up.
    const auto rows = server_.query(
        "UPDATE sessions SET intake_id = $1, started_at = $2, duration_minutes = $3, "
        "subjective = $4, objective = $5, assessment = $6, plan = $7, pain_before = $8, "
        "pain_after = $9, amendment_reason = $10, conflict_acknowledgement = $11, location = $12, "
        "row_version = $13 WHERE id = $14 RETURNING row_version",
        {number(s.intake_id), s.started_at, number(s.duration_minutes), s.subjective, s.objective,
         s.assessment, s.plan, number(s.pain_before), number(s.pain_after), s.amendment_reason,
         s.conflict_acknowledgement, word(s.location), read.value, number(s.id)});
    if (rows.size() != 1)
        throw DatabaseError(server_.description() + ": there is no session " + number(s.id) +
                            " that your login may change");
    read.value = rows.text(0, 0);
}

sdk::Id ServerChartingStore::insert_returning_id(const std::string& sql, const Values& values) {
    return id_at(server_.query(sql + " RETURNING id", values), 0, 0);
}

void ServerChartingStore::change_one(const char* what, sdk::Id id, const std::string& sql,
                                     const Values& values) {
    if (server_.query(sql, values).affected() != 1) {
        throw DatabaseError(server_.description() + ": there is no " + what + " " + number(id) +
                            " that your login may change (someone may have removed it): reload "
                            "the session");
    }
}

std::vector<sdk::Knot> ServerChartingStore::knots(sdk::Id session_id) {
    const auto rows = server_.query(std::string(knot_columns) + "WHERE session_id = $1 ORDER BY id",
                                    {number(session_id)});
    std::vector<sdk::Knot> result;
    result.reserve(static_cast<std::size_t>(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        sdk::Knot k;
        k.id = id_at(rows, row, 0);
        k.session_id = id_at(rows, row, 1);
        k.muscle_id = rows.text(row, 2);
        k.side = side_at(rows, row, 3);
        k.view = sdk::parse_chart_view(rows.text(row, 4)).value_or(sdk::ChartView::back);
        k.x = real_at(rows, row, 5);
        k.y = real_at(rows, row, 6);
        k.kind = sdk::parse_knot_kind(rows.text(row, 7)).value_or(sdk::KnotKind::latent);
        k.tenderness = int_at(rows, row, 8);
        k.referral = rows.text(row, 9);
        k.result = sdk::parse_knot_result(rows.text(row, 10)).value_or(sdk::KnotResult::untreated);
        k.previous_knot_id = optional_at(rows, row, 11);
        k.uid = rows.text(row, 12);
        // A json column keeps the text it was given: the writer's own form.
        k.referral_area = parse_json_point_array(rows.text(row, 13));
        result.push_back(std::move(k));
    }
    return result;
}

sdk::Id ServerChartingStore::add_knot(const sdk::Knot& k) {
    return insert_returning_id(
        "INSERT INTO knots (session_id, muscle_id, side, view, x, y, kind, tenderness, referral, "
        "result, previous_knot_id, uid, referral_area) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        {number(k.session_id), k.muscle_id, word(k.side), word(k.view), number(k.x), number(k.y),
         word(k.kind), number(k.tenderness), k.referral, word(k.result), number(k.previous_knot_id),
         uid_or_new(k.uid), json_point_array(k.referral_area)});
}

void ServerChartingStore::update_knot(const sdk::Knot& k) {
    change_one("knot", k.id,
               "UPDATE knots SET muscle_id = $1, side = $2, view = $3, x = $4, y = $5, kind = $6, "
               "tenderness = $7, referral = $8, result = $9, previous_knot_id = $10, "
               "referral_area = $11 WHERE id = $12",
               {k.muscle_id, word(k.side), word(k.view), number(k.x), number(k.y), word(k.kind),
                number(k.tenderness), k.referral, word(k.result), number(k.previous_knot_id),
                json_point_array(k.referral_area), number(k.id)});
}

void ServerChartingStore::remove_knot(sdk::Id knot_id) {
    change_one("knot", knot_id, "DELETE FROM knots WHERE id = $1", {number(knot_id)});
}

std::vector<sdk::PressureReading> ServerChartingStore::pressure_readings(sdk::Id session_id) {
    const auto rows = server_.query(
        "SELECT id, session_id, region, side, pressure, uid FROM pressure_readings "
        "WHERE session_id = $1 ORDER BY id",
        {number(session_id)});
    std::vector<sdk::PressureReading> result;
    for (int row = 0; row < rows.size(); ++row) {
        result.push_back({id_at(rows, row, 0), id_at(rows, row, 1), rows.text(row, 2),
                          side_at(rows, row, 3), int_at(rows, row, 4), rows.text(row, 5)});
    }
    return result;
}

sdk::Id ServerChartingStore::add_pressure_reading(const sdk::PressureReading& r) {
    return insert_returning_id(
        "INSERT INTO pressure_readings (session_id, region, side, pressure, uid) "
        "VALUES ($1, $2, $3, $4, $5)",
        {number(r.session_id), r.region, word(r.side), number(r.pressure), uid_or_new(r.uid)});
}

void ServerChartingStore::update_pressure_reading(const sdk::PressureReading& r) {
    change_one("pressure reading", r.id,
               "UPDATE pressure_readings SET region = $1, side = $2, pressure = $3 WHERE id = $4",
               {r.region, word(r.side), number(r.pressure), number(r.id)});
}

void ServerChartingStore::remove_pressure_reading(sdk::Id reading_id) {
    change_one("pressure reading", reading_id, "DELETE FROM pressure_readings WHERE id = $1",
               {number(reading_id)});
}

std::vector<sdk::TechniqueUse> ServerChartingStore::technique_uses(sdk::Id session_id) {
    const auto rows = server_.query(
        "SELECT id, session_id, technique_id, muscle_id, side, pressure, duration_seconds, tool, "
        "direction, response, uid FROM technique_uses WHERE session_id = $1 ORDER BY id",
        {number(session_id)});
    std::vector<sdk::TechniqueUse> result;
    for (int row = 0; row < rows.size(); ++row) {
        sdk::TechniqueUse t;
        t.id = id_at(rows, row, 0);
        t.session_id = id_at(rows, row, 1);
        t.technique_id = rows.text(row, 2);
        t.muscle_id = rows.text(row, 3);
        t.side = side_at(rows, row, 4);
        t.pressure = optional_int_at(rows, row, 5);
        t.duration_seconds = int_at(rows, row, 6);
        t.tool = sdk::parse_tool(rows.text(row, 7)).value_or(sdk::Tool::hands);
        t.direction = sdk::parse_direction(rows.text(row, 8)).value_or(sdk::Direction::none);
        t.response = rows.text(row, 9);
        t.uid = rows.text(row, 10);
        result.push_back(std::move(t));
    }
    return result;
}

sdk::Id ServerChartingStore::add_technique_use(const sdk::TechniqueUse& t) {
    return insert_returning_id(
        "INSERT INTO technique_uses (session_id, technique_id, muscle_id, side, pressure, "
        "duration_seconds, tool, direction, response, uid) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        {number(t.session_id), t.technique_id, t.muscle_id, word(t.side), number(t.pressure),
         number(t.duration_seconds), word(t.tool), word(t.direction), t.response,
         uid_or_new(t.uid)});
}

void ServerChartingStore::update_technique_use(const sdk::TechniqueUse& t) {
    change_one(
        "technique use", t.id,
        "UPDATE technique_uses SET technique_id = $1, muscle_id = $2, side = $3, "
        "pressure = $4, duration_seconds = $5, tool = $6, direction = $7, response = $8 "
        "WHERE id = $9",
        {t.technique_id, t.muscle_id, word(t.side), number(t.pressure), number(t.duration_seconds),
         word(t.tool), word(t.direction), t.response, number(t.id)});
}

void ServerChartingStore::remove_technique_use(sdk::Id use_id) {
    change_one("technique use", use_id, "DELETE FROM technique_uses WHERE id = $1",
               {number(use_id)});
}

}  // namespace knotnotes::db::postgres

namespace knotnotes::db {

std::unique_ptr<ChartingStore> connect_charting_store(const std::string& address,
                                                      std::optional<std::string> password) {
    return std::make_unique<postgres::ServerChartingStore>(
        connect_clinic_server(address, std::move(password)));
}

}  // namespace knotnotes::db
