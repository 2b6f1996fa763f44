// session_printout.cpp — print, preview and PDF of a session note (see session_printout.hpp).
#include "session_printout.hpp"

#include <cairo-pdf.h>

#include <map>
#include <memory>
#include <stdexcept>
#include <vector>

#include <wx/dcgraph.h>
#include <wx/fs_mem.h>
#include <wx/graphics.h>
#include <wx/html/htmprint.h>

#include <knotnotes/sdk/contraindications.hpp>

#include "body_chart_drawing.hpp"
#include "body_chart_widget.hpp"
#include "core/client_header.hpp"
#include "core/contraindication_banner.hpp"
#include "core/local_time.hpp"
#include "core/record_store.hpp"
#include "core/technique_catalogue.hpp"
#include "pch.hpp"

namespace knotnotes::gui {
namespace {

// One wxHtmlEasyPrinting per top-level window, so page setup is remembered; dropped when the
// window is destroyed.
std::map<wxWindow*, std::unique_ptr<wxHtmlEasyPrinting>>& printers() {
    static std::map<wxWindow*, std::unique_ptr<wxHtmlEasyPrinting>> all;
    return all;
}

void ensure_memory_fs() {
    static bool added = false;
    if (!added) {
        wxFileSystem::AddHandler(new wxMemoryFSHandler);
        added = true;
    }
}

}  // namespace

SessionPrintout::SessionPrintout(wxWindow* parent, core::RecordStore& store,
                                 const sdk::Session& session,
                                 const core::TechniqueCatalogue& catalogue,
                                 const std::vector<sdk::Knot>& earlier_knots)
    : parent_(parent ? wxGetTopLevelParent(parent) : nullptr) {
    const auto client = store.client(session.client_id).value_or(sdk::Client{});
    core::SessionNoteHtmlOptions options;
    options.technique_name = [&catalogue](const std::string& id) {
        const auto* t = catalogue.find(id);
        return t ? t->technique.name : std::string();
    };
    options.practitioner = store.practitioner(session.practitioner_id);
    const auto banner = core::contraindication_banner(store.current_intake(session.client_id));
    options.contraindications = banner.guidance;
    if (!banner.allergies.empty())
        options.contraindications.push_back("Allergies: " + banner.allergies);
    if (session.amends_session_id) {
        for (const auto& s : store.sessions(session.client_id)) {
            if (s.id == *session.amends_session_id)
                options.amended_started_at = s.started_at;
        }
    }
    if (!session.knots.empty()) {
        // Drawn from the note's knots at print resolution (2 pixels per DIP), with the client's
        // figure: the same drawing as the chart on screen, whether or not it is shown.
        const auto bitmap =
            render_body_chart(session.knots, earlier_knots, core::ChartLook{client.chart_figure},
                              BodyChartWidget::all_views(), wxSize(820, 640), 2.0);
        ensure_memory_fs();
        static int counter = 0;
        chart_file_ = wxString::Format("knotnotes-chart-%d.png", ++counter);
        wxMemoryFSHandler::AddFile(chart_file_, bitmap.ConvertToImage(), wxBITMAP_TYPE_PNG);
        options.chart_image = ("memory:" + chart_file_).utf8_string();
        // 480 of the 483 points between an A4 page's margins (save_pdf): 1640 pixels, 246 dpi.
        options.chart_width = 480;
        options.chart_height = 480 * bitmap.GetHeight() / bitmap.GetWidth();
    }
    const auto name = core::client_full_name(client);
    html_ = wxString::FromUTF8(core::session_note_html(session, client, options));
    title_ = _("Session note: ") + wxString::FromUTF8(name);
    header_ = wxString::FromUTF8(core::html_escape("Session note: " + name + " - " +
                                                   core::local_date_text(session.started_at)));
}

SessionPrintout::~SessionPrintout() {
    if (!chart_file_.empty())
        wxMemoryFSHandler::RemoveFile(chart_file_);
}

wxHtmlEasyPrinting& SessionPrintout::printing() {
    auto& all = printers();
    auto found = all.find(parent_);
    if (found == all.end()) {
        auto easy = std::make_unique<wxHtmlEasyPrinting>(_("Session note"), parent_);
        easy->SetFooter(
            _("<p align=\"right\"><font size=\"-1\">Page @PAGENUM@ of "
              "@PAGESCNT@</font></p>"));
        easy->SetStandardFonts(10);
        if (parent_) {
            parent_->Bind(wxEVT_DESTROY, [window = parent_](wxWindowDestroyEvent& event) {
                if (event.GetEventObject() == window)
                    printers().erase(window);
                event.Skip();
            });
        }
        found = all.emplace(parent_, std::move(easy)).first;
    }
    auto& easy = *found->second;
    easy.SetName(title_);
    easy.SetHeader("<font size=\"-1\">" + header_ + "</font>");
    return easy;
}

bool SessionPrintout::show_preview() {
    return printing().PreviewText(html_);
}

bool SessionPrintout::send_to_printer() {
    return printing().PrintText(html_);
}

void SessionPrintout::save_pdf(const std::string& file) {
    // A4 in points; 2 cm margins.
    constexpr double page_w = 595.0, page_h = 842.0, margin = 56.0;
    cairo_surface_t* surface = cairo_pdf_surface_create(file.c_str(), page_w, page_h);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        throw std::runtime_error(file + ": cannot create the PDF file");
    }
    cairo_t* cr = cairo_create(surface);
    {
        // A wxGCDC made on a cairo context has no size: the clip that Render() puts back when it
        // is done would hide everything drawn after it on the same DC. So the pages are laid
        // out on one DC and each one is drawn on a DC of its own.
        auto new_dc = [cr] {
            return std::make_unique<wxGCDC>(
                wxGraphicsRenderer::GetCairoRenderer()->CreateContextFromNativeContext(cr));
        };
        const auto layout_dc = new_dc();
        const int width = static_cast<int>(page_w - 2 * margin);
        wxHtmlDCRenderer renderer;
        renderer.SetDC(layout_dc.get());
        renderer.SetStandardFonts(9);
        renderer.SetSize(width, static_cast<int>(page_h - 2 * margin));
        renderer.SetHtmlText(html_);
        std::vector<int> breaks{0};
        const int total = renderer.GetTotalHeight();
        while (breaks.back() < total) {
            const int next = renderer.FindNextPageBreak(breaks.back());
            breaks.push_back(next > breaks.back() ? next : total);
        }
        wxHtmlDCRenderer footer;
        footer.SetDC(layout_dc.get());
        footer.SetStandardFonts(8);
        footer.SetSize(width, 30);
        const auto pages = breaks.size() - 1;
        for (std::size_t page = 0; page < pages; ++page) {
            {
                const auto dc = new_dc();
                renderer.SetDC(dc.get());
                renderer.Render(static_cast<int>(margin), static_cast<int>(margin), breaks[page],
                                breaks[page + 1]);
            }
            {
                const auto dc = new_dc();
                footer.SetDC(dc.get());
                footer.SetHtmlText(wxString::Format(
                    "<p align=\"right\"><font size=\"-1\">%s &mdash; %s</font></p>", header_,
                    wxString::Format(_("page %zu of %zu"), page + 1, pages)));
                footer.Render(static_cast<int>(margin), static_cast<int>(page_h - margin + 10));
            }
            cairo_show_page(cr);
        }
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const auto status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(file + ": the PDF could not be written (" +
                                 cairo_status_to_string(status) + ")");
}

}  // namespace knotnotes::gui
