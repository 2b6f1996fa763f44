// body_chart_geometry.cpp — hit tests by region, layout, zoom, type-ahead and marker spreading.
#include "body_chart_geometry.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <utility>

#include "core/plain_text.hpp"

namespace knotnotes::core {

namespace {

// The part of a view box that holds its figure (x from, to).
std::pair<double, double> figure_span(sdk::ChartFigure figure, sdk::ChartView view) {
    return sdk::figure_span(sdk::body_chart(figure, view));
}

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : ascii_lower(text)) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            word += c;
        } else if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    }
    if (!word.empty())
        words.push_back(word);
    return words;
}

bool starts_a_word(const std::vector<std::string>& words, const std::string& prefix) {
    return std::any_of(words.begin(), words.end(),
                       [&](const std::string& w) { return w.rfind(prefix, 0) == 0; });
}

}  // namespace

double chart_distance(ChartPoint a, ChartPoint b) {
    return std::hypot((a.x - b.x) * chart_view_aspect, a.y - b.y);
}

MuscleHit muscle_at(const ChartLook& look, sdk::ChartView view, ChartPoint p) {
    const auto& chart = sdk::body_chart(look.figure, view);
    MuscleHit hit;
    hit.region = sdk::region_at(chart, look.layer, p);
    if (hit.region)
        hit.muscle = sdk::find_muscle(hit.region->muscle_id);
    else
        hit.miss = sdk::on_figure(chart, p) ? ChartMiss::no_muscle : ChartMiss::off_figure;
    return hit;
}

std::optional<std::size_t> knot_at(const std::vector<sdk::Knot>& knots, sdk::ChartView view,
                                   ChartPoint p, double radius,
                                   const std::vector<ChartPoint>& drawn) {
    std::optional<std::size_t> found;
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < knots.size(); ++i) {
        if (knots[i].view != view)
            continue;
        const ChartPoint at = i < drawn.size() ? drawn[i] : ChartPoint{knots[i].x, knots[i].y};
        const double distance = chart_distance(p, at);
        if (distance <= radius && distance <= best) {
            best = distance;
            found = i;
        }
    }
    return found;
}

std::optional<sdk::Knot> knot_charted_at(sdk::Knot knot, const ChartLook& look, sdk::ChartView view,
                                         ChartPoint p) {
    const auto hit = muscle_at(look, view, p);
    if (!hit)
        return std::nullopt;
    knot.muscle_id = hit.region->muscle_id;
    knot.side = hit.region->side;
    knot.view = view;
    knot.x = p.x;
    knot.y = p.y;
    return knot;
}

std::optional<std::size_t> next_knot(const std::vector<sdk::Knot>& knots,
                                     const std::vector<sdk::ChartView>& views,
                                     std::optional<std::size_t> current, bool forward) {
    const std::size_t n = knots.size();
    // Start just outside the list, so the first step lands on the first or the last knot.
    std::size_t i = current && *current < n ? *current : (forward ? n - 1 : 0);
    for (std::size_t tries = 0; tries < n; ++tries) {
        i = (i + (forward ? 1 : n - 1)) % n;
        if (std::find(views.begin(), views.end(), knots[i].view) != views.end())
            return i;
    }
    return std::nullopt;
}

TypedMuscle find_typed_muscle(const ChartLook& look, sdk::ChartView view,
                              const std::string& typed) {
    TypedMuscle result;
    auto words = words_of(typed);
    if (words.size() >= 2) {
        const std::string& last = words.back();
        if (last == "l" || last == "left")
            result.side = sdk::Side::left;
        else if (last == "r" || last == "right")
            result.side = sdk::Side::right;
        if (result.side)
            words.pop_back();
    }
    if (words.empty())
        return result;
    const auto& chart = sdk::body_chart(look.figure, view);
    for (const auto& muscle : sdk::muscle_atlas) {
        const auto name = words_of(std::string(muscle.name) + " " + std::string(muscle.id));
        if (!std::all_of(words.begin(), words.end(),
                         [&](const std::string& w) { return starts_a_word(name, w); }))
            continue;
        // Its region on the side typed; else the first side the view shows.
        const sdk::ChartRegion* region = nullptr;
        for (const auto& r : chart.regions) {
            if (r.muscle_id == muscle.id && (!result.side || r.side == *result.side)) {
                region = &r;
                break;
            }
        }
        if (region)
            result.matches.push_back(region);
    }
    return result;
}

std::vector<ViewPlace> layout_views(const std::vector<sdk::ChartView>& views,
                                    const ChartSpace& space, sdk::ChartFigure figure) {
    if (views.empty())
        return {};
    std::vector<std::pair<double, double>> spans;
    double total = 0;  // the cells' widths together, in view widths
    for (auto view : views) {
        spans.push_back(figure_span(figure, view));
        total += spans.back().second - spans.back().first;
    }
    const double gaps = space.gap * static_cast<double>(views.size() - 1);
    // The tallest box for which both the cells side by side and the box itself fit.
    const double free_width = space.width - 2 * space.margin - gaps;
    const double free_height = space.height - 2 * space.margin - space.above - space.below;
    const double height =
        std::max(1.0, std::min(free_height, free_width / (total * chart_view_aspect)));
    const double width = height * chart_view_aspect;
    double x = (space.width - total * width - gaps) / 2;
    const double top = space.margin + space.above;
    std::vector<ViewPlace> places;
    for (std::size_t i = 0; i < views.size(); ++i) {
        const auto [from, to] = spans[i];
        places.push_back({views[i],
                          {x - from * width, top, width, height},
                          {x, top, (to - from) * width, height}});
        x += (to - from) * width + space.gap;
    }
    return places;
}

std::vector<ViewPlace> zoomed(std::vector<ViewPlace> places, const ChartZoom& zoom) {
    for (auto& place : places) {
        for (ChartRect* r : {&place.box, &place.cell}) {
            r->x = r->x * zoom.scale + zoom.dx;
            r->y = r->y * zoom.scale + zoom.dy;
            r->width *= zoom.scale;
            r->height *= zoom.scale;
        }
    }
    return places;
}

ChartZoom zoom_about(const ChartZoom& zoom, double factor, double px, double py) {
    const double scale = std::clamp(zoom.scale * factor, 1.0, max_chart_zoom);
    if (scale == 1.0)
        return {};
    // The unzoomed pixel under (px, py) stays under it.
    const double ux = (px - zoom.dx) / zoom.scale, uy = (py - zoom.dy) / zoom.scale;
    return {scale, px - ux * scale, py - uy * scale};
}

std::optional<ViewPoint> locate(const std::vector<ViewPlace>& places, double px, double py) {
    for (const auto& place : places) {
        if (place.cell.contains(px, py)) {
            return ViewPoint{
                place.view,
                {(px - place.box.x) / place.box.width, (py - place.box.y) / place.box.height}};
        }
    }
    return std::nullopt;
}

ChartPoint to_pixel(const ViewPlace& place, ChartPoint p) {
    return {place.box.x + p.x * place.box.width, place.box.y + p.y * place.box.height};
}

ChartTarget target_at(const std::vector<ViewPlace>& places, const ChartLook& look,
                      const std::vector<sdk::Knot>& knots, const std::vector<ChartPoint>& drawn,
                      double px, double py, double hit_radius) {
    const auto at = locate(places, px, py);
    if (!at)
        return {};
    const auto place = std::find_if(places.begin(), places.end(),
                                    [&](const ViewPlace& p) { return p.view == at->view; });
    if (const auto knot =
            knot_at(knots, at->view, at->point, hit_radius / place->box.height, drawn))
        return {knot, std::nullopt, ChartMiss::none};
    const auto hit = muscle_at(look, at->view, at->point);
    if (!hit)
        return {std::nullopt, std::nullopt, hit.miss};
    return {std::nullopt, knot_charted_at({}, look, at->view, at->point), ChartMiss::none};
}

}  // namespace knotnotes::core
