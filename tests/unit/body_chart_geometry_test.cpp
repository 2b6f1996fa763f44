// The body chart's geometry without a window: which muscle and side a click names, the side
// rule of each view, the figure, the tenderness colours and hit-testing knot markers.
#include <catch2/catch.hpp>

#include "core/body_chart_geometry.hpp"

using namespace knotnotes;
using sdk::ChartView;
using sdk::Side;

namespace {

const sdk::Muscle& muscle(std::string_view id) {
    const auto* m = sdk::find_muscle(id);
    REQUIRE(m);
    return *m;
}

sdk::ChartPoint anchor(std::string_view id, ChartView view, Side side) {
    const auto p = sdk::chart_position(muscle(id), view, side);
    REQUIRE(p);
    return *p;
}

sdk::Knot knot(sdk::Id id, ChartView view, double x, double y) {
    sdk::Knot k;
    k.id = id;
    k.view = view;
    k.x = x;
    k.y = y;
    return k;
}

}  // namespace

TEST_CASE(
    "body chart: a click at the upper trapezius on the back view names it and the side clicked",
    "[core][body-chart]") {
    // Back view: the client's left is on the viewer's left.
    const auto left_anchor = anchor("upper-trapezius", ChartView::back, Side::left);
    CHECK(left_anchor.x < 0.5);
    const auto left = core::nearest_muscle(ChartView::back, left_anchor);
    REQUIRE(left);
    CHECK(left->muscle->id == "upper-trapezius");
    CHECK(left->side == Side::left);
    CHECK(left->distance == Approx(0).margin(1e-9));

    const auto right = core::nearest_muscle(ChartView::back, {1 - left_anchor.x, left_anchor.y});
    REQUIRE(right);
    CHECK(right->muscle->id == "upper-trapezius");
    CHECK(right->side == Side::right);

    // A little off the anchor still names it.
    const auto near = core::nearest_muscle(ChartView::back, {left_anchor.x - 0.01, 0.17});
    REQUIRE(near);
    CHECK(near->muscle->id == "upper-trapezius");
}

TEST_CASE(
    "body chart: the front view mirrors the sides: the client's left is on the viewer's right",
    "[core][body-chart]") {
    const auto left_anchor = anchor("upper-trapezius", ChartView::front, Side::left);
    CHECK(left_anchor.x > 0.5);
    const auto on_viewer_right = core::nearest_muscle(ChartView::front, left_anchor);
    REQUIRE(on_viewer_right);
    CHECK(on_viewer_right->muscle->id == "upper-trapezius");
    CHECK(on_viewer_right->side == Side::left);
    const auto on_viewer_left =
        core::nearest_muscle(ChartView::front, {1 - left_anchor.x, left_anchor.y});
    REQUIRE(on_viewer_left);
    CHECK(on_viewer_left->side == Side::right);

    CHECK(core::side_at(ChartView::front, 0.3) == Side::right);
    CHECK(core::side_at(ChartView::back, 0.3) == Side::left);
    CHECK(core::side_at(ChartView::left, 0.9) == Side::left);
    CHECK(core::side_at(ChartView::right, 0.1) == Side::right);
}

TEST_CASE("body chart: the side views name only their own side", "[core][body-chart]") {
    const auto on_left =
        core::nearest_muscle(ChartView::left, anchor("gastrocnemius", ChartView::left, Side::left));
    REQUIRE(on_left);
    CHECK(on_left->muscle->id == "gastrocnemius");
    CHECK(on_left->side == Side::left);
    const auto on_right = core::nearest_muscle(
        ChartView::right, anchor("gastrocnemius", ChartView::right, Side::right));
    REQUIRE(on_right);
    CHECK(on_right->side == Side::right);
}

TEST_CASE("body chart: every atlas anchor is on the figure and names its own muscle",
          "[core][body-chart]") {
    for (const auto& m : sdk::muscle_atlas) {
        for (auto view : {ChartView::front, ChartView::back, ChartView::left, ChartView::right}) {
            for (auto side : {Side::left, Side::right}) {
                const auto p = sdk::chart_position(m, view, side);
                if (!p)
                    continue;
                INFO(m.id << " on " << sdk::to_text(view) << " " << sdk::to_text(side));
                CHECK(core::on_body(view, *p));
                const auto hit = core::nearest_muscle(view, *p);
                REQUIRE(hit);
                CHECK(hit->muscle->id == m.id);
                CHECK(hit->side == side);
            }
        }
    }
}

TEST_CASE("body chart: a click off the body adds nothing", "[core][body-chart]") {
    CHECK_FALSE(core::nearest_muscle(ChartView::back, {0.05, 0.9}));
    CHECK_FALSE(core::nearest_muscle(ChartView::front, {0.95, 0.05}));
    CHECK_FALSE(core::nearest_muscle(ChartView::left, {0.1, 0.5}));
    // Just above the shoulder, beside the neck: the upper trapezius anchor is near, but the
    // point is outside the outline.
    const auto trapezius = anchor("upper-trapezius", ChartView::back, Side::left);
    CHECK(core::chart_distance({0.3, 0.14}, trapezius) < core::max_muscle_distance);
    CHECK_FALSE(core::on_body(ChartView::back, {0.3, 0.14}));
    CHECK_FALSE(core::nearest_muscle(ChartView::back, {0.3, 0.14}));
    // On the figure but far from every anchor (the front of the shin): nothing either.
    CHECK(core::on_body(ChartView::front, {0.56, 0.85}));
    CHECK_FALSE(core::nearest_muscle(ChartView::front, {0.56, 0.85}));
}

TEST_CASE("body chart: the outlines are closed smooth curves inside the view box",
          "[core][body-chart]") {
    CHECK(core::view_outline(ChartView::front).size() == 1);
    CHECK(core::view_outline(ChartView::left).size() == 2);  // body and near arm
    for (auto view : {ChartView::front, ChartView::back, ChartView::left, ChartView::right}) {
        for (const auto& curve : core::view_outline(view)) {
            REQUIRE_FALSE(curve.segments.empty());
            CHECK(curve.segments.back().to.x == Approx(curve.start.x));
            CHECK(curve.segments.back().to.y == Approx(curve.start.y));
        }
        for (const auto& polygon : core::view_polygons(view)) {
            for (const auto& p : polygon) {
                CHECK(p.x >= 0.0);
                CHECK(p.x <= 1.0);
                CHECK(p.y >= 0.0);
                CHECK(p.y <= 1.0);
            }
        }
    }
    // The left and right views mirror each other.
    const auto& left = core::view_outline(ChartView::left)[0];
    const auto& right = core::view_outline(ChartView::right)[0];
    CHECK(left.start.x == Approx(1 - right.start.x));
}

TEST_CASE("body chart: tenderness colours run from green through amber to red",
          "[core][body-chart]") {
    const auto zero = core::tenderness_colour(0);
    const auto five = core::tenderness_colour(5);
    const auto ten = core::tenderness_colour(10);
    CHECK((zero.r == 46 && zero.g == 158 && zero.b == 68));
    CHECK((five.r == 240 && five.g == 176 && five.b == 0));
    CHECK((ten.r == 200 && ten.g == 30 && ten.b == 30));
    CHECK(core::tenderness_colour(-3).g == zero.g);
    CHECK(core::tenderness_colour(42).r == ten.r);
    // In between it blends: 2 is between green and amber.
    const auto two = core::tenderness_colour(2);
    CHECK(two.r > zero.r);
    CHECK(two.r < five.r);
}

TEST_CASE("body chart: the marker under a point is the nearest knot on that view",
          "[core][body-chart]") {
    const std::vector<sdk::Knot> knots{knot(1, ChartView::back, 0.41, 0.165),
                                       knot(2, ChartView::front, 0.41, 0.165),
                                       knot(3, ChartView::back, 0.43, 0.165)};
    const double radius = 0.01;
    CHECK(core::knot_at(knots, ChartView::back, {0.41, 0.165}, radius) == std::size_t{0});
    CHECK(core::knot_at(knots, ChartView::front, {0.412, 0.167}, radius) == std::size_t{1});
    CHECK(core::knot_at(knots, ChartView::back, {0.428, 0.165}, radius) == std::size_t{2});
    CHECK_FALSE(core::knot_at(knots, ChartView::back, {0.6, 0.6}, radius));
    CHECK_FALSE(core::knot_at(knots, ChartView::left, {0.41, 0.165}, radius));
    // x counts half as much as y (the view is half as wide as high): 0.03 across is 0.015.
    CHECK_FALSE(core::knot_at(knots, ChartView::front, {0.41, 0.185}, radius));
    CHECK(core::knot_at(knots, ChartView::front, {0.428, 0.165}, 0.01) == std::size_t{1});
    // Two markers at the same place: the later one is drawn on top and is the one hit.
    const std::vector<sdk::Knot> stacked{knot(7, ChartView::back, 0.5, 0.5),
                                         knot(8, ChartView::back, 0.5, 0.5)};
    CHECK(core::knot_at(stacked, ChartView::back, {0.5, 0.5}, radius) == std::size_t{1});
}

TEST_CASE("body chart: a knot charted at a point takes the muscle and side named there",
          "[core][body-chart]") {
    auto original = knot(5, ChartView::back, 0.41, 0.165);
    original.muscle_id = "upper-trapezius";
    original.side = Side::right;
    original.tenderness = 7;
    // Dragged to the client's left infraspinatus on the back view.
    const auto target = anchor("infraspinatus", ChartView::back, Side::left);
    const auto moved = core::knot_charted_at(original, ChartView::back, target);
    REQUIRE(moved);
    CHECK(moved->id == 5);
    CHECK(moved->tenderness == 7);
    CHECK(moved->muscle_id == "infraspinatus");
    CHECK(moved->side == Side::left);
    CHECK(moved->x == target.x);
    CHECK(moved->y == target.y);
    // Dropped on another view: the view changes with it.
    const auto onto_front = core::knot_charted_at(original, ChartView::front, {0.5 + 0.09, 0.22});
    REQUIRE(onto_front);
    CHECK(onto_front->view == ChartView::front);
    CHECK(onto_front->muscle_id == "pectoralis-major");
    CHECK(onto_front->side == Side::left);
    // Off the figure: nothing, the knot stays where it was.
    CHECK_FALSE(core::knot_charted_at(original, ChartView::back, {0.05, 0.9}));
}

TEST_CASE("body chart: keyboard selection steps through the knots on the shown views",
          "[core][body-chart]") {
    const std::vector<sdk::Knot> knots{knot(1, ChartView::back, 0.4, 0.2),
                                       knot(2, ChartView::left, 0.5, 0.5),
                                       knot(3, ChartView::front, 0.6, 0.3)};
    const std::vector<ChartView> shown{ChartView::front, ChartView::back};
    CHECK(core::next_knot(knots, shown, std::nullopt, true) == std::size_t{0});
    CHECK(core::next_knot(knots, shown, std::nullopt, false) == std::size_t{2});
    CHECK(core::next_knot(knots, shown, std::size_t{0}, true) == std::size_t{2});  // skips left
    CHECK(core::next_knot(knots, shown, std::size_t{2}, true) == std::size_t{0});  // wraps
    CHECK(core::next_knot(knots, shown, std::size_t{0}, false) == std::size_t{2});
    CHECK_FALSE(core::next_knot(knots, {ChartView::right}, std::nullopt, true));
    CHECK_FALSE(core::next_knot({}, shown, std::nullopt, true));
}

TEST_CASE("body chart: the views are laid out side by side at 1 by 2 and pixels map both ways",
          "[core][body-chart]") {
    const std::vector<ChartView> views{ChartView::front, ChartView::back, ChartView::left,
                                       ChartView::right};
    const core::ChartSpace space{1000, 600, 10, 8, 30, 60};
    const auto places = core::layout_views(views, space);
    REQUIRE(places.size() == 4);
    for (std::size_t i = 0; i < places.size(); ++i) {
        const auto& place = places[i];
        CHECK(place.view == views[i]);
        CHECK(place.box.width == Approx(place.box.height * core::chart_view_aspect));
        CHECK(place.box.y == Approx(40));
        CHECK(place.box.height <= 600 - 20 - 30 - 60 + 1e-9);
        CHECK(place.cell.x >= place.box.x);
        CHECK(place.cell.x + place.cell.width <= place.box.x + place.box.width + 1e-9);
        CHECK(place.cell.x >= 10 - 1e-9);
        CHECK(place.cell.x + place.cell.width <= 990 + 1e-9);
        if (i > 0)  // in order, not overlapping
            CHECK(place.cell.x >= places[i - 1].cell.x + places[i - 1].cell.width);
    }
    // The upper trapezius anchor on the back view, to a pixel and back.
    const auto trapezius = anchor("upper-trapezius", ChartView::back, Side::right);
    const auto pixel = core::to_pixel(places[1], trapezius);
    const auto back = core::locate(places, pixel.x, pixel.y);
    REQUIRE(back);
    CHECK(back->view == ChartView::back);
    CHECK(back->point.x == Approx(trapezius.x));
    CHECK(back->point.y == Approx(trapezius.y));
    CHECK_FALSE(core::locate(places, 2, 2));  // in the margin
    // A narrow window: the width limits the figures, which still keep their aspect.
    const auto narrow = core::layout_views(views, {300, 600, 10, 8, 30, 60});
    CHECK(narrow[0].box.width == Approx(narrow[0].box.height * core::chart_view_aspect));
    CHECK(narrow.back().cell.x + narrow.back().cell.width <= 290 + 1e-9);
    CHECK(core::layout_views({}, space).empty());
}

TEST_CASE(
    "body chart: the target under a pixel is a marker first and else the muscle a click charts",
    "[core][body-chart]") {
    const auto places =
        core::layout_views({ChartView::front, ChartView::back}, {600, 700, 10, 8, 30, 60});
    const auto trapezius = anchor("upper-trapezius", ChartView::back, Side::left);
    const std::vector<sdk::Knot> knots{knot(9, ChartView::back, trapezius.x, trapezius.y)};
    const auto pixel = core::to_pixel(places[1], trapezius);
    const auto on_marker = core::target_at(places, knots, pixel.x + 3, pixel.y, 8);
    CHECK(on_marker.knot == std::size_t{0});
    CHECK_FALSE(on_marker.charted);
    // Without knots (or away from the marker) it is the muscle a click would chart.
    const auto on_muscle = core::target_at(places, {}, pixel.x, pixel.y, 8);
    CHECK_FALSE(on_muscle.knot);
    REQUIRE(on_muscle.charted);
    CHECK(on_muscle.charted->muscle_id == "upper-trapezius");
    CHECK(on_muscle.charted->side == Side::left);
    CHECK(on_muscle.charted->view == ChartView::back);
    CHECK(on_muscle.charted->id == 0);
    const auto off = core::target_at(places, knots, 1, 1, 8);
    CHECK_FALSE(off.knot);
    CHECK_FALSE(off.charted);
}
