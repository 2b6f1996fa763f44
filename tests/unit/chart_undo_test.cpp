// Undo of deleted knots, techniques and pressure readings: the entry comes back, on disk.
#include <catch2/catch.hpp>

#include "core/chart_undo.hpp"
#include "core/session_editor.hpp"
#include "db/database.hpp"
#include "file_charting.hpp"
#include "sample_records.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

TEST_CASE("deleted entries come back with undo, most recent first", "[core][undo]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    const auto r = test::add_sample_records(database);
    test::FileCharting charting(database);
    auto editor = charting.editor(r.session);
    core::ChartUndo undo;
    auto knot =
        editor.place_knot("upper-trapezius", sdk::Side::left, sdk::ChartView::back, 0.4, 0.16);
    knot.tenderness = 8;
    knot.referral = "temple";
    editor.update_knot(knot);
    editor.set_pressure("upper-back", sdk::Side::bilateral, 7);
    sdk::TechniqueUse use;
    use.technique_id = "org.knotnotes.techniques.deep-tissue/stripping";
    use.muscle_id = "upper-trapezius";
    use.side = sdk::Side::left;
    use.pressure = 5;
    const auto added = editor.add_technique(use);
    const auto knots_before = editor.session().knots.size();

    undo.knot_removed(knot);
    editor.remove_knot(knot.id);
    const auto reading = editor.session().pressure_readings.back();
    undo.pressure_removed(reading);
    editor.remove_pressure(reading.id);
    undo.technique_removed(added, "Stripping");
    editor.remove_technique(added.id);
    CHECK(editor.session().knots.size() == knots_before - 1);
    CHECK(editor.session().pressure_readings.empty());

    CHECK(undo.last_description() == "Deleted technique: Stripping (Upper trapezius, left)");
    CHECK(undo.undo(editor) == "Deleted technique: Stripping (Upper trapezius, left)");
    CHECK(undo.undo(editor) == "Cleared pressure: Upper back, bilateral 7/10");
    CHECK(undo.undo(editor) == "Deleted knot: Upper trapezius, left");
    CHECK(undo.empty());

    auto reopened = charting.editor(r.session);  // as after a restart
    const auto& s = reopened.session();
    REQUIRE(s.knots.size() == knots_before);
    const auto& back = s.knots.back();
    CHECK(back.tenderness == 8);
    CHECK(back.referral == "temple");
    CHECK(back.uid == knot.uid);
    REQUIRE(s.pressure_readings.size() == 1);
    CHECK(s.pressure_readings[0].pressure == 7);
    REQUIRE(s.techniques.size() == 1);
    CHECK(s.techniques[0].technique_id == use.technique_id);
}
