// new_client_dialog.hpp — "New client" (Ctrl+N): the few fields needed to start charting; the
// rest lives in the intake.
#pragma once

#include <wx/dialog.h>

#include <knotnotes/sdk/records.hpp>

class wxTextCtrl;

namespace knotnotes::gui {

class NewClientDialog : public wxDialog {
  public:
    explicit NewClientDialog(wxWindow* parent);
    sdk::Client client() const;

  private:
    wxTextCtrl* given_ = nullptr;
    wxTextCtrl* family_ = nullptr;
    wxTextCtrl* birth_date_ = nullptr;
    wxTextCtrl* phone_ = nullptr;
    wxTextCtrl* email_ = nullptr;
};

}  // namespace knotnotes::gui
