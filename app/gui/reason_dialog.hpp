// reason_dialog.hpp — asks why, before something that is kept for good: amending a signed
// note ("What does this amendment correct?") or signing a note whose techniques or pressure
// conflict with the client's contraindications (the conflicts are listed; the therapist says
// why it was right, e.g. "cleared by the GP on 2026-11-20"). OK stays disabled until a reason
// is typed; the reason is kept with the note and shown wherever it is read.
#pragma once

#include <wx/dialog.h>

class wxTextCtrl;

namespace knotnotes::gui {

class ReasonDialog : public wxDialog {
  public:
    // `listing` (may be empty) is shown above the question, e.g. the conflicts.
    ReasonDialog(wxWindow* parent, const wxString& title, const wxString& question,
                 const wxString& listing, const wxString& ok_label);

    wxString reason() const;  // trimmed
    wxTextCtrl* reason_field() const { return reason_; }

  private:
    wxTextCtrl* reason_ = nullptr;
};

}  // namespace knotnotes::gui
