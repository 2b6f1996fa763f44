// The session editor's behaviour without a window: autosave, carry forward, signing.
#include <catch2/catch.hpp>

#include "core/session_editor.hpp"
#include "core/technique_catalogue.hpp"
#include "file_charting.hpp"
#include "sample_records.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

TEST_CASE("every edit is in the database at once", "[core][session-editor]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    const auto r = test::add_sample_records(database);
    test::FileCharting charting(database);
    auto editor = charting.editor(r.session);
    const auto knot =
        editor.place_knot("upper-trapezius", sdk::Side::right, sdk::ChartView::back, 0.59, 0.165);
    editor.set_pressure("upper-back", sdk::Side::bilateral, 5);
    editor.set_pressure("upper-back", sdk::Side::bilateral, 7);  // same region: updated
    sdk::TechniqueUse use;
    use.technique_id = "org.knotnotes.techniques.deep-tissue/ischemic-compression";
    use.muscle_id = "upper-trapezius";
    use.side = sdk::Side::right;
    use.pressure = 6;
    const auto technique = editor.add_technique(use);
    auto fields = editor.session();
    fields.assessment = "Released with 60 s compression";
    fields.pain_after = 2;
    editor.update_note(fields);

    // Another editor on the same file (as after a restart) sees all of it.
    auto reopened = charting.editor(r.session);
    const auto& s = reopened.session();
    REQUIRE(s.knots.size() == 1);
    CHECK(s.knots[0].id == knot.id);
    CHECK(s.knots[0].muscle_id == "upper-trapezius");
    CHECK(s.knots[0].side == sdk::Side::right);
    REQUIRE(s.pressure_readings.size() == 1);
    CHECK(s.pressure_readings[0].pressure == 7);
    REQUIRE(s.techniques.size() == 1);
    CHECK(s.techniques[0].id == technique.id);
    CHECK(s.assessment == "Released with 60 s compression");
    CHECK(s.pain_after == 2);

    reopened.remove_knot(knot.id);
    reopened.remove_technique(technique.id);
    CHECK(charting.editor(r.session).session().knots.empty());
}

TEST_CASE("a new session carries forward the knots that were not released",
          "[core][session-editor]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    const auto r = test::add_sample_records(database);
    test::FileCharting charting(database);
    auto first = charting.editor(r.session);
    auto released =
        first.place_knot("rhomboids", sdk::Side::left, sdk::ChartView::back, 0.45, 0.235);
    released.result = sdk::KnotResult::released;
    first.update_knot(released);
    auto reduced =
        first.place_knot("levator-scapulae", sdk::Side::left, sdk::ChartView::back, 0.45, 0.15);
    reduced.result = sdk::KnotResult::reduced;
    reduced.tenderness = 4;
    first.update_knot(reduced);
    first.sign(*test::test_signing_key(database, r.practitioner));

    const auto next_id = charting.start_session(r.client, r.practitioner);
    auto next = charting.editor(next_id);
    REQUIRE(next.session().knots.size() == 1);
    const auto& carried = next.session().knots[0];
    CHECK(carried.muscle_id == "levator-scapulae");
    CHECK(carried.previous_knot_id == reduced.id);  // the same knot, followed across sessions
    CHECK(carried.tenderness == 4);
    CHECK(carried.result == sdk::KnotResult::untreated);
    CHECK(next.session().intake_id == r.intake);
    CHECK_FALSE(next.read_only());
}

TEST_CASE("a signed session is read-only and amending starts a correction",
          "[core][session-editor]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    const auto r = test::add_sample_records(database);
    test::FileCharting charting(database);
    auto editor = charting.editor(r.session);
    editor.place_knot("piriformis", sdk::Side::left, sdk::ChartView::back, 0.44, 0.485);
    editor.sign(*test::test_signing_key(database, r.practitioner));
    CHECK(editor.read_only());
    CHECK_THROWS_AS(editor.place_knot("soleus", sdk::Side::left, sdk::ChartView::back, 0.43, 0.86),
                    db::RecordLocked);
    CHECK(charting.editor(r.session).session().knots.size() == 1);
    const auto amendment = editor.amend("Corrects the pain score");
    auto correction = charting.editor(amendment);
    CHECK(correction.session().amends_session_id == r.session);
    CHECK_NOTHROW(
        correction.place_knot("soleus", sdk::Side::left, sdk::ChartView::back, 0.43, 0.86));
}

TEST_CASE("the technique catalogue searches names and categories by word starts",
          "[core][techniques]") {
    auto technique = [](const char* library, const char* id, const char* name,
                        const char* category) {
        sdk::Technique t;
        t.id = id;
        t.name = name;
        t.category = category;
        return core::CatalogueTechnique{std::string(library) + "/" + id, library, t};
    };
    core::TechniqueCatalogue catalogue(
        {technique("a.b", "stripping", "Stripping", "Deep tissue"),
         technique("a.b", "ischemic", "Ischemic compression", "Trigger point"),
         technique("c.d", "effleurage", "Effleurage", "Swedish")});
    CHECK(catalogue.search("").size() == 3);
    REQUIRE(catalogue.search("comp").size() == 1);
    CHECK(catalogue.search("comp")[0]->id == "a.b/ischemic");
    CHECK(catalogue.search("trig comp").size() == 1);
    CHECK(catalogue.search("deep").size() == 1);
    CHECK(catalogue.search("ression").empty());  // word starts only
    CHECK(catalogue.find("c.d/effleurage")->technique.name == "Effleurage");
    CHECK(catalogue.find("nope") == nullptr);
}
