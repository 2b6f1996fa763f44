// body_chart_widget.cpp — input, hover and repaint of the body chart. The look is in
// body_chart_drawing; what is GUI-free (regions, layout, zoom, type-ahead) in
// core/body_chart_geometry.
#include "body_chart_widget.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <tuple>

#include <wx/dcbuffer.h>
#include <wx/graphics.h>

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

constexpr int id_referral_draw = wxID_HIGHEST + 101;
constexpr int id_referral_clear = wxID_HIGHEST + 102;

wxString side_word(sdk::Side side) {
    return side == sdk::Side::right ? _("right") : _("left");
}

wxString muscle_name(const std::string& id) {
    const auto* m = sdk::find_muscle(id);
    return wxString::FromUTF8(m ? std::string(m->name) : id);
}

wxString region_text(const sdk::ChartRegion& region) {
    wxString text = muscle_name(region.muscle_id) + " (" + side_word(region.side) + ")";
    if (region.depth >= 3)
        text += _(", deep");
    return text;
}

// "2. Upper trapezius, right — active, tenderness 7/10, released"
wxString describe(const sdk::Knot& knot, std::size_t index) {
    wxString text = wxString::Format("%d. %s, %s", static_cast<int>(index + 1),
                                     muscle_name(knot.muscle_id), side_word(knot.side));
    text << wxString::FromUTF8(" — ")
         << (knot.kind == sdk::KnotKind::active ? _("active") : _("latent"))
         << wxString::Format(_(", tenderness %d/10"), knot.tenderness);
    if (knot.result != sdk::KnotResult::untreated)
        text << ", " << wxString::FromUTF8(std::string(sdk::to_text(knot.result)));
    if (knot.previous_knot_id)
        text << _(", carried forward");
    return text;
}

wxString miss_text(core::ChartMiss miss) {
    return miss == core::ChartMiss::no_muscle
               ? _("Not on a muscle the chart knows: no atlas muscle is drawn here.")
               : _("Not on a muscle the chart knows: outside the figure.");
}

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

std::vector<ChartKey> BodyChartWidget::key_list() {
    return {
        {_("Type a muscle name"),
         _("find the muscle (\"up trap\"); add \" l\" or \" r\" for the side")},
        {_("Enter"), _("place a knot on the typed muscle, or edit the selected knot")},
        {_("Backspace"), _("take back the last typed letter")},
        {_("Page Up / Page Down"), _("choose the view a typed muscle is placed on")},
        {_("Left / Right, Up / Down"), _("select the previous / next knot")},
        {_("Ctrl+arrows (Shift: further)"), _("nudge the selected knot")},
        {_("Delete"), _("delete the selected knot")},
        {_("Menu or Shift+F10"), _("the selected knot's menu (edit, referral area, delete)")},
        {_("Ctrl+D"), _("switch between the surface and the deep muscles")},
        {_("Ctrl+= / Ctrl+- / Ctrl+0"), _("zoom in / out / reset (also Ctrl+wheel, pinch)")},
        {_("Escape"), _("clear what was typed, cancel a drag, clear the selection, reset zoom")},
        {_("Tab / Shift+Tab"), _("leave the chart")},
    };
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

void BodyChartWidget::set_zoom(const core::ChartZoom& zoom) {
    zoom_ = zoom;
    update_hover(wxDefaultPosition);
    figures_changed();
}

wxSize BodyChartWidget::DoGetBestClientSize() const {
    return FromDIP(wxSize(110 * static_cast<int>(std::max<std::size_t>(views_.size(), 1)), 480));
}

std::vector<core::ViewPlace> BodyChartWidget::unzoomed_layout() const {
    const wxSize size = GetClientSize();
    // Room for the captions above the figures, and the legend and status line below.
    return core::layout_views(views_,
                              {double(size.x), double(size.y), double(FromDIP(8)),
                               double(FromDIP(6)), GetCharHeight() * 1.8, GetCharHeight() * 4.0},
                              look_.figure);
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
    const wxSize text = GetTextExtent(status_);
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

// The label next to the pointer names what is under it: a marker, else the region a click
// would chart (the drop target while dragging), else why there is none.
void BodyChartWidget::update_hover(wxPoint pixel) {
    const bool inside = pixel != wxDefaultPosition;
    const auto target =
        inside ? target_at(pixel, !(press_ && press_->dragging)) : core::ChartTarget{};
    const sdk::ChartRegion* region = nullptr;
    ChartView view = hover_view_;
    if (!target.knot && target.charted) {
        view = target.charted->view;
        region = sdk::find_region(sdk::body_chart(look_.figure, view), target.charted->muscle_id,
                                  target.charted->side);
        current_view_ = view;
    }
    const sdk::Knot subject =
        target.knot ? knots_[*target.knot] : target.charted.value_or(sdk::Knot{});
    const int index = target.knot ? static_cast<int>(*target.knot) : -1;
    const wxString text = target.knot ? describe(subject, *target.knot)
                          : region    ? region_text(*region)
                          : target.miss == core::ChartMiss::no_muscle ? miss_text(target.miss)
                                                                      : wxString();
    const wxStockCursor cursor = read_only_ || text.empty() ? wxCURSOR_ARROW
                                 : target.knot              ? wxCURSOR_HAND
                                 : region                   ? wxCURSOR_CROSS
                                                            : wxCURSOR_ARROW;
    if (cursor != cursor_)
        SetCursor(wxCursor(cursor_ = cursor));
    // Repaint the old and the new highlight and label, nothing else.
    if (region != hover_region_ || view != hover_view_) {
        if (hover_region_)
            RefreshRect(region_rect(hover_view_, *hover_region_), false);
        if (region)
            RefreshRect(region_rect(view, *region), false);
    }
    RefreshRect(label_rect(), false);
    hover_region_ = region;
    hover_view_ = view;
    const bool changed = text != status_;
    status_ = text;
    label_at_ = inside ? pixel : wxDefaultPosition;
    RefreshRect(label_rect(), false);
    if (changed)
        send(EVT_CHART_HOVER, subject, index, text);
}

void BodyChartWidget::show_message(const wxString& text, wxPoint near) {
    RefreshRect(label_rect(), false);
    status_ = text;
    label_at_ = near;
    RefreshRect(label_rect(), false);
    send(EVT_CHART_HOVER, sdk::Knot{}, -1, text);
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

void BodyChartWidget::open_menu(std::size_t index) {
    if (read_only_ || index >= knots_.size())
        return;
    select_knot(index);
    sdk::Knot knot = knots_[index];  // a handler may replace knots_
    if (send(EVT_KNOT_MENU, knot, static_cast<int>(index)))
        return;
    wxMenu menu;
    menu.Append(wxID_EDIT, wxString::FromUTF8("&Edit…"));
    menu.Append(id_referral_draw, _("Draw &referral area"));
    if (!knot.referral_area.empty())
        menu.Append(id_referral_clear, _("&Clear referral area"));
    menu.Append(wxID_DELETE, _("&Delete"));
    const int choice = GetPopupMenuSelectionFromUser(menu);
    if (choice == wxID_EDIT || choice == wxID_DELETE) {
        send(choice == wxID_EDIT ? EVT_KNOT_EDIT : EVT_KNOT_DELETE, knot, static_cast<int>(index));
    } else if (choice == id_referral_draw) {
        referral_for_ = index;
        show_message(_("Drag round the area where this knot refers pain (Escape cancels)."),
                     label_at_);
    } else if (choice == id_referral_clear) {
        knot.referral_area.clear();
        knots_[index] = knot;
        Refresh();
        send(EVT_KNOT_REFERRAL, knot, static_cast<int>(index));
    }
}

// Moves a marker to where it was dropped if that is in a region (else it stays where it was);
// the owner commits the move.
void BodyChartWidget::move_knot(std::size_t index, const core::ViewPoint& to) {
    const auto moved = index < knots_.size() && !read_only_
                           ? core::knot_charted_at(knots_[index], look_, to.view, to.point)
                           : std::nullopt;
    Refresh();
    if (!moved)
        return;
    knots_[index] = *moved;
    send(EVT_KNOT_MOVED, *moved, static_cast<int>(index));
}

void BodyChartWidget::nudge(int dx, int dy, bool far) {
    if (!selected_ || read_only_)
        return;
    // Steps of 0.5 % (far: 2 %) of the view's height; x is scaled, the view is half as wide.
    const double step = far ? 0.02 : 0.005;
    const sdk::Knot& knot = knots_[*selected_];
    move_knot(*selected_,
              {knot.view, {knot.x + dx * step / core::chart_view_aspect, knot.y + dy * step}});
}

void BodyChartWidget::place_typed() {
    const auto found = core::find_typed_muscle(look_, current_view_, typed_.ToStdString());
    if (found.matches.empty()) {
        show_message(wxString::Format(_("Not on a muscle the chart knows: no muscle on the %s "
                                        "view matches \"%s\"."),
                                      view_caption(current_view_).Lower(), typed_),
                     wxDefaultPosition);
        return;
    }
    const sdk::ChartRegion& region = *found.matches.front();
    sdk::Knot knot;
    knot.muscle_id = region.muscle_id;
    knot.side = region.side;
    knot.view = current_view_;
    knot.x = region.centre.x;
    knot.y = region.centre.y;
    typed_.clear();
    Refresh();
    send(EVT_KNOT_PLACED, knot, -1);
}

void BodyChartWidget::cancel_press() {
    const bool had_press = press_.has_value() || !lasso_.empty();
    press_.reset();
    lasso_.clear();
    if (HasCapture())
        ReleaseMouse();
    if (had_press)
        Refresh();
}

void BodyChartWidget::on_left_down(wxMouseEvent& event) {
    SetFocus();
    cancel_press();
    if (referral_for_ && !read_only_) {
        lasso_.clear();
        CaptureMouse();
        press_ = Press{std::nullopt, event.GetPosition(), true, std::nullopt};
        return;
    }
    const auto marker = target_at(event.GetPosition()).knot;
    if (marker)
        select_knot(marker);
    press_ = Press{marker, event.GetPosition(), false, std::nullopt};
    CaptureMouse();
}

// A double click on a marker edits it; elsewhere it resets the zoom (and never charts a second
// knot where its first click already charted one).
void BodyChartWidget::on_double_click(wxMouseEvent& event) {
    cancel_press();
    const auto marker = target_at(event.GetPosition()).knot;
    if (marker && !read_only_)
        send(EVT_KNOT_EDIT, knots_[*marker], static_cast<int>(*marker));
    else if (!marker && zoom_.zoomed())
        reset_zoom();
}

void BodyChartWidget::on_motion(wxMouseEvent& event) {
    if (pan_from_) {
        const wxPoint moved = event.GetPosition() - *pan_from_;
        pan_from_ = event.GetPosition();
        set_zoom({zoom_.scale, zoom_.dx + moved.x, zoom_.dy + moved.y});
        return;
    }
    if (referral_for_ && press_ && *referral_for_ < knots_.size()) {
        // The lasso, in the knot's own view.
        for (const auto& place : layout()) {
            if (place.view == knots_[*referral_for_].view) {
                lasso_.push_back({(event.GetX() - place.box.x) / place.box.width,
                                  (event.GetY() - place.box.y) / place.box.height});
            }
        }
        Refresh();
        return;
    }
    if (press_ && press_->knot && !read_only_) {
        const wxPoint moved = event.GetPosition() - press_->at;
        // A few pixels of slack, so a click with a shaky hand is not a drag.
        if (press_->dragging || std::max(std::abs(moved.x), std::abs(moved.y)) > FromDIP(3)) {
            press_->dragging = true;
            press_->drop = core::locate(layout(), event.GetX(), event.GetY());
            Refresh();
        }
    }
    update_hover(event.GetPosition());
}

void BodyChartWidget::on_left_up(wxMouseEvent& event) {
    if (!press_)
        return;
    const Press press = *press_;
    std::vector<core::ChartPoint> lasso = std::move(lasso_);
    cancel_press();
    if (read_only_)
        return;
    if (referral_for_) {
        const std::size_t index = *referral_for_;
        referral_for_.reset();
        if (lasso.size() >= 3 && index < knots_.size()) {
            // At most 48 points: enough for a hand-drawn area, small to store.
            std::vector<core::ChartPoint> area;
            const std::size_t step = (lasso.size() + 47) / 48;
            for (std::size_t i = 0; i < lasso.size(); i += step)
                area.push_back(
                    {std::clamp(lasso[i].x, 0.0, 1.0), std::clamp(lasso[i].y, 0.0, 1.0)});
            knots_[index].referral_area = area;
            Refresh();
            send(EVT_KNOT_REFERRAL, knots_[index], static_cast<int>(index));
        }
        update_hover(event.GetPosition());
        return;
    }
    if (!press.knot) {  // a click on the figure charts a knot in the region there
        const auto target = target_at(event.GetPosition(), false);
        if (target.charted)
            send(EVT_KNOT_PLACED, *target.charted, -1);
        else
            show_message(miss_text(target.miss), event.GetPosition());
    } else if (const auto at = core::locate(layout(), event.GetX(), event.GetY());
               at && press.dragging) {
        move_knot(*press.knot, *at);
    }  // a click on a marker only selects it
}

void BodyChartWidget::on_middle_down(wxMouseEvent& event) {
    SetFocus();
    pan_from_ = event.GetPosition();
    if (!HasCapture())
        CaptureMouse();
}

void BodyChartWidget::on_wheel(wxMouseEvent& event) {
    if (!event.ControlDown() || event.GetWheelRotation() == 0) {
        event.Skip();
        return;
    }
    const double factor = event.GetWheelRotation() > 0 ? 1.25 : 0.8;
    set_zoom(core::zoom_about(zoom_, factor, event.GetX(), event.GetY()));
}

void BodyChartWidget::on_zoom_gesture(wxZoomGestureEvent& event) {
    if (event.IsGestureStart())
        gesture_start_scale_ = zoom_.scale;
    const wxPoint at = event.GetPosition();
    const double wanted = gesture_start_scale_ * event.GetZoomFactor();
    set_zoom(core::zoom_about(zoom_, wanted / zoom_.scale, at.x, at.y));
}

void BodyChartWidget::on_pan_gesture(wxPanGestureEvent& event) {
    if (!zoom_.zoomed())
        return;
    const wxPoint d = event.GetDelta();
    set_zoom({zoom_.scale, zoom_.dx + d.x, zoom_.dy + d.y});
}

void BodyChartWidget::on_long_press(wxLongPressEvent& event) {
    if (const auto marker = target_at(event.GetPosition()).knot)
        open_menu(*marker);
}

void BodyChartWidget::on_right_down(wxMouseEvent& event) {
    SetFocus();
    cancel_press();
    if (const auto marker = target_at(event.GetPosition()).knot)
        open_menu(*marker);
    else
        event.Skip();  // the parent's own context menu, if it has one
}

void BodyChartWidget::on_context_menu(wxContextMenuEvent& event) {
    // From the keyboard (no position): the selected knot; a mouse right click is handled above.
    if (event.GetPosition() == wxDefaultPosition && selected_)
        open_menu(*selected_);
    else
        event.Skip();
}

void BodyChartWidget::on_key_down(wxKeyEvent& event) {
    const int key = event.GetKeyCode();
    const int dx = key == WXK_LEFT ? -1 : key == WXK_RIGHT ? 1 : 0;
    const int dy = key == WXK_UP ? -1 : key == WXK_DOWN ? 1 : 0;
    const bool editable = selected_ && !read_only_;
    const wxSize size = GetClientSize();
    if ((dx || dy) && event.ControlDown()) {
        nudge(dx, dy, event.ShiftDown());
    } else if (dx || dy) {
        if (const auto next = core::next_knot(knots_, views_, selected_, dx + dy > 0))
            select_knot(next);
    } else if ((key == WXK_RETURN || key == WXK_NUMPAD_ENTER) && !typed_.empty()) {
        if (!read_only_)
            place_typed();
    } else if ((key == WXK_RETURN || key == WXK_NUMPAD_ENTER) && editable) {
        send(EVT_KNOT_EDIT, knots_[*selected_], static_cast<int>(*selected_));
    } else if (key == WXK_BACK) {
        if (!typed_.empty()) {
            typed_.RemoveLast();
            Refresh();
        }
    } else if (key == WXK_DELETE && editable) {
        send(EVT_KNOT_DELETE, knots_[*selected_], static_cast<int>(*selected_));
    } else if ((key == WXK_MENU || (key == WXK_F10 && event.ShiftDown())) && editable) {
        open_menu(*selected_);
    } else if (key == WXK_PAGEUP || key == WXK_PAGEDOWN) {
        auto it = std::find(views_.begin(), views_.end(), current_view_);
        if (!views_.empty()) {
            const std::size_t i = it == views_.end() ? 0 : std::size_t(it - views_.begin());
            const std::size_t n = views_.size();
            set_current_view(views_[(i + (key == WXK_PAGEDOWN ? 1 : n - 1)) % n]);
        }
    } else if (event.ControlDown() && (key == 'D' || key == 'd')) {
        set_layer(look_.layer == sdk::ChartLayer::surface ? sdk::ChartLayer::deep
                                                          : sdk::ChartLayer::surface);
    } else if (event.ControlDown() && (key == '=' || key == '+' || key == WXK_NUMPAD_ADD)) {
        set_zoom(core::zoom_about(zoom_, 1.25, size.x / 2.0, size.y / 2.0));
    } else if (event.ControlDown() && (key == '-' || key == WXK_NUMPAD_SUBTRACT)) {
        set_zoom(core::zoom_about(zoom_, 0.8, size.x / 2.0, size.y / 2.0));
    } else if (event.ControlDown() && key == '0') {
        reset_zoom();
    } else if (key == WXK_ESCAPE) {
        if (!typed_.empty()) {
            typed_.clear();
            Refresh();
        } else if (referral_for_ || press_) {
            referral_for_.reset();
            cancel_press();
        } else if (selected_) {
            select_knot(std::nullopt);
        } else if (zoom_.zoomed()) {
            reset_zoom();
        } else {
            event.Skip();
        }
    } else if (key == WXK_TAB) {
        Navigate(event.ShiftDown() ? wxNavigationKeyEvent::IsBackward
                                   : wxNavigationKeyEvent::IsForward);
    } else {
        event.Skip();  // letters come back as wxEVT_CHAR
    }
}

void BodyChartWidget::on_char(wxKeyEvent& event) {
    const wxChar c = event.GetUnicodeKey();
    if (event.ControlDown() || event.AltDown() || c == WXK_NONE ||
        !(wxIsalnum(c) || c == ' ' || c == '-' || c == '\'')) {
        event.Skip();
        return;
    }
    if (typed_.empty() && c == ' ')
        return;
    typed_ += c;
    Refresh();
}

void BodyChartWidget::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    const auto colours = ChartColours::from_system();
    const wxFont small = GetFont().Scaled(0.85f);
    const auto places = layout();
    const auto unzoomed = unzoomed_layout();
    double w = 0, h = 0, bottom = 0;
    for (const auto& place : unzoomed)
        bottom = place.box.y + place.box.height;
    // The figures only change with the size, zoom, figure and layer: drawn once into a bitmap,
    // then copied, so a hover or a click repaints only what changed (a frame's budget).
    if (!figures_.IsOk() || figures_size_ != GetClientSize()) {
        figures_size_ = GetClientSize();
        figures_.CreateWithDIPSize(ToDIP(figures_size_), GetDPIScaleFactor());
        wxMemoryDC memory(figures_);
        memory.SetBackground(wxBrush(colours.paper));
        memory.Clear();
        const std::unique_ptr<wxGraphicsContext> fgc(wxGraphicsContext::Create(memory));
        if (fgc) {
            fgc->SetAntialiasMode(wxANTIALIAS_DEFAULT);
            draw_figures(*fgc, places, look_, colours, GetFont());
        }
    }
    dc.DrawBitmap(figures_, 0, 0);
    const std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc)
        return;
    gc->SetAntialiasMode(wxANTIALIAS_DEFAULT);
    for (const auto& place : places) {
        if (hover_region_ && place.view == hover_view_ && !(press_ && press_->knot))
            draw_region_highlight(*gc, place, *hover_region_, colours);
        if (place.view == current_view_ && HasFocus()) {
            gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(colours.accent).Width(FromDIP(2))));
            gc->SetFont(GetFont().Bold(), colours.accent);  // the caption's font, to measure it
            gc->GetTextExtent(view_caption(place.view), &w, &h);
            const double y = place.box.y - GetCharHeight() * 0.25;
            gc->StrokeLine(place.box.x + (place.box.width - w) / 2, y,
                           place.box.x + (place.box.width + w) / 2, y);
        }
    }
    std::vector<sdk::Knot> shown = knots_;
    if (press_ && press_->dragging && press_->knot && press_->drop && *press_->knot < shown.size())
        std::tie(shown[*press_->knot].view, shown[*press_->knot].x, shown[*press_->knot].y) =
            std::tuple{press_->drop->view, press_->drop->point.x, press_->drop->point.y};
    KnotPicture picture{&shown,
                        core::marker_positions(shown),
                        &earlier_,
                        selected_,
                        HasFocus() ? colours.accent : colours.faint,
                        marker_radius(),
                        {}};
    // Only the markers in the part being repainted (a click repaints one marker's box); links
    // to earlier places reach beyond a marker's box, so with those every marker is drawn.
    const wxRegion& update = GetUpdateRegion();
    if (earlier_.empty()) {
        picture.skip.resize(shown.size());
        for (std::size_t i = 0; i < shown.size(); ++i) {
            const bool dragged = press_ && press_->dragging && press_->knot == i;
            picture.skip[i] =
                !dragged && update.Contains(marker_rect(i, places, picture.drawn)) == wxOutRegion;
        }
    }
    draw_knots(*gc, places, picture, colours, small);
    if (lasso_.size() > 1 && referral_for_ && *referral_for_ < knots_.size()) {
        for (const auto& place : places) {
            if (place.view != knots_[*referral_for_].view)
                continue;
            wxGraphicsPath path = gc->CreatePath();
            const auto first = core::to_pixel(place, lasso_[0]);
            path.MoveToPoint(first.x, first.y);
            for (const auto& p : lasso_) {
                const auto q = core::to_pixel(place, p);
                path.AddLineToPoint(q.x, q.y);
            }
            gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(colours.accent).Width(FromDIP(2))));
            gc->StrokePath(path);
        }
    }
    // Under the figures (not zoomed): the legend, then what was typed or what to do.
    const double row = bottom + GetCharHeight() * 0.6;
    const wxRect under(0, static_cast<int>(bottom), GetClientSize().x,
                       GetClientSize().y - static_cast<int>(bottom));
    if (update.Contains(under) != wxOutRegion)
        draw_status_line(*gc, bottom, row, colours, small, unzoomed);
    draw_hover_label(*gc, colours);
}

void BodyChartWidget::draw_status_line(wxGraphicsContext& gc, double bottom, double row,
                                       const ChartColours& colours, const wxFont& small,
                                       const std::vector<core::ViewPlace>& unzoomed) {
    const double left = unzoomed.empty() ? FromDIP(8) : unzoomed.front().cell.x;
    gc.SetBrush(wxBrush(colours.paper));
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.DrawRectangle(0, bottom, GetClientSize().x, GetClientSize().y - bottom);
    draw_legend(gc, left, row, FromDIP(5), small, colours);
    const wxString line =
        !typed_.empty()
            ? [&] {
                  const auto found =
                      core::find_typed_muscle(look_, current_view_, typed_.ToStdString());
                  const wxString target =
                      found.matches.empty()
                          ? _("no muscle on this view matches")
                          : region_text(*found.matches.front()) + wxString::Format(
                                _(" on the %s view; Enter places it"),
                                view_caption(current_view_).Lower());
                  return wxString::Format(_("Typed \"%s\": %s"), typed_, target);
              }()
        : read_only_ ? _("Signed session: the chart is read-only.")
        : referral_for_
            ? _("Drag round the area where this knot refers pain (Escape cancels).")
            : _("Click a muscle to chart a knot, or type its name. F1 lists the keys.");
    gc.SetFont(typed_.empty() ? GetFont() : GetFont().Bold(),
               typed_.empty() ? colours.faint : colours.ink);
    gc.DrawText(line, left, row + GetCharHeight() * 1.5);
}

void BodyChartWidget::draw_hover_label(wxGraphicsContext& gc, const ChartColours& colours) {
    const wxRect label = label_rect();
    if (!label.IsEmpty()) {
        const wxRect box = wxRect(label).Deflate(FromDIP(2));
        gc.SetBrush(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_INFOBK)));
        gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(colours.faint).Width(1)));
        gc.DrawRoundedRectangle(box.x, box.y, box.width, box.height, FromDIP(3));
        gc.SetFont(GetFont(), wxSystemSettings::GetColour(wxSYS_COLOUR_INFOTEXT));
        gc.DrawText(status_, box.x + FromDIP(4), box.y + FromDIP(4));
    }
}

}  // namespace knotnotes::gui
