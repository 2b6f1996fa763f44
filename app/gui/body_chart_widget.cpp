// body_chart_widget.cpp — drawing and input of the body chart. What is GUI-free (the figure,
// nearest muscle and side, colours, marker hit-test, layout) lives in core/body_chart_geometry.
#include "body_chart_widget.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <tuple>

#include <wx/dcbuffer.h>
#include <wx/graphics.h>

#include "pch.hpp"

namespace knotnotes::gui {

wxDEFINE_EVENT(EVT_KNOT_PLACED, KnotChartEvent);
wxDEFINE_EVENT(EVT_KNOT_MOVED, KnotChartEvent);
wxDEFINE_EVENT(EVT_KNOT_MENU, KnotChartEvent);
wxDEFINE_EVENT(EVT_KNOT_EDIT, KnotChartEvent);
wxDEFINE_EVENT(EVT_KNOT_DELETE, KnotChartEvent);
wxDEFINE_EVENT(EVT_CHART_HOVER, KnotChartEvent);

namespace {

using sdk::ChartView;

wxString caption(ChartView view) {
    const wxString captions[] = {_("Front"), _("Back"), _("Left side"), _("Right side")};
    return captions[static_cast<int>(view)];  // in the order of sdk::ChartView
}

wxString side_word(sdk::Side side) {
    return side == sdk::Side::right ? _("right") : _("left");
}

wxString muscle_name(const std::string& id) {
    const auto* m = sdk::find_muscle(id);
    return wxString::FromUTF8(m ? std::string(m->name) : id);
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
    return text;
}

// Mixes b into a: the figure's colours follow the theme, light or dark.
wxColour blend(const wxColour& a, const wxColour& b, double t) {
    const auto mix = [t](unsigned char x, unsigned char y) {
        return static_cast<unsigned char>(x + (y - x) * t);
    };
    return {mix(a.Red(), b.Red()), mix(a.Green(), b.Green()), mix(a.Blue(), b.Blue())};
}

wxColour colour_of(int tenderness) {
    const auto c = core::tenderness_colour(tenderness);
    return {c.r, c.g, c.b};
}

wxPoint2DDouble pixel_of(const core::ViewPlace& place, sdk::ChartPoint p) {
    const auto pixel = core::to_pixel(place, p);
    return {pixel.x, pixel.y};
}

void set_pen(wxGraphicsContext& gc, const wxColour& colour, double width,
             wxPenStyle style = wxPENSTYLE_SOLID) {
    gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(colour).Width(width).Style(style)));
}

void circle(wxGraphicsContext& gc, wxPoint2DDouble c, double r) {
    gc.DrawEllipse(c.m_x - r, c.m_y - r, 2 * r, 2 * r);
}

// One marker: the released ring, then the circle (filled = active, hollow = latent).
void draw_marker(wxGraphicsContext& gc, wxPoint2DDouble c, double r, sdk::KnotKind kind,
                 bool released, int tenderness, const wxColour& ink, const wxColour& paper) {
    const wxColour colour = colour_of(tenderness);
    if (released) {
        set_pen(gc, colour, std::max(1.5, r * 0.22));
        gc.SetBrush(*wxTRANSPARENT_BRUSH);
        circle(gc, c, r * 1.75);
    }
    const bool active = kind == sdk::KnotKind::active;
    set_pen(gc, active ? blend(ink, colour, 0.35) : colour,
            active ? std::max(1.0, r * 0.14) : std::max(2.0, r * 0.38));
    gc.SetBrush(wxBrush(active ? colour : paper));
    circle(gc, c, r);
}

// One view's figure: the filled outline(s) and, on the front and back views, the midline.
void draw_figure(wxGraphicsContext& gc, const core::ViewPlace& place, const wxColour& fill,
                 const wxColour& line, double width) {
    for (const auto& curve : core::view_outline(place.view)) {
        wxGraphicsPath path = gc.CreatePath();
        path.MoveToPoint(pixel_of(place, curve.start));
        for (const auto& s : curve.segments) {
            path.AddCurveToPoint(pixel_of(place, s.control1), pixel_of(place, s.control2),
                                 pixel_of(place, s.to));
        }
        path.CloseSubpath();
        gc.SetBrush(wxBrush(fill));
        set_pen(gc, line, width);
        gc.DrawPath(path);
    }
    if (place.view == ChartView::front || place.view == ChartView::back) {
        set_pen(gc, blend(fill, line, 0.45), std::max(1.0, width * 0.7), wxPENSTYLE_SHORT_DASH);
        const auto neck = pixel_of(place, {0.5, 0.125});
        const auto crotch = pixel_of(place, {0.5, 0.53});
        gc.StrokeLine(neck.m_x, neck.m_y, crotch.m_x, crotch.m_y);
    }
}

}  // namespace

std::vector<ChartView> BodyChartWidget::all_views() {
    return {ChartView::front, ChartView::back, ChartView::left, ChartView::right};
}

BodyChartWidget::BodyChartWidget(wxWindow* parent, wxWindowID id, std::vector<ChartView> views)
    : wxWindow(parent, id, wxDefaultPosition, wxDefaultSize,
               wxWANTS_CHARS | wxFULL_REPAINT_ON_RESIZE | wxBORDER_NONE),
      views_(std::move(views)) {
    SetName("body-chart");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, &BodyChartWidget::on_paint, this);
    Bind(wxEVT_LEFT_DOWN, &BodyChartWidget::on_left_down, this);
    Bind(wxEVT_LEFT_DCLICK, &BodyChartWidget::on_double_click, this);
    Bind(wxEVT_LEFT_UP, &BodyChartWidget::on_left_up, this);
    Bind(wxEVT_MOTION, &BodyChartWidget::on_motion, this);
    Bind(wxEVT_RIGHT_DOWN, &BodyChartWidget::on_right_down, this);
    Bind(wxEVT_CONTEXT_MENU, &BodyChartWidget::on_context_menu, this);
    Bind(wxEVT_KEY_DOWN, &BodyChartWidget::on_key_down, this);
    Bind(wxEVT_LEAVE_WINDOW, [this](wxMouseEvent&) { update_status(wxDefaultPosition); });
    Bind(wxEVT_MOUSE_CAPTURE_LOST, [this](wxMouseCaptureLostEvent&) { cancel_press(); });
    Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent&) { Refresh(); });
    Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent&) { Refresh(); });
}

void BodyChartWidget::set_knots(std::vector<sdk::Knot> knots) {
    cancel_press();
    knots_ = std::move(knots);
    select_knot(selected_);  // drops the selection if that knot is gone
}

wxSize BodyChartWidget::DoGetBestClientSize() const {
    return FromDIP(wxSize(160 * static_cast<int>(std::max<std::size_t>(views_.size(), 1)), 480));
}

std::vector<core::ViewPlace> BodyChartWidget::layout() const {
    const wxSize size = GetClientSize();
    // Room for the captions above the figures, and the legend and status line below.
    return core::layout_views(
        views_, {double(size.x), double(size.y), double(FromDIP(12)), double(FromDIP(10)),
                 GetCharHeight() * 1.8, GetCharHeight() * 4.2});
}

std::optional<core::ViewPoint> BodyChartWidget::locate(wxPoint pixel) const {
    return core::locate(layout(), pixel.x, pixel.y);
}

wxPoint BodyChartWidget::chart_to_client(ChartView view, sdk::ChartPoint p) const {
    for (const auto& place : layout()) {
        if (place.view == view)
            return wxPoint(wxRound(core::to_pixel(place, p).x),
                           wxRound(core::to_pixel(place, p).y));
    }
    return wxDefaultPosition;
}

double BodyChartWidget::marker_radius(const core::ViewPlace& place) const {
    return std::clamp(place.box.height * 0.013, double(FromDIP(4)), double(FromDIP(9)));
}

core::ChartTarget BodyChartWidget::target_at(wxPoint pixel, bool markers) const {
    const auto places = layout();
    // A little larger than the marker: small targets are hard to hit on a trackpad.
    const double radius =
        places.empty() ? 0 : std::max(marker_radius(places[0]) * 1.6, double(FromDIP(8)));
    return core::target_at(places, markers ? knots_ : std::vector<sdk::Knot>{}, pixel.x, pixel.y,
                           radius);
}

// The status line names what the pointer is over: a marker, else the muscle a click would
// chart (the drop target while dragging), else nothing.
void BodyChartWidget::update_status(wxPoint pixel) {
    const auto [marker, charted] = target_at(pixel, !(press_ && press_->dragging));
    const sdk::Knot subject = marker ? knots_[*marker] : charted.value_or(sdk::Knot{});
    const int index = marker ? static_cast<int>(*marker) : -1;
    const wxString text =
        marker    ? describe(subject, *marker)
        : charted ? muscle_name(subject.muscle_id) + " (" + side_word(subject.side) + ")"
                  : wxString();
    const wxStockCursor cursor = read_only_ || text.empty() ? wxCURSOR_ARROW
                                 : marker                   ? wxCURSOR_HAND
                                                            : wxCURSOR_CROSS;
    if (cursor != cursor_)
        SetCursor(wxCursor(cursor_ = cursor));
    if (text == status_)
        return;
    status_ = text;
    Refresh();
    send(EVT_CHART_HOVER, subject, index, text);
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
    const sdk::Knot knot = knots_[index];  // a handler may replace knots_
    if (send(EVT_KNOT_MENU, knot, static_cast<int>(index)))
        return;
    wxMenu menu;
    menu.Append(wxID_EDIT, wxString::FromUTF8("&Edit…"));
    menu.Append(wxID_DELETE, _("&Delete"));
    const int choice = GetPopupMenuSelectionFromUser(menu);
    if (choice == wxID_EDIT || choice == wxID_DELETE)
        send(choice == wxID_EDIT ? EVT_KNOT_EDIT : EVT_KNOT_DELETE, knot, static_cast<int>(index));
}

// Moves a marker to where it was dropped if that names a muscle (else it stays where it was);
// the owner commits the move.
void BodyChartWidget::move_knot(std::size_t index, const core::ViewPoint& to) {
    const auto moved = index < knots_.size() && !read_only_
                           ? core::knot_charted_at(knots_[index], to.view, to.point)
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

void BodyChartWidget::cancel_press() {
    const bool had_press = press_.has_value();
    press_.reset();
    if (HasCapture())
        ReleaseMouse();
    if (had_press)
        Refresh();
}

void BodyChartWidget::on_left_down(wxMouseEvent& event) {
    SetFocus();
    cancel_press();
    const auto marker = target_at(event.GetPosition()).knot;
    if (marker)
        select_knot(marker);
    press_ = Press{marker, event.GetPosition(), false, std::nullopt};
    CaptureMouse();
}

// A double click on a marker edits it; on the figure it is ignored, so that it does not chart
// a second knot where its first click already charted one.
void BodyChartWidget::on_double_click(wxMouseEvent& event) {
    cancel_press();
    const auto marker = target_at(event.GetPosition()).knot;
    if (marker && !read_only_)
        send(EVT_KNOT_EDIT, knots_[*marker], static_cast<int>(*marker));
}

void BodyChartWidget::on_motion(wxMouseEvent& event) {
    if (press_ && press_->knot && !read_only_) {
        const wxPoint moved = event.GetPosition() - press_->at;
        // A few pixels of slack, so a click with a shaky hand is not a drag.
        if (press_->dragging || std::max(std::abs(moved.x), std::abs(moved.y)) > FromDIP(3)) {
            press_->dragging = true;
            press_->drop = locate(event.GetPosition());
            Refresh();
        }
    }
    update_status(event.GetPosition());
}

void BodyChartWidget::on_left_up(wxMouseEvent& event) {
    if (!press_)
        return;
    const Press press = *press_;
    cancel_press();
    if (read_only_)
        return;
    if (!press.knot) {  // a click on the figure charts a knot there
        if (const auto knot = target_at(event.GetPosition(), false).charted)
            send(EVT_KNOT_PLACED, *knot, -1);
    } else if (const auto at = locate(event.GetPosition()); at && press.dragging) {
        move_knot(*press.knot, *at);
    }  // a click on a marker only selects it
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
    if ((dx || dy) && event.ControlDown()) {
        nudge(dx, dy, event.ShiftDown());
    } else if (dx || dy) {
        if (const auto next = core::next_knot(knots_, views_, selected_, dx + dy > 0))
            select_knot(next);
    } else if ((key == WXK_RETURN || key == WXK_NUMPAD_ENTER) && editable) {
        send(EVT_KNOT_EDIT, knots_[*selected_], static_cast<int>(*selected_));
    } else if ((key == WXK_DELETE || key == WXK_BACK) && editable) {
        send(EVT_KNOT_DELETE, knots_[*selected_], static_cast<int>(*selected_));
    } else if ((key == WXK_MENU || (key == WXK_F10 && event.ShiftDown())) && editable) {
        open_menu(*selected_);
    } else if (key == WXK_ESCAPE && (press_ || selected_)) {
        press_ ? cancel_press() : select_knot(std::nullopt);
    } else if (key == WXK_TAB) {
        Navigate(event.ShiftDown() ? wxNavigationKeyEvent::IsBackward
                                   : wxNavigationKeyEvent::IsForward);
    } else {
        event.Skip();
    }
}

void BodyChartWidget::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    const wxColour paper = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW);
    const wxColour ink = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const wxColour faint = blend(paper, ink, 0.55);
    const wxFont small = GetFont().Scaled(0.85f);
    const auto places = layout();
    double w = 0, h = 0, bottom = 0;
    for (const auto& place : places)
        bottom = place.box.y + place.box.height;
    // The figures only change with the size: drawn once into a bitmap, then copied, so a click
    // repaints the markers without re-rendering four anti-aliased bodies (a frame's budget).
    if (!figures_.IsOk() || figures_size_ != GetClientSize()) {
        figures_size_ = GetClientSize();
        figures_.CreateWithDIPSize(ToDIP(figures_size_), GetDPIScaleFactor());
        wxMemoryDC memory(figures_);
        memory.SetBackground(wxBrush(paper));
        memory.Clear();
        const std::unique_ptr<wxGraphicsContext> fgc(wxGraphicsContext::Create(memory));
        if (fgc) {
            fgc->SetAntialiasMode(wxANTIALIAS_DEFAULT);
            const wxColour fill = blend(paper, ink, 0.06), line = blend(paper, ink, 0.5);
            for (const auto& place : places) {
                const auto& box = place.box;
                draw_figure(*fgc, place, fill, line, std::max(1.0, box.height / 300));
                fgc->SetFont(GetFont().Bold(), ink);
                fgc->GetTextExtent(caption(place.view), &w, &h);
                fgc->DrawText(caption(place.view), box.x + (box.width - w) / 2,
                              box.y - h - GetCharHeight() * 0.5);
                if (place.view == ChartView::front || place.view == ChartView::back) {
                    // The client's sides, so nobody has to remember which view is mirrored.
                    const bool front = place.view == ChartView::front;
                    fgc->SetFont(GetFont().Bold(), faint);
                    fgc->GetTextExtent("R", &w, &h);
                    const auto left = pixel_of(place, {0.22, 0.1});
                    const auto right = pixel_of(place, {0.78, 0.1});
                    fgc->DrawText(front ? "R" : "L", left.m_x - w / 2, left.m_y - h / 2);
                    fgc->DrawText(front ? "L" : "R", right.m_x - w / 2, right.m_y - h / 2);
                }
            }
        }
    }
    dc.DrawBitmap(figures_, 0, 0);
    const std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc)
        return;
    gc->SetAntialiasMode(wxANTIALIAS_DEFAULT);
    // Markers in order, so that later knots are on top (as core::knot_at() assumes).
    for (std::size_t i = 0; i < knots_.size(); ++i) {
        sdk::Knot knot = knots_[i];
        if (press_ && press_->dragging && press_->knot == i && press_->drop)
            std::tie(knot.view, knot.x, knot.y) =
                std::tuple{press_->drop->view, press_->drop->point.x, press_->drop->point.y};
        const auto place = std::find_if(places.begin(), places.end(),
                                        [&](const auto& p) { return p.view == knot.view; });
        if (place == places.end())
            continue;
        const double r = marker_radius(*place);
        const auto c = pixel_of(*place, {knot.x, knot.y});
        draw_marker(*gc, c, r, knot.kind, knot.result == sdk::KnotResult::released, knot.tenderness,
                    ink, paper);
        if (selected_ == i) {
            const wxColour focus = wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHT);
            set_pen(*gc, HasFocus() ? focus : faint, FromDIP(2), wxPENSTYLE_SHORT_DASH);
            gc->SetBrush(*wxTRANSPARENT_BRUSH);
            circle(*gc, c, r * 2.3);
        }
        gc->SetFont(small, ink);
        gc->DrawText(wxString::Format("%d", static_cast<int>(i + 1)), c.m_x + r * 1.3,
                     c.m_y - r * 2.6);
    }
    // The legend (the three marker shapes, the tenderness scale), then the status line.
    const double r = FromDIP(5), row = bottom + GetCharHeight();
    const double left = places.empty() ? FromDIP(12) : places.front().cell.x;
    double x = left;
    gc->SetFont(small, faint);
    const auto label = [&](const wxString& text) {
        gc->GetTextExtent(text, &w, &h);
        gc->DrawText(text, x, row + r - h / 2);
        x += w + FromDIP(14);
    };
    for (const auto& [kind, released, text] :
         {std::tuple{sdk::KnotKind::active, false, _("active")},
          std::tuple{sdk::KnotKind::latent, false, _("latent")},
          std::tuple{sdk::KnotKind::active, true, _("released")}}) {
        draw_marker(*gc, {x + r * 2, row + r}, r, kind, released, 6, ink, paper);
        x += r * 4.8;
        label(text);
    }
    label(_("tenderness 0"));
    x -= FromDIP(10);
    gc->SetPen(*wxTRANSPARENT_PEN);
    for (int t = 0; t <= 10; ++t) {
        gc->SetBrush(wxBrush(colour_of(t)));
        gc->DrawRectangle(x + t * r * 2, row, r * 2, r * 2);
    }
    x += 22 * r + FromDIP(4);
    label("10");
    const wxString status = !status_.empty() ? status_
                            : read_only_     ? _("Signed session: the chart is read-only.")
                                             : _("Click the figure to chart a knot.");
    gc->SetFont(GetFont(), status_.empty() ? faint : ink);
    gc->DrawText(status, left, row + GetCharHeight() * 1.6);
}

}  // namespace knotnotes::gui
