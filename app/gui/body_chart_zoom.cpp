// body_chart_zoom.cpp — zoom and pan of the body chart: Ctrl+wheel, pinch, middle-button and
// two-finger pan, and the touch long press (a marker's menu).
#include "body_chart_widget.hpp"

#include "body_chart_texts.hpp"
#include "pch.hpp"

namespace knotnotes::gui {

using sdk::ChartView;
using namespace chart_text;

void BodyChartWidget::set_zoom(const core::ChartZoom& zoom) {
    zoom_ = zoom;
    update_hover(wxDefaultPosition);
    figures_changed();
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

}  // namespace knotnotes::gui
