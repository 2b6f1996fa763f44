// session_printout.hpp — print and print preview of one session note.
//
// The note is laid out by core::session_note_html (client, date, SOAP, pain, knots, pressure,
// techniques, signature status) and printed with wxHtmlEasyPrinting: a header naming the note,
// a footer "Page n of m". Page setup and printer choice are remembered for each top-level
// window for as long as it lives, so the second print uses the paper chosen for the first.
//   SessionPrintout::preview(this, session, client);   // a preview frame, with its Print button
//   SessionPrintout::print(this, session, client);     // the print dialog, then the printer
// Both return false when nothing was shown or printed (no printer, cancelled).
#pragma once

#include <knotnotes/sdk/records.hpp>

#include <wx/string.h>

#include "core/session_note_html.hpp"

class wxHtmlEasyPrinting;
class wxWindow;

namespace knotnotes::gui {

class SessionPrintout {
  public:
    SessionPrintout(wxWindow* parent, const sdk::Session& session, const sdk::Client& client,
                    const core::SessionNoteHtmlOptions& options = {});

    const wxString& html() const { return html_; }
    const wxString& title() const { return title_; }
    bool show_preview();
    bool send_to_printer();

    static bool preview(wxWindow* parent, const sdk::Session& session, const sdk::Client& client,
                        const core::SessionNoteHtmlOptions& options = {});
    static bool print(wxWindow* parent, const sdk::Session& session, const sdk::Client& client,
                      const core::SessionNoteHtmlOptions& options = {});

  private:
    wxHtmlEasyPrinting& printing();

    wxWindow* parent_;
    wxString html_;
    wxString title_;
    wxString header_;  // HTML
};

}  // namespace knotnotes::gui
