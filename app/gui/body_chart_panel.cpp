#include "body_chart_panel.hpp"

#include <wx/checkbox.h>
#include <wx/choice.h>

#include "body_chart_widget.hpp"
#include "pch.hpp"

namespace knotnotes::gui {

wxDEFINE_EVENT(EVT_CHART_FIGURE, wxCommandEvent);

BodyChartPanel::BodyChartPanel(wxWindow* parent, wxWindowID id) : wxPanel(parent, id) {
    SetName("body-chart-panel");
    figure_ = new wxChoice(this, wxID_ANY);
    figure_->SetName("chart-figure");
    // In the order of sdk::ChartFigure.
    figure_->Append(_("Neutral figure"));
    figure_->Append(_("Female figure"));
    figure_->Append(_("Male figure"));
    figure_->SetSelection(0);
    figure_->SetToolTip(_("The figure drawn for this client"));
    deep_ = new wxCheckBox(this, wxID_ANY, _("&Deep muscles"));
    deep_->SetName("chart-deep-layer");
    deep_->SetToolTip(_("Show the deep muscles over the superficial ones (Ctrl+D on the chart)"));
    chart_ = new BodyChartWidget(this);

    auto* choices = new wxBoxSizer(wxHORIZONTAL);
    choices->Add(figure_, 0, wxALIGN_CENTER_VERTICAL);
    choices->Add(deep_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(10));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(choices, 0, wxBOTTOM, FromDIP(4));
    sizer->Add(chart_, 1, wxEXPAND);
    SetSizer(sizer);

    figure_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const auto figure = static_cast<sdk::ChartFigure>(figure_->GetSelection());
        chart_->set_figure(figure);
        wxCommandEvent chosen(EVT_CHART_FIGURE, GetId());
        chosen.SetEventObject(this);
        chosen.SetInt(static_cast<int>(figure));
        ProcessWindowEvent(chosen);
    });
    deep_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        chart_->set_layer(deep_->GetValue() ? sdk::ChartLayer::deep : sdk::ChartLayer::surface);
    });
    // Ctrl+D on the chart: the box follows.
    chart_->Bind(wxEVT_PAINT, [this](wxPaintEvent& e) {
        deep_->SetValue(chart_->layer() == sdk::ChartLayer::deep);
        e.Skip();
    });
}

void BodyChartPanel::set_figure(sdk::ChartFigure figure) {
    figure_->SetSelection(static_cast<int>(figure));
    chart_->set_figure(figure);
}

}  // namespace knotnotes::gui
