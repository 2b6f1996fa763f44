// new_client_dialog.hpp — "New client" (Ctrl+N): the few fields needed to start charting; the
// rest lives in the intake. The birth date is typed as YYYY-MM-DD (anything else is refused in
// words where it is typed) or picked from a calendar.
#pragma once

#include <wx/dialog.h>

#include <knotnotes/sdk/records.hpp>

class wxTextCtrl;
class wxStaticText;

namespace knotnotes::gui {

class NewClientDialog : public wxDialog {
  public:
    explicit NewClientDialog(wxWindow* parent);
    sdk::Client client() const;
    bool birth_date_ok() const;  // empty, or a real date written YYYY-MM-DD

  private:
    // "Pick...": a calendar for the birth date, which writes it in the field as YYYY-MM-DD.
    void pick_birth_date();

    wxTextCtrl* given_ = nullptr;
    wxTextCtrl* family_ = nullptr;
    wxTextCtrl* birth_date_ = nullptr;
    wxTextCtrl* phone_ = nullptr;
    wxTextCtrl* email_ = nullptr;
    wxStaticText* date_problem_ = nullptr;
};

}  // namespace knotnotes::gui
