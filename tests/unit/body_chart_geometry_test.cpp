// The body chart without a window: the shipped geometry (every figure and view), hit-testing by
// region with layers, the side rule, layout, zoom, type-ahead and marker spreading. Expected
// muscles come from the shipped geometry itself, never from hand-written coordinates.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/body_chart_geometry.hpp"

using namespace knotnotes;
using sdk::ChartFigure;
using sdk::ChartLayer;
using sdk::ChartView;
using sdk::Side;

namespace {

const char* name(ChartFigure f) {
    return f == ChartFigure::female ? "female" : f == ChartFigure::male ? "male" : "neutral";
}

// A point of `region` that no region drawn above it in `layer` covers, well inside it (at
// least `margin` from every edge that matters), or none.
std::optional<sdk::ChartPoint> uncovered_point(const sdk::ChartGeometry& chart,
                                               const sdk::ChartRegion& region, ChartLayer layer) {
    const auto order = sdk::drawing_order(chart, layer);
    const auto me = static_cast<std::size_t>(&region - chart.regions.data());
    const auto pos = std::find(order.begin(), order.end(), me);
    double x0 = 1, x1 = 0, y0 = 1, y1 = 0;
    for (const auto& p : region.points) {
        x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
        y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
    }
    for (int i = 1; i < 40; ++i) {
        for (int j = 1; j < 40; ++j) {
            const sdk::ChartPoint p{x0 + (x1 - x0) * i / 40, y0 + (y1 - y0) * j / 40};
            if (!sdk::inside_polygon(region.points, p))
                continue;
            bool covered = false;
            for (auto it = pos + 1; it != order.end() && !covered; ++it)
                covered = sdk::inside_polygon(chart.regions[*it].points, p);
            if (!covered)
                return p;
        }
    }
    return std::nullopt;
}

bool segments_cross(sdk::ChartPoint a, sdk::ChartPoint b, sdk::ChartPoint c, sdk::ChartPoint d) {
    const auto cross = [](sdk::ChartPoint o, sdk::ChartPoint p, sdk::ChartPoint q) {
        return (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x);
    };
    const double d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

bool self_intersects(const std::vector<sdk::ChartPoint>& poly) {
    const std::size_t n = poly.size();
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 2; j < n; ++j) {
            if (i == 0 && j == n - 1)
                continue;  // neighbours through the closing edge
            if (segments_cross(poly[i], poly[(i + 1) % n], poly[j], poly[(j + 1) % n]))
                return true;
        }
    }
    return false;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

sdk::Knot knot(sdk::Id id, ChartView view, double x, double y) {
    sdk::Knot k;
    k.id = id;
    k.view = view;
    k.x = x;
    k.y = y;
    return k;
}

const sdk::ChartRegion& region_of(ChartFigure f, ChartView v, std::string_view muscle, Side side) {
    const auto* r = sdk::find_region(sdk::body_chart(f, v), muscle, side);
    REQUIRE(r);
    return *r;
}

}  // namespace

TEST_CASE("body chart: the embedded geometry is the shipped files, and every file is sound",
          "[core][body-chart]") {
    for (auto figure : sdk::chart_figures) {
        for (auto view : sdk::chart_views) {
            const std::string file = std::string(KNOTNOTES_SOURCE_DIR) + "/sdk/chart/" +
                                     name(figure) + "-" + std::string(sdk::to_text(view)) + ".json";
            INFO(file);
            const auto from_file = sdk::parse_body_chart(read_file(file));
            const auto& embedded = sdk::body_chart(figure, view);
            CHECK(from_file.figure == figure);
            CHECK(from_file.view == view);
            REQUIRE(from_file.regions.size() == embedded.regions.size());
            for (std::size_t i = 0; i < embedded.regions.size(); ++i) {
                CHECK(from_file.regions[i].muscle_id == embedded.regions[i].muscle_id);
                CHECK(from_file.regions[i].points.size() == embedded.regions[i].points.size());
            }
            for (const auto& region : embedded.regions) {
                INFO(region.muscle_id << " " << sdk::to_text(region.side));
                CHECK(sdk::find_muscle(region.muscle_id));  // ids are the atlas's
                CHECK((region.depth >= 1 && region.depth <= 3));
                CHECK_FALSE(self_intersects(region.points));
                // Inside the figure: every corner in an outline (body or, on the side views,
                // the near arm).
                for (const auto& p : region.points)
                    CHECK(sdk::on_figure(embedded, p));
                // Sides as the views show them.
                double mean = 0;
                for (const auto& p : region.points)
                    mean += p.x / static_cast<double>(region.points.size());
                if (view == ChartView::front)
                    CHECK((region.side == Side::left) == (mean > 0.5));
                if (view == ChartView::back)
                    CHECK((region.side == Side::left) == (mean < 0.5));
                if (view == ChartView::left || view == ChartView::right)
                    CHECK(region.side == (view == ChartView::left ? Side::left : Side::right));
            }
            for (const auto& outline : embedded.outlines)
                CHECK_FALSE(self_intersects(outline));
        }
    }
}

TEST_CASE("body chart: every atlas muscle is on some view of every figure", "[core][body-chart]") {
    for (auto figure : sdk::chart_figures) {
        for (const auto& muscle : sdk::muscle_atlas) {
            INFO(name(figure) << " " << muscle.id);
            bool found = false;
            for (auto view : sdk::chart_views)
                found =
                    found || sdk::find_region(sdk::body_chart(figure, view), muscle.id, Side::left);
            CHECK(found);
        }
    }
}

TEST_CASE("body chart: left and right mirror each other on every view", "[core][body-chart]") {
    for (auto figure : sdk::chart_figures) {
        for (auto [view, mirror] : {std::pair{ChartView::front, ChartView::front},
                                    std::pair{ChartView::back, ChartView::back},
                                    std::pair{ChartView::left, ChartView::right}}) {
            const auto& chart = sdk::body_chart(figure, view);
            const auto& other = sdk::body_chart(figure, mirror);
            for (const auto& region : chart.regions) {
                if (region.side != Side::left)
                    continue;
                INFO(name(figure) << " " << sdk::to_text(view) << " " << region.muscle_id);
                const auto* twin = sdk::find_region(other, region.muscle_id, Side::right);
                REQUIRE(twin);
                REQUIRE(twin->points.size() == region.points.size());
                CHECK(twin->depth == region.depth);
                for (std::size_t i = 0; i < region.points.size(); ++i) {
                    CHECK(twin->points[i].x == Approx(1 - region.points[i].x).margin(2e-4));
                    CHECK(twin->points[i].y == Approx(region.points[i].y).margin(2e-4));
                }
            }
        }
    }
}

TEST_CASE("body chart: a click inside each muscle's region names that muscle and side",
          "[core][body-chart]") {
    std::size_t checked = 0;
    for (auto figure : sdk::chart_figures) {
        for (auto view : sdk::chart_views) {
            const auto& chart = sdk::body_chart(figure, view);
            for (const auto& region : chart.regions) {
                INFO(name(figure) << " " << sdk::to_text(view) << " " << region.muscle_id << " "
                                  << sdk::to_text(region.side) << " depth " << region.depth);
                // Superficial muscles show on the surface; every muscle in one layer or the
                // other.
                const auto surface = uncovered_point(chart, region, ChartLayer::surface);
                const auto deep = uncovered_point(chart, region, ChartLayer::deep);
                if (region.depth == 1)
                    REQUIRE(surface);
                REQUIRE((surface || deep));
                const ChartLayer layer = surface ? ChartLayer::surface : ChartLayer::deep;
                const auto hit = core::muscle_at({figure, layer}, view, surface ? *surface : *deep);
                REQUIRE(hit);
                CHECK(hit.region->muscle_id == region.muscle_id);
                CHECK(hit.region->side == region.side);
                REQUIRE(hit.muscle);
                CHECK(hit.muscle->id == region.muscle_id);
                // The region's centre (labels, keyboard placement) names it on the surface,
                // or else in the deep layer.
                const auto on_surface =
                    core::muscle_at({figure, ChartLayer::surface}, view, region.centre);
                const auto in_deep =
                    core::muscle_at({figure, ChartLayer::deep}, view, region.centre);
                CHECK((on_surface.region == &region || in_deep.region == &region));
                ++checked;
            }
        }
    }
    CHECK(checked > 300);
}

TEST_CASE("body chart: a click outside every region names nothing and says why",
          "[core][body-chart]") {
    for (auto figure : sdk::chart_figures) {
        for (auto view : sdk::chart_views) {
            const auto& chart = sdk::body_chart(figure, view);
            int on_figure = 0;
            for (int i = 0; i < 60; ++i) {
                for (int j = 0; j < 120; ++j) {
                    const sdk::ChartPoint p{(i + 0.5) / 60, (j + 0.5) / 120};
                    const bool in_region = std::any_of(
                        chart.regions.begin(), chart.regions.end(),
                        [&](const auto& r) { return sdk::inside_polygon(r.points, p); });
                    if (in_region)
                        continue;
                    const auto hit = core::muscle_at({figure, ChartLayer::surface}, view, p);
                    CHECK_FALSE(hit);
                    CHECK(hit.miss == (sdk::on_figure(chart, p) ? core::ChartMiss::no_muscle
                                                                : core::ChartMiss::off_figure));
                    on_figure += sdk::on_figure(chart, p);
                }
            }
            CHECK(on_figure > 0);  // there is body without atlas muscles (shins, hands, face)
        }
    }
}

TEST_CASE("body chart: the places the old chart got wrong", "[core][body-chart]") {
    const core::ChartLook look;
    // The front of the sternum is bone between the pectorals: no muscle, not the trapezius.
    CHECK_FALSE(core::muscle_at(look, ChartView::front, {0.5, 0.21}));
    // The lateral shoulder on the side view is the deltoid; the arm is an arm muscle.
    const auto& deltoid = region_of(ChartFigure::neutral, ChartView::left, "deltoid", Side::left);
    CHECK(core::muscle_at(look, ChartView::left, deltoid.centre).region->muscle_id == "deltoid");
    for (std::string_view arm : {"biceps-brachii", "triceps-brachii", "forearm-extensors"}) {
        const auto& r = region_of(ChartFigure::neutral, ChartView::left, arm, Side::left);
        CHECK(core::muscle_at(look, ChartView::left, r.centre).region->muscle_id == arm);
    }
    // The side view's arm leaves the hip free: the gluteus medius, minimus and TFL are not
    // under the near arm's outline.
    const auto& chart = sdk::body_chart(ChartFigure::neutral, ChartView::left);
    for (std::string_view hip : {"gluteus-medius", "gluteus-maximus", "tensor-fasciae-latae"}) {
        const auto& r = region_of(ChartFigure::neutral, ChartView::left, hip, Side::left);
        CHECK_FALSE(sdk::inside_polygon(chart.outlines.at(1), r.centre));
    }
    // Layers: the upper trapezius is over the supraspinatus and levator scapulae; the gluteus
    // maximus over the medius over the piriformis. On the surface the superficial one answers,
    // in the deep layer the deep one.
    const auto& supraspinatus =
        region_of(ChartFigure::neutral, ChartView::back, "supraspinatus", Side::left);
    CHECK(core::muscle_at(look, ChartView::back, supraspinatus.centre).region->depth == 1);
    CHECK(core::muscle_at({ChartFigure::neutral, ChartLayer::deep}, ChartView::back,
                          supraspinatus.centre)
              .region->muscle_id == "supraspinatus");
    const auto& piriformis =
        region_of(ChartFigure::neutral, ChartView::back, "piriformis", Side::right);
    CHECK(core::muscle_at(look, ChartView::back, piriformis.centre).region->muscle_id ==
          "gluteus-maximus");
    CHECK(core::muscle_at({ChartFigure::neutral, ChartLayer::deep}, ChartView::back,
                          piriformis.centre)
              .region->muscle_id == "piriformis");
}

TEST_CASE("body chart: malformed chart data is refused with where it went wrong",
          "[core][body-chart]") {
    CHECK_THROWS_WITH(sdk::parse_body_chart("{\"format\": }"), Catch::Contains("byte"));
    CHECK_THROWS_WITH(sdk::parse_body_chart("{\"format\": \"other\", \"version\": 1}"),
                      Catch::Contains("not a knotnotes-body-chart"));
    CHECK_THROWS(sdk::parse_body_chart(
        "{\"format\":\"knotnotes-body-chart\",\"version\":1,\"outlines\":[[[0,0],[1,0],[0,1]]],"
        "\"regions\":[{\"muscle\":\"deltoid\",\"side\":\"up\",\"points\":[]}]}"));
    // Unknown keys are skipped (a later version may add some).
    const auto chart = sdk::parse_body_chart(
        "{\"format\":\"knotnotes-body-chart\",\"version\":1,\"extra\":{\"a\":[1,true,null]},"
        "\"outlines\":[[[0,0],[1,0],[0,1]]],\"regions\":[]}");
    CHECK(chart.outlines.size() == 1);
}

TEST_CASE("body chart: tenderness colours run from green through amber to red",
          "[core][body-chart]") {
    const auto zero = sdk::tenderness_colour(0);
    const auto five = sdk::tenderness_colour(5);
    const auto ten = sdk::tenderness_colour(10);
    CHECK((zero.r == 46 && zero.g == 158 && zero.b == 68));
    CHECK((five.r == 240 && five.g == 176 && five.b == 0));
    CHECK((ten.r == 200 && ten.g == 30 && ten.b == 30));
    CHECK(sdk::tenderness_colour(-3).g == zero.g);
    CHECK(sdk::tenderness_colour(42).r == ten.r);
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
    // At the drawn positions when markers were moved aside.
    CHECK(core::knot_at(knots, ChartView::back, {0.7, 0.7}, radius,
                        {{0.41, 0.165}, {0.41, 0.165}, {0.7, 0.7}}) == std::size_t{2});
}

TEST_CASE("body chart: markers at the same place are spread so none hides another",
          "[core][body-chart]") {
    const std::vector<sdk::Knot> knots{
        knot(1, ChartView::back, 0.4, 0.3), knot(2, ChartView::back, 0.4, 0.3),
        knot(3, ChartView::back, 0.4, 0.3), knot(4, ChartView::front, 0.4, 0.3)};
    const auto drawn = core::marker_positions(knots);
    REQUIRE(drawn.size() == 4);
    CHECK(drawn[0].x == 0.4);
    CHECK(drawn[0].y == 0.3);
    for (std::size_t i = 0; i < 3; ++i) {
        for (std::size_t j = i + 1; j < 3; ++j)
            CHECK(core::chart_distance(drawn[i], drawn[j]) >= sdk::marker_spread - 1e-9);
    }
    CHECK(drawn[3].x == 0.4);  // another view: left where it is
}

TEST_CASE("body chart: a knot charted at a point takes the region's muscle and side",
          "[core][body-chart]") {
    auto original = knot(5, ChartView::back, 0.41, 0.165);
    original.muscle_id = "upper-trapezius";
    original.tenderness = 7;
    const auto& target =
        region_of(ChartFigure::neutral, ChartView::back, "infraspinatus", Side::left);
    const auto moved = core::knot_charted_at(original, {}, ChartView::back, target.centre);
    REQUIRE(moved);
    CHECK(moved->id == 5);
    CHECK(moved->tenderness == 7);
    CHECK(moved->muscle_id == "infraspinatus");
    CHECK(moved->side == Side::left);
    CHECK(moved->x == target.centre.x);
    CHECK_FALSE(core::knot_charted_at(original, {}, ChartView::back, {0.05, 0.9}));
}

TEST_CASE("body chart: typing finds a muscle on the view, and a last l or r chooses the side",
          "[core][body-chart]") {
    const core::ChartLook look;
    const auto trap = core::find_typed_muscle(look, ChartView::back, "up trap r");
    REQUIRE_FALSE(trap.matches.empty());
    CHECK(trap.matches[0]->muscle_id == "upper-trapezius");
    CHECK(trap.matches[0]->side == Side::right);
    CHECK(trap.side == Side::right);
    const auto any_case = core::find_typed_muscle(look, ChartView::back, "GLUTEUS MED");
    REQUIRE(any_case.matches.size() == 1);
    CHECK(any_case.matches[0]->muscle_id == "gluteus-medius");
    // Levator: the name's own "l" is not a side.
    const auto levator = core::find_typed_muscle(look, ChartView::left, "lev");
    REQUIRE_FALSE(levator.matches.empty());
    CHECK(levator.matches[0]->muscle_id == "levator-scapulae");
    CHECK_FALSE(levator.side);
    // Not on this view: nothing (the rectus abdominis is on the front only).
    CHECK(core::find_typed_muscle(look, ChartView::back, "rectus").matches.empty());
    CHECK(core::find_typed_muscle(look, ChartView::back, "").matches.empty());
}

TEST_CASE("body chart: keyboard selection steps through the knots on the shown views",
          "[core][body-chart]") {
    const std::vector<sdk::Knot> knots{knot(1, ChartView::back, 0.4, 0.2),
                                       knot(2, ChartView::left, 0.5, 0.5),
                                       knot(3, ChartView::front, 0.6, 0.3)};
    const std::vector<ChartView> shown{ChartView::front, ChartView::back};
    CHECK(core::next_knot(knots, shown, std::nullopt, true) == std::size_t{0});
    CHECK(core::next_knot(knots, shown, std::size_t{0}, true) == std::size_t{2});
    CHECK(core::next_knot(knots, shown, std::size_t{2}, true) == std::size_t{0});
    CHECK_FALSE(core::next_knot({}, shown, std::nullopt, true));
}

TEST_CASE("body chart: views are laid out at 1 by 2, zoom keeps the pointer's point in place",
          "[core][body-chart]") {
    const std::vector<ChartView> views{ChartView::front, ChartView::back, ChartView::left,
                                       ChartView::right};
    const auto places = core::layout_views(views, {1000, 600, 10, 8, 30, 60});
    REQUIRE(places.size() == 4);
    for (std::size_t i = 0; i < places.size(); ++i) {
        CHECK(places[i].box.width == Approx(places[i].box.height * core::chart_view_aspect));
        CHECK(places[i].cell.x >= 10 - 1e-9);
        CHECK(places[i].cell.x + places[i].cell.width <= 990 + 1e-9);
        if (i > 0)
            CHECK(places[i].cell.x >= places[i - 1].cell.x + places[i - 1].cell.width);
    }
    const auto& trap =
        region_of(ChartFigure::neutral, ChartView::back, "upper-trapezius", Side::right);
    const auto pixel = core::to_pixel(places[1], trap.centre);
    const auto back = core::locate(places, pixel.x, pixel.y);
    REQUIRE(back);
    CHECK(back->view == ChartView::back);
    CHECK(back->point.x == Approx(trap.centre.x));
    // Zoom 2x about that pixel: the same chart point stays under it.
    const auto zoom = core::zoom_about({}, 2, pixel.x, pixel.y);
    CHECK(zoom.scale == 2);
    const auto zoomed_at = core::locate(core::zoomed(places, zoom), pixel.x, pixel.y);
    REQUIRE(zoomed_at);
    CHECK(zoomed_at->point.x == Approx(trap.centre.x));
    CHECK(zoomed_at->point.y == Approx(trap.centre.y));
    CHECK(core::zoom_about(zoom, 100, 0, 0).scale == core::max_chart_zoom);
    CHECK_FALSE(core::zoom_about(zoom, 0.1, 0, 0).zoomed());  // back to 1: reset
    // The target under a pixel: a muscle, and off the figure why not.
    const auto target = core::target_at(places, {}, {}, {}, pixel.x, pixel.y, 8);
    REQUIRE(target.charted);
    CHECK(target.charted->muscle_id == "upper-trapezius");
    CHECK(target.charted->side == Side::right);
    CHECK(core::target_at(places, {}, {}, {}, 1, 1, 8).miss == core::ChartMiss::off_figure);
}
