// body_chart_panel.hpp — the body chart with its two choices above it: the figure (neutral,
// female, male; per client, stored by the owner) and the layer (surface or deep muscles).
//
// Choosing a figure redraws the chart and sends EVT_CHART_FIGURE (a wxCommandEvent whose
// GetInt() is the sdk::ChartFigure) for the owner to store with the client; set_figure() shows
// a stored one without sending anything. The layer is the chart's own (Ctrl+D on the chart).
#pragma once

#include <knotnotes/sdk/body_chart.hpp>

#include <wx/panel.h>

class wxChoice;
class wxCheckBox;

namespace knotnotes::gui {

class BodyChartWidget;

wxDECLARE_EVENT(EVT_CHART_FIGURE, wxCommandEvent);

class BodyChartPanel : public wxPanel {
  public:
    explicit BodyChartPanel(wxWindow* parent, wxWindowID id = wxID_ANY);

    BodyChartWidget* chart() const { return chart_; }
    wxChoice* figure_choice() const { return figure_; }
    wxCheckBox* deep_layer() const { return deep_; }
    void set_figure(sdk::ChartFigure figure);

  private:
    BodyChartWidget* chart_ = nullptr;
    wxChoice* figure_ = nullptr;
    wxCheckBox* deep_ = nullptr;
};

}  // namespace knotnotes::gui
