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

TEST_CASE("a click at the upper trapezius on the back view names it and the side clicked",
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

TEST_CASE("the front view mirrors the sides: the client's left is on the viewer's right",
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

TEST_CASE("the side views name only their own side", "[core][body-chart]") {
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

TEST_CASE("every atlas anchor is on the figure and names its own muscle", "[core][body-chart]") {
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

TEST_CASE("a click off the body adds nothing", "[core][body-chart]") {
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

TEST_CASE("the outlines are closed smooth curves inside the view box", "[core][body-chart]") {
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

TEST_CASE("tenderness colours run from green through amber to red", "[core][body-chart]") {
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

TEST_CASE("the marker under a point is the nearest knot on that view", "[core][body-chart]") {
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
