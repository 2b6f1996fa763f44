// svg_progress_chart.cpp — axes, grid, date labels, lines, points and legend of a line chart.
#include "svg_progress_chart.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "html_escape.hpp"
#include "iso_date.hpp"
#include "svg_format.hpp"

namespace knotnotes::export_html {

namespace {

constexpr double chart_width = 640;
constexpr double chart_height = 280;
constexpr double plot_left = 44;
constexpr double plot_right = chart_width - 24;
constexpr double plot_top = 34;                    // room for the legend
constexpr double plot_bottom = chart_height - 62;  // room for slanted dates
constexpr double min_label_spacing = 40;
constexpr std::size_t max_labelled_points = 24;  // beyond that value labels only clutter

struct PlacedPoint {
    long day;
    std::string date;
    double value;
};

std::vector<PlacedPoint> placed_points(const ProgressSeries& series) {
    std::vector<PlacedPoint> placed;
    for (const auto& point : series.points) {
        if (const auto day = day_number(point.date))
            placed.push_back({*day, date_part(point.date), point.value});
    }
    std::stable_sort(placed.begin(), placed.end(),
                     [](const PlacedPoint& a, const PlacedPoint& b) { return a.day < b.day; });
    return placed;
}

std::string line(double x1, double y1, double x2, double y2, const std::string& css_class) {
    return "<line class=\"" + css_class + "\" x1=\"" + svg_number(x1) + "\" y1=\"" +
           svg_number(y1) + "\" x2=\"" + svg_number(x2) + "\" y2=\"" + svg_number(y2) + "\"/>";
}

std::string label(double x, double y, const std::string& css_class, const std::string& anchor,
                  const std::string& text, const std::string& extra = {}) {
    return "<text class=\"" + css_class + "\" x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) +
           "\" text-anchor=\"" + anchor + "\"" + extra + ">" + html_escape(text) + "</text>";
}

std::string value_text(double value) {
    const double rounded = std::round(value * 10) / 10;
    return svg_number(rounded);
}

}  // namespace

double progress_axis_max(double max_value) {
    if (max_value <= 10)
        return 10;
    return std::ceil(max_value / 10) * 10;
}

std::string svg_progress_chart(const std::string& title, const std::vector<ProgressSeries>& series,
                               double y_max) {
    std::vector<std::vector<PlacedPoint>> placed;
    std::optional<long> first_day;
    std::optional<long> last_day;
    for (const auto& s : series) {
        placed.push_back(placed_points(s));
        for (const auto& p : placed.back()) {
            first_day = std::min(first_day.value_or(p.day), p.day);
            last_day = std::max(last_day.value_or(p.day), p.day);
        }
    }
    const double plot_width = plot_right - plot_left;
    const auto x_of = [&](long day) {
        if (!first_day || *first_day == *last_day)
            return plot_left + plot_width / 2;
        return plot_left + plot_width * (day - *first_day) / double(*last_day - *first_day);
    };
    const auto y_of = [&](double value) {
        const double clamped = std::clamp(value, 0.0, y_max);
        return plot_bottom - (plot_bottom - plot_top) * clamped / y_max;
    };

    std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"progress-chart\" "
        "viewBox=\"0 0 " +
        svg_number(chart_width) + " " + svg_number(chart_height) + "\" width=\"" +
        svg_number(chart_width) + "\" height=\"" + svg_number(chart_height) +
        "\" role=\"img\" aria-label=\"" + html_escape(title) + "\">";

    // Grid and y axis: a line per step, at most about ten of them.
    const double step = y_max <= 10 ? 1 : std::ceil(y_max / 10);
    for (double v = 0; v <= y_max + 1e-9; v += step) {
        svg += line(plot_left, y_of(v), plot_right, y_of(v), v == 0 ? "axis" : "grid");
        svg += label(plot_left - 6, y_of(v) + 4, "axis-label", "end", value_text(v));
    }
    svg += line(plot_left, plot_top, plot_left, plot_bottom, "axis");

    // Dates under the points, skipping any that would overlap the one before.
    std::vector<PlacedPoint> all_points;
    for (const auto& p : placed)
        all_points.insert(all_points.end(), p.begin(), p.end());
    std::stable_sort(all_points.begin(), all_points.end(),
                     [](const PlacedPoint& a, const PlacedPoint& b) { return a.day < b.day; });
    std::optional<double> last_label_x;
    for (const auto& p : all_points) {
        const double x = x_of(p.day);
        if (last_label_x && x - *last_label_x < min_label_spacing)
            continue;
        last_label_x = x;
        svg += line(x, plot_bottom, x, plot_bottom + 4, "axis");
        const std::string y_text = svg_number(plot_bottom + 14);
        svg += label(x, plot_bottom + 14, "date-label", "end", p.date,
                     " transform=\"rotate(-35 " + svg_number(x) + " " + y_text + ")\"");
    }

    for (std::size_t s = 0; s < series.size(); ++s) {
        const auto& points = placed[s];
        const auto& colour = series[s].colour;
        svg += "<g class=\"series\">";
        if (points.size() > 1) {
            svg += "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\" points=\"";
            for (std::size_t i = 0; i < points.size(); ++i) {
                svg += (i > 0 ? " " : "") + svg_number(x_of(points[i].day)) + "," +
                       svg_number(y_of(points[i].value));
            }
            svg += "\"/>";
        }
        for (const auto& p : points) {
            const double x = x_of(p.day);
            const double y = y_of(p.value);
            svg += "<circle class=\"point\" cx=\"" + svg_number(x) + "\" cy=\"" + svg_number(y) +
                   "\" r=\"3.5\" fill=\"" + colour + "\"><title>" +
                   html_escape(series[s].name + " " + p.date + ": " + value_text(p.value)) +
                   "</title></circle>";
            if (points.size() <= max_labelled_points)
                svg += label(x, y - 7, "value-label", "middle", value_text(p.value));
        }
        // Legend entry, left to right across the top.
        const double legend_x = plot_left + 8 + s * 150;
        svg += "<line x1=\"" + svg_number(legend_x) + "\" y1=\"14\" x2=\"" +
               svg_number(legend_x + 20) + "\" y2=\"14\" stroke=\"" + colour +
               "\" stroke-width=\"3\"/>";
        svg += label(legend_x + 26, 18, "legend-text", "start", series[s].name);
        svg += "</g>";
    }
    if (all_points.empty())
        svg += label(chart_width / 2, chart_height / 2, "legend-text", "middle", "No values yet");
    return svg + "</svg>";
}

}  // namespace knotnotes::export_html
