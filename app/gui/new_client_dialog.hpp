// new_client_dialog.hpp — "New client" (Ctrl+N): the few fields needed to start charting; the
// rest lives in the intake. The birth date is typed as YYYY-MM-DD (anything else is refused in
// words where it is typed) or picked from a calendar. On a clinic server, the front desk and the
// owner also choose the therapist the client is booked with (first: nobody yet, the booking
// login's own client until it is shared).
#pragma once

#include <string>
#include <vector>

#include <wx/dialog.h>

#include <knotnotes/sdk/records.hpp>

#include "db/client_records.hpp"

class wxChoice;
class wxTextCtrl;
class wxStaticText;

namespace knotnotes::gui {

class NewClientDialog : public wxDialog {
  public:
    // `therapists`: whom the client may be booked with; none shows no choice.
    explicit NewClientDialog(wxWindow* parent, std::vector<db::BookableTherapist> therapists = {});
    sdk::Client client() const;
    // The chosen therapist's login; empty for nobody yet (or when there is no choice).
    std::string therapist_login() const;
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
    std::vector<db::BookableTherapist> therapists_;
    wxChoice* therapist_ = nullptr;
};

}  // namespace knotnotes::gui
