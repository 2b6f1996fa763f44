// svg_progress_chart.hpp — values over time as an inline SVG line chart: pain before and after
// each session, or the scores of one questionnaire.
//
// The x axis is calendar time (points sit at their date, so a long gap between sessions shows
// as one), labelled with the dates of the points, thinned where they would overlap; the y axis
// runs from 0 to y_max with a grid line per step. Each series is a line through its points in
// date order, each point marked and labelled with its value, and named in a legend.
#pragma once

#include <string>
#include <vector>

namespace knotnotes::export_html {

struct ProgressPoint {
    std::string date;  // "YYYY-MM-DD" (or a full ISO time); points with another form are skipped
    double value = 0;
};

struct ProgressSeries {
    std::string name;    // for the legend
    std::string colour;  // "#rrggbb"
    std::vector<ProgressPoint> points;
};

// <svg class="progress-chart" …>…</svg>; `title` is its accessible name.
std::string svg_progress_chart(const std::string& title, const std::vector<ProgressSeries>& series,
                               double y_max);

// 10 for the usual 0–10 scales, otherwise the next multiple of 10 at or above max_value.
double progress_axis_max(double max_value);

}  // namespace knotnotes::export_html
