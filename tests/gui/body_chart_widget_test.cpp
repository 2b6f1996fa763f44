// The body chart widget in a real frame under Xvfb: real pointer moves, clicks, drags, right
// clicks and keys through wxUIActionSimulator (wheel turns through xdotool), and wx's touch
// gesture events, checking what the widget reports.
//
// Set KNOTNOTES_BODY_CHART_SCREENSHOT=/tmp/body-chart.png to save a picture of the chart with
// knots on all four views (for looking at it; nothing is compared).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

#include <wx/graphics.h>
#include <wx/uiaction.h>

#include "body_chart_drawing.hpp"
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

// A point where a click names the muscle and side: its region's centre in the shipped chart
// data (a point of the region drawn on top there), not a hand-written position.
sdk::ChartPoint anchor(std::string_view muscle, ChartView view, Side side,
                       sdk::ChartFigure figure = sdk::ChartFigure::neutral) {
    const auto* region = sdk::find_region(sdk::body_chart(figure, view), muscle, side);
    REQUIRE(region);
    return region->centre;
}

// A knot at the centre of its muscle's region on `figure`.
sdk::Knot knot(sdk::Id id, std::string_view muscle, ChartView view, Side side, sdk::KnotKind kind,
               int tenderness, sdk::KnotResult result = sdk::KnotResult::untreated,
               sdk::ChartFigure figure = sdk::ChartFigure::neutral) {
    sdk::Knot k;
    k.id = id;
    k.muscle_id = std::string(muscle);
    k.side = side;
    k.view = view;
    const auto p = anchor(muscle, view, side, figure);
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
    f.move_to(f.screen(ChartView::back, anchor("hamstrings", ChartView::back, Side::left)));
    CHECK(f.chart->status_text().StartsWith("Hamstrings (biceps femoris) (left)"));
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
    // The menu runs its own event loop: choose Delete from a timer.
    wxTimer chooser;
    chooser.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
        // Edit…, Draw referral area, Delete (no Clear: the knot has no referral area).
        for (int i = 0; i < 3; ++i)
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

namespace {

// A point on the figure of `view` that no region covers (between muscles), scanned from the
// shipped geometry.
std::optional<sdk::ChartPoint> off_muscle_point(ChartView view) {
    const auto& chart = sdk::body_chart(sdk::ChartFigure::neutral, view);
    for (double y = 0.15; y < 0.95; y += 0.005) {
        for (double x = 0.3; x < 0.7; x += 0.005) {
            const sdk::ChartPoint p{x, y};
            if (sdk::on_figure(chart, p) && !sdk::region_at(chart, sdk::ChartLayer::surface, p) &&
                !sdk::region_at(chart, sdk::ChartLayer::deep, p))
                return p;
        }
    }
    return std::nullopt;
}

// A point inside the regions of both muscles (same side) on `view`, away from their edges.
std::optional<sdk::ChartPoint> overlap_point(ChartView view, std::string_view a, std::string_view b,
                                             Side side) {
    const auto& chart = sdk::body_chart(sdk::ChartFigure::neutral, view);
    const auto* ra = sdk::find_region(chart, a, side);
    const auto* rb = sdk::find_region(chart, b, side);
    REQUIRE(ra);
    REQUIRE(rb);
    const auto well_inside = [](const sdk::ChartRegion& r, sdk::ChartPoint p) {
        const double d = 0.006;
        return sdk::inside_polygon(r.points, p) && sdk::inside_polygon(r.points, {p.x + d, p.y}) &&
               sdk::inside_polygon(r.points, {p.x - d, p.y}) &&
               sdk::inside_polygon(r.points, {p.x, p.y + d}) &&
               sdk::inside_polygon(r.points, {p.x, p.y - d});
    };
    for (double y = 0; y < 1; y += 0.004) {
        for (double x = 0; x < 1; x += 0.004) {
            if (well_inside(*ra, {x, y}) && well_inside(*rb, {x, y}))
                return sdk::ChartPoint{x, y};
        }
    }
    return std::nullopt;
}

double distance(wxPoint p, const wxRect& r) {
    const int dx = std::max({r.GetLeft() - p.x, 0, p.x - r.GetRight()});
    const int dy = std::max({r.GetTop() - p.y, 0, p.y - r.GetBottom()});
    return std::hypot(dx, dy);
}

}  // namespace

TEST_CASE(
    "hovering highlights the muscle and names it beside the pointer; off a muscle it says why",
    "[gui][body-chart]") {
    ChartFixture f;
    const wxPoint glute =
        f.screen(ChartView::back, anchor("gluteus-maximus", ChartView::back, Side::left));
    f.move_to(glute);
    REQUIRE(f.chart->hovered_region());
    CHECK(f.chart->hovered_region()->muscle_id == "gluteus-maximus");
    CHECK(f.chart->hovered_region()->side == Side::left);
    CHECK(f.chart->status_text().StartsWith("Gluteus maximus (left)"));
    // The label is next to the pointer, not in a line under the chart.
    const wxRect label = f.chart->label_rect();
    CHECK_FALSE(label.IsEmpty());
    CHECK(distance(f.chart->ScreenToClient(glute), label) < f.chart->FromDIP(30));

    // The highlight and the label follow the pointer to another muscle, on another view.
    const wxPoint pec =
        f.screen(ChartView::front, anchor("pectoralis-major", ChartView::front, Side::right));
    f.move_to(pec);
    REQUIRE(f.chart->hovered_region());
    CHECK(f.chart->hovered_region()->muscle_id == "pectoralis-major");
    CHECK(f.chart->hovered_region()->side == Side::right);
    CHECK(distance(f.chart->ScreenToClient(pec), f.chart->label_rect()) < f.chart->FromDIP(30));

    // On the figure between muscles: no highlight, and the label says why; a click there
    // places nothing.
    const auto between = off_muscle_point(ChartView::back);
    REQUIRE(between);
    f.move_to(f.screen(ChartView::back, *between));
    CHECK(f.chart->hovered_region() == nullptr);
    CHECK(f.chart->status_text().StartsWith("Not on a muscle the chart knows"));
    f.click(f.screen(ChartView::back, *between));
    CHECK(f.placed.empty());
    CHECK(f.chart->status_text().StartsWith("Not on a muscle the chart knows"));
    // Outside the figure: the click says so too.
    f.click(f.screen(ChartView::back, {0.03, 0.5}));
    CHECK(f.placed.empty());
    CHECK(f.chart->status_text().Contains("outside the figure"));
}

TEST_CASE("where muscles overlap a click names the one drawn on top; Ctrl+D reaches the deep one",
          "[gui][body-chart]") {
    ChartFixture f;
    // Gluteus maximus lies over gluteus medius: where both regions are, the surface is maximus.
    const auto both =
        overlap_point(ChartView::back, "gluteus-maximus", "gluteus-medius", Side::right);
    REQUIRE(both);
    f.click(f.screen(ChartView::back, *both));
    REQUIRE(f.placed.size() == 1);
    CHECK(f.placed[0].knot().muscle_id == "gluteus-maximus");
    CHECK(f.placed[0].knot().side == Side::right);
    // The deep layer, from the keyboard (the click gave the chart the focus).
    REQUIRE(f.chart->HasFocus());
    f.sim.Char('d', wxMOD_CONTROL);
    let_events_run();
    CHECK(f.chart->layer() == sdk::ChartLayer::deep);
    f.click(f.screen(ChartView::back, *both));
    REQUIRE(f.placed.size() == 2);
    const auto* deep = sdk::find_muscle(f.placed[1].knot().muscle_id);
    REQUIRE(deep);
    CHECK(f.placed[1].knot().muscle_id != "gluteus-maximus");
    CHECK(f.placed[1].knot().muscle_id.rfind("gluteus-", 0) == 0);  // medius or minimus
    CHECK(f.placed[1].knot().side == Side::right);
}

TEST_CASE("keyboard charting: Tab reaches the chart, a typed muscle and Enter place a knot",
          "[gui][body-chart]") {
    auto* frame = new wxFrame(nullptr, wxID_ANY, "Keyboard chart", wxPoint(0, 0), wxSize(980, 660));
    auto* panel = new wxPanel(frame);
    auto* before = new wxTextCtrl(panel, wxID_ANY);
    auto* chart = new gui::BodyChartWidget(panel);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(before, 0, wxEXPAND);
    sizer->Add(chart, 1, wxEXPAND);
    panel->SetSizer(sizer);
    std::vector<gui::KnotChartEvent> placed, moved;
    chart->Bind(gui::EVT_KNOT_PLACED, [&](gui::KnotChartEvent& e) { placed.push_back(e); });
    chart->Bind(gui::EVT_KNOT_MOVED, [&](gui::KnotChartEvent& e) { moved.push_back(e); });
    frame->Show();
    let_events_run();
    wxUIActionSimulator sim;
    before->SetFocus();
    let_events_run();
    sim.Char(WXK_TAB);
    let_events_run();
    CHECK(chart->HasFocus());

    // The current view is the front one; the rhomboids are not on it: Enter says so.
    CHECK(chart->current_view() == ChartView::front);
    sim.Text("rhomb");
    let_events_run();
    CHECK(chart->typed_text() == "rhomb");  // the "typed so far" hint
    sim.Char(WXK_RETURN);
    let_events_run();
    CHECK(placed.empty());
    CHECK(chart->status_text().StartsWith("Not on a muscle the chart knows"));
    // Page Down: the back view; " l" chooses the client's left.
    sim.Char(WXK_PAGEDOWN);
    let_events_run();
    CHECK(chart->current_view() == ChartView::back);
    sim.Text(" l");
    sim.Char(WXK_RETURN);
    let_events_run();
    REQUIRE(placed.size() == 1);
    const auto& rhomboids = placed[0].knot();
    CHECK(rhomboids.muscle_id == "rhomboids");
    CHECK(rhomboids.side == Side::left);
    CHECK(rhomboids.view == ChartView::back);
    const auto centre = anchor("rhomboids", ChartView::back, Side::left);
    CHECK(rhomboids.x == Approx(centre.x));
    CHECK(rhomboids.y == Approx(centre.y));
    CHECK(chart->typed_text().empty());
    sim.Text("Up Trap R");  // any case
    sim.Char(WXK_RETURN);
    let_events_run();
    REQUIRE(placed.size() == 2);
    CHECK(placed[1].knot().muscle_id == "upper-trapezius");
    CHECK(placed[1].knot().side == Side::right);

    // The owner commits them; arrows select, Ctrl+arrows nudge into the region there.
    std::vector<sdk::Knot> knots{placed[0].knot(), placed[1].knot()};
    knots[0].id = 1;
    knots[1].id = 2;
    chart->set_knots(knots);
    let_events_run();
    sim.Char(WXK_RIGHT);
    let_events_run();
    CHECK(chart->selected_knot() == std::size_t{0});
    sim.Char(WXK_RIGHT);
    let_events_run();
    CHECK(chart->selected_knot() == std::size_t{1});
    sim.Char(WXK_DOWN, wxMOD_CONTROL);
    let_events_run();
    REQUIRE(moved.size() == 1);
    CHECK(moved[0].knot().id == 2);
    CHECK(moved[0].knot().y > knots[1].y);
    CHECK(moved[0].knot().x == Approx(knots[1].x));
    // The keys are listed for the F1 help.
    const auto keys = gui::BodyChartWidget::key_list();
    CHECK(std::any_of(keys.begin(), keys.end(),
                      [](const gui::ChartKey& k) { return k.keys.Contains("Page Up"); }));
    frame->Destroy();
    let_events_run();
}

TEST_CASE(
    "zoom from the keyboard, pan with the middle button, Escape resets; clicks still name "
    "the muscle",
    "[gui][body-chart]") {
    ChartFixture f;
    f.chart->SetFocus();
    let_events_run();
    f.sim.Char('=', wxMOD_CONTROL);
    let_events_run();
    f.sim.Char('=', wxMOD_CONTROL);
    let_events_run();
    CHECK(f.chart->zoom().scale == Approx(1.5625));
    // A muscle is bigger on the screen and a click on it still names it.
    const auto target = anchor("infraspinatus", ChartView::back, Side::left);
    f.click(f.screen(ChartView::back, target));
    REQUIRE(f.placed.size() == 1);
    CHECK(f.placed[0].knot().muscle_id == "infraspinatus");
    CHECK(f.placed[0].knot().side == Side::left);
    CHECK(f.placed[0].knot().x == Approx(target.x).margin(0.006));

    // A middle-button drag moves the chart by as much as the pointer moved.
    const auto before = f.chart->zoom();
    const wxPoint from = f.chart->ClientToScreen(wxPoint(400, 300));
    f.move_to(from);
    f.sim.MouseDown(wxMOUSE_BTN_MIDDLE);
    let_events_run(5);
    for (int step = 1; step <= 5; ++step) {
        f.sim.MouseMove(from + wxPoint(12 * step, 6 * step));
        let_events_run(3);
    }
    f.sim.MouseUp(wxMOUSE_BTN_MIDDLE);
    let_events_run();
    CHECK(f.chart->zoom().dx == Approx(before.dx + 60).margin(2));
    CHECK(f.chart->zoom().dy == Approx(before.dy + 30).margin(2));
    const auto other = anchor("gluteus-medius", ChartView::back, Side::right);
    f.click(f.screen(ChartView::back, other));
    REQUIRE(f.placed.size() == 2);
    CHECK(f.placed[1].knot().muscle_id == "gluteus-medius");

    // Escape (nothing typed, nothing selected) puts the chart back.
    f.sim.Char(WXK_ESCAPE);
    let_events_run();
    CHECK_FALSE(f.chart->zoom().zoomed());
}

TEST_CASE("the printout's chart picture draws every figure's muscles, at 2x too",
          "[gui][body-chart]") {
    // Set KNOTNOTES_CHART_SCREENSHOT_DIR to write the pictures (docs/screenshots/ has them).
    const char* dir = std::getenv("KNOTNOTES_CHART_SCREENSHOT_DIR");
    if (dir)
        wxInitAllImageHandlers();
    using sdk::KnotKind;
    using sdk::KnotResult;
    const auto count_tones = [](const wxImage& image) {
        std::size_t n = 0;
        const unsigned char* p = image.GetData();
        for (int i = 0; i < image.GetWidth() * image.GetHeight(); ++i, p += 3) {
            for (const auto& tone : sdk::chart_region_tones)
                n += p[0] == tone.r && p[1] == tone.g && p[2] == tone.b;
        }
        return n;
    };
    std::vector<wxImage> pictures;
    for (const auto figure : sdk::chart_figures) {
        std::vector<sdk::Knot> knots;
        const auto add = [&](std::string_view muscle, ChartView view, Side side, KnotKind kind,
                             int tenderness, KnotResult result = KnotResult::untreated) {
            knots.push_back(knot(static_cast<sdk::Id>(knots.size() + 1), muscle, view, side, kind,
                                 tenderness, result, figure));
        };
        add("pectoralis-major", ChartView::front, Side::left, KnotKind::active, 7);
        add("sternocleidomastoid", ChartView::front, Side::right, KnotKind::latent, 3);
        add("upper-trapezius", ChartView::back, Side::right, KnotKind::active, 9,
            KnotResult::released);
        add("gluteus-medius", ChartView::back, Side::left, KnotKind::latent, 4);
        add("tensor-fasciae-latae", ChartView::left, Side::left, KnotKind::active, 6);
        add("gastrocnemius", ChartView::right, Side::right, KnotKind::latent, 2);
        const auto bitmap = gui::render_body_chart(
            knots, {}, {figure}, gui::BodyChartWidget::all_views(), wxSize(820, 640), 2.0);
        REQUIRE(bitmap.IsOk());
        CHECK(bitmap.GetWidth() == 1640);
        const wxImage image = bitmap.ConvertToImage();
        // The muscles are drawn in the print tones: a good part of the picture.
        CHECK(count_tones(image) > std::size_t(image.GetWidth()) * image.GetHeight() / 50);
        if (dir) {
            const wxString file =
                wxString::Format("%s/body-chart-%s.png", dir, std::string(sdk::to_text(figure)));
            CHECK(image.Scale(820, 640, wxIMAGE_QUALITY_HIGH).SaveFile(file, wxBITMAP_TYPE_PNG));
        }
        pictures.push_back(image);
    }
    // The three figures are drawn differently.
    const auto differing = [](const wxImage& a, const wxImage& b) {
        std::size_t n = 0;
        for (int i = 0; i < a.GetWidth() * a.GetHeight() * 3; ++i)
            n += a.GetData()[i] != b.GetData()[i];
        return n;
    };
    CHECK(differing(pictures[0], pictures[1]) > 10000);
    CHECK(differing(pictures[0], pictures[2]) > 10000);
    CHECK(differing(pictures[1], pictures[2]) > 10000);
}

namespace {

// Real X input from outside the process: xdotool talks to the Xvfb server like a mouse would
// (wxUIActionSimulator has no wheel). The events wait in the X queue until let_events_run.
void xdotool(const std::string& arguments) {
    REQUIRE(std::system(("xdotool " + arguments).c_str()) == 0);
    let_events_run(30);
}

}  // namespace

TEST_CASE("Ctrl+wheel from the X server zooms about the pointer; a plain wheel does not",
          "[gui][body-chart][zoom]") {
    ChartFixture f;
    const auto target = anchor("infraspinatus", ChartView::back, Side::left);
    const wxPoint client = f.chart->chart_to_client(ChartView::back, target);
    f.move_to(f.chart->ClientToScreen(client));

    // Button 4 is the wheel turned up (away from the user): zoom in, 1.25x a notch.
    xdotool("keydown ctrl click 4 keyup ctrl");
    CHECK(f.chart->zoom().scale == Approx(1.25));
    xdotool("keydown ctrl click 4 keyup ctrl");
    CHECK(f.chart->zoom().scale == Approx(1.5625));
    // The muscle under the pointer stayed under it, and a click there still charts it.
    const wxPoint now = f.chart->chart_to_client(ChartView::back, target);
    CHECK(std::abs(now.x - client.x) <= 1);
    CHECK(std::abs(now.y - client.y) <= 1);
    f.click(f.chart->ClientToScreen(client));
    REQUIRE(f.placed.size() == 1);
    CHECK(f.placed[0].knot().muscle_id == "infraspinatus");
    CHECK(f.placed[0].knot().side == Side::left);

    // Without Ctrl the wheel is left to the parent (it scrolls the editor): no zoom.
    xdotool("click 4");
    CHECK(f.chart->zoom().scale == Approx(1.5625));
    // Button 5, the wheel turned down: out again, never below the whole chart.
    xdotool("keydown ctrl click 5 keyup ctrl");
    CHECK(f.chart->zoom().scale == Approx(1.25));
    xdotool("keydown ctrl click 5 click 5 keyup ctrl");
    CHECK_FALSE(f.chart->zoom().zoomed());
}

TEST_CASE("a pinch zooms about the fingers, a two-finger pan moves, a long press opens the menu",
          "[gui][body-chart][zoom][touch]") {
    ChartFixture f;
    const auto target = anchor("gluteus-maximus", ChartView::back, Side::right);
    const wxPoint fingers = f.chart->chart_to_client(ChartView::back, target);
    // The gesture events wx makes from touch input (Xvfb has no touch screen): start, move, end.
    const auto pinch = [&](double factor, bool start, bool end) {
        wxZoomGestureEvent event(f.chart->GetId());
        event.SetEventObject(f.chart);
        event.SetPosition(fingers);
        event.SetZoomFactor(factor);
        event.SetGestureStart(start);
        event.SetGestureEnd(end);
        f.chart->GetEventHandler()->ProcessEvent(event);
    };
    pinch(1.0, true, false);
    pinch(1.6, false, false);
    pinch(2.0, false, true);
    // The factor is of the gesture as a whole, not of each step.
    CHECK(f.chart->zoom().scale == Approx(2.0));
    const wxPoint under = f.chart->chart_to_client(ChartView::back, target);
    CHECK(std::abs(under.x - fingers.x) <= 1);
    CHECK(std::abs(under.y - fingers.y) <= 1);

    wxPanGestureEvent pan(f.chart->GetId());
    pan.SetEventObject(f.chart);
    pan.SetDelta(wxPoint(-40, 25));
    const auto before = f.chart->zoom();
    f.chart->GetEventHandler()->ProcessEvent(pan);
    CHECK(f.chart->zoom().dx == Approx(before.dx - 40));
    CHECK(f.chart->zoom().dy == Approx(before.dy + 25));

    // A knot there, then a finger's tap beside its marker (12 DIP off the centre, inside the
    // 14 DIP target) and a long press: the knot's menu, not a new knot.
    f.chart->reset_zoom();
    f.chart->set_knots(
        {knot(7, "gluteus-maximus", ChartView::back, Side::right, sdk::KnotKind::active, 6)});
    let_events_run();
    const wxPoint marker = f.chart->chart_to_client(ChartView::back, target);
    const wxPoint beside = marker + wxPoint(f.chart->FromDIP(12), 0);
    wxLongPressEvent press(f.chart->GetId());
    press.SetEventObject(f.chart);
    press.SetPosition(beside);
    f.chart->GetEventHandler()->ProcessEvent(press);
    REQUIRE(f.menu.size() == 1);
    CHECK(f.menu[0].knot().id == 7);
    // A tap (what a finger's touch gives as a left click) beside it selects it too.
    f.click(f.chart->ClientToScreen(beside));
    CHECK(f.placed.empty());
    REQUIRE(f.chart->selected_knot());
    CHECK(*f.chart->selected_knot() == 0);
}

TEST_CASE("the view captions never overlap, however narrow the chart",
          "[gui][body-chart][layout]") {
    ChartFixture f;
    for (const int width : {360, 480, 640, 820, 980}) {
        f.frame->SetClientSize(width, 600);
        let_events_run();
        const auto places = f.chart->view_places();
        REQUIRE(places.size() == 4);
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(f.chart));
        gc->SetFont(f.chart->GetFont().Bold(), *wxBLACK);
        double previous_right = -1e9;
        for (const auto& place : places) {
            const auto caption = gui::view_caption_fitting(*gc, place);
            double w = 0, h = 0;
            gc->GetTextExtent(caption, &w, &h);
            const double left = place.box.x + (place.box.width - w) / 2;
            INFO("width " << width << ": " << caption << " from " << left << " to " << left + w
                          << ", the previous caption ends at " << previous_right);
            CHECK(left > previous_right);
            CHECK(left >= 0);
            CHECK(left + w <= f.chart->GetClientSize().x);
            previous_right = left + w;
        }
    }
}
