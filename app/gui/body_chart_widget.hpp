// body_chart_widget.hpp — the body chart a therapist charts knots on: front, back, left and right
// views of a neutral figure (vector art that scales crisply), with the session's knot markers.
//
// What it shows
// - The chosen views side by side (all four by default), each captioned, "R"/"L" marks on the
//   front and back views so nobody has to remember that the front view is mirrored.
// - One marker per knot on its view: filled circle = active, hollow circle = latent, an outer
//   ring = released, colour = tenderness (green 0 → amber 5 → red 10), numbered 1, 2, … in the
//   order of set_knots() (as the HTML report numbers them). A legend sits under the figures.
// - The muscle and side under the pointer (or the knot under it) in a status line under the
//   figures; the same text goes to EVT_CHART_HOVER so a frame can show it in its status bar.
//
// What it reports (KnotChartEvent, a command event: it propagates to the parents). The widget
// never writes to the database: the owner commits the change and calls set_knots() with the
// result. A dragged marker stays where it was dropped until then.
// - EVT_KNOT_PLACED: a left click on the figure; knot() is a new knot (id 0, index -1) with
//   the nearest atlas muscle, the side clicked, the view and the point. A click off the figure,
//   or too far from every atlas muscle, reports nothing.
// - EVT_KNOT_MOVED: a marker dragged (or nudged with Ctrl+arrows) to a new place; knot() is
//   the knot with its new view, x, y, muscle and side. Dropped off the figure, it goes back.
// - EVT_KNOT_MENU: a right click on a marker (or the Menu key / Shift+F10 on the selected one).
//   If no handler processes it, the widget shows its own menu, Edit… / Delete, and reports the
//   choice as EVT_KNOT_EDIT or EVT_KNOT_DELETE (Enter and Delete do the same from the keyboard).
// - EVT_CHART_HOVER: the status text changed; GetString() is the text (empty off the figure),
//   knot() the hovered knot, or the hovered muscle and side with id 0.
// In read-only mode (a signed session) only EVT_CHART_HOVER is sent: nothing can be placed,
// moved, edited or deleted.
//
// Keyboard (the widget takes focus on click and with Tab): Left/Up and Right/Down select the
// previous / next knot, Ctrl+arrows nudge the selected knot (Shift+Ctrl: further), Enter edits
// it, Delete or Backspace deletes it, Menu or Shift+F10 opens its menu, Escape cancels a drag
// or clears the selection.
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

namespace knotnotes::gui {

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
wxDECLARE_EVENT(EVT_KNOT_MENU, KnotChartEvent);
wxDECLARE_EVENT(EVT_KNOT_EDIT, KnotChartEvent);
wxDECLARE_EVENT(EVT_KNOT_DELETE, KnotChartEvent);
wxDECLARE_EVENT(EVT_CHART_HOVER, KnotChartEvent);

class BodyChartWidget : public wxWindow {
  public:
    static std::vector<sdk::ChartView> all_views();

    explicit BodyChartWidget(wxWindow* parent, wxWindowID id = wxID_ANY,
                             std::vector<sdk::ChartView> views = all_views());

    void set_views(std::vector<sdk::ChartView> views) {
        views_ = std::move(views);
        figures_ = wxBitmap();  // redraw the figures
        Refresh();
    }
    const std::vector<sdk::ChartView>& views() const { return views_; }

    // Knots on views that are not shown are kept but not drawn.
    void set_knots(std::vector<sdk::Knot> knots);
    const std::vector<sdk::Knot>& knots() const { return knots_; }

    void set_read_only(bool read_only) {
        cancel_press();
        read_only_ = read_only;
        Refresh();
    }
    bool read_only() const { return read_only_; }

    std::optional<std::size_t> selected_knot() const { return selected_; }
    void select_knot(std::optional<std::size_t> index) {
        selected_ = index && *index < knots_.size() ? index : std::nullopt;
        Refresh();
    }

    // The window pixel (client coordinates) of point p on a view, or wxDefaultPosition when
    // the view is not shown: for tests, and for pointing at a knot from elsewhere.
    wxPoint chart_to_client(sdk::ChartView view, sdk::ChartPoint p) const;

    const wxString& status_text() const { return status_; }

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
    std::optional<core::ViewPoint> locate(wxPoint pixel) const;
    double marker_radius(const core::ViewPlace& place) const;
    // What is under a pixel: a marker (unless `markers` is false), else a muscle.
    core::ChartTarget target_at(wxPoint pixel, bool markers = true) const;
    void update_status(wxPoint pixel);
    bool send(wxEventType type, const sdk::Knot& knot, int index, const wxString& text = {});
    void open_menu(std::size_t index);
    void move_knot(std::size_t index, const core::ViewPoint& to);
    void nudge(int dx, int dy, bool far);
    void cancel_press();

    void on_paint(wxPaintEvent& event);
    void on_left_down(wxMouseEvent& event);
    void on_double_click(wxMouseEvent& event);
    void on_left_up(wxMouseEvent& event);
    void on_motion(wxMouseEvent& event);
    void on_right_down(wxMouseEvent& event);
    void on_context_menu(wxContextMenuEvent& event);
    void on_key_down(wxKeyEvent& event);

    std::vector<sdk::ChartView> views_;
    std::vector<sdk::Knot> knots_;
    wxBitmap figures_;  // the views, captions and side marks; see on_paint
    wxSize figures_size_;
    bool read_only_ = false;
    std::optional<std::size_t> selected_;
    std::optional<Press> press_;
    wxString status_;
    wxStockCursor cursor_ = wxCURSOR_ARROW;
};

}  // namespace knotnotes::gui
