#include <catch2/catch.hpp>

#include "core/client_progress.hpp"
#include "core/session_editor.hpp"
#include "db/charting_store.hpp"
#include "db/questionnaire_records.hpp"
#include "db/questionnaire_repository.hpp"
#include "file_charting.hpp"
#include "sample_records.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

TEST_CASE("progress gathers pain per session scores per instrument and knots per muscle",
          "[core][progress]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    const auto r = test::add_sample_records(database);  // session 1: pain before 6
    test::FileCharting charting(database);
    auto first = charting.editor(r.session);
    first.place_knot("upper-trapezius", sdk::Side::left, sdk::ChartView::back, 0.41, 0.165);
    first.place_knot("upper-trapezius", sdk::Side::right, sdk::ChartView::back, 0.59, 0.165);
    auto fields = first.session();
    fields.pain_after = 3;
    first.update_note(fields);
    const auto second_id = charting.start_session(r.client, r.practitioner);
    auto second = charting.editor(second_id);  // carries the two knots forward
    second.place_knot("rhomboids", sdk::Side::left, sdk::ChartView::back, 0.45, 0.235);
    db::QuestionnaireRepository(database).add({0,
                                               r.client,
                                               r.session,
                                               "org.knotnotes.questionnaires/nprs",
                                               "1.0",
                                               "2026-01-05T10:00:00Z",
                                               {},
                                               6.0,
                                               "moderate"});

    const auto progress = core::client_progress(
        *db::file_charting_store(database), *db::file_questionnaire_records(database), r.client);
    REQUIRE(progress.pain.size() == 2);
    CHECK(progress.pain[0].before == 6);
    CHECK(progress.pain[0].after == 3);
    CHECK_FALSE(progress.pain[1].before.has_value());
    REQUIRE(progress.scores.count("org.knotnotes.questionnaires/nprs") == 1);
    CHECK(progress.scores.at("org.knotnotes.questionnaires/nprs")[0].score == 6.0);
    CHECK(progress.knots_per_muscle.at("upper-trapezius") == std::vector<int>{2, 2});
    CHECK(progress.knots_per_muscle.at("rhomboids") == std::vector<int>{0, 1});
}
