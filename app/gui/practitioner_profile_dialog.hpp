// practitioner_profile_dialog.hpp — "Who is charting?": the first charting (and Tools > Switch
// practitioner > A new practitioner profile) asks the therapist for their name, credentials and
// registration number and a passphrase that protects their signing key, then creates their profile.
// Notes are signed as this practitioner; demo data never is.
#pragma once

#include <optional>

#include <wx/dialog.h>

#include <knotnotes/sdk/records.hpp>

class wxTextCtrl;
class wxStaticText;

namespace knotnotes::core {
class PractitionerProfiles;
}

namespace knotnotes::gui {

class PractitionerProfileDialog : public wxDialog {
  public:
    PractitionerProfileDialog(wxWindow* parent, core::PractitionerProfiles& profiles);

    // The profile made when the dialog was accepted.
    const std::optional<sdk::Practitioner>& created() const { return created_; }

  private:
    void on_ok(wxCommandEvent& event);

    core::PractitionerProfiles& profiles_;
    wxTextCtrl* name_ = nullptr;
    wxTextCtrl* credentials_ = nullptr;
    wxTextCtrl* registration_ = nullptr;
    wxTextCtrl* passphrase_ = nullptr;
    wxTextCtrl* repeat_ = nullptr;
    wxStaticText* problem_ = nullptr;
    std::optional<sdk::Practitioner> created_;
};

}  // namespace knotnotes::gui
