// body_chart_paint.cpp — painting the body chart window: the cached figures, the hover
// highlight, the knots in the part being repainted, the lasso, the status line and the label.
#include "body_chart_widget.hpp"

#include <algorithm>
#include <memory>
#include <tuple>

#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/settings.h>

#include "body_chart_drawing.hpp"
#include "body_chart_texts.hpp"
#include "pch.hpp"

namespace knotnotes::gui {

using sdk::ChartView;
using namespace chart_text;

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
    // A click or a hover repaints a marker's or a region's box: what lies wholly outside the
    // part being repainted is not drawn (measuring text and building paths cost a frame).
    const wxRegion& update = GetUpdateRegion();
    const auto repainted = [&update](const wxRect& r) { return update.Contains(r) != wxOutRegion; };
    for (const auto& place : places) {
        if (hover_region_ && place.view == hover_view_ && !(press_ && press_->knot) &&
            repainted(region_rect(hover_view_, *hover_region_)))
            draw_region_highlight(*gc, place, *hover_region_, colours);
        const wxRect caption(wxRound(place.cell.x), 0, wxRound(place.cell.width) + 1,
                             std::max(0, wxRound(place.box.y) + FromDIP(3)));
        if (place.view == current_view_ && HasFocus() && repainted(caption)) {
            gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(colours.accent).Width(FromDIP(2))));
            gc->SetFont(GetFont().Bold(), colours.accent);  // the caption's font, to measure it
            gc->GetTextExtent(view_caption_fitting(*gc, place), &w, &h);
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
    if (repainted(label_rect()))
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
