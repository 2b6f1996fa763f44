// chart_point.hpp — a point on a body chart view.
//
// Specification
// - Normalised to the view box: x from 0 (viewer's left) to 1, y from 0 (top of the head) to 1
//   (soles). The box is half as wide as it is high (width : height = 1 : 2), so a front end
//   draws it 1 x 2 or the figure is distorted.
#pragma once

namespace knotnotes::sdk {

struct ChartPoint {
    double x;
    double y;
};

}  // namespace knotnotes::sdk
