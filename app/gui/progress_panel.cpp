#include "progress_panel.hpp"

#include <algorithm>
#include <memory>

#include <wx/dcbuffer.h>
#include <wx/graphics.h>

#include <knotnotes/sdk/muscle_atlas.hpp>

#include "pch.hpp"

namespace knotnotes::gui {
namespace {

const wxColour before_colour(200, 60, 50);
const wxColour after_colour(40, 140, 80);
const wxColour palette[] = {wxColour(40, 90, 170), wxColour(150, 80, 170), wxColour(210, 130, 20),
                            wxColour(20, 150, 160)};

struct Frame {
    wxRect2DDouble area;
    double y_min = 0;
    double y_max = 10;
    std::size_t points = 1;
    double x(std::size_t i) const {
        return area.m_x + (points <= 1 ? area.m_width / 2
                                       : area.m_width * static_cast<double>(i) /
                                             static_cast<double>(points - 1));
    }
    double y(double v) const {
        return area.m_y + area.m_height * (1.0 - (v - y_min) / (y_max - y_min));
    }
};

void axes(wxGraphicsContext& gc, const Frame& f, const wxString& title) {
    gc.SetFont(*wxNORMAL_FONT, wxColour(40, 40, 40));
    gc.DrawText(title, f.area.m_x, f.area.m_y - 22);
    gc.SetPen(wxPen(wxColour(225, 225, 225)));
    for (int i = 0; i <= 5; ++i) {
        const double v = f.y_min + (f.y_max - f.y_min) * i / 5.0;
        gc.StrokeLine(f.area.m_x, f.y(v), f.area.m_x + f.area.m_width, f.y(v));
        gc.SetFont(wxSMALL_FONT->Scaled(0.9f), wxColour(120, 120, 120));
        gc.DrawText(wxString::Format("%g", v), f.area.m_x - 26, f.y(v) - 7);
    }
}

void line(wxGraphicsContext& gc, const Frame& f, const std::vector<std::optional<double>>& values,
          const wxColour& colour) {
    gc.SetPen(wxPen(colour, 2));
    gc.SetBrush(wxBrush(colour));
    std::optional<std::pair<double, double>> last;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!values[i])
            continue;
        const double x = f.x(i), y = f.y(*values[i]);
        if (last)
            gc.StrokeLine(last->first, last->second, x, y);
        gc.DrawEllipse(x - 3, y - 3, 6, 6);
        last = std::make_pair(x, y);
    }
}

void legend(wxGraphicsContext& gc, double x, double y, const wxString& label, const wxColour& c) {
    gc.SetBrush(wxBrush(c));
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.DrawRectangle(x, y + 4, 14, 6);
    gc.SetFont(wxSMALL_FONT->Scaled(0.95f), wxColour(60, 60, 60));
    gc.DrawText(label, x + 18, y);
}

wxString muscle_name(const std::string& id) {
    const auto* m = sdk::find_muscle(id);
    return wxString::FromUTF8(m ? std::string(m->name) : id);
}

}  // namespace

ProgressPanel::ProgressPanel(wxWindow* parent) : wxPanel(parent) {
    SetName("progress");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, &ProgressPanel::on_paint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        Refresh();
        e.Skip();
    });
}

void ProgressPanel::show(core::ClientProgress progress, std::map<std::string, double> changes) {
    progress_ = std::move(progress);
    changes_ = std::move(changes);
    Refresh();
}

void ProgressPanel::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(wxColour(255, 255, 255)));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc)
        return;
    const auto size = GetClientSize();
    if (progress_.empty()) {
        gc->SetFont(*wxNORMAL_FONT, wxColour(100, 100, 100));
        gc->DrawText(_("No sessions or scores yet: progress appears here as you chart."), 20, 20);
        return;
    }
    const double left = FromDIP(50), width = std::max(100, size.x - FromDIP(80));
    const double chart_height = std::max(60.0, (size.y - FromDIP(120)) / 3.0);
    double top = FromDIP(34);

    // 1. Pain before and after, per session.
    Frame pain{{left, top, width, chart_height}, 0, 10, progress_.pain.size()};
    axes(*gc, pain, _("Pain (0-10) before and after each session"));
    std::vector<std::optional<double>> before, after;
    for (const auto& p : progress_.pain) {
        before.push_back(p.before ? std::optional<double>(*p.before) : std::nullopt);
        after.push_back(p.after ? std::optional<double>(*p.after) : std::nullopt);
    }
    line(*gc, pain, before, before_colour);
    line(*gc, pain, after, after_colour);
    legend(*gc, left + width - 180, top - 22, _("before"), before_colour);
    legend(*gc, left + width - 100, top - 22, _("after"), after_colour);
    if (!progress_.session_dates.empty()) {
        gc->SetFont(wxSMALL_FONT->Scaled(0.9f), wxColour(120, 120, 120));
        gc->DrawText(wxString::FromUTF8(progress_.session_dates.front()), left,
                     top + chart_height + 2);
        gc->DrawText(wxString::FromUTF8(progress_.session_dates.back()), left + width - 70,
                     top + chart_height + 2);
    }

    // 2. Questionnaire scores, with the meaningful-change band around the first score.
    top += chart_height + FromDIP(48);
    double high = 10;
    std::size_t points = 1;
    for (const auto& [id, scores] : progress_.scores) {
        for (const auto& s : scores)
            high = std::max(high, s.score);
        points = std::max(points, scores.size());
    }
    Frame scores{{left, top, width, chart_height}, 0, high, points};
    axes(*gc, scores, _("Questionnaire scores (band: smallest meaningful change)"));
    int colour = 0;
    double legend_x = left + width - 360;
    for (const auto& [id, values] : progress_.scores) {
        const auto& c = palette[colour++ % 4];
        if (auto it = changes_.find(id); it != changes_.end() && !values.empty()) {
            const double first = values.front().score;
            gc->SetBrush(wxBrush(wxColour(c.Red(), c.Green(), c.Blue(), 40)));
            gc->SetPen(*wxTRANSPARENT_PEN);
            const double y1 = scores.y(std::min(high, first + it->second));
            const double y2 = scores.y(std::max(0.0, first - it->second));
            gc->DrawRectangle(left, y1, width, y2 - y1);
        }
        std::vector<std::optional<double>> series;
        for (const auto& s : values)
            series.push_back(s.score);
        line(*gc, scores, series, c);
        legend(*gc, legend_x, top - 22, wxString::FromUTF8(id.substr(id.find('/') + 1)), c);
        legend_x += 90;
    }

    // 3. Knots per muscle over time: one row per muscle, one cell per session.
    top += chart_height + FromDIP(48);
    gc->SetFont(*wxNORMAL_FONT, wxColour(40, 40, 40));
    gc->DrawText(_("Knots charted per muscle, session by session"), left, top - 22);
    const auto rows = progress_.knots_per_muscle.size();
    const double row_height = rows ? std::min(18.0, chart_height / static_cast<double>(rows)) : 18;
    const double label_width = FromDIP(150);
    const double cell_width =
        std::max(4.0, (width - label_width) / std::max<double>(1, progress_.session_dates.size()));
    double y = top;
    for (const auto& [muscle, counts] : progress_.knots_per_muscle) {
        gc->SetFont(wxSMALL_FONT->Scaled(0.95f), wxColour(60, 60, 60));
        gc->DrawText(muscle_name(muscle), left - FromDIP(40), y);
        for (std::size_t i = 0; i < counts.size(); ++i) {
            const int n = std::min(counts[i], 4);
            gc->SetBrush(wxBrush(n == 0 ? wxColour(245, 245, 245)
                                        : wxColour(230 - n * 35, 120 - n * 15, 60)));
            gc->SetPen(*wxTRANSPARENT_PEN);
            gc->DrawRectangle(
                left + label_width - FromDIP(40) + cell_width * static_cast<double>(i), y,
                cell_width - 1, row_height - 2);
        }
        y += row_height;
    }
}

}  // namespace knotnotes::gui
