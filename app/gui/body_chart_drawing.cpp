// body_chart_drawing.cpp — figures, regions and markers with wxGraphicsContext.
#include "body_chart_drawing.hpp"

#include <algorithm>
#include <memory>
#include <tuple>

#include <wx/dcmemory.h>
#include <wx/settings.h>

#include "pch.hpp"

namespace knotnotes::gui {

namespace {

using sdk::ChartView;

wxColour blend(const wxColour& a, const wxColour& b, double t) {
    const auto mix = [t](unsigned char x, unsigned char y) {
        return static_cast<unsigned char>(x + (y - x) * t);
    };
    return {mix(a.Red(), b.Red()), mix(a.Green(), b.Green()), mix(a.Blue(), b.Blue())};
}

wxColour with_alpha(const wxColour& c, unsigned char alpha) {
    return {c.Red(), c.Green(), c.Blue(), alpha};
}

wxColour wx_colour(sdk::ChartColour c) {
    return {c.r, c.g, c.b};
}

wxColour colour_of(int tenderness) {
    return wx_colour(sdk::tenderness_colour(tenderness));
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

wxGraphicsPath polygon_path(wxGraphicsContext& gc, const core::ViewPlace& place,
                            const std::vector<sdk::ChartPoint>& points, bool closed = true) {
    wxGraphicsPath path = gc.CreatePath();
    if (points.empty())
        return path;
    path.MoveToPoint(pixel_of(place, points[0]));
    for (std::size_t i = 1; i < points.size(); ++i)
        path.AddLineToPoint(pixel_of(place, points[i]));
    if (closed)
        path.CloseSubpath();
    return path;
}

double line_width(const core::ViewPlace& place) {
    return std::max(0.8, place.box.height / 500);
}

void draw_view(wxGraphicsContext& gc, const core::ViewPlace& place, const core::ChartLook& look,
               const ChartColours& c) {
    const auto& chart = sdk::body_chart(look.figure, place.view);
    const double w = line_width(place);
    for (const auto& outline : chart.outlines) {
        gc.SetBrush(wxBrush(c.figure));
        set_pen(gc, c.contour, w * 1.3);
        gc.DrawPath(polygon_path(gc, place, outline));
    }
    const bool deep = look.layer == sdk::ChartLayer::deep;
    std::size_t n = 0;
    for (const std::size_t i : sdk::drawing_order(chart, look.layer)) {
        const auto& region = chart.regions[i];
        const bool faded = deep && region.depth == 1;
        gc.SetBrush(wxBrush(faded ? blend(c.figure, c.muscle[n % 4], 0.3) : c.muscle[n % 4]));
        set_pen(gc, blend(c.contour, c.figure, faded ? 0.5 : 0.15), w,
                faded ? wxPENSTYLE_SHORT_DASH : wxPENSTYLE_SOLID);
        gc.DrawPath(polygon_path(gc, place, region.points));
        ++n;
    }
    if (!deep) {  // where the deep muscles lie, under the surface
        gc.SetBrush(*wxTRANSPARENT_BRUSH);
        set_pen(gc, blend(c.contour, c.figure, 0.25), w, wxPENSTYLE_SHORT_DASH);
        for (const auto& region : chart.regions) {
            if (region.depth >= 3)
                gc.StrokePath(polygon_path(gc, place, region.points));
        }
    }
    set_pen(gc, blend(c.figure, c.contour, 0.5), w, wxPENSTYLE_SHORT_DASH);
    for (const auto& line : chart.lines)
        gc.StrokePath(polygon_path(gc, place, line, false));
}

}  // namespace

ChartColours ChartColours::from_system() {
    ChartColours c;
    c.paper = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW);
    c.ink = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    c.faint = blend(c.paper, c.ink, 0.55);
    c.figure = blend(c.paper, c.ink, 0.05);
    c.contour = blend(c.paper, c.ink, 0.55);
    c.accent = wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHT);
    // The print tones on a light theme; on a dark one the same tones, dimmed into the figure.
    const bool light = c.paper.GetLuminance() > 0.5;
    for (int i = 0; i < 4; ++i) {
        const wxColour tone = wx_colour(sdk::chart_region_tones[static_cast<std::size_t>(i)]);
        c.muscle[i] = light ? tone : blend(c.figure, tone, 0.3);
    }
    return c;
}

ChartColours ChartColours::for_print() {
    ChartColours c = from_system();
    c.paper = *wxWHITE;
    c.ink = *wxBLACK;
    c.faint = wx_colour(sdk::chart_contour);
    c.figure = wx_colour(sdk::chart_figure_fill);
    c.contour = wx_colour(sdk::chart_contour);
    c.accent = wxColour(60, 110, 200);
    for (int i = 0; i < 4; ++i)
        c.muscle[i] = wx_colour(sdk::chart_region_tones[static_cast<std::size_t>(i)]);
    return c;
}

wxString view_caption(ChartView view) {
    const wxString captions[] = {_("Front"), _("Back"), _("Left side"), _("Right side")};
    return captions[static_cast<int>(view)];  // in the order of sdk::ChartView
}

wxString view_caption_fitting(wxGraphicsContext& gc, const core::ViewPlace& place) {
    const wxString full = view_caption(place.view);
    double w = 0, h = 0;
    gc.GetTextExtent(full, &w, &h);
    if (w <= place.cell.width * 0.95)
        return full;
    const wxString short_captions[] = {_("Front"), _("Back"), _("Left"), _("Right")};
    return short_captions[static_cast<int>(place.view)];
}

void draw_figures(wxGraphicsContext& gc, const std::vector<core::ViewPlace>& places,
                  const core::ChartLook& look, const ChartColours& colours, const wxFont& font) {
    double w = 0, h = 0;
    for (const auto& place : places) {
        draw_view(gc, place, look, colours);
        gc.SetFont(font.Bold(), colours.ink);
        const auto caption = view_caption_fitting(gc, place);
        gc.GetTextExtent(caption, &w, &h);
        gc.DrawText(caption, place.box.x + (place.box.width - w) / 2, place.box.y - h * 1.3);
        if (place.view == ChartView::front || place.view == ChartView::back) {
            // The client's sides, so nobody has to remember which view is mirrored.
            const bool front = place.view == ChartView::front;
            gc.SetFont(font.Bold(), colours.faint);
            gc.GetTextExtent("R", &w, &h);
            const auto left = pixel_of(place, {0.2, 0.06});
            const auto right = pixel_of(place, {0.8, 0.06});
            gc.DrawText(front ? "R" : "L", left.m_x - w / 2, left.m_y - h / 2);
            gc.DrawText(front ? "L" : "R", right.m_x - w / 2, right.m_y - h / 2);
        }
    }
}

void draw_region_highlight(wxGraphicsContext& gc, const core::ViewPlace& place,
                           const sdk::ChartRegion& region, const ChartColours& colours) {
    gc.SetBrush(wxBrush(with_alpha(colours.accent, 90)));
    set_pen(gc, colours.accent, line_width(place) * 2);
    gc.DrawPath(polygon_path(gc, place, region.points));
}

void draw_marker(wxGraphicsContext& gc, wxPoint2DDouble c, double r, sdk::KnotKind kind,
                 bool released, int tenderness, const ChartColours& colours) {
    const wxColour colour = colour_of(tenderness);
    if (released) {
        set_pen(gc, colour, std::max(1.5, r * 0.22));
        gc.SetBrush(*wxTRANSPARENT_BRUSH);
        circle(gc, c, r * 1.75);
    }
    const bool active = kind == sdk::KnotKind::active;
    set_pen(gc, active ? blend(colours.ink, colour, 0.35) : colour,
            active ? std::max(1.0, r * 0.14) : std::max(2.0, r * 0.38));
    gc.SetBrush(wxBrush(active ? colour : colours.paper));
    circle(gc, c, r);
}

void draw_knots(wxGraphicsContext& gc, const std::vector<core::ViewPlace>& places,
                const KnotPicture& picture, const ChartColours& colours, const wxFont& font) {
    const auto& knots = *picture.knots;
    const double r = picture.radius;
    const auto place_of = [&](ChartView view) -> const core::ViewPlace* {
        const auto it = std::find_if(places.begin(), places.end(),
                                     [&](const auto& p) { return p.view == view; });
        return it == places.end() ? nullptr : &*it;
    };
    const auto earlier_of = [&](const sdk::Knot& k) -> const sdk::Knot* {
        if (!picture.earlier || !k.previous_knot_id)
            return nullptr;
        for (const auto& e : *picture.earlier) {
            if (e.id == *k.previous_knot_id && e.view == k.view)
                return &e;
        }
        return nullptr;
    };
    // Under the markers: referral areas, then the links.
    for (const auto& knot : knots) {
        const auto* place = place_of(knot.view);
        if (!place || knot.referral_area.size() < 3)
            continue;
        const wxColour colour = colour_of(knot.tenderness);
        gc.SetBrush(wxBrush(with_alpha(colour, 60)));
        set_pen(gc, with_alpha(colour, 200), 1.2, wxPENSTYLE_SHORT_DASH);
        gc.DrawPath(polygon_path(gc, *place, knot.referral_area));
        sdk::ChartPoint centre{0, 0};
        for (const auto& p : knot.referral_area) {
            centre.x += p.x / static_cast<double>(knot.referral_area.size());
            centre.y += p.y / static_cast<double>(knot.referral_area.size());
        }
        const auto a = pixel_of(*place, {knot.x, knot.y}), b = pixel_of(*place, centre);
        gc.StrokeLine(a.m_x, a.m_y, b.m_x, b.m_y);
    }
    const auto skipped = [&](std::size_t i) { return i < picture.skip.size() && picture.skip[i]; };
    for (std::size_t i = 0; i < knots.size(); ++i) {
        const auto* place = place_of(knots[i].view);
        if (!place || skipped(i))
            continue;
        const auto drawn = pixel_of(*place, picture.drawn[i]);
        const auto truth = pixel_of(*place, {knots[i].x, knots[i].y});
        set_pen(gc, colours.faint, 1.2);
        if (drawn != truth) {  // moved aside: a thin leader to where the knot is
            gc.StrokeLine(drawn.m_x, drawn.m_y, truth.m_x, truth.m_y);
            gc.SetBrush(wxBrush(colours.faint));
            circle(gc, truth, 1.6);
        }
        if (const auto* before = earlier_of(knots[i])) {
            const auto then = pixel_of(*place, {before->x, before->y});
            set_pen(gc, colours.faint, 1.2, wxPENSTYLE_SHORT_DASH);
            gc.SetBrush(*wxTRANSPARENT_BRUSH);
            gc.StrokeLine(then.m_x, then.m_y, drawn.m_x, drawn.m_y);
            // Where it was then; at the same place the ghost is a dashed ring round it.
            circle(gc, then, then == drawn ? r * 2.2 : r * 0.8);
        }
    }
    // One graphics font for every number (making one from a wxFont each time is slow).
    const wxGraphicsFont numbers = gc.CreateFont(font, colours.ink);
    for (std::size_t i = 0; i < knots.size(); ++i) {
        const auto& knot = knots[i];
        const auto* place = place_of(knot.view);
        if (!place || skipped(i))
            continue;
        const auto c = pixel_of(*place, picture.drawn[i]);
        draw_marker(gc, c, r, knot.kind, knot.result == sdk::KnotResult::released, knot.tenderness,
                    colours);
        if (picture.selected == i) {
            set_pen(gc, picture.selection, std::max(2.0, r * 0.3), wxPENSTYLE_SHORT_DASH);
            gc.SetBrush(*wxTRANSPARENT_BRUSH);
            circle(gc, c, r * 2.5);
        }
        gc.SetFont(numbers);
        gc.DrawText(wxString::Format("%d", static_cast<int>(i + 1)), c.m_x + r * 1.3,
                    c.m_y - r * 2.6);
    }
}

double draw_legend(wxGraphicsContext& gc, double x0, double y, double r, const wxFont& font,
                   const ChartColours& colours) {
    double x = x0, w = 0, h = 0;
    gc.SetFont(font, colours.faint);
    const auto label = [&](const wxString& text) {
        gc.GetTextExtent(text, &w, &h);
        gc.DrawText(text, x, y + r - h / 2);
        x += w + r * 2.8;
    };
    for (const auto& [kind, released, text] :
         {std::tuple{sdk::KnotKind::active, false, _("active")},
          std::tuple{sdk::KnotKind::latent, false, _("latent")},
          std::tuple{sdk::KnotKind::active, true, _("released")}}) {
        draw_marker(gc, {x + r * 2, y + r}, r, kind, released, 6, colours);
        x += r * 4.8;
        label(text);
    }
    label(_("tenderness 0"));
    x -= r * 2;
    gc.SetPen(*wxTRANSPARENT_PEN);
    for (int t = 0; t <= 10; ++t) {
        gc.SetBrush(wxBrush(colour_of(t)));
        gc.DrawRectangle(x + t * r * 2, y, r * 2, r * 2);
    }
    x += 22 * r + r;
    label("10");
    return x - x0;
}

namespace {

// What the static part of a chart picture depends on: the knots are drawn on top of it.
struct FigureKey {
    sdk::ChartFigure figure;
    sdk::ChartLayer layer;
    std::vector<sdk::ChartView> views;
    wxSize size;
    double scale;
    bool operator==(const FigureKey& o) const {
        return std::tie(figure, layer, views, size, scale) ==
               std::tie(o.figure, o.layer, o.views, o.size, o.scale);
    }
};

// Drawing the regions is most of a picture's time (a view has some 40 smoothed polygons); the
// figures, captions and legend are drawn once per key and copied, and only the knots are drawn
// for each picture. A few keys at most are in use (the printout, the README pictures); the
// cache is GUI-thread only, as every wxBitmap is.
const wxBitmap& static_chart(const FigureKey& key, const std::vector<core::ViewPlace>& places,
                             const ChartColours& colours, const wxFont& font) {
    static std::vector<std::pair<FigureKey, wxBitmap>> cache;
    for (const auto& [k, bitmap] : cache) {
        if (k == key)
            return bitmap;
    }
    if (cache.size() >= 8)
        cache.erase(cache.begin());
    wxBitmap bitmap(wxSize(wxRound(key.size.x * key.scale), wxRound(key.size.y * key.scale)), 24);
    {
        wxMemoryDC dc(bitmap);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        const std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
        if (gc) {
            gc->SetAntialiasMode(wxANTIALIAS_DEFAULT);
            gc->Scale(key.scale, key.scale);
            draw_figures(*gc, places, {key.figure, key.layer}, colours, font);
            draw_legend(*gc, 8, key.size.y - 22, 5, font, colours);
        }
    }
    cache.emplace_back(key, bitmap);
    return cache.back().second;
}

}  // namespace

wxBitmap render_body_chart(const std::vector<sdk::Knot>& knots,
                           const std::vector<sdk::Knot>& earlier, const core::ChartLook& look,
                           const std::vector<sdk::ChartView>& views, wxSize size, double scale) {
    const auto colours = ChartColours::for_print();
    const wxFont font = wxFontInfo(9).Family(wxFONTFAMILY_SWISS);
    const auto places =
        core::layout_views(views, {double(size.x), double(size.y), 8, 8, 22, 30}, look.figure);
    const wxBitmap& figures =
        static_chart({look.figure, look.layer, views, size, scale}, places, colours, font);
    // A copy of its own: the caller may draw on it.
    wxBitmap bitmap(figures.GetSize(), 24);
    {
        wxMemoryDC dc(bitmap);
        dc.DrawBitmap(figures, 0, 0);
        const std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
        if (gc) {
            gc->SetAntialiasMode(wxANTIALIAS_DEFAULT);
            gc->Scale(scale, scale);
            const double radius =
                places.empty() ? 5 : std::clamp(places[0].box.height * 0.013, 3.5, 7.0);
            KnotPicture picture{&knots,
                                core::marker_positions(knots),
                                &earlier,
                                std::nullopt,
                                colours.accent,
                                radius,
                                {}};
            draw_knots(*gc, places, picture, colours, font);
        }
    }
    return bitmap;
}

}  // namespace knotnotes::gui
