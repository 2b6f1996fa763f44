#include "error_dialog.hpp"

#include <cstdio>

#include <wx/richmsgdlg.h>

#include "pch.hpp"

namespace knotnotes::gui {
namespace {

ErrorPresenter& presenter() {
    static ErrorPresenter p;
    return p;
}

}  // namespace

void set_error_presenter(ErrorPresenter p) {
    presenter() = std::move(p);
}

void show_error(wxWindow* parent, const wxString& what_failed, const wxString& details) {
    std::fprintf(stderr, "knotnotes: %s %s\n", what_failed.utf8_str().data(),
                 details.utf8_str().data());
    if (presenter()) {
        presenter()(parent, what_failed, details);
        return;
    }
    wxRichMessageDialog dialog(
        parent,
        what_failed + "\n\n" +
            _("Everything you charted before this is saved. You can carry on working; if this "
              "happens again, note what you were doing and show the details to whoever "
              "supports your KnotNotes."),
        _("KnotNotes"), wxOK | wxICON_ERROR);
    if (!details.empty())
        dialog.ShowDetailedText(details);
    dialog.ShowModal();
}

void show_error(wxWindow* parent, const wxString& what_failed, const std::exception& e) {
    show_error(parent, what_failed, wxString::FromUTF8(e.what()));
}

bool report_current_exception() {
    wxString details;
    try {
        throw;
    } catch (const std::exception& e) {
        details = wxString::FromUTF8(e.what());
    } catch (...) {
        details = _("An error of an unknown kind.");
    }
    show_error(wxTheApp ? wxTheApp->GetTopWindow() : nullptr,
               _("KnotNotes could not finish what you asked."), details);
    return true;
}

}  // namespace knotnotes::gui
