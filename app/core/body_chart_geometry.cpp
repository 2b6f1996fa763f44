// body_chart_geometry.cpp — the outline data, its curves and polygons, and the hit tests.
#include "body_chart_geometry.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

namespace knotnotes::core {

namespace {

// The contour points below are in figure units of a 200 × 400 box (1 : 2, chart_view_aspect);
// they are the ones plugins/export_html/body_outline.cpp fitted to the atlas anchors.
constexpr double figure_width = 200;
constexpr double figure_height = 400;

struct FigurePoint {
    double x;
    double y;
};

// The right half of the front/back figure as (distance from the midline, height), from the
// top of the head down the outer contour (shoulder, arm, hand, back up the inner arm, flank,
// leg) to the crotch.
constexpr std::array<FigurePoint, 39> half_figure{{
    {0, 2},    {10, 5},   {15, 14},  {16, 26},  {14, 38},  {10, 46},  {9, 52},   {11, 58},
    {24, 64},  {38, 71},  {45, 81},  {48, 100}, {50, 125}, {55, 160}, {59, 190}, {61, 205},
    {57, 220}, {50, 218}, {47, 200}, {43, 170}, {38, 135}, {35, 106}, {32, 98},  {30, 120},
    {25, 150}, {30, 180}, {33, 200}, {32, 240}, {26, 285}, {25, 320}, {19, 368}, {22, 390},
    {16, 398}, {8, 397},  {8, 372},  {7, 320},  {6, 285},  {3, 230},  {0, 212},
}};

// The body in profile facing the viewer's left, clockwise from the crown: back of the head,
// back, buttock, back of the leg, heel, sole, foot, shin, thigh, belly, chest, throat, face.
constexpr std::array<FigurePoint, 40> profile{{
    {98, 2},    {110, 8},   {115, 22},  {113, 38},  {106, 47},  {104, 54},  {106, 62},  {114, 73},
    {118, 100}, {116, 130}, {112, 160}, {115, 180}, {120, 196}, {117, 213}, {112, 240}, {108, 280},
    {114, 316}, {107, 350}, {102, 380}, {104, 394}, {100, 399}, {76, 399},  {74, 394},  {86, 386},
    {90, 372},  {90, 330},  {86, 282},  {84, 240},  {82, 205},  {84, 190},  {82, 160},  {80, 120},
    {82, 90},   {88, 64},   {90, 52},   {84, 46},   {80, 40},   {76, 30},   {80, 14},   {88, 4},
}};

// The near arm in profile, hanging beside the body.
constexpr std::array<FigurePoint, 8> profile_arm{{
    {96, 72},
    {106, 76},
    {108, 130},
    {106, 200},
    {104, 218},
    {98, 220},
    {94, 200},
    {92, 130},
}};

constexpr int flatten_steps = 8;  // polygon points per Bézier segment: finer than a click

ChartPoint normalised(FigurePoint p) {
    return {p.x / figure_width, p.y / figure_height};
}

// A smooth closed curve through every point: Catmull-Rom splines written as cubic Béziers.
ClosedCurve smooth_closed_curve(const std::vector<ChartPoint>& points) {
    const std::size_t n = points.size();
    const auto at = [&](std::size_t i) { return points[i % n]; };
    ClosedCurve curve{points[0], {}};
    for (std::size_t i = 0; i < n; ++i) {
        const ChartPoint before = at(i + n - 1);
        const ChartPoint from = at(i);
        const ChartPoint to = at(i + 1);
        const ChartPoint after = at(i + 2);
        curve.segments.push_back({{from.x + (to.x - before.x) / 6, from.y + (to.y - before.y) / 6},
                                  {to.x - (after.x - from.x) / 6, to.y - (after.y - from.y) / 6},
                                  to});
    }
    return curve;
}

std::vector<ChartPoint> flattened(const ClosedCurve& curve) {
    std::vector<ChartPoint> polygon;
    ChartPoint from = curve.start;
    for (const auto& s : curve.segments) {
        for (int step = 1; step <= flatten_steps; ++step) {
            const double t = static_cast<double>(step) / flatten_steps;
            const double u = 1 - t;
            const double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
            polygon.push_back({a * from.x + b * s.control1.x + c * s.control2.x + d * s.to.x,
                               a * from.y + b * s.control1.y + c * s.control2.y + d * s.to.y});
        }
        from = s.to;
    }
    return polygon;
}

template <std::size_t N>
std::vector<ChartPoint> side_contour(const std::array<FigurePoint, N>& points, bool facing_left) {
    std::vector<ChartPoint> contour;
    for (const auto& p : points) {
        const ChartPoint q = normalised(p);
        contour.push_back({facing_left ? q.x : 1 - q.x, q.y});
    }
    return contour;
}

std::vector<ClosedCurve> build_outline(sdk::ChartView view) {
    if (view == sdk::ChartView::front || view == sdk::ChartView::back) {
        // Front and back share one outline: the chart shows positions, not anatomy.
        std::vector<ChartPoint> contour;
        for (const auto& p : half_figure)
            contour.push_back(normalised({figure_width / 2 + p.x, p.y}));
        // The left half, back up from the crotch; the midline points are not repeated.
        for (std::size_t i = half_figure.size() - 2; i >= 1; --i)
            contour.push_back(normalised({figure_width / 2 - half_figure[i].x, half_figure[i].y}));
        return {smooth_closed_curve(contour)};
    }
    const bool facing_left = view == sdk::ChartView::left;
    return {smooth_closed_curve(side_contour(profile, facing_left)),
            smooth_closed_curve(side_contour(profile_arm, facing_left))};
}

std::size_t view_index(sdk::ChartView view) {
    return static_cast<std::size_t>(view);
}

bool inside_polygon(const std::vector<ChartPoint>& polygon, ChartPoint p) {
    // Even-odd ray casting towards +x.
    bool inside = false;
    for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
        const ChartPoint a = polygon[i], b = polygon[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y))
            inside = !inside;
    }
    return inside;
}

// The part of a view box that holds its figure (x from, to), with a little room around it.
std::pair<double, double> figure_span(sdk::ChartView view) {
    return view == sdk::ChartView::front || view == sdk::ChartView::back ? std::pair{0.14, 0.86}
                                                                         : std::pair{0.28, 0.72};
}

double distance_to_segment(ChartPoint p, ChartPoint a, ChartPoint b) {
    // In aspect-corrected units, so the tolerance is round on the screen.
    const double ax = a.x * chart_view_aspect, bx = b.x * chart_view_aspect;
    const double px = p.x * chart_view_aspect;
    const double dx = bx - ax, dy = b.y - a.y;
    const double length2 = dx * dx + dy * dy;
    const double t =
        length2 > 0 ? std::clamp(((px - ax) * dx + (p.y - a.y) * dy) / length2, 0.0, 1.0) : 0.0;
    return std::hypot(px - (ax + t * dx), p.y - (a.y + t * dy));
}

}  // namespace

const std::vector<ClosedCurve>& view_outline(sdk::ChartView view) {
    static const std::array<std::vector<ClosedCurve>, 4> outlines{
        build_outline(sdk::ChartView::front), build_outline(sdk::ChartView::back),
        build_outline(sdk::ChartView::left), build_outline(sdk::ChartView::right)};
    return outlines[view_index(view)];
}

const std::vector<std::vector<ChartPoint>>& view_polygons(sdk::ChartView view) {
    static const auto polygons = [] {
        std::array<std::vector<std::vector<ChartPoint>>, 4> result;
        for (auto v : {sdk::ChartView::front, sdk::ChartView::back, sdk::ChartView::left,
                       sdk::ChartView::right}) {
            for (const auto& curve : view_outline(v))
                result[view_index(v)].push_back(flattened(curve));
        }
        return result;
    }();
    return polygons[view_index(view)];
}

double chart_distance(ChartPoint a, ChartPoint b) {
    return std::hypot((a.x - b.x) * chart_view_aspect, a.y - b.y);
}

bool on_body(sdk::ChartView view, ChartPoint p) {
    for (const auto& polygon : view_polygons(view)) {
        if (inside_polygon(polygon, p))
            return true;
        for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
            if (distance_to_segment(p, polygon[j], polygon[i]) <= outline_tolerance)
                return true;
        }
    }
    return false;
}

sdk::Side side_at(sdk::ChartView view, double x) {
    switch (view) {
        case sdk::ChartView::front:
            return x > 0.5 ? sdk::Side::left : sdk::Side::right;
        case sdk::ChartView::back:
            return x > 0.5 ? sdk::Side::right : sdk::Side::left;
        case sdk::ChartView::left:
            return sdk::Side::left;
        case sdk::ChartView::right:
            return sdk::Side::right;
    }
    return sdk::Side::left;
}

std::optional<MuscleHit> nearest_muscle(sdk::ChartView view, ChartPoint p) {
    if (!on_body(view, p))
        return std::nullopt;
    // Only the side the point is on: the atlas is mirror-symmetric, so the nearest anchor of
    // the other side is never nearer, and near the midline this keeps the side rule exact.
    const sdk::Side side = side_at(view, p.x);
    std::optional<MuscleHit> best;
    for (const auto& muscle : sdk::muscle_atlas) {
        const auto anchor = sdk::chart_position(muscle, view, side);
        if (!anchor)
            continue;
        const double distance = chart_distance(p, *anchor);
        if (distance <= max_muscle_distance && (!best || distance < best->distance))
            best = MuscleHit{&muscle, side, *anchor, distance};
    }
    return best;
}

Rgb tenderness_colour(int tenderness) {
    struct Stop {
        double r, g, b;
    };
    constexpr Stop green{46, 158, 68};
    constexpr Stop amber{240, 176, 0};
    constexpr Stop red{200, 30, 30};
    const double t = std::clamp(tenderness, 0, 10) / 10.0;
    const Stop from = t <= 0.5 ? green : amber;
    const Stop to = t <= 0.5 ? amber : red;
    const double f = t <= 0.5 ? t * 2 : (t - 0.5) * 2;
    const auto channel = [f](double a, double b) {
        return static_cast<std::uint8_t>(std::lround(a + (b - a) * f));
    };
    return {channel(from.r, to.r), channel(from.g, to.g), channel(from.b, to.b)};
}

std::optional<std::size_t> knot_at(const std::vector<sdk::Knot>& knots, sdk::ChartView view,
                                   ChartPoint p, double radius) {
    std::optional<std::size_t> found;
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < knots.size(); ++i) {
        if (knots[i].view != view)
            continue;
        const double distance = chart_distance(p, {knots[i].x, knots[i].y});
        if (distance <= radius && distance <= best) {
            best = distance;
            found = i;
        }
    }
    return found;
}

std::optional<sdk::Knot> knot_charted_at(sdk::Knot knot, sdk::ChartView view, ChartPoint p) {
    const auto hit = nearest_muscle(view, p);
    if (!hit)
        return std::nullopt;
    knot.muscle_id = std::string(hit->muscle->id);
    knot.side = hit->side;
    knot.view = view;
    knot.x = p.x;
    knot.y = p.y;
    return knot;
}

std::optional<std::size_t> next_knot(const std::vector<sdk::Knot>& knots,
                                     const std::vector<sdk::ChartView>& views,
                                     std::optional<std::size_t> current, bool forward) {
    const std::size_t n = knots.size();
    // Start just outside the list, so the first step lands on the first or the last knot.
    std::size_t i = current && *current < n ? *current : (forward ? n - 1 : 0);
    for (std::size_t tries = 0; tries < n; ++tries) {
        i = (i + (forward ? 1 : n - 1)) % n;
        if (std::find(views.begin(), views.end(), knots[i].view) != views.end())
            return i;
    }
    return std::nullopt;
}

std::vector<ViewPlace> layout_views(const std::vector<sdk::ChartView>& views,
                                    const ChartSpace& space) {
    if (views.empty())
        return {};
    double spans = 0;  // the cells' widths together, in view widths
    for (auto view : views)
        spans += figure_span(view).second - figure_span(view).first;
    const double gaps = space.gap * static_cast<double>(views.size() - 1);
    // The tallest box for which both the cells side by side and the box itself fit.
    const double free_width = space.width - 2 * space.margin - gaps;
    const double free_height = space.height - 2 * space.margin - space.above - space.below;
    const double height =
        std::max(1.0, std::min(free_height, free_width / (spans * chart_view_aspect)));
    const double width = height * chart_view_aspect;
    double x = (space.width - spans * width - gaps) / 2;
    const double top = space.margin + space.above;
    std::vector<ViewPlace> places;
    for (auto view : views) {
        const auto [from, to] = figure_span(view);
        places.push_back(
            {view, {x - from * width, top, width, height}, {x, top, (to - from) * width, height}});
        x += (to - from) * width + space.gap;
    }
    return places;
}

std::optional<ViewPoint> locate(const std::vector<ViewPlace>& places, double px, double py) {
    for (const auto& place : places) {
        if (place.cell.contains(px, py)) {
            return ViewPoint{
                place.view,
                {(px - place.box.x) / place.box.width, (py - place.box.y) / place.box.height}};
        }
    }
    return std::nullopt;
}

ChartPoint to_pixel(const ViewPlace& place, ChartPoint p) {
    return {place.box.x + p.x * place.box.width, place.box.y + p.y * place.box.height};
}

ChartTarget target_at(const std::vector<ViewPlace>& places, const std::vector<sdk::Knot>& knots,
                      double px, double py, double hit_radius) {
    const auto at = locate(places, px, py);
    if (!at)
        return {};
    const auto place = std::find_if(places.begin(), places.end(),
                                    [&](const ViewPlace& p) { return p.view == at->view; });
    if (const auto knot = knot_at(knots, at->view, at->point, hit_radius / place->box.height))
        return {knot, std::nullopt};
    return {std::nullopt, knot_charted_at({}, at->view, at->point)};
}

}  // namespace knotnotes::core
