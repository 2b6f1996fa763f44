// new_client_dialog.hpp — "New client" (Ctrl+N): the few fields needed to start charting; the
// rest lives in the intake.
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
    wxTextCtrl* given_ = nullptr;
    wxTextCtrl* family_ = nullptr;
    wxTextCtrl* birth_date_ = nullptr;
    wxTextCtrl* phone_ = nullptr;
    wxTextCtrl* email_ = nullptr;
    wxStaticText* date_problem_ = nullptr;
};

}  // namespace knotnotes::gui
