// body_outline.cpp — the figure as a few dozen contour points, joined by a smooth closed curve.
#include "body_outline.hpp"

#include <vector>

#include "svg_format.hpp"

namespace knotnotes::export_html {

namespace {

struct Point {
    double x;
    double y;
};

// The right half of the front/back figure as (distance from the midline, height), in figure
// units, from the top of the head down the outer contour (shoulder, arm, hand, back up the
// inner arm, flank, leg) to the crotch.
const std::vector<Point> half_figure{
    {0, 2},    {10, 5},   {15, 14},  {16, 26},  {14, 38},  {10, 46},  {9, 52},   {11, 58},
    {24, 64},  {38, 71},  {45, 81},  {48, 100}, {50, 125}, {55, 160}, {59, 190}, {61, 205},
    {57, 220}, {50, 218}, {47, 200}, {43, 170}, {38, 135}, {35, 106}, {32, 98},  {30, 120},
    {25, 150}, {30, 180}, {33, 200}, {32, 240}, {26, 285}, {25, 320}, {19, 368}, {22, 390},
    {16, 398}, {8, 397},  {8, 372},  {7, 320},  {6, 285},  {3, 230},  {0, 212},
};

// The body in profile facing the viewer's left, clockwise from the crown: back of the head,
// back, buttock, back of the leg, heel, sole, foot, shin, thigh, belly, chest, throat, face.
const std::vector<Point> profile{
    {98, 2},    {110, 8},   {115, 22},  {113, 38},  {106, 47},  {104, 54},  {106, 62},  {114, 73},
    {118, 100}, {116, 130}, {112, 160}, {115, 180}, {120, 196}, {117, 213}, {112, 240}, {108, 280},
    {114, 316}, {107, 350}, {102, 380}, {104, 394}, {100, 399}, {76, 399},  {74, 394},  {86, 386},
    {90, 372},  {90, 330},  {86, 282},  {84, 240},  {82, 205},  {84, 190},  {82, 160},  {80, 120},
    {82, 90},   {88, 64},   {90, 52},   {84, 46},   {80, 40},   {76, 30},   {80, 14},   {88, 4},
};

const std::vector<Point> profile_arm{
    {96, 72}, {106, 76}, {108, 130}, {106, 200}, {104, 218}, {98, 220}, {94, 200}, {92, 130},
};

std::string point_text(const Point& p) {
    return svg_number(p.x) + " " + svg_number(p.y);
}

// A smooth closed curve through every point: Catmull-Rom splines written as cubic Béziers.
std::string smooth_closed_path(const std::vector<Point>& points) {
    const std::size_t n = points.size();
    const auto at = [&](std::size_t i) { return points[i % n]; };
    std::string path = "M" + point_text(points[0]);
    for (std::size_t i = 0; i < n; ++i) {
        const Point before = at(i + n - 1);
        const Point from = at(i);
        const Point to = at(i + 1);
        const Point after = at(i + 2);
        const Point control1{from.x + (to.x - before.x) / 6, from.y + (to.y - before.y) / 6};
        const Point control2{to.x - (after.x - from.x) / 6, to.y - (after.y - from.y) / 6};
        path += "C" + point_text(control1) + " " + point_text(control2) + " " + point_text(to);
    }
    return path + "Z";
}

std::vector<Point> mirrored(const std::vector<Point>& points) {
    std::vector<Point> result;
    for (const auto& p : points)
        result.push_back({figure_width - p.x, p.y});
    return result;
}

}  // namespace

std::string front_back_outline_path() {
    const double midline = figure_width / 2;
    std::vector<Point> contour;
    for (const auto& p : half_figure)
        contour.push_back({midline + p.x, p.y});
    // The left half, back up from the crotch; the midline points are not repeated.
    for (std::size_t i = half_figure.size() - 2; i >= 1; --i)
        contour.push_back({midline - half_figure[i].x, half_figure[i].y});
    return smooth_closed_path(contour);
}

std::string side_outline_path(bool facing_left) {
    return smooth_closed_path(facing_left ? profile : mirrored(profile));
}

std::string side_arm_path(bool facing_left) {
    return smooth_closed_path(facing_left ? profile_arm : mirrored(profile_arm));
}

}  // namespace knotnotes::export_html
