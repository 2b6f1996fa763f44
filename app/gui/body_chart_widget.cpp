// body_chart_widget.cpp — the body chart's state: construction, what the owner sets, the layout
// and the boxes that are repainted when something changes. Input is in body_chart_input.cpp,
// zoom and touch in body_chart_zoom.cpp, painting in body_chart_paint.cpp; the look is in
// body_chart_drawing; what is GUI-free (regions, layout, zoom, type-ahead) in
// core/body_chart_geometry.
#include "body_chart_widget.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <tuple>

#include "body_chart_drawing.hpp"
#include "pch.hpp"

namespace knotnotes::gui {

wxDEFINE_EVENT(EVT_KNOT_PLACED, KnotChartEvent);
wxDEFINE_EVENT(EVT_KNOT_MOVED, KnotChartEvent);
wxDEFINE_EVENT(EVT_KNOT_REFERRAL, KnotChartEvent);
wxDEFINE_EVENT(EVT_KNOT_MENU, KnotChartEvent);
wxDEFINE_EVENT(EVT_KNOT_EDIT, KnotChartEvent);
wxDEFINE_EVENT(EVT_KNOT_DELETE, KnotChartEvent);
wxDEFINE_EVENT(EVT_CHART_HOVER, KnotChartEvent);

namespace {

using sdk::ChartView;

wxRect bounds(const std::vector<wxPoint2DDouble>& points, int margin) {
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    for (const auto& p : points) {
        x0 = std::min(x0, p.m_x);
        y0 = std::min(y0, p.m_y);
        x1 = std::max(x1, p.m_x);
        y1 = std::max(y1, p.m_y);
    }
    return wxRect(wxPoint(int(x0) - margin, int(y0) - margin),
                  wxPoint(int(x1) + margin, int(y1) + margin));
}

}  // namespace

std::vector<ChartView> BodyChartWidget::all_views() {
    return {ChartView::front, ChartView::back, ChartView::left, ChartView::right};
}

BodyChartWidget::BodyChartWidget(wxWindow* parent, wxWindowID id, std::vector<ChartView> views)
    : wxWindow(parent, id, wxDefaultPosition, wxDefaultSize,
               wxWANTS_CHARS | wxFULL_REPAINT_ON_RESIZE | wxBORDER_NONE | wxTAB_TRAVERSAL),
      views_(std::move(views)) {
    SetName("body-chart");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    if (!views_.empty())
        current_view_ = views_.front();
    SetMinClientSize(FromDIP(wxSize(260, 300)));
    EnableTouchEvents(wxTOUCH_ZOOM_GESTURE | wxTOUCH_PAN_GESTURES | wxTOUCH_PRESS_GESTURES);
    Bind(wxEVT_PAINT, &BodyChartWidget::on_paint, this);
    Bind(wxEVT_LEFT_DOWN, &BodyChartWidget::on_left_down, this);
    Bind(wxEVT_LEFT_DCLICK, &BodyChartWidget::on_double_click, this);
    Bind(wxEVT_LEFT_UP, &BodyChartWidget::on_left_up, this);
    Bind(wxEVT_MOTION, &BodyChartWidget::on_motion, this);
    Bind(wxEVT_MIDDLE_DOWN, &BodyChartWidget::on_middle_down, this);
    Bind(wxEVT_MIDDLE_UP, [this](wxMouseEvent&) {
        pan_from_.reset();
        if (HasCapture() && !press_)
            ReleaseMouse();
    });
    Bind(wxEVT_MOUSEWHEEL, &BodyChartWidget::on_wheel, this);
    Bind(wxEVT_RIGHT_DOWN, &BodyChartWidget::on_right_down, this);
    Bind(wxEVT_CONTEXT_MENU, &BodyChartWidget::on_context_menu, this);
    Bind(wxEVT_KEY_DOWN, &BodyChartWidget::on_key_down, this);
    Bind(wxEVT_CHAR, &BodyChartWidget::on_char, this);
    Bind(wxEVT_GESTURE_ZOOM, &BodyChartWidget::on_zoom_gesture, this);
    Bind(wxEVT_GESTURE_PAN, &BodyChartWidget::on_pan_gesture, this);
    Bind(wxEVT_LONG_PRESS, &BodyChartWidget::on_long_press, this);
    Bind(wxEVT_LEAVE_WINDOW, [this](wxMouseEvent&) { update_hover(wxDefaultPosition); });
    Bind(wxEVT_MOUSE_CAPTURE_LOST, [this](wxMouseCaptureLostEvent&) {
        pan_from_.reset();
        cancel_press();
    });
    Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent&) { Refresh(); });
    Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent&) { Refresh(); });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        figures_changed();
        e.Skip();
    });
}

void BodyChartWidget::set_views(std::vector<ChartView> views) {
    views_ = std::move(views);
    if (!views_.empty() && std::find(views_.begin(), views_.end(), current_view_) == views_.end())
        current_view_ = views_.front();
    figures_changed();
}

void BodyChartWidget::set_figure(sdk::ChartFigure figure) {
    look_.figure = figure;
    update_hover(wxDefaultPosition);
    figures_changed();
}

void BodyChartWidget::set_layer(sdk::ChartLayer layer) {
    look_.layer = layer;
    update_hover(wxDefaultPosition);
    figures_changed();
}

void BodyChartWidget::figures_changed() {
    figures_ = wxBitmap();
    Refresh();
}

void BodyChartWidget::set_knots(std::vector<sdk::Knot> knots) {
    cancel_press();
    // Repaint only what changed: the old and new place of each marker that differs.
    const auto places = layout();
    const auto before = drawn_positions();
    std::vector<sdk::Knot> old = std::move(knots_);
    knots_ = std::move(knots);
    const auto after = drawn_positions();
    const auto same = [](const sdk::Knot& a, const sdk::Knot& b) {
        return a.id == b.id && a.view == b.view && a.x == b.x && a.y == b.y && a.kind == b.kind &&
               a.result == b.result && a.tenderness == b.tenderness &&
               a.referral_area.size() == b.referral_area.size() &&
               a.previous_knot_id == b.previous_knot_id;
    };
    const bool areas =
        std::any_of(knots_.begin(), knots_.end(),
                    [](const auto& k) { return !k.referral_area.empty(); }) ||
        std::any_of(old.begin(), old.end(), [](const auto& k) { return !k.referral_area.empty(); });
    if (areas || !earlier_.empty()) {
        Refresh();  // areas and links span more than a marker
    } else {
        std::swap(old, knots_);
        for (std::size_t i = 0; i < knots_.size(); ++i)
            RefreshRect(marker_rect(i, places, before), false);
        std::swap(old, knots_);
        for (std::size_t i = 0; i < knots_.size(); ++i) {
            if (i >= old.size() || !same(old[i], knots_[i]) || before.size() != after.size() ||
                before[i].x != after[i].x || before[i].y != after[i].y)
                RefreshRect(marker_rect(i, places, after), false);
        }
    }
    if (selected_ && *selected_ >= knots_.size())
        selected_.reset();
}

void BodyChartWidget::set_earlier_knots(std::vector<sdk::Knot> earlier) {
    earlier_ = std::move(earlier);
    Refresh();
}

void BodyChartWidget::set_read_only(bool read_only) {
    cancel_press();
    referral_for_.reset();
    read_only_ = read_only;
    Refresh();
}

void BodyChartWidget::select_knot(std::optional<std::size_t> index) {
    const auto places = layout();
    const auto drawn = drawn_positions();
    if (selected_ && *selected_ < knots_.size())
        RefreshRect(marker_rect(*selected_, places, drawn), false);
    selected_ = index && *index < knots_.size() ? index : std::nullopt;
    if (selected_) {
        current_view_ = knots_[*selected_].view;
        RefreshRect(marker_rect(*selected_, places, drawn), false);
    }
}

void BodyChartWidget::set_current_view(ChartView view) {
    current_view_ = view;
    Refresh();
}

wxSize BodyChartWidget::DoGetBestClientSize() const {
    return FromDIP(wxSize(110 * static_cast<int>(std::max<std::size_t>(views_.size(), 1)), 480));
}

std::vector<core::ViewPlace> BodyChartWidget::unzoomed_layout() const {
    const wxSize size = GetClientSize();
    const int char_height = GetCharHeight();
    // Asked for by every marker box and hit test: laid out again only when its inputs change.
    if (layout_cache_.size != size || layout_cache_.char_height != char_height ||
        layout_cache_.views != views_ || layout_cache_.figure != look_.figure) {
        // Room for the captions above the figures, and the legend and status line below.
        layout_cache_ = {
            size, char_height, views_, look_.figure,
            core::layout_views(views_,
                               {double(size.x), double(size.y), double(FromDIP(8)),
                                double(FromDIP(6)), char_height * 1.8, char_height * 4.0},
                               look_.figure)};
    }
    return layout_cache_.places;
}

std::vector<core::ViewPlace> BodyChartWidget::layout() const {
    return core::zoomed(unzoomed_layout(), zoom_);
}

wxPoint BodyChartWidget::chart_to_client(ChartView view, sdk::ChartPoint p) const {
    for (const auto& place : layout()) {
        if (place.view == view)
            return wxPoint(wxRound(core::to_pixel(place, p).x),
                           wxRound(core::to_pixel(place, p).y));
    }
    return wxDefaultPosition;
}

double BodyChartWidget::marker_radius() const {
    const auto places = unzoomed_layout();
    const double h = places.empty() ? 400 : places[0].box.height;
    return std::clamp(h * 0.012, double(FromDIP(4)), double(FromDIP(8))) *
           std::min(zoom_.scale, 2.0);
}

std::vector<core::ChartPoint> BodyChartWidget::drawn_positions() const {
    return core::marker_positions(knots_);
}

core::ChartTarget BodyChartWidget::target_at(wxPoint pixel, bool markers) const {
    const double radius = std::max(marker_radius() * 1.4, double(FromDIP(marker_hit_radius_dip)));
    static const std::vector<sdk::Knot> none;
    return core::target_at(layout(), look_, markers ? knots_ : none,
                           markers ? drawn_positions() : std::vector<core::ChartPoint>{}, pixel.x,
                           pixel.y, radius);
}

wxRect BodyChartWidget::marker_rect(std::size_t index, const std::vector<core::ViewPlace>& places,
                                    const std::vector<core::ChartPoint>& drawn) const {
    if (index >= knots_.size() || index >= drawn.size())
        return {};
    for (const auto& place : places) {
        if (place.view != knots_[index].view)
            continue;
        const double r = marker_radius();
        const auto c = core::to_pixel(place, drawn[index]);
        const auto t = core::to_pixel(place, {knots_[index].x, knots_[index].y});
        // The ring, the selection and the number up and to the right.
        return bounds({{c.x - r * 2.7, c.y - r * 3.6},
                       {c.x + r * 5 + GetCharWidth() * 3, c.y + r * 2.7},
                       {t.x, t.y}},
                      FromDIP(3));
    }
    return {};
}

wxRect BodyChartWidget::region_rect(ChartView view, const sdk::ChartRegion& region) const {
    for (const auto& place : layout()) {
        if (place.view != view)
            continue;
        std::vector<wxPoint2DDouble> points;
        for (const auto& p : region.points) {
            const auto q = core::to_pixel(place, p);
            points.emplace_back(q.x, q.y);
        }
        return bounds(points, FromDIP(3));
    }
    return {};
}

wxRect BodyChartWidget::label_rect() const {
    if (label_at_ == wxDefaultPosition || status_.empty())
        return {};
    // Measured once per text: the label's box is asked for on every move and repaint.
    if (label_measured_ != status_) {
        label_measured_ = status_;
        label_text_size_ = GetTextExtent(status_);
    }
    const wxSize text = label_text_size_;
    const int pad = FromDIP(4);
    wxRect r(label_at_ + FromDIP(wxPoint(14, 10)), text + wxSize(2 * pad, 2 * pad));
    // Kept inside the window: flipped to the left or above the pointer near an edge.
    const wxSize client = GetClientSize();
    if (r.GetRight() > client.x)
        r.x = std::max(0, label_at_.x - FromDIP(8) - r.width);
    if (r.GetBottom() > client.y)
        r.y = std::max(0, label_at_.y - FromDIP(8) - r.height);
    return r.Inflate(FromDIP(2));
}

bool BodyChartWidget::send(wxEventType type, const sdk::Knot& knot, int index,
                           const wxString& text) {
    KnotChartEvent event(type, GetId());
    event.SetEventObject(this);
    event.set_knot(knot);
    event.SetInt(index);
    event.SetString(text);
    return ProcessWindowEvent(event);
}

}  // namespace knotnotes::gui
