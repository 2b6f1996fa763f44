// svg_body_chart.cpp — lays out the views, draws the figure's regions, the knots and the legend.
#include "svg_body_chart.hpp"

#include <algorithm>
#include <cmath>

#include <knotnotes/sdk/body_chart.hpp>
#include <knotnotes/sdk/muscle_atlas.hpp>

#include "html_escape.hpp"
#include "svg_format.hpp"

namespace knotnotes::export_html {

namespace {

constexpr double margin = 10;
constexpr double view_gap = 16;
constexpr double label_height = 22;  // the view's name above it
constexpr double legend_height = 58;
constexpr double marker_radius = 6;
constexpr double released_ring_radius = 10;

std::string hex(sdk::ChartColour c) {
    constexpr char digits[] = "0123456789abcdef";
    std::string text = "#";
    for (const unsigned char channel : {c.r, c.g, c.b}) {
        text += digits[channel >> 4];
        text += digits[channel & 15];
    }
    return text;
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

std::string muscle_name(const std::string& id) {
    const auto* muscle = sdk::find_muscle(id);
    return muscle ? std::string(muscle->name) : id;
}

// A point of the view box in the view group's units.
std::string xy(sdk::ChartPoint p) {
    return svg_number(p.x * view_box_width) + " " + svg_number(p.y * view_box_height);
}

std::string path_data(const std::vector<sdk::ChartPoint>& points, bool closed = true) {
    std::string d;
    for (std::size_t i = 0; i < points.size(); ++i)
        d += (i == 0 ? "M" : "L") + xy(points[i]);
    return closed ? d + "Z" : d;
}

std::string text_element(double x, double y, const std::string& css_class,
                         const std::string& anchor, const std::string& text) {
    return "<text x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" class=\"" + css_class +
           "\" text-anchor=\"" + anchor + "\">" + html_escape(text) + "</text>";
}

std::string line(sdk::ChartPoint a, sdk::ChartPoint b, const std::string& css_class,
                 const std::string& attributes = {}) {
    return "<line class=\"" + css_class + "\"" + attributes + " x1=\"" +
           svg_number(a.x * view_box_width) + "\" y1=\"" + svg_number(a.y * view_box_height) +
           "\" x2=\"" + svg_number(b.x * view_box_width) + "\" y2=\"" +
           svg_number(b.y * view_box_height) + "\"/>";
}

// The figure of one view: outline, muscle regions bottom first (each with its name as a
// tooltip), where the deep muscles lie, detail lines, and L and R marks so nobody has to
// remember how views are mirrored (on the front view the client's left is on the viewer's right).
std::string figure(const sdk::ChartGeometry& chart) {
    std::string svg;
    for (const auto& outline : chart.outlines) {
        svg += "<path class=\"outline\" fill=\"" + hex(sdk::chart_figure_fill) + "\" stroke=\"" +
               hex(sdk::chart_contour) + "\" d=\"" + path_data(outline) + "\"/>";
    }
    std::size_t n = 0;
    for (const std::size_t i : sdk::drawing_order(chart, sdk::ChartLayer::surface)) {
        const auto& region = chart.regions[i];
        svg += "<path class=\"muscle depth-" + std::to_string(region.depth) + "\" fill=\"" +
               hex(sdk::chart_region_tones[n++ % sdk::chart_region_tones.size()]) + "\" d=\"" +
               path_data(region.points) + "\"><title>" +
               html_escape(muscle_name(region.muscle_id) + " (" +
                           std::string(sdk::to_text(region.side)) + ")") +
               "</title></path>";
    }
    for (const auto& region : chart.regions) {
        if (region.depth >= 3)
            svg += "<path class=\"muscle-deep\" d=\"" + path_data(region.points) + "\"/>";
    }
    for (const auto& detail : chart.lines)
        svg += "<path class=\"detail\" d=\"" + path_data(detail, false) + "\"/>";
    if (chart.view == sdk::ChartView::front || chart.view == sdk::ChartView::back) {
        const bool front = chart.view == sdk::ChartView::front;
        svg += text_element(0.2 * view_box_width, 0.06 * view_box_height + 4, "side-mark", "middle",
                            front ? "R" : "L");
        svg += text_element(0.8 * view_box_width, 0.06 * view_box_height + 4, "side-mark", "middle",
                            front ? "L" : "R");
    }
    return svg;
}

std::string knot_description(std::size_t number, const sdk::Knot& knot) {
    std::string text = std::to_string(number) + ". " + muscle_name(knot.muscle_id) + ", " +
                       std::string(sdk::to_text(knot.side)) + ": " +
                       std::string(sdk::to_text(knot.kind)) + ", tenderness " +
                       std::to_string(knot.tenderness) + "/10";
    if (knot.result != sdk::KnotResult::untreated)
        text += ", " + std::string(sdk::to_text(knot.result));
    if (knot.previous_knot_id)
        text += ", carried forward";
    return text;
}

// Under the markers: the knot's referral area, shaded and linked to it; a leader from a marker
// moved aside to the knot's true place; a dashed link to where a carried-forward knot was.
std::string knot_underlay(const sdk::Knot& knot, sdk::ChartPoint drawn, const sdk::Knot* then) {
    std::string svg;
    const std::string colour = tenderness_colour(knot.tenderness);
    if (knot.referral_area.size() >= 3) {
        sdk::ChartPoint centre{0, 0};
        for (const auto& p : knot.referral_area) {
            centre.x += p.x / static_cast<double>(knot.referral_area.size());
            centre.y += p.y / static_cast<double>(knot.referral_area.size());
        }
        svg += "<path class=\"referral-area\" fill=\"" + colour + "\" stroke=\"" + colour +
               "\" d=\"" + path_data(knot.referral_area) + "\"/>";
        svg += line({knot.x, knot.y}, centre, "referral-link", " stroke=\"" + colour + "\"");
    }
    const sdk::ChartPoint truth{knot.x, knot.y};
    if (drawn.x != truth.x || drawn.y != truth.y) {
        svg += line(drawn, truth, "leader");
        svg += "<circle class=\"leader-end\" cx=\"" + svg_number(truth.x * view_box_width) +
               "\" cy=\"" + svg_number(truth.y * view_box_height) + "\" r=\"1.6\"/>";
    }
    if (then) {
        const sdk::ChartPoint was{then->x, then->y};
        svg += line(was, drawn, "earlier-link");
        const bool same = was.x == drawn.x && was.y == drawn.y;
        svg += "<circle class=\"earlier\" cx=\"" + svg_number(was.x * view_box_width) + "\" cy=\"" +
               svg_number(was.y * view_box_height) + "\" r=\"" +
               svg_number(same ? marker_radius * 2.2 : marker_radius * 0.8) + "\"/>";
    }
    return svg;
}

// One knot: <g class="knot active released"> with its tooltip, ring, circle and number.
std::string knot_marker(std::size_t number, const sdk::Knot& knot, sdk::ChartPoint at) {
    const std::string colour = tenderness_colour(knot.tenderness);
    const bool active = knot.kind == sdk::KnotKind::active;
    const bool released = knot.result == sdk::KnotResult::released;
    std::string svg = "<g class=\"knot " + std::string(sdk::to_text(knot.kind)) +
                      (released ? " released" : "") + "\" transform=\"translate(" + xy(at) + ")\">";
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
    svg += "<circle class=\"earlier\" cx=\"258\" cy=\"10\" r=\"5\"/>" +
           text_element(270, 14, "legend-text", "start", "earlier place");
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
    return hex(sdk::tenderness_colour(tenderness));
}

std::string svg_body_chart(const std::vector<sdk::Knot>& knots,
                           const std::vector<sdk::Knot>& earlier, sdk::ChartFigure figure_kind) {
    std::vector<sdk::ChartView> views{sdk::ChartView::front, sdk::ChartView::back};
    for (const auto side_view : {sdk::ChartView::left, sdk::ChartView::right}) {
        if (std::any_of(knots.begin(), knots.end(),
                        [&](const sdk::Knot& k) { return k.view == side_view; }))
            views.push_back(side_view);
    }
    double figures_width = 0;
    for (const auto view : views) {
        const auto [from, to] = sdk::figure_span(sdk::body_chart(figure_kind, view));
        figures_width += (to - from) * view_box_width;
    }
    const double width =
        std::max(2 * margin + figures_width + static_cast<double>(views.size() - 1) * view_gap,
                 2 * margin + 340);  // the legend's width
    const double figures_top = margin + label_height;
    const double height = figures_top + view_box_height + 16 + legend_height;
    const auto drawn = sdk::marker_positions(knots);
    const auto earlier_of = [&](const sdk::Knot& k) -> const sdk::Knot* {
        if (!k.previous_knot_id)
            return nullptr;
        for (const auto& e : earlier) {
            if (e.id == *k.previous_knot_id && e.view == k.view)
                return &e;
        }
        return nullptr;
    };

    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"body-chart figure-" +
                      std::string(sdk::to_text(figure_kind)) + "\" viewBox=\"0 0 " +
                      svg_number(width) + " " + svg_number(height) + "\" width=\"" +
                      svg_number(width) + "\" height=\"" + svg_number(height) +
                      "\" role=\"img\" aria-label=\"Body chart with " +
                      std::to_string(knots.size()) + " knots\">";
    double left = margin;
    for (const auto view : views) {
        const auto& chart = sdk::body_chart(figure_kind, view);
        const auto [from, to] = sdk::figure_span(chart);
        svg += "<g class=\"view view-" + std::string(sdk::to_text(view)) +
               "\" transform=\"translate(" + svg_number(left - from * view_box_width) + " " +
               svg_number(figures_top) + ")\">";
        svg += text_element((from + to) / 2 * view_box_width, -8, "view-title", "middle",
                            view_title(view));
        svg += figure(chart);
        for (std::size_t k = 0; k < knots.size(); ++k) {
            if (knots[k].view == view)
                svg += knot_underlay(knots[k], drawn[k], earlier_of(knots[k]));
        }
        for (std::size_t k = 0; k < knots.size(); ++k) {
            if (knots[k].view == view)
                svg += knot_marker(k + 1, knots[k], drawn[k]);
        }
        svg += "</g>";
        left += (to - from) * view_box_width + view_gap;
    }
    svg += legend(figures_top + view_box_height + 16);
    return svg + "</svg>";
}

}  // namespace knotnotes::export_html
