// svg_body_chart.hpp — a session's knots on the body chart, as one inline SVG element.
//
// The front and back views are always drawn, side by side; the left and right views only when
// the session has knots on them. Each knot is drawn at its (x, y) on its own view, coloured by
// tenderness (green 0 → amber 5 → red 10): a filled circle when active, a hollow one when
// latent, with an extra ring when released, and numbered 1, 2, … in the session's order so the
// knots table can refer to it. Every knot marker is a <g class="knot active|latent …">, which is
// also what tests count. A legend under the figures explains the marks.
#pragma once

#include <string>
#include <vector>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::export_html {

// "#rrggbb" for a tenderness 0–10 (clamped).
std::string tenderness_colour(int tenderness);

// <svg class="body-chart" …>…</svg>
std::string svg_body_chart(const std::vector<sdk::Knot>& knots);

}  // namespace knotnotes::export_html
