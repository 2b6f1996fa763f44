// SPDX-License-Identifier: MIT
// body_chart.hpp — the anatomical body chart every front end draws: per figure (neutral, female,
// male) and view (front, back, left, right), the body's outline and each atlas muscle as a
// region, keyed by muscle id and side, layered superficial over deep.
//
// Specification
// - Data: one JSON file per figure and view, `<figure>-<view>.json` (e.g. `neutral-back.json`),
//   shipped with the SDK in `share/knotnotes/chart/` and embedded in this header's companion
//   `body_chart_data.hpp` (generated from the same files at build time), so the app, the
//   built-in HTML report and third-party plugins draw the same chart. Format
//   "knotnotes-body-chart" version 1:
//     { "format": "knotnotes-body-chart", "version": 1, "figure": "neutral", "view": "back",
//       "outlines": [ [[x,y], ...], ... ],   body first; on side views also the near arm
//       "lines":    [ [[x,y], ...], ... ],   open detail lines (midline, breasts), not hit
//       "regions":  [ {"muscle": "upper-trapezius", "side": "left", "depth": 1,
//                      "centre": [x,y], "points": [[x,y], ...]}, ... ] }
//   Points are ChartPoints (normalised to the 1 x 2 view box). Polygons are closed (the last
//   point joins the first), simple (never self-intersecting) and drawn with straight edges.
//   Unknown keys are ignored, so later versions may add some.
// - Sides follow sdk::Knot: on the front view the client's left is on the viewer's right, on
//   the back view on the viewer's left; the left and right views show that side only.
// - Depth: 1 = superficial, 2 = partly covered, 3 = deep (covered where it lies, e.g.
//   piriformis under gluteus maximus). Two layers are drawn:
//   - ChartLayer::surface: deepest first, superficial on top (what the eye sees). A deep
//     muscle is reachable where nothing is drawn over it; front ends outline depth-3 regions
//     dashed over the surface so the therapist sees where they lie.
//   - ChartLayer::deep: superficial first (front ends draw them faded), deep on top, so every
//     deep muscle is reachable.
//   Within one depth, later regions in the file are drawn over earlier ones.
// - Hit-testing: region_at() is the region drawn on top at a point in a layer (the one a
//   click names); nullptr outside every region (no muscle the chart knows there).
// - `centre` is a point inside the region where it is drawn on top in the layer that shows it
//   (surface if it shows there, else deep): for labels and keyboard placement.
// - parse_body_chart() throws std::runtime_error naming the byte offset on malformed input;
//   body_chart() parses the embedded data once per figure and view, is thread-safe, and never
//   throws for the shipped data (a test parses every file).
#pragma once

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "knotnotes/sdk/vocabulary.hpp"

namespace knotnotes::sdk {

enum class ChartLayer { surface, deep };

inline constexpr std::array<ChartFigure, 3> chart_figures{ChartFigure::neutral, ChartFigure::female,
                                                          ChartFigure::male};
inline constexpr std::array<ChartView, 4> chart_views{ChartView::front, ChartView::back,
                                                      ChartView::left, ChartView::right};

struct ChartRegion {
    std::string muscle_id;
    Side side = Side::left;
    int depth = 1;
    ChartPoint centre{};
    std::vector<ChartPoint> points;
};

struct ChartGeometry {
    ChartFigure figure = ChartFigure::neutral;
    ChartView view = ChartView::front;
    std::vector<std::vector<ChartPoint>> outlines;
    std::vector<std::vector<ChartPoint>> lines;
    std::vector<ChartRegion> regions;
};

// Even-odd test: is p inside the closed polygon?
inline bool inside_polygon(const std::vector<ChartPoint>& polygon, ChartPoint p) {
    bool in = false;
    for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
        const ChartPoint a = polygon[i], b = polygon[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y))
            in = !in;
    }
    return in;
}

// Indices of the regions in drawing order (bottom first) for a layer.
inline std::vector<std::size_t> drawing_order(const ChartGeometry& chart, ChartLayer layer) {
    std::vector<std::size_t> order(chart.regions.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const int da = chart.regions[a].depth, db = chart.regions[b].depth;
        return layer == ChartLayer::surface ? da > db : da < db;
    });
    return order;
}

// The region drawn on top at p in `layer`, or nullptr.
inline const ChartRegion* region_at(const ChartGeometry& chart, ChartLayer layer, ChartPoint p) {
    const auto order = drawing_order(chart, layer);
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        if (inside_polygon(chart.regions[*it].points, p))
            return &chart.regions[*it];
    }
    return nullptr;
}

// The region of a muscle and side on a view, or nullptr when it is not drawn there.
inline const ChartRegion* find_region(const ChartGeometry& chart, std::string_view muscle_id,
                                      Side side) {
    for (const auto& r : chart.regions) {
        if (r.muscle_id == muscle_id && r.side == side)
            return &r;
    }
    return nullptr;
}

// Where each knot's marker is drawn on its view: at its position, except that a marker that
// would sit within `spread` (view heights, the x distance halved for the 1 x 2 box) of one
// drawn before it on the same view goes round it on a small circle, so none hides another; a
// front end links a moved marker to its true position. Every front end uses this, so the app
// and the reports put markers in the same places.
inline constexpr double marker_spread = 0.028;  // about a marker's width on a chart
template <typename KnotList>
std::vector<ChartPoint> marker_positions(const KnotList& knots, double spread = marker_spread) {
    constexpr double pi = 3.14159265358979323846;
    const auto distance = [](ChartPoint a, ChartPoint b) {
        const double dx = (a.x - b.x) * 0.5, dy = a.y - b.y;
        return std::sqrt(dx * dx + dy * dy);
    };
    std::vector<ChartPoint> drawn;
    drawn.reserve(knots.size());
    for (std::size_t i = 0; i < knots.size(); ++i) {
        const ChartPoint at{knots[i].x, knots[i].y};
        ChartPoint place = at;
        // The true place, then six points round it, then six further out, ...
        for (int attempt = 0; attempt < 19; ++attempt) {
            if (attempt > 0) {
                const double angle = (attempt - 1) % 6 * pi / 3 - pi / 2;
                const double r = spread * (1 + (attempt - 1) / 6);
                place = {at.x + r * std::cos(angle) * 2, at.y + r * std::sin(angle)};
            }
            bool free = true;
            for (std::size_t j = 0; j < i && free; ++j)
                free = knots[j].view != knots[i].view || distance(drawn[j], place) >= spread;
            if (free)
                break;
        }
        drawn.push_back(place);
    }
    return drawn;
}

inline bool on_figure(const ChartGeometry& chart, ChartPoint p) {
    return std::any_of(chart.outlines.begin(), chart.outlines.end(),
                       [&](const auto& outline) { return inside_polygon(outline, p); });
}

// The x extent of the figure (its outlines) with `room` either side, within 0 .. 1: front ends
// draw only this part of a view box, so the narrow side views sit close together.
inline std::pair<double, double> figure_span(const ChartGeometry& chart, double room = 0.04) {
    double low = 1, high = 0;
    for (const auto& outline : chart.outlines) {
        for (const auto& p : outline) {
            low = std::min(low, p.x);
            high = std::max(high, p.x);
        }
    }
    return {std::max(0.0, low - room), std::min(1.0, high + room)};
}

// --- The chart's colours, so every front end's chart looks alike on screen and on paper ---

struct ChartColour {
    unsigned char r, g, b;
};

// A knot marker's colour for a tenderness 0–10 (clamped): green at 0, amber at 5, red at 10,
// blended in between (rounded to the nearest value).
inline ChartColour tenderness_colour(int tenderness) {
    struct Stop {
        double r, g, b;
    };
    constexpr Stop green{46, 158, 68}, amber{240, 176, 0}, red{200, 30, 30};
    const double t = std::clamp(tenderness, 0, 10) / 10.0;
    const Stop from = t <= 0.5 ? green : amber;
    const Stop to = t <= 0.5 ? amber : red;
    const double f = t <= 0.5 ? t * 2 : (t - 0.5) * 2;
    const auto channel = [f](double a, double b) {
        return static_cast<unsigned char>(std::lround(a + (b - a) * f));
    };
    return {channel(from.r, to.r), channel(from.g, to.g), channel(from.b, to.b)};
}

// The print palette (black on white): the figure's fill and contour, and four pale tones for
// the muscle regions; the n-th region in drawing order (drawing_order()) takes tone n % 4.
inline constexpr ChartColour chart_figure_fill{245, 245, 245};
inline constexpr ChartColour chart_contour{110, 110, 110};
inline constexpr std::array<ChartColour, 4> chart_region_tones{
    {{230, 221, 214}, {214, 221, 229}, {217, 225, 214}, {229, 217, 222}}};

namespace body_chart_detail {

// A strict reader of the JSON subset the chart files use (objects, arrays, strings without
// escapes other than \" and \\, numbers, true/false/null); numbers read with from_chars, so
// the locale never matters.
class Reader {
  public:
    explicit Reader(std::string_view text) : text_(text) {}

    [[noreturn]] void fail(const std::string& what) const {
        throw std::runtime_error("body chart data: " + what + " at byte " + std::to_string(pos_));
    }
    void space() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                       text_[pos_] == '\r' || text_[pos_] == '\t'))
            ++pos_;
    }
    bool take(char c) {
        space();
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }
    void expect(char c) {
        if (!take(c))
            fail(std::string("expected '") + c + "'");
    }
    std::string string() {
        expect('"');
        std::string s;
        while (pos_ < text_.size() && text_[pos_] != '"') {
            if (text_[pos_] == '\\' && pos_ + 1 < text_.size())
                ++pos_;
            s += text_[pos_++];
        }
        expect('"');
        return s;
    }
    double number() {
        space();
        double value = 0;
        const auto [end, ec] =
            std::from_chars(text_.data() + pos_, text_.data() + text_.size(), value);
        if (ec != std::errc())
            fail("expected a number");
        pos_ = static_cast<std::size_t>(end - text_.data());
        return value;
    }
    ChartPoint point() {
        expect('[');
        const double x = number();
        expect(',');
        const double y = number();
        expect(']');
        return {x, y};
    }
    std::vector<ChartPoint> polygon() {
        std::vector<ChartPoint> points;
        list([&] { points.push_back(point()); });
        return points;
    }
    // Calls `item` for each element of an array.
    template <typename F>
    void list(F&& item) {
        expect('[');
        if (take(']'))
            return;
        do {
            item();
        } while (take(','));
        expect(']');
    }
    // Calls `member(key)` for each key of an object; the callback reads the value.
    template <typename F>
    void object(F&& member) {
        expect('{');
        if (take('}'))
            return;
        do {
            const std::string key = string();
            expect(':');
            member(key);
        } while (take(','));
        expect('}');
    }
    void skip() {
        space();
        if (pos_ >= text_.size())
            fail("unexpected end");
        const char c = text_[pos_];
        if (c == '{') {
            object([&](const std::string&) { skip(); });
        } else if (c == '[') {
            list([&] { skip(); });
        } else if (c == '"') {
            string();
        } else if (text_.compare(pos_, 4, "true") == 0 || text_.compare(pos_, 4, "null") == 0) {
            pos_ += 4;
        } else if (text_.compare(pos_, 5, "false") == 0) {
            pos_ += 5;
        } else {
            number();
        }
    }
    void end() {
        space();
        if (pos_ != text_.size())
            fail("unexpected text after the data");
    }

  private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

}  // namespace body_chart_detail

inline ChartGeometry parse_body_chart(std::string_view json) {
    body_chart_detail::Reader in(json);
    ChartGeometry chart;
    std::string format;
    int version = 0;
    in.object([&](const std::string& key) {
        if (key == "format") {
            format = in.string();
        } else if (key == "version") {
            version = static_cast<int>(in.number());
        } else if (key == "figure") {
            const auto f = parse_chart_figure(in.string());
            if (!f)
                in.fail("unknown figure");
            chart.figure = *f;
        } else if (key == "view") {
            const auto v = parse_chart_view(in.string());
            if (!v)
                in.fail("unknown view");
            chart.view = *v;
        } else if (key == "outlines") {
            in.list([&] { chart.outlines.push_back(in.polygon()); });
        } else if (key == "lines") {
            in.list([&] { chart.lines.push_back(in.polygon()); });
        } else if (key == "regions") {
            in.list([&] {
                ChartRegion region;
                in.object([&](const std::string& field) {
                    if (field == "muscle") {
                        region.muscle_id = in.string();
                    } else if (field == "side") {
                        const auto side = parse_side(in.string());
                        if (!side)
                            in.fail("unknown side");
                        region.side = *side;
                    } else if (field == "depth") {
                        region.depth = static_cast<int>(in.number());
                    } else if (field == "centre") {
                        region.centre = in.point();
                    } else if (field == "points") {
                        region.points = in.polygon();
                    } else {
                        in.skip();
                    }
                });
                if (region.muscle_id.empty() || region.points.size() < 3)
                    in.fail("a region needs a muscle and at least three points");
                chart.regions.push_back(std::move(region));
            });
        } else {
            in.skip();
        }
    });
    in.end();
    if (format != "knotnotes-body-chart" || version != 1)
        in.fail("not a knotnotes-body-chart version 1 file");
    if (chart.outlines.empty())
        in.fail("no outline");
    return chart;
}

}  // namespace knotnotes::sdk

#include "knotnotes/sdk/body_chart_data.hpp"

namespace knotnotes::sdk {

// The shipped chart of a figure and view, parsed on first use.
inline const ChartGeometry& body_chart(ChartFigure figure, ChartView view) {
    static const auto charts = [] {
        std::array<ChartGeometry, chart_figures.size() * chart_views.size()> all;
        for (std::size_t i = 0; i < all.size(); ++i)
            all[i] = parse_body_chart(body_chart_detail::embedded_json[i]);
        return all;
    }();
    return charts[static_cast<std::size_t>(figure) * chart_views.size() +
                  static_cast<std::size_t>(view)];
}

}  // namespace knotnotes::sdk
