// body_chart_geometry.hpp — the body chart without a window: the figure of each view, which
// muscle and side a point names, the tenderness colours, which knot marker is under a point,
// and where the views go in a window (the chart widget's layout, testable without one).
//
// Coordinates are those of sdk::Knot and sdk::chart_position(): every view is a box, x from 0
// (viewer's left) to 1, y from 0 (top of the head) to 1 (soles). The box keeps the body's
// proportions: it is half as wide as it is high (width : height = 1 : 2, chart_view_aspect), so
// a front end must draw it 1 × 2 or the figure is distorted. Distances (hit radii, the
// nearest-muscle limit) are measured in view heights after that correction, so a circle on the
// screen is a circle here too.
//
// The figure is our own neutral outline: the contour points the HTML report plugin
// (plugins/export_html/body_outline.cpp) fitted to the atlas anchors, copied here as the
// application's own data because app/ never includes plugin code. The two may drift apart;
// neither depends on the other.
//
// Side rule (as chart_position() places anchors): on the front view the client faces the
// viewer, so their left is on the viewer's right; on the back view their left is on the
// viewer's left; the left and right views show only that side.
//
// Nothing here throws or allocates after the first call per view (outlines are built once).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include <knotnotes/sdk/muscle_atlas.hpp>
#include <knotnotes/sdk/records.hpp>

namespace knotnotes::core {

using sdk::ChartPoint;

// Width divided by height of every view box.
inline constexpr double chart_view_aspect = 0.5;

// How far from the nearest atlas anchor a point may be and still name that muscle, in view
// heights (0.1 ≈ a hand's width on the figure). Further away it names nothing, so a click on
// the shin of the front view, where the atlas has no muscle, adds nothing.
inline constexpr double max_muscle_distance = 0.1;

// How far outside the outline a point may be and still count as on the body, in view heights:
// forgiving for a click on the edge of a thin limb.
inline constexpr double outline_tolerance = 0.012;

// One cubic Bézier segment from the previous point.
struct CurveSegment {
    ChartPoint control1;
    ChartPoint control2;
    ChartPoint to;
};

// A smooth closed contour: starts at `start`, its segments end back at `start`.
struct ClosedCurve {
    ChartPoint start;
    std::vector<CurveSegment> segments;
};

// The figure of a view, for drawing: the body's outline first, then on the side views the near
// arm, drawn over the body.
const std::vector<ClosedCurve>& view_outline(sdk::ChartView view);

// The same contours flattened to polygons, for hit-testing.
const std::vector<std::vector<ChartPoint>>& view_polygons(sdk::ChartView view);

// Distance between two points of a view, in view heights.
double chart_distance(ChartPoint a, ChartPoint b);

// True when the point is inside the figure (within outline_tolerance of it).
bool on_body(sdk::ChartView view, ChartPoint p);

// The client's side a point of a view belongs to (the side rule above). A point exactly on the
// midline of the front or back view counts as the viewer's left half.
sdk::Side side_at(sdk::ChartView view, double x);

struct MuscleHit {
    const sdk::Muscle* muscle = nullptr;
    sdk::Side side = sdk::Side::left;
    ChartPoint anchor{};  // where chart_position() puts this muscle and side
    double distance = 0;  // from the point, in view heights
};

// The atlas muscle, on the side the point is on, whose anchor on this view is nearest; none if
// the point is off the figure or further than max_muscle_distance from every anchor.
std::optional<MuscleHit> nearest_muscle(sdk::ChartView view, ChartPoint p);

struct Rgb {
    std::uint8_t r;
    std::uint8_t g;
    std::uint8_t b;
};

// Marker colour for a tenderness 0–10 (clamped): green at 0, amber at 5, red at 10, blended in
// between. The same stops as the HTML report, so a chart looks alike on screen and on paper.
Rgb tenderness_colour(int tenderness);

// The knot whose marker is under point p of `view`: the index in `knots` of the nearest knot on
// that view within `radius` (view heights); of equally near ones the later, which is drawn on
// top. None if no marker is that close.
std::optional<std::size_t> knot_at(const std::vector<sdk::Knot>& knots, sdk::ChartView view,
                                   ChartPoint p, double radius);

// The knot charted at point p of `view`: `knot` with that view and position and the muscle and
// side nearest_muscle() names there (pass sdk::Knot{} for a new knot); none if the point names
// no muscle, so a knot dropped off the figure stays where it was.
std::optional<sdk::Knot> knot_charted_at(sdk::Knot knot, sdk::ChartView view, ChartPoint p);

// For keyboard selection: the knot after (forward) or before `current` whose view is one of
// `views`, wrapping round; from no selection, the first or the last. None if no knot is shown.
std::optional<std::size_t> next_knot(const std::vector<sdk::Knot>& knots,
                                     const std::vector<sdk::ChartView>& views,
                                     std::optional<std::size_t> current, bool forward);

// --- Layout: the views side by side in a window, in pixels ---

struct ChartRect {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
    bool contains(double px, double py) const {
        return px >= x && px < x + width && py >= y && py < y + height;
    }
};

// The space a window gives the views: its size, the margin around everything, the gap between
// views, and the room kept above the figures (captions) and below them (legend, status).
struct ChartSpace {
    double width = 0;
    double height = 0;
    double margin = 0;
    double gap = 0;
    double above = 0;
    double below = 0;
};

// One view in a window: `box` is the whole 1 × 2 view box (knot coordinates map onto it),
// `cell` the part of it that holds the figure, which is what is drawn and takes clicks. The
// side views' figures are narrow, so their cells are too and the views sit close together.
struct ViewPlace {
    sdk::ChartView view;
    ChartRect box;
    ChartRect cell;
};

// The views left to right, as large as the space allows, keeping the 1 : 2 aspect, centred.
std::vector<ViewPlace> layout_views(const std::vector<sdk::ChartView>& views,
                                    const ChartSpace& space);

struct ViewPoint {
    sdk::ChartView view;
    ChartPoint point;
};

// The view and point under a pixel, if it is in a view's cell.
std::optional<ViewPoint> locate(const std::vector<ViewPlace>& places, double px, double py);

// The pixel of a point of the view placed at `place`.
ChartPoint to_pixel(const ViewPlace& place, ChartPoint p);

// What is under a pixel: the knot whose marker is within `hit_radius` pixels (as knot_at()),
// else the muscle and side a click there would chart, as a new knot; neither off the figures.
struct ChartTarget {
    std::optional<std::size_t> knot;
    std::optional<sdk::Knot> charted;
};
ChartTarget target_at(const std::vector<ViewPlace>& places, const std::vector<sdk::Knot>& knots,
                      double px, double py, double hit_radius);

}  // namespace knotnotes::core
