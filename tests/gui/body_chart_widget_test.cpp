// The body chart widget in a real frame under Xvfb: real pointer moves, clicks, drags, right
// clicks and keys through wxUIActionSimulator, checking what the widget reports.
//
// Set KNOTNOTES_BODY_CHART_SCREENSHOT=/tmp/body-chart.png to save a picture of the chart with
// knots on all four views (for looking at it; nothing is compared).
#include <catch2/catch.hpp>

#include <wx/uiaction.h>

#include "body_chart_widget.hpp"
#include "pch.hpp"
#include "window_screenshot.hpp"

using namespace knotnotes;
using sdk::ChartView;
using sdk::Side;

namespace {

void let_events_run(int rounds = 20) {
    for (int i = 0; i < rounds; ++i) {
        wxYield();
        wxMilliSleep(10);
    }
}

sdk::ChartPoint anchor(std::string_view muscle, ChartView view, Side side) {
    const auto* m = sdk::find_muscle(muscle);
    REQUIRE(m);
    const auto p = sdk::chart_position(*m, view, side);
    REQUIRE(p);
    return *p;
}

sdk::Knot knot(sdk::Id id, std::string_view muscle, ChartView view, Side side, sdk::KnotKind kind,
               int tenderness, sdk::KnotResult result = sdk::KnotResult::untreated) {
    sdk::Knot k;
    k.id = id;
    k.muscle_id = std::string(muscle);
    k.side = side;
    k.view = view;
    const auto p = anchor(muscle, view, side);
    k.x = p.x;
    k.y = p.y;
    k.kind = kind;
    k.tenderness = tenderness;
    k.result = result;
    return k;
}

// A frame with the chart filling it, and every event the chart sends, recorded.
struct ChartFixture {
    wxFrame* frame = new wxFrame(nullptr, wxID_ANY, "Body chart", wxPoint(0, 0), wxSize(980, 620));
    gui::BodyChartWidget* chart = new gui::BodyChartWidget(frame);
    std::vector<gui::KnotChartEvent> placed, moved, menu, edit, erase, hover;
    wxUIActionSimulator sim;
    bool handle_menu = true;

    ChartFixture() {
        const auto record = [](std::vector<gui::KnotChartEvent>& into) {
            return [&into](gui::KnotChartEvent& e) { into.push_back(e); };
        };
        chart->Bind(gui::EVT_KNOT_PLACED, record(placed));
        chart->Bind(gui::EVT_KNOT_MOVED, record(moved));
        // Handled here (unless handle_menu is false), so the widget shows no menu of its own.
        chart->Bind(gui::EVT_KNOT_MENU, [this](gui::KnotChartEvent& e) {
            menu.push_back(e);
            e.Skip(!handle_menu);
        });
        chart->Bind(gui::EVT_KNOT_EDIT, record(edit));
        chart->Bind(gui::EVT_KNOT_DELETE, record(erase));
        chart->Bind(gui::EVT_CHART_HOVER, record(hover));
        frame->Show();
        let_events_run();
    }
    ~ChartFixture() {
        frame->Destroy();
        let_events_run();
    }

    wxPoint screen(ChartView view, sdk::ChartPoint p) const {
        const wxPoint client = chart->chart_to_client(view, p);
        REQUIRE(client != wxDefaultPosition);
        return chart->ClientToScreen(client);
    }
    void move_to(wxPoint point) {
        sim.MouseMove(point);
        let_events_run();
    }
    // Pauses after each click, so two clicks never make a double click.
    void click(wxPoint point, int button = wxMOUSE_BTN_LEFT) {
        move_to(point);
        sim.MouseClick(button);
        let_events_run(50);
    }
    void drag(wxPoint from, wxPoint to) {
        move_to(from);
        sim.MouseDown();
        let_events_run(5);
        for (int step = 1; step <= 8; ++step) {
            sim.MouseMove(from + (to - from) * step / 8);
            let_events_run(3);
        }
        sim.MouseUp();
        let_events_run(50);
    }
};

}  // namespace

TEST_CASE("clicking the upper trapezius on the back view charts it on the client's right",
          "[gui][body-chart]") {
    ChartFixture f;
    // Back view: the client's right is on the viewer's right.
    const auto target = anchor("upper-trapezius", ChartView::back, Side::right);
    CHECK(target.x > 0.5);
    f.move_to(f.screen(ChartView::back, target));
    CHECK(f.chart->status_text().StartsWith("Upper trapezius (right)"));
    REQUIRE_FALSE(f.hover.empty());
    CHECK(f.hover.back().knot().muscle_id == "upper-trapezius");

    f.click(f.screen(ChartView::back, target));
    REQUIRE(f.placed.size() == 1);
    const auto& placed = f.placed[0].knot();
    CHECK(placed.muscle_id == "upper-trapezius");
    CHECK(placed.side == Side::right);
    CHECK(placed.view == ChartView::back);
    CHECK(placed.id == 0);
    CHECK(f.placed[0].knot_index() == -1);
    // The point clicked, to within a pixel of the view.
    CHECK(placed.x == Approx(target.x).margin(0.01));
    CHECK(placed.y == Approx(target.y).margin(0.005));
    // The widget reports; it does not chart the knot itself.
    CHECK(f.chart->knots().empty());

    // The same muscle on the front view is on the viewer's left for the client's right.
    const auto front = anchor("upper-trapezius", ChartView::front, Side::right);
    CHECK(front.x < 0.5);
    f.click(f.screen(ChartView::front, front));
    REQUIRE(f.placed.size() == 2);
    CHECK(f.placed[1].knot().side == Side::right);
    CHECK(f.placed[1].knot().view == ChartView::front);

    // Off the figure: nothing.
    f.click(f.screen(ChartView::back, {0.2, 0.9}));
    CHECK(f.placed.size() == 2);
}

TEST_CASE("dragging a marker reports the knot at its new place and muscle", "[gui][body-chart]") {
    ChartFixture f;
    f.chart->set_knots(
        {knot(42, "upper-trapezius", ChartView::back, Side::right, sdk::KnotKind::active, 6)});
    let_events_run();
    const auto to = anchor("infraspinatus", ChartView::back, Side::right);
    f.drag(f.screen(ChartView::back, {f.chart->knots()[0].x, f.chart->knots()[0].y}),
           f.screen(ChartView::back, to));
    CHECK(f.placed.empty());
    REQUIRE(f.moved.size() == 1);
    const auto& moved = f.moved[0].knot();
    CHECK(moved.id == 42);
    CHECK(f.moved[0].knot_index() == 0);
    CHECK(moved.muscle_id == "infraspinatus");
    CHECK(moved.side == Side::right);
    CHECK(moved.view == ChartView::back);
    CHECK(moved.x == Approx(to.x).margin(0.01));
    CHECK(moved.y == Approx(to.y).margin(0.005));
    CHECK(moved.tenderness == 6);
    CHECK(f.chart->knots()[0].muscle_id == "infraspinatus");

    // Dropped off the figure, it stays where it was.
    f.drag(f.screen(ChartView::back, to), f.screen(ChartView::back, {0.2, 0.9}));
    CHECK(f.moved.size() == 1);
    CHECK(f.chart->knots()[0].x == Approx(moved.x));
}

TEST_CASE("right-clicking a marker asks for its menu and keys edit or delete it",
          "[gui][body-chart]") {
    ChartFixture f;
    f.chart->set_knots(
        {knot(7, "gluteus-medius", ChartView::back, Side::left, sdk::KnotKind::latent, 3),
         knot(8, "upper-trapezius", ChartView::back, Side::right, sdk::KnotKind::active, 8)});
    let_events_run();
    const auto& trapezius = f.chart->knots()[1];
    f.click(f.screen(ChartView::back, {trapezius.x, trapezius.y}), wxMOUSE_BTN_RIGHT);
    REQUIRE(f.menu.size() == 1);
    CHECK(f.menu[0].knot().id == 8);
    CHECK(f.menu[0].knot_index() == 1);
    CHECK(f.chart->selected_knot() == std::size_t{1});
    CHECK(f.placed.empty());
    // A right click off any marker asks for nothing.
    f.click(f.screen(ChartView::back, {0.5, 0.4}), wxMOUSE_BTN_RIGHT);
    CHECK(f.menu.size() == 1);

    // The keyboard: the chart has the focus from the click; Left selects the previous knot.
    REQUIRE(f.chart->HasFocus());
    f.sim.Char(WXK_LEFT);
    let_events_run();
    CHECK(f.chart->selected_knot() == std::size_t{0});
    f.sim.Char(WXK_RETURN);
    let_events_run();
    REQUIRE(f.edit.size() == 1);
    CHECK(f.edit[0].knot().id == 7);
    f.sim.Char(WXK_DELETE);
    let_events_run();
    REQUIRE(f.erase.size() == 1);
    CHECK(f.erase[0].knot().id == 7);
}

TEST_CASE("a read-only chart places moves and edits nothing", "[gui][body-chart]") {
    ChartFixture f;
    f.chart->set_knots(
        {knot(42, "upper-trapezius", ChartView::back, Side::right, sdk::KnotKind::active, 6)});
    f.chart->set_read_only(true);
    let_events_run();
    const auto marker = f.screen(ChartView::back, {f.chart->knots()[0].x, f.chart->knots()[0].y});
    f.click(f.screen(ChartView::back, anchor("rhomboids", ChartView::back, Side::left)));
    f.drag(marker,
           f.screen(ChartView::back, anchor("infraspinatus", ChartView::back, Side::right)));
    f.click(marker, wxMOUSE_BTN_RIGHT);
    f.sim.Char(WXK_DELETE);
    let_events_run();
    CHECK(f.placed.empty());
    CHECK(f.moved.empty());
    CHECK(f.menu.empty());
    CHECK(f.erase.empty());
    CHECK(f.chart->knots()[0].muscle_id == "upper-trapezius");
    // Hovering still names what is under the pointer.
    f.move_to(marker);
    CHECK(f.chart->status_text().Contains("Upper trapezius"));
}

TEST_CASE("the chart draws knots on all four views", "[gui][body-chart]") {
    ChartFixture f;
    using sdk::KnotKind;
    using sdk::KnotResult;
    f.chart->set_knots({
        knot(1, "upper-trapezius", ChartView::back, Side::right, KnotKind::active, 8),
        knot(2, "levator-scapulae", ChartView::back, Side::left, KnotKind::latent, 4),
        knot(3, "infraspinatus", ChartView::back, Side::left, KnotKind::active, 6,
             KnotResult::released),
        knot(4, "quadratus-lumborum", ChartView::back, Side::right, KnotKind::active, 9),
        knot(5, "gluteus-medius", ChartView::back, Side::left, KnotKind::latent, 2),
        knot(6, "pectoralis-minor", ChartView::front, Side::left, KnotKind::active, 7),
        knot(7, "sternocleidomastoid", ChartView::front, Side::right, KnotKind::latent, 3,
             KnotResult::released),
        knot(8, "tensor-fasciae-latae", ChartView::front, Side::right, KnotKind::active, 5),
        knot(9, "forearm-flexors", ChartView::front, Side::left, KnotKind::latent, 1),
        knot(10, "gastrocnemius", ChartView::left, Side::left, KnotKind::active, 10),
        knot(11, "scalenes", ChartView::left, Side::left, KnotKind::latent, 5),
        knot(12, "gluteus-minimus", ChartView::right, Side::right, KnotKind::active, 7,
             KnotResult::released),
        knot(13, "latissimus-dorsi", ChartView::right, Side::right, KnotKind::latent, 0),
    });
    f.chart->select_knot(std::size_t{0});
    f.move_to(f.screen(ChartView::back, anchor("rhomboids", ChartView::back, Side::left)));
    CHECK(f.chart->status_text().StartsWith("Rhomboids (left)"));
    if (const char* file = std::getenv("KNOTNOTES_BODY_CHART_SCREENSHOT")) {
        wxInitAllImageHandlers();  // as the app does at start; the test main does not
        let_events_run(30);
        CHECK(gui::save_window_screenshot(*f.frame, wxString::FromUTF8(file)));
    }
}

TEST_CASE("without a menu handler the widget's own menu reports the choice", "[gui][body-chart]") {
    ChartFixture f;
    f.handle_menu = false;
    f.chart->set_knots(
        {knot(3, "rhomboids", ChartView::back, Side::left, sdk::KnotKind::active, 5)});
    let_events_run();
    // The menu runs its own event loop: choose its second item, Delete, from a timer.
    wxTimer chooser;
    chooser.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
        f.sim.Char(WXK_DOWN);
        f.sim.Char(WXK_DOWN);
        f.sim.Char(WXK_RETURN);
    });
    chooser.StartOnce(500);
    const auto& rhomboids = f.chart->knots()[0];
    f.click(f.screen(ChartView::back, {rhomboids.x, rhomboids.y}), wxMOUSE_BTN_RIGHT);
    let_events_run(50);
    CHECK(f.menu.size() == 1);
    REQUIRE(f.erase.size() == 1);
    CHECK(f.erase[0].knot().id == 3);
    CHECK(f.edit.empty());
}
