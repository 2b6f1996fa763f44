// body_chart_widget.hpp — the body chart a therapist charts knots on: front, back, left and
// right views of an anatomical figure (neutral, female or male) with every atlas muscle drawn
// as a region (sdk::body_chart), and the session's knot markers.
//
// What it shows (body_chart_drawing.hpp for the style)
// - The chosen views side by side, captioned, "R"/"L" marks on the front and back views; the
//   current view (keyboard placement goes there) is underlined while the chart has the focus.
// - The surface layer (deep muscles dashed) or the deep layer (superficial ones faded); which
//   layer takes clicks is set_layer() (Ctrl+D toggles it).
// - Hover: the region under the pointer is highlighted and named in a label next to the
//   pointer ("Upper trapezius (left)"), or the knot under it described; on the figure but off
//   every region: "Not on a muscle the chart knows: …". The same text goes to EVT_CHART_HOVER.
// - Knots: markers as draw_knots() draws them; knots carried forward are linked to their
//   earlier position (set_earlier_knots(), the previous session's knots, from the owner).
// - Under the figures the legend and a line with what was typed or what to do.
//
// What it reports (KnotChartEvent, a command event: it propagates to the parents). The widget
// never writes to the database: the owner commits and calls set_knots() with the result.
// - EVT_KNOT_PLACED: a left click (or tap) inside a muscle region, or a muscle typed and Enter;
//   knot() is a new knot (id 0, index -1) with the region's muscle and side, the view and the
//   point (typed: the region's centre). Outside every region nothing is placed and the status
//   says why.
// - EVT_KNOT_MOVED: a marker dragged (or nudged with Ctrl+arrows) into a region; knot() has
//   its new view, x, y, muscle and side. Dropped off every region, it goes back.
// - EVT_KNOT_REFERRAL: a referral area drawn round (or cleared from) a knot; knot() has it.
// - EVT_KNOT_MENU: a right click / long press on a marker (or Menu / Shift+F10). If no handler
//   processes it, the widget's own menu (Edit…, Draw referral area, Clear referral area,
//   Delete) reports the choice as EVT_KNOT_EDIT, EVT_KNOT_REFERRAL or EVT_KNOT_DELETE.
// - EVT_CHART_HOVER: the hover text changed; GetString() is the text (empty off the figure),
//   knot() the hovered knot, or the hovered muscle and side with id 0.
// In read-only mode (a signed session) only EVT_CHART_HOVER is sent.
//
// Zoom and touch: Ctrl+wheel or a pinch zooms about the pointer (up to 6x), a middle-button
// drag or a two-finger pan moves, Escape or a double click off the markers resets; Ctrl+=/-/0
// from the keyboard. Touch and pen taps act as clicks; marker targets are at least 14 DIP in
// radius (7.4 mm across at 96 DPI), the size of a fingertip.
//
// Keyboard: see key_list() (also for the F1 help).
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include <knotnotes/sdk/records.hpp>

#include <wx/bitmap.h>
#include <wx/cursor.h>
#include <wx/event.h>
#include <wx/window.h>

#include "core/body_chart_geometry.hpp"

class wxGraphicsContext;
class wxZoomGestureEvent;
class wxPanGestureEvent;
class wxLongPressEvent;

namespace knotnotes::gui {

struct ChartColours;

class KnotChartEvent : public wxCommandEvent {
  public:
    explicit KnotChartEvent(wxEventType type = wxEVT_NULL, int id = 0) : wxCommandEvent(type, id) {}
    // wxWidgets copies events it queues through Clone(); it owns the copy.
    wxEvent* Clone() const override { return new KnotChartEvent(*this); }

    const sdk::Knot& knot() const { return knot_; }
    void set_knot(const sdk::Knot& knot) { knot_ = knot; }
    // Index of the knot in the list given to set_knots(); -1 for a new knot or a muscle.
    int knot_index() const { return GetInt(); }

  private:
    sdk::Knot knot_;
};

wxDECLARE_EVENT(EVT_KNOT_PLACED, KnotChartEvent);
wxDECLARE_EVENT(EVT_KNOT_MOVED, KnotChartEvent);
wxDECLARE_EVENT(EVT_KNOT_REFERRAL, KnotChartEvent);
wxDECLARE_EVENT(EVT_KNOT_MENU, KnotChartEvent);
wxDECLARE_EVENT(EVT_KNOT_EDIT, KnotChartEvent);
wxDECLARE_EVENT(EVT_KNOT_DELETE, KnotChartEvent);
wxDECLARE_EVENT(EVT_CHART_HOVER, KnotChartEvent);

// One line of the chart's keyboard help: the keys and what they do.
struct ChartKey {
    wxString keys;
    wxString action;
};

class BodyChartWidget : public wxWindow {
  public:
    static std::vector<sdk::ChartView> all_views();
    static std::vector<ChartKey> key_list();
    // Marker hit radius (DIP): 14 DIP = 7.4 mm across at 96 DPI, a fingertip.
    static constexpr int marker_hit_radius_dip = 14;

    explicit BodyChartWidget(wxWindow* parent, wxWindowID id = wxID_ANY,
                             std::vector<sdk::ChartView> views = all_views());

    void set_views(std::vector<sdk::ChartView> views);
    const std::vector<sdk::ChartView>& views() const { return views_; }

    void set_figure(sdk::ChartFigure figure);
    sdk::ChartFigure figure() const { return look_.figure; }
    void set_layer(sdk::ChartLayer layer);
    sdk::ChartLayer layer() const { return look_.layer; }

    // Knots on views that are not shown are kept but not drawn. Repaints only the markers that
    // changed.
    void set_knots(std::vector<sdk::Knot> knots);
    const std::vector<sdk::Knot>& knots() const { return knots_; }
    // The previous session's knots: a knot whose previous_knot_id is one of them is linked to
    // where it was then.
    void set_earlier_knots(std::vector<sdk::Knot> earlier);

    void set_read_only(bool read_only);
    bool read_only() const { return read_only_; }

    std::optional<std::size_t> selected_knot() const { return selected_; }
    void select_knot(std::optional<std::size_t> index);

    sdk::ChartView current_view() const { return current_view_; }
    void set_current_view(sdk::ChartView view);
    const wxString& typed_text() const { return typed_; }

    const core::ChartZoom& zoom() const { return zoom_; }
    void set_zoom(const core::ChartZoom& zoom);
    void reset_zoom() { set_zoom({}); }

    // The window pixel (client coordinates) of point p on a view, or wxDefaultPosition when
    // the view is not shown: for tests, and for pointing at a knot from elsewhere.
    wxPoint chart_to_client(sdk::ChartView view, sdk::ChartPoint p) const;

    // The hover or status text (what the label next to the pointer says).
    const wxString& status_text() const { return status_; }
    // The region highlighted under the pointer, if any.
    const sdk::ChartRegion* hovered_region() const { return hover_region_; }
    // Where the label with status_text() is drawn (client coordinates): just below and right
    // of the pointer, flipped near an edge; empty when there is no label.
    wxRect label_rect() const;
    // Where each view is drawn now (zoom included), left to right.
    std::vector<core::ViewPlace> view_places() const { return layout(); }

  protected:
    wxSize DoGetBestClientSize() const override;
    bool AcceptsFocus() const override { return true; }

  private:
    // A left button press, on a marker (knot set) or on the figure.
    struct Press {
        std::optional<std::size_t> knot;
        wxPoint at;
        bool dragging = false;
        std::optional<core::ViewPoint> drop;
    };

    std::vector<core::ViewPlace> layout() const;
    std::vector<core::ViewPlace> unzoomed_layout() const;
    double marker_radius() const;
    std::vector<core::ChartPoint> drawn_positions() const;
    core::ChartTarget target_at(wxPoint pixel, bool markers = true) const;
    void update_hover(wxPoint pixel);
    void show_message(const wxString& text, wxPoint near);
    bool send(wxEventType type, const sdk::Knot& knot, int index, const wxString& text = {});
    void open_menu(std::size_t index);
    void move_knot(std::size_t index, const core::ViewPoint& to);
    void nudge(int dx, int dy, bool far);
    void place_typed();
    void cancel_press();
    void figures_changed();
    wxRect marker_rect(std::size_t index, const std::vector<core::ViewPlace>& places,
                       const std::vector<core::ChartPoint>& drawn) const;
    wxRect region_rect(sdk::ChartView view, const sdk::ChartRegion& region) const;

    void on_paint(wxPaintEvent& event);
    // Under the figures: the legend, then what was typed or what to do.
    void draw_status_line(wxGraphicsContext& gc, double bottom, double row,
                          const ChartColours& colours, const wxFont& small,
                          const std::vector<core::ViewPlace>& unzoomed);
    // The label with status_text() next to the pointer.
    void draw_hover_label(wxGraphicsContext& gc, const ChartColours& colours);
    void on_left_down(wxMouseEvent& event);
    void on_double_click(wxMouseEvent& event);
    void on_left_up(wxMouseEvent& event);
    void on_motion(wxMouseEvent& event);
    void on_middle_down(wxMouseEvent& event);
    void on_wheel(wxMouseEvent& event);
    void on_right_down(wxMouseEvent& event);
    void on_context_menu(wxContextMenuEvent& event);
    void on_key_down(wxKeyEvent& event);
    void on_char(wxKeyEvent& event);
    void on_zoom_gesture(wxZoomGestureEvent& event);
    void on_pan_gesture(wxPanGestureEvent& event);
    void on_long_press(wxLongPressEvent& event);

    std::vector<sdk::ChartView> views_;
    core::ChartLook look_;
    std::vector<sdk::Knot> knots_;
    std::vector<sdk::Knot> earlier_;
    wxBitmap figures_;  // the views, captions and side marks; see on_paint
    wxSize figures_size_;
    core::ChartZoom zoom_;
    double gesture_start_scale_ = 1;
    std::optional<wxPoint> pan_from_;
    bool read_only_ = false;
    std::optional<std::size_t> selected_;
    std::optional<Press> press_;
    std::optional<std::size_t> referral_for_;  // drawing a referral area round this knot
    std::vector<core::ChartPoint> lasso_;
    sdk::ChartView current_view_ = sdk::ChartView::front;
    wxString typed_;
    wxString status_;
    wxPoint label_at_ = wxDefaultPosition;  // where the hover label is drawn
    mutable wxString label_measured_;       // the text label_text_size_ was measured for
    mutable wxSize label_text_size_;
    const sdk::ChartRegion* hover_region_ = nullptr;
    sdk::ChartView hover_view_ = sdk::ChartView::front;
    wxStockCursor cursor_ = wxCURSOR_ARROW;
    // unzoomed_layout() for these inputs.
    struct LayoutCache {
        wxSize size = wxDefaultSize;
        int char_height = 0;
        std::vector<sdk::ChartView> views;
        sdk::ChartFigure figure = sdk::ChartFigure::neutral;
        std::vector<core::ViewPlace> places;
    };
    mutable LayoutCache layout_cache_;
};

}  // namespace knotnotes::gui
