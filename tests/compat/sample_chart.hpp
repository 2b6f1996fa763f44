// sample_chart.hpp — one client's chart using every field SDK 2.0 has, for the compat tests
// (compiled against whichever SDK the test is built with).
#pragma once

#include <vector>

#include <knotnotes/sdk/records.hpp>

namespace compat {

struct Chart {
    std::vector<knotnotes::sdk::Practitioner> practitioners;
    knotnotes::sdk::Client client;
    knotnotes::sdk::Intake intake;
    std::vector<knotnotes::sdk::Session> sessions;
    knotnotes::sdk::QuestionnaireResponse response;
};

inline Chart sample_chart() {
    namespace sdk = knotnotes::sdk;
    Chart c;
    c.practitioners.push_back({1, "Alex Morgan", "RMT", "0b4c3f5e-1d2a-4b6c-8d9e-0f1a2b3c4d5e",
                               "CMTO 12345", "q83vEjRmQ2n6lq3+0Lf0ajV3ZuQ8Oe2BDS2XslNPN1U="});
    c.client.id = 7;
    c.client.given_name = "Chloé";
    c.client.family_name = "Dubois";
    c.client.birth_date = "1985-04-12";
    c.client.phone = "+1 555 0100";
    c.client.email = "chloe@example.org";
    c.client.emergency_contact = "Marc, +1 555 0101";
    c.client.occupation = "Violinist";
    c.client.created_at = "2026-01-02T09:00:00.000Z";
    c.client.uid = "1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5";
    c.client.chart_figure = sdk::ChartFigure::female;

    c.intake.id = 3;
    c.intake.client_id = 7;
    c.intake.version = 2;
    c.intake.recorded_at = "2026-01-02T09:05:00.000Z";
    c.intake.reason_for_visit = "Neck and shoulder pain\nafter rehearsals";
    c.intake.goals = "Play without pain";
    c.intake.activity = "Desk work, violin 4 h a day";
    c.intake.health_flags = {"anticoagulants", "pregnancy"};
    c.intake.medications = "Warfarin";
    c.intake.allergies = "Nut oils";
    c.intake.surgeries_injuries = "None";
    c.intake.areas_to_avoid = "Left calf";
    c.intake.preferred_pressure = 4;
    c.intake.consent = {true, "2026-01-02", "Chloé Dubois", "iVBORw0KGgo="};
    c.intake.uid = "2d3e4f5a-6b7c-4d8e-9fa0-b1c2d3e4f5a6";

    sdk::Session s;
    s.id = 11;
    s.client_id = 7;
    s.practitioner_id = 1;
    s.intake_id = 3;
    s.started_at = "2026-01-03T10:00:00.000Z";
    s.duration_minutes = 60;
    s.subjective = "Tension in the upper trapezius, 6/10";
    s.objective = "Active knot, left upper trapezius";
    s.assessment = "Released with compression";
    s.plan = "Weekly for 4 weeks; heat at home";
    s.pain_before = 6;
    s.pain_after = 2;
    s.signature = sdk::Signature{"Alex Morgan",
                                 "2026-01-03T11:05:00.000Z",
                                 std::string(64, 'a'),
                                 1,
                                 "ed25519",
                                 2,
                                 "q83vEjRmQ2n6lq3+0Lf0ajV3ZuQ8Oe2BDS2XslNPN1U=",
                                 "c2lnbmF0dXJl"};
    s.uid = "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7";
    s.conflict_acknowledgement = "Light pressure only on the legs (anticoagulants)";
    sdk::Knot k;
    k.id = 21;
    k.session_id = 11;
    k.muscle_id = "upper-trapezius";
    k.side = sdk::Side::left;
    k.view = sdk::ChartView::back;
    k.x = 0.41;
    k.y = 0.165;
    k.kind = sdk::KnotKind::active;
    k.tenderness = 7;
    k.referral = "side of the head";
    k.result = sdk::KnotResult::released;
    k.uid = "4f5a6b7c-8d9e-4fa0-b1c2-d3e4f5a6b7c8";
    k.referral_area = {{0.38, 0.05}, {0.45, 0.06}, {0.44, 0.12}};
    s.knots.push_back(k);
    s.pressure_readings.push_back(
        {31, 11, "shoulder", sdk::Side::left, 5, "5a6b7c8d-9ea0-4b1c-8d3e-4f5a6b7c8d9e"});
    sdk::TechniqueUse t;
    t.id = 41;
    t.session_id = 11;
    t.technique_id = "org.knotnotes.techniques.swedish/effleurage";
    t.muscle_id = "upper-trapezius";
    t.side = sdk::Side::bilateral;
    t.pressure = 4;
    t.duration_seconds = 300;
    t.tool = sdk::Tool::forearm;
    t.direction = sdk::Direction::along_fibres;
    t.response = "Relaxed";
    t.uid = "6b7c8d9e-a0b1-4c2d-9e4f-5a6b7c8d9ea0";
    s.techniques.push_back(t);
    c.sessions.push_back(s);

    sdk::Session amendment = s;
    amendment.id = 12;
    amendment.signature.reset();
    amendment.amends_session_id = 11;
    amendment.amendment_reason = "Pain after was 3, not 2";
    amendment.pain_after = 3;
    amendment.uid = "7c8d9ea0-b1c2-4d3e-8f5a-6b7c8d9ea0b1";
    amendment.knots[0].id = 22;
    amendment.knots[0].previous_knot_id = 21;
    amendment.knots[0].uid = "8d9ea0b1-c2d3-4e4f-9a6b-7c8d9ea0b1c2";
    amendment.pressure_readings.clear();
    amendment.techniques.clear();
    c.sessions.push_back(amendment);

    c.response.id = 51;
    c.response.client_id = 7;
    c.response.session_id = 11;
    c.response.instrument_id = "org.knotnotes.test.compat/tally";
    c.response.instrument_version = "1";
    c.response.completed_at = "2026-01-03T10:02:00.000Z";
    c.response.answers = {{"a", 2.0, ""}, {"b", 4.0, "a note"}};
    c.response.score = 6;
    c.response.interpretation = "high";
    c.response.uid = "9ea0b1c2-d3e4-4f5a-8b7c-8d9ea0b1c2d3";
    return c;
}

}  // namespace compat
