// body_outline.hpp — the neutral human figure the body chart draws knots on, as SVG path data.
//
// Every view is drawn in a box of figure_width × figure_height units: a knot's normalised (x, y)
// is (x × width, y × height). The figure is built around the anchors of muscle_atlas.hpp: the
// head's top at y = 0, the soles at y = 1, the front/back views symmetric about x = 0.5 with the
// arms where the atlas puts deltoid, biceps and forearm muscles, and the side views with the
// body's depth between x = 0.42 (front) and 0.58 (back) as chart_position() places them.
#pragma once

#include <string>

namespace knotnotes::export_html {

inline constexpr double figure_width = 200;
inline constexpr double figure_height = 400;

// Front and back views share one outline (the chart shows positions, not anatomy).
std::string front_back_outline_path();

// The body in profile, facing the viewer's left (left view) or right (right view).
std::string side_outline_path(bool facing_left);
// The near arm in profile, drawn over the body.
std::string side_arm_path(bool facing_left);

}  // namespace knotnotes::export_html
