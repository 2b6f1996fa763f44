// session_printout.cpp — print and preview of a session note (see session_printout.hpp).
#include "session_printout.hpp"

#include <map>
#include <memory>

#include <wx/html/htmprint.h>

#include "pch.hpp"

namespace knotnotes::gui {
namespace {

// One wxHtmlEasyPrinting per top-level window, so page setup is remembered; dropped when the
// window is destroyed.
std::map<wxWindow*, std::unique_ptr<wxHtmlEasyPrinting>>& printers() {
    static std::map<wxWindow*, std::unique_ptr<wxHtmlEasyPrinting>> all;
    return all;
}

}  // namespace

SessionPrintout::SessionPrintout(wxWindow* parent, const sdk::Session& session,
                                 const sdk::Client& client,
                                 const core::SessionNoteHtmlOptions& options)
    : parent_(parent ? wxGetTopLevelParent(parent) : nullptr),
      html_(wxString::FromUTF8(core::session_note_html(session, client, options))),
      title_(_("Session note: ") +
             wxString::FromUTF8(client.given_name + " " + client.family_name)),
      header_(wxString::FromUTF8(core::html_escape("Session note: " + client.given_name + " " +
                                                   client.family_name + " - " +
                                                   session.started_at.substr(0, 10)))) {}

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

bool SessionPrintout::preview(wxWindow* parent, const sdk::Session& session,
                              const sdk::Client& client,
                              const core::SessionNoteHtmlOptions& options) {
    return SessionPrintout(parent, session, client, options).show_preview();
}

bool SessionPrintout::print(wxWindow* parent, const sdk::Session& session,
                            const sdk::Client& client,
                            const core::SessionNoteHtmlOptions& options) {
    return SessionPrintout(parent, session, client, options).send_to_printer();
}

}  // namespace knotnotes::gui
