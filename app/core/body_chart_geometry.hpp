// body_chart_geometry.hpp — the body chart without a window: which muscle and side a point
// names (by region, from the SDK's chart data), which knot marker is under a point, where the
// views go in a window and how zoom moves them, the type-ahead that finds a muscle by name, and
// where markers are drawn so that none hides another.
//
// Coordinates are those of sdk::Knot: every view is a 1 x 2 box (chart_view_aspect), x from 0
// (viewer's left) to 1, y from 0 (top of the head) to 1. Distances (hit radii) are measured in
// view heights after correcting for the aspect, so a circle on the screen is a circle here.
//
// The figures and muscle regions are sdk::body_chart() (sdk/include/knotnotes/sdk/
// body_chart.hpp, data in sdk/chart/): the app draws exactly what plugins draw.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <knotnotes/sdk/body_chart.hpp>
#include <knotnotes/sdk/muscle_atlas.hpp>
#include <knotnotes/sdk/records.hpp>

namespace knotnotes::core {

using sdk::ChartPoint;

// Width divided by height of every view box.
inline constexpr double chart_view_aspect = 0.5;

// What the chart shows: which figure, and which layer takes clicks (sdk::ChartLayer).
struct ChartLook {
    sdk::ChartFigure figure = sdk::ChartFigure::neutral;
    sdk::ChartLayer layer = sdk::ChartLayer::surface;
};

// Distance between two points of a view, in view heights.
double chart_distance(ChartPoint a, ChartPoint b);

// Why a point names no muscle.
enum class ChartMiss { none, off_figure, no_muscle };

struct MuscleHit {
    const sdk::Muscle* muscle = nullptr;  // nullptr: a region whose id the atlas lacks
    const sdk::ChartRegion* region = nullptr;
    ChartMiss miss = ChartMiss::none;
    explicit operator bool() const { return region != nullptr; }
};

// The muscle region drawn on top at p (sdk::region_at), or why there is none.
MuscleHit muscle_at(const ChartLook& look, sdk::ChartView view, ChartPoint p);

// The knot whose marker is under point p of `view`: the index in `knots` of the nearest knot on
// that view within `radius` (view heights); of equally near ones the later, which is drawn on
// top. Positions are the drawn ones (`drawn`, same order as knots) when given.
std::optional<std::size_t> knot_at(const std::vector<sdk::Knot>& knots, sdk::ChartView view,
                                   ChartPoint p, double radius,
                                   const std::vector<ChartPoint>& drawn = {});

// `knot` charted at point p of `view`: that view and position, and the muscle and side of the
// region there; none if no region is there, so a knot dropped off every muscle stays put.
std::optional<sdk::Knot> knot_charted_at(sdk::Knot knot, const ChartLook& look, sdk::ChartView view,
                                         ChartPoint p);

// For keyboard selection: the knot after (forward) or before `current` whose view is one of
// `views`, wrapping round; from no selection, the first or the last. None if no knot is shown.
std::optional<std::size_t> next_knot(const std::vector<sdk::Knot>& knots,
                                     const std::vector<sdk::ChartView>& views,
                                     std::optional<std::size_t> current, bool forward);

// --- Type-ahead: a muscle by name from the keyboard ---

// What was typed ("up trap r"): each word must start a word of the muscle's name (any case);
// a last word "l"/"left" or "r"/"right" after a space chooses the side.
struct TypedMuscle {
    std::vector<const sdk::ChartRegion*> matches;  // regions on the view, atlas order
    std::optional<sdk::Side> side;                 // the side typed, if any
};
TypedMuscle find_typed_muscle(const ChartLook& look, sdk::ChartView view, const std::string& typed);

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

// One view in a window: `box` is the whole 1 x 2 view box (knot coordinates map onto it),
// `cell` the part of it that holds the figure, which is what is drawn and takes clicks.
struct ViewPlace {
    sdk::ChartView view;
    ChartRect box;
    ChartRect cell;
};

// The views left to right, as large as the space allows, keeping the 1 : 2 aspect, centred.
std::vector<ViewPlace> layout_views(const std::vector<sdk::ChartView>& views,
                                    const ChartSpace& space,
                                    sdk::ChartFigure figure = sdk::ChartFigure::neutral);

// Zoom and pan of the whole chart: a pixel p of the unzoomed layout is at p * scale + offset.
struct ChartZoom {
    double scale = 1;
    double dx = 0;
    double dy = 0;
    bool zoomed() const { return scale != 1 || dx != 0 || dy != 0; }
};
inline constexpr double max_chart_zoom = 6;

// The places as the zoom shows them.
std::vector<ViewPlace> zoomed(std::vector<ViewPlace> places, const ChartZoom& zoom);

// Zoom by `factor` (clamped to 1 .. max_chart_zoom) keeping the pixel (px, py) where it is;
// at scale 1 the chart is back in place.
ChartZoom zoom_about(const ChartZoom& zoom, double factor, double px, double py);

struct ViewPoint {
    sdk::ChartView view;
    ChartPoint point;
};

// The view and point under a pixel, if it is in a view's cell.
std::optional<ViewPoint> locate(const std::vector<ViewPlace>& places, double px, double py);

// The pixel of a point of the view placed at `place`.
ChartPoint to_pixel(const ViewPlace& place, ChartPoint p);

// Where markers are drawn so that none hides another: sdk::marker_positions (body_chart.hpp).
using sdk::marker_positions;

// What is under a pixel: the knot whose marker is within `hit_radius` pixels (as knot_at()),
// else the muscle a click there would chart (as a new knot), else why there is none.
struct ChartTarget {
    std::optional<std::size_t> knot;
    std::optional<sdk::Knot> charted;
    ChartMiss miss = ChartMiss::off_figure;
};
ChartTarget target_at(const std::vector<ViewPlace>& places, const ChartLook& look,
                      const std::vector<sdk::Knot>& knots, const std::vector<ChartPoint>& drawn,
                      double px, double py, double hit_radius);

}  // namespace knotnotes::core
