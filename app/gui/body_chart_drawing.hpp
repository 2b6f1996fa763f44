// body_chart_drawing.hpp — how the body chart looks, shared by the chart widget and the
// printout: the figures with their muscle regions (sdk::body_chart), the knot markers, and a
// picture of the chart with knots at any size and scale.
//
// Style: neutral and clinical, so it prints well in grey: the figure in a light fill with a
// mid-grey contour; muscles in four pale tones (neighbours differ) with thin darker edges; on
// the surface layer the deep muscles (depth 3) dashed over it, on the deep layer the
// superficial ones faded and dashed under the deep ones. Markers: colour = tenderness (green 0 →
// amber 5 → red 10), filled = active, hollow = latent, outer ring = released, numbered in list
// order; a knot carried forward from the previous session has a dashed grey ghost where it was
// then, linked by a thin line; a marker moved aside so it does not hide another is linked to
// its true position; a referral area is shaded in the knot's colour and linked to the knot.
#pragma once

#include <optional>
#include <vector>

#include <wx/bitmap.h>
#include <wx/colour.h>
#include <wx/font.h>
#include <wx/graphics.h>

#include "core/body_chart_geometry.hpp"

namespace knotnotes::gui {

struct ChartColours {
    wxColour paper, ink, faint, figure, contour, accent;
    wxColour muscle[4];
    // The theme's colours (light or dark), or black on white for paper.
    static ChartColours from_system();
    static ChartColours for_print();
};

// The views' figures, regions, captions and side marks ("R"/"L" on the front and back views).
void draw_figures(wxGraphicsContext& gc, const std::vector<core::ViewPlace>& places,
                  const core::ChartLook& look, const ChartColours& colours, const wxFont& font);

// One region filled with the accent colour (hover).
void draw_region_highlight(wxGraphicsContext& gc, const core::ViewPlace& place,
                           const sdk::ChartRegion& region, const ChartColours& colours);

// Everything about the knots: referral areas, links to earlier positions, markers, numbers.
struct KnotPicture {
    const std::vector<sdk::Knot>* knots = nullptr;
    std::vector<core::ChartPoint> drawn;              // where each marker goes (marker_positions)
    const std::vector<sdk::Knot>* earlier = nullptr;  // previous session's knots, may be null
    std::optional<std::size_t> selected;
    wxColour selection;
    double radius = 6;  // marker radius, pixels
    // Markers to leave out (same order as knots; empty: none), e.g. those outside the part of
    // a window being repainted: drawing every marker on each small repaint costs a frame.
    std::vector<bool> skip;
};
void draw_knots(wxGraphicsContext& gc, const std::vector<core::ViewPlace>& places,
                const KnotPicture& picture, const ChartColours& colours, const wxFont& font);

// One marker (also the legend's samples).
void draw_marker(wxGraphicsContext& gc, wxPoint2DDouble centre, double r, sdk::KnotKind kind,
                 bool released, int tenderness, const ChartColours& colours);

// The legend: the three marker shapes and the tenderness scale, from (x, y). Returns its width.
double draw_legend(wxGraphicsContext& gc, double x, double y, double r, const wxFont& font,
                   const ChartColours& colours);

// The chart of `views` with `knots` (and links to `earlier`) as a bitmap of `size` DIPs at
// `scale` pixels per DIP (2 for print quality), black on white, with the legend; for the
// session printout and the README's pictures.
wxBitmap render_body_chart(const std::vector<sdk::Knot>& knots,
                           const std::vector<sdk::Knot>& earlier, const core::ChartLook& look,
                           const std::vector<sdk::ChartView>& views, wxSize size, double scale);

// The chart's caption of a view ("Front", "Back", "Left side", "Right side").
wxString view_caption(sdk::ChartView view);

// The caption as drawn above the view in `place`: the full one when it fits the view's column
// with the font gc has, else the short one ("Left", "Right"), so neighbours never overlap.
wxString view_caption_fitting(wxGraphicsContext& gc, const core::ViewPlace& place);

}  // namespace knotnotes::gui
