// export_sample.cpp — the sample records of export_sample.hpp, and the export driver.
#include "export_sample.hpp"

namespace knotnotes::test {

namespace {

using sdk::ChartView;
using sdk::Direction;
using sdk::KnotKind;
using sdk::KnotResult;
using sdk::Side;
using sdk::Tool;

constexpr const char* effleurage = "org.knotnotes.techniques.swedish/effleurage";
constexpr const char* compression = "org.knotnotes.techniques.trigger-point/ischemic-compression";

ClientChart chloe() {
    ClientChart chart;
    auto& c = chart.client;
    c.id = 1;
    c.given_name = chloe_given_name;
    c.family_name = chloe_family_name;
    c.birth_date = "1985-04-12";
    c.phone = "+1 555 0100";
    c.email = "chloe@example.org";
    c.emergency_contact = tricky_emergency_contact;
    c.occupation = tricky_occupation;
    c.created_at = "2026-01-05T08:00:00Z";

    sdk::Intake first;
    first.id = 10;
    first.client_id = 1;
    first.version = 1;
    first.recorded_at = "2026-01-05T08:10:00Z";
    first.reason_for_visit = "Neck pain";
    first.health_flags = {"pregnancy"};
    sdk::Intake latest = first;
    latest.id = 11;
    latest.version = 2;
    latest.recorded_at = "2026-01-10T09:00:00Z";
    latest.reason_for_visit = "Neck pain, \"stiff\" mornings\nworse at the desk";
    latest.health_flags = {"anticoagulants", "recent-whiplash"};
    latest.medications = "Warfarin 5 mg";
    latest.preferred_pressure = 5;
    latest.consent = {true, "2026-01-10", "Chloé O'Brien", ""};
    chart.intakes = {first, latest};

    sdk::Session signed_session;
    signed_session.id = 100;
    signed_session.client_id = 1;
    signed_session.practitioner_id = 1;
    signed_session.intake_id = 11;
    signed_session.started_at = "2026-01-10T09:30:00Z";
    signed_session.duration_minutes = 60;
    signed_session.subjective = tricky_subjective;
    signed_session.objective = line_feed_only_objective;
    signed_session.assessment = "Pain down from 6 to 3";
    signed_session.plan = tricky_plan;
    signed_session.pain_before = 6;
    signed_session.pain_after = 3;
    signed_session.signature = sdk::Signature{"Alex Morgan", "2026-01-10T10:45:00Z", signed_hash};
    signed_session.knots = {
        sample_knot(1000, 100, "upper-trapezius", Side::left, ChartView::back, KnotKind::active, 7,
                    KnotResult::released, "side of the head, behind the eye"),
        sample_knot(1001, 100, "levator-scapulae", Side::right, ChartView::back, KnotKind::latent,
                    4, KnotResult::reduced),
        sample_knot(1002, 100, "sternocleidomastoid", Side::left, ChartView::front,
                    KnotKind::active, 5, KnotResult::unchanged, tricky_referral)};
    signed_session.pressure_readings = {{3000, 100, "upper-trapezius", Side::left, 7},
                                        {3001, 100, "upper-back", Side::midline, 5}};
    signed_session.techniques = {
        sample_technique(2000, 100, effleurage, "upper-trapezius", Side::bilateral, 3, 300,
                         Tool::hands, Direction::along_fibres),
        sample_technique(2001, 100, compression, "upper-trapezius", Side::left, 7, 90, Tool::thumb,
                         Direction::sustained, tricky_response)};

    sdk::Session amendment;
    amendment.id = 101;
    amendment.client_id = 1;
    amendment.practitioner_id = 2;
    amendment.intake_id = 11;
    amendment.started_at = "2026-01-24T10:00:00Z";
    amendment.duration_minutes = 45;
    amendment.subjective = "Low back ache since gardening";
    amendment.assessment = "Correction: the levator knot was on the right";
    amendment.pain_before = 5;
    amendment.pain_after = 2;
    amendment.amends_session_id = 100;
    amendment.knots = {sample_knot(1010, 101, "quadratus-lumborum", Side::left, ChartView::left,
                                   KnotKind::active, 8, KnotResult::untreated, "buttock"),
                       sample_knot(1011, 101, "gluteus-medius", Side::left, ChartView::back,
                                   KnotKind::latent, 3, KnotResult::released)};
    amendment.techniques = {sample_technique(2010, 101, effleurage, "lower-back", Side::bilateral,
                                             std::nullopt, 600, Tool::forearm, Direction::none)};

    sdk::Session follow_up;
    follow_up.id = 102;
    follow_up.client_id = 1;
    follow_up.practitioner_id = 1;
    follow_up.intake_id = 11;
    follow_up.started_at = "2026-02-07T09:30:00Z";
    follow_up.duration_minutes = 60;
    follow_up.subjective = "Much better";
    follow_up.pain_before = 4;
    follow_up.pain_after = 1;
    follow_up.knots = {sample_knot(1020, 102, "upper-trapezius", Side::left, ChartView::back,
                                   KnotKind::active, 4, KnotResult::released),
                       sample_knot(1021, 102, "pectoralis-minor", Side::right, ChartView::front,
                                   KnotKind::latent, 2, KnotResult::untreated)};
    follow_up.knots[0].previous_knot_id = 1000;
    follow_up.pressure_readings = {{3020, 102, "upper-trapezius", Side::left, 8}};
    follow_up.techniques = {sample_technique(2020, 102, compression, "upper-trapezius", Side::left,
                                             8, 60, Tool::elbow, Direction::sustained, "Released")};
    chart.sessions = {signed_session, amendment, follow_up};

    chart.responses = {sample_response(500, 1, 100, "org.knotnotes.questionnaires.core/nprs",
                                       "2026-01-10T09:20:00Z", {{"nprs", 6.0, ""}}, 6.0),
                       sample_response(503, 1, 100, "org.knotnotes.questionnaires.core/psfs",
                                       "2026-01-10T09:25:00Z",
                                       {{"psfs-1", 5.0, psfs_activity},
                                        {"psfs-2", 6.0, "typing"},
                                        {"psfs-3", std::nullopt, ""}},
                                       5.5),
                       sample_response(501, 1, 101, "org.knotnotes.questionnaires.core/nprs",
                                       "2026-01-24T09:55:00Z", {{"nprs", 4.0, ""}}, 4.0),
                       sample_response(502, 1, 102, "org.knotnotes.questionnaires.core/nprs",
                                       "2026-02-07T09:25:00Z", {{"nprs", 2.0, ""}}, 2.0)};
    return chart;
}

ClientChart sam() {
    ClientChart chart;
    chart.client.id = 2;
    chart.client.given_name = "Sam";
    chart.client.family_name = "Lee";
    chart.client.created_at = "2026-02-20T12:00:00Z";

    sdk::Intake intake;
    intake.id = 20;
    intake.client_id = 2;
    intake.recorded_at = "2026-03-01T08:00:00Z";
    intake.reason_for_visit = "Hip pain after running";
    chart.intakes = {intake};

    sdk::Session session;
    session.id = 200;
    session.client_id = 2;
    session.practitioner_id = 2;
    session.intake_id = 20;
    session.started_at = "2026-03-01T08:30:00Z";
    session.duration_minutes = 30;
    session.subjective = "Right hip aches after 5 km";
    session.pain_before = 5;
    session.knots = {sample_knot(2000, 200, "piriformis", Side::right, ChartView::back,
                                 KnotKind::active, 6, KnotResult::reduced),
                     sample_knot(2001, 200, "tensor-fasciae-latae", Side::left, ChartView::front,
                                 KnotKind::latent, 3, KnotResult::untreated),
                     sample_knot(2002, 200, "gastrocnemius", Side::right, ChartView::right,
                                 KnotKind::active, 5, KnotResult::untreated)};
    session.pressure_readings = {{3200, 200, "hip", Side::right, 6}};
    session.techniques = {sample_technique(2200, 200, compression, "piriformis", Side::right, 6,
                                           120, Tool::elbow, Direction::sustained)};
    chart.sessions = {session};

    chart.responses = {sample_response(
        600, 2, 200, "org.knotnotes.questionnaires.core/peg", "2026-03-01T08:20:00Z",
        {{"pain", 5.0, ""}, {"enjoyment", 4.0, ""}, {"activity", 4.0, ""}}, 13.0 / 3)};
    chart.responses[0].interpretation = "moderate";
    return chart;
}

}  // namespace

ExportSample make_export_sample() {
    ExportSample sample;
    sample.practitioners = {{1, "Alex Morgan", "RMT"}, {2, "Dana \"DJ\" Jóhannsdóttir", "LMT"}};
    sample.clients = {chloe(), sam()};
    return sample;
}

void begin_export(core::PluginObject<sdk::Exporter>& exporter,
                  const std::filesystem::path& target) {
    exporter.call("begin", [&](sdk::Exporter& e) {
        e.begin({target, "KnotNotes 1.0.0", "00000000-0000-4000-8000-000000000001"});
    });
}

void write_practitioners(core::PluginObject<sdk::Exporter>& exporter, const ExportSample& sample) {
    for (const auto& p : sample.practitioners)
        exporter.call("write_practitioner", [&](sdk::Exporter& e) { e.write_practitioner(p); });
}

void write_client_chart(core::PluginObject<sdk::Exporter>& exporter, const ClientChart& chart) {
    exporter.call("write_client", [&](sdk::Exporter& e) { e.write_client(chart.client); });
    for (const auto& intake : chart.intakes)
        exporter.call("write_intake", [&](sdk::Exporter& e) { e.write_intake(intake); });
    for (const auto& session : chart.sessions)
        exporter.call("write_session", [&](sdk::Exporter& e) { e.write_session(session); });
    for (const auto& response : chart.responses) {
        exporter.call("write_questionnaire_response",
                      [&](sdk::Exporter& e) { e.write_questionnaire_response(response); });
    }
}

void end_export(core::PluginObject<sdk::Exporter>& exporter) {
    exporter.call("end", [](sdk::Exporter& e) { e.end(); });
}

void export_sample(core::PluginObject<sdk::Exporter>& exporter, const std::filesystem::path& target,
                   const ExportSample& sample) {
    begin_export(exporter, target);
    write_practitioners(exporter, sample);
    for (const auto& chart : sample.clients)
        write_client_chart(exporter, chart);
    end_export(exporter);
}

}  // namespace knotnotes::test
