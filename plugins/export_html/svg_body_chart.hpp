// svg_body_chart.hpp — a session's knots on the anatomical body chart, as one inline SVG element.
//
// The chart is the SDK's (sdk::body_chart, the same data the app draws): the client's figure
// (neutral, female or male), the front and back views always, the left and right views only
// when the session has knots on them. Each view shows the body's outline and every atlas muscle
// as a region in the print palette (superficial over deep; deep muscles also as dashed outlines,
// as the app's surface layer draws them), with a tooltip naming the muscle and side.
//
// Knots are drawn where the app draws them (sdk::marker_positions: a marker that would hide
// another is moved aside and linked to its true place), coloured by tenderness
// (sdk::tenderness_colour, green 0 → amber 5 → red 10): a filled circle when active, a hollow one
// when latent, with an extra ring when released, numbered 1, 2, … in the session's order so the
// knots table can refer to it. A knot carried forward from an earlier session is linked by a
// dashed line to a dashed ghost where it was then; a referral area is shaded in the knot's
// colour and linked to it. Every knot marker is a <g class="knot active|latent …">, which is also
// what tests count. A legend under the figures explains the marks.
//
// Coordinates: each view is a group whose user units are the view box, 200 wide and 400 high
// (a knot at (x, y) is at (200 x, 400 y) in its view's group); only the part of the box that
// holds the figure (sdk::figure_span) takes room on the page.
#pragma once

#include <string>
#include <vector>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::export_html {

inline constexpr double view_box_width = 200;
inline constexpr double view_box_height = 400;

// "#rrggbb" for a tenderness 0–10 (clamped), from sdk::tenderness_colour.
std::string tenderness_colour(int tenderness);

// <svg class="body-chart" …>…</svg>. `earlier` are the knots of the client's earlier sessions
// (where carried-forward knots were then); may be empty.
std::string svg_body_chart(const std::vector<sdk::Knot>& knots,
                           const std::vector<sdk::Knot>& earlier = {},
                           sdk::ChartFigure figure = sdk::ChartFigure::neutral);

}  // namespace knotnotes::export_html
