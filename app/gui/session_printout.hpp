// session_printout.hpp — the printout of one session note a clinic files: print preview,
// printing, and Save as PDF.
//
// The note is laid out by core::session_note_html (client, local times, SOAP, pain, knots,
// pressure, techniques, the therapist's credentials and registration, the client's
// contraindications, the body chart with the knots, an amendment's date and reason, the
// signature with its key fingerprint) and printed with wxHtmlEasyPrinting: a header naming the
// note, a footer "Page n of m". Page setup and printer choice are remembered for each
// top-level window for as long as it lives.
//
// save_pdf() writes the same pages to a PDF file without any dialog: wxHtmlDCRenderer draws
// into a cairo PDF surface (A4), so the file is testable and needs no printer.
//
// The body chart is drawn from the note's knots with the client's figure by render_body_chart
// (body_chart_drawing.hpp) at print resolution, never captured from the screen, so it is in the
// printout whether or not the chart is shown; a note without knots has no chart.
#pragma once

#include <string>
#include <vector>

#include <knotnotes/sdk/records.hpp>

#include <wx/string.h>

#include "core/session_note_html.hpp"

class wxHtmlEasyPrinting;
class wxWindow;

namespace knotnotes::core {
class RecordStore;
class TechniqueCatalogue;
}  // namespace knotnotes::core

namespace knotnotes::gui {

class SessionPrintout {
  public:
    // Reads what the note needs besides itself (client, therapist, intake, amended note).
    // `earlier_knots`: the previous session's, to which the chart links knots charted again.
    SessionPrintout(wxWindow* parent, core::RecordStore& store, const sdk::Session& session,
                    const core::TechniqueCatalogue& catalogue,
                    const std::vector<sdk::Knot>& earlier_knots = {});
    ~SessionPrintout();

    const wxString& html() const { return html_; }
    const wxString& title() const { return title_; }
    bool show_preview();
    bool send_to_printer();
    // Throws std::runtime_error naming the file when it cannot be written.
    void save_pdf(const std::string& file);

  private:
    wxHtmlEasyPrinting& printing();

    wxWindow* parent_;
    wxString html_;
    wxString title_;
    wxString header_;      // HTML
    wxString chart_file_;  // the chart image in wx's memory file system, removed at the end
};

}  // namespace knotnotes::gui
