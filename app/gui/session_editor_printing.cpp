// session_editor_printing.cpp — the session editor's printout: print preview and Save as PDF
// (session_printout.hpp).
#include "session_editor_panel.hpp"

#include "core/client_header.hpp"
#include "core/local_time.hpp"
#include "core/record_store.hpp"
#include "error_dialog.hpp"
#include "pch.hpp"
#include "session_printout.hpp"

namespace knotnotes::gui {

void SessionEditorPanel::print_preview() {
    if (!editor_)
        return;
    flush_note();
    SessionPrintout printout(this, store_, editor_->session(), catalogue_,
                             editor_->earlier_knots());
    printout.show_preview();
}

bool SessionEditorPanel::save_pdf(const std::string& file) {
    flush_note();
    SessionPrintout printout(this, store_, editor_->session(), catalogue_,
                             editor_->earlier_knots());
    try {
        printout.save_pdf(file);
        return true;
    } catch (const std::exception& e) {
        show_error(this, wxString::Format(_("Could not save %s."), wxString::FromUTF8(file)), e);
        return false;
    }
}

void SessionEditorPanel::choose_and_save_pdf() {
    const auto client = store_.client(editor_->session().client_id);
    const auto name = client ? core::client_full_name(*client) : std::string("session");
    wxFileDialog dialog(
        this, _("Save the session note as PDF"), wxEmptyString,
        wxString::FromUTF8(name + " " + core::local_date_text(editor_->session().started_at) +
                           ".pdf"),
        _("PDF files (*.pdf)|*.pdf"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK)
        return;
    if (save_pdf(dialog.GetPath().utf8_string()))
        wxLogStatus(_("Saved %s"), dialog.GetPath());
}

}  // namespace knotnotes::gui
