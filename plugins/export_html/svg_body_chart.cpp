// svg_body_chart.cpp — lays out the views, draws the figure, the knot markers and the legend.
#include "svg_body_chart.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include <knotnotes/sdk/muscle_atlas.hpp>

#include "body_outline.hpp"
#include "html_escape.hpp"
#include "svg_format.hpp"

namespace knotnotes::export_html {

namespace {

constexpr double margin = 10;
constexpr double view_gap = 24;
constexpr double label_height = 22;  // the view's name above it
constexpr double legend_height = 58;
constexpr double marker_radius = 6;
constexpr double released_ring_radius = 10;

struct Rgb {
    double r, g, b;
};

Rgb mix(Rgb a, Rgb b, double t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

std::string view_title(sdk::ChartView view) {
    switch (view) {
        case sdk::ChartView::front:
            return "Front";
        case sdk::ChartView::back:
            return "Back";
        case sdk::ChartView::left:
            return "Left side";
        case sdk::ChartView::right:
            return "Right side";
    }
    return {};
}

std::string text_element(double x, double y, const std::string& css_class,
                         const std::string& anchor, const std::string& text) {
    return "<text x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" class=\"" + css_class +
           "\" text-anchor=\"" + anchor + "\">" + html_escape(text) + "</text>";
}

// The figure of one view, with L and R marks so nobody has to remember how views are mirrored:
// on the front view the client's left is on the viewer's right.
std::string figure(sdk::ChartView view) {
    std::string svg;
    if (view == sdk::ChartView::front || view == sdk::ChartView::back) {
        svg += "<path class=\"outline\" d=\"" + front_back_outline_path() + "\"/>";
        svg += "<line class=\"midline\" x1=\"100\" y1=\"50\" x2=\"100\" y2=\"210\"/>";
        const bool front = view == sdk::ChartView::front;
        svg += text_element(6, 14, "side-mark", "start", front ? "R" : "L");
        svg += text_element(figure_width - 6, 14, "side-mark", "end", front ? "L" : "R");
    } else {
        const bool facing_left = view == sdk::ChartView::left;
        svg += "<path class=\"outline\" d=\"" + side_outline_path(facing_left) + "\"/>";
        svg += "<path class=\"outline limb\" d=\"" + side_arm_path(facing_left) + "\"/>";
    }
    return svg;
}

std::string knot_description(std::size_t number, const sdk::Knot& knot) {
    const auto* muscle = sdk::find_muscle(knot.muscle_id);
    std::string text =
        std::to_string(number) + ". " + (muscle ? std::string(muscle->name) : knot.muscle_id) +
        ", " + std::string(sdk::to_text(knot.side)) + ": " + std::string(sdk::to_text(knot.kind)) +
        ", tenderness " + std::to_string(knot.tenderness) + "/10";
    if (knot.result != sdk::KnotResult::untreated)
        text += ", " + std::string(sdk::to_text(knot.result));
    return text;
}

// One knot: <g class="knot active released"> with its tooltip, ring, circle and number.
std::string knot_marker(std::size_t number, const sdk::Knot& knot) {
    const double x = std::clamp(knot.x, 0.0, 1.0) * figure_width;
    const double y = std::clamp(knot.y, 0.0, 1.0) * figure_height;
    const std::string colour = tenderness_colour(knot.tenderness);
    const bool active = knot.kind == sdk::KnotKind::active;
    const bool released = knot.result == sdk::KnotResult::released;
    std::string svg = "<g class=\"knot " + std::string(sdk::to_text(knot.kind)) +
                      (released ? " released" : "") + "\" transform=\"translate(" + svg_number(x) +
                      " " + svg_number(y) + ")\">";
    svg += "<title>" + html_escape(knot_description(number, knot)) + "</title>";
    if (released) {
        svg += "<circle class=\"released-ring\" r=\"" + svg_number(released_ring_radius) +
               "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"1.5\"/>";
    }
    if (active) {
        svg += "<circle r=\"" + svg_number(marker_radius) + "\" fill=\"" + colour +
               "\" stroke=\"#333333\" stroke-width=\"1\"/>";
    } else {
        svg += "<circle r=\"" + svg_number(marker_radius) + "\" fill=\"#ffffff\" stroke=\"" +
               colour + "\" stroke-width=\"2.5\"/>";
    }
    svg += text_element(marker_radius + 2, -marker_radius, "knot-number", "start",
                        std::to_string(number));
    return svg + "</g>";
}

std::string legend(double top) {
    std::string svg = "<g class=\"legend\" transform=\"translate(" + svg_number(margin) + " " +
                      svg_number(top) + ")\">";
    const std::string sample_colour = tenderness_colour(5);
    svg += "<circle class=\"legend-marker\" cx=\"8\" cy=\"10\" r=\"6\" fill=\"" + sample_colour +
           "\" stroke=\"#333333\"/>" + text_element(20, 14, "legend-text", "start", "active");
    svg +=
        "<circle class=\"legend-marker\" cx=\"88\" cy=\"10\" r=\"6\" fill=\"#ffffff\" "
        "stroke=\"" +
        sample_colour + "\" stroke-width=\"2.5\"/>" +
        text_element(100, 14, "legend-text", "start", "latent");
    svg += "<circle class=\"legend-marker\" cx=\"168\" cy=\"10\" r=\"6\" fill=\"" + sample_colour +
           "\" stroke=\"#333333\"/><circle class=\"legend-marker\" cx=\"168\" cy=\"10\" r=\"10\" "
           "fill=\"none\" stroke=\"" +
           sample_colour + "\" stroke-width=\"1.5\"/>" +
           text_element(184, 14, "legend-text", "start", "released");
    svg += text_element(0, 44, "legend-text", "start", "tenderness");
    for (int t = 0; t <= 10; ++t) {
        const double x = 72 + t * 22;
        svg += "<rect x=\"" + svg_number(x) + "\" y=\"30\" width=\"20\" height=\"18\" fill=\"" +
               tenderness_colour(t) + "\"/>";
        svg += text_element(x + 10, 43, "legend-scale", "middle", std::to_string(t));
    }
    return svg + "</g>";
}

}  // namespace

std::string tenderness_colour(int tenderness) {
    constexpr Rgb green{46, 158, 68};
    constexpr Rgb amber{240, 176, 0};
    constexpr Rgb red{200, 30, 30};
    const double t = std::clamp(tenderness, 0, 10) / 10.0;
    const Rgb colour = t <= 0.5 ? mix(green, amber, t * 2) : mix(amber, red, (t - 0.5) * 2);
    char hex[8];
    std::snprintf(hex, sizeof hex, "#%02x%02x%02x", static_cast<unsigned>(colour.r + 0.5),
                  static_cast<unsigned>(colour.g + 0.5), static_cast<unsigned>(colour.b + 0.5));
    return hex;
}

std::string svg_body_chart(const std::vector<sdk::Knot>& knots) {
    std::vector<sdk::ChartView> views{sdk::ChartView::front, sdk::ChartView::back};
    for (const auto side_view : {sdk::ChartView::left, sdk::ChartView::right}) {
        if (std::any_of(knots.begin(), knots.end(),
                        [&](const sdk::Knot& k) { return k.view == side_view; }))
            views.push_back(side_view);
    }
    const double width = 2 * margin + views.size() * figure_width + (views.size() - 1) * view_gap;
    const double figures_top = margin + label_height;
    const double height = figures_top + figure_height + 16 + legend_height;

    std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"body-chart\" viewBox=\"0 0 " +
        svg_number(width) + " " + svg_number(height) + "\" width=\"" + svg_number(width) +
        "\" height=\"" + svg_number(height) + "\" role=\"img\" aria-label=\"Body chart with " +
        std::to_string(knots.size()) + " knots\">";
    for (std::size_t v = 0; v < views.size(); ++v) {
        const double left = margin + v * (figure_width + view_gap);
        svg += "<g class=\"view view-" + std::string(sdk::to_text(views[v])) +
               "\" transform=\"translate(" + svg_number(left) + " " + svg_number(figures_top) +
               ")\">";
        svg += text_element(figure_width / 2, -8, "view-title", "middle", view_title(views[v]));
        svg += figure(views[v]);
        for (std::size_t k = 0; k < knots.size(); ++k) {
            if (knots[k].view == views[v])
                svg += knot_marker(k + 1, knots[k]);
        }
        svg += "</g>";
    }
    svg += legend(figures_top + figure_height + 16);
    return svg + "</svg>";
}

}  // namespace knotnotes::export_html
