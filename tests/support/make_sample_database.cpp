// make_sample_database DB — a small database full of edge cases for export tests: a signed
// session and its amendment, a draft, a session with no pain scores, knots on every chart
// view, a drawn consent signature, empty optional fields, and text with quotes, ampersands,
// angle brackets, line breaks and accents. Plus a few demo clients for volume.
#include <cstdio>

#include "core/demo_data.hpp"
#include "core/signing/note_signing.hpp"
#include "db/questionnaire_repository.hpp"
#include "sample_records.hpp"

int main(int argc, char** argv) {
    using namespace knotnotes;
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_sample_database DB\n");
        return 2;
    }
    try {
        db::Database database(argv[1]);
        const auto r = test::add_sample_records(database);
        db::ChartEntryRepository entries(database);
        for (auto view : {sdk::ChartView::front, sdk::ChartView::back, sdk::ChartView::left,
                          sdk::ChartView::right}) {
            auto knot = test::sample_knot(r.session);
            knot.view = view;
            knot.referral = "Spreads to the \"temple\" & <jaw>\nworse at night";
            // A drawn referral zone (on the back view): exports carry it point for point.
            if (view == sdk::ChartView::back)
                knot.referral_area = {{0.38, 0.05}, {0.4525, 0.0625}, {0.44, 0.125}};
            entries.add_knot(knot);
        }
        entries.add_pressure_reading({0, r.session, "upper-back", sdk::Side::bilateral, 7});
        sdk::TechniqueUse use;
        use.session_id = r.session;
        use.technique_id = "org.knotnotes.techniques.deep-tissue/stripping";
        use.muscle_id = "upper-trapezius";
        use.side = sdk::Side::left;
        use.duration_seconds = 90;
        use.tool = sdk::Tool::thumb;
        use.direction = sdk::Direction::along_fibres;
        entries.add_technique_use(use);
        db::SessionRepository sessions(database);
        auto session = *sessions.get(r.session);
        session.objective = "Taut band, Chloé's \"worst\" spot <left>";
        session.pain_after = 3;
        sessions.update_note(session);
        const auto key = test::test_signing_key(database, r.practitioner);
        core::sign_note(database, r.session, *key);
        const auto amendment =
            sessions.amend(r.session, "Corrects the plan: <two> sessions & \"home care\"");
        auto amended = *sessions.get(amendment);
        amended.assessment = "Corrected: pain 3/10 after treatment";
        sessions.update_note(amended);
        core::sign_note(database, amendment, *key);

        sdk::Client sparse;  // only a family name: every optional field empty
        sparse.family_name = "Ng";
        const auto sparse_id = db::ClientRepository(database).add(sparse);
        sdk::Intake intake;
        intake.client_id = sparse_id;
        intake.consent = {true, "2026-11-01", "K. Ng",
                          "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+"
                          "M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="};
        const auto intake_id = db::IntakeRepository(database).save(intake);
        sdk::Session draft;
        draft.client_id = sparse_id;
        draft.practitioner_id = r.practitioner;
        draft.intake_id = intake_id;
        const auto draft_id = sessions.create_draft(draft);
        db::QuestionnaireRepository(database).add(
            {0,
             sparse_id,
             draft_id,
             "org.knotnotes.questionnaires/psfs",
             "1.0",
             "2026-11-02T10:15:00.000Z",
             // PSFS needs three activities; the score is their mean, as the plugin scores it.
             {{"activity-1", 2.5, "Turning my head when driving"},
              {"activity-2", 6, ""},
              {"activity-3", 4.25, "Carrying shopping"}},
             4.25,
             ""});
        core::generate_demo_data(database, {3, 3, 11});
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
}
