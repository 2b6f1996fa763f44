#include "new_client_dialog.hpp"

#include <wx/calctrl.h>
#include <wx/choice.h>
#include <wx/generic/calctrlg.h>

#include "core/intake_service.hpp"
#include "pch.hpp"

namespace knotnotes::gui {

NewClientDialog::NewClientDialog(wxWindow* parent, std::vector<db::BookableTherapist> therapists)
    : wxDialog(parent, wxID_ANY, _("New client")), therapists_(std::move(therapists)) {
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
    grid->AddGrowableCol(1);
    // `beside`: a button after the field, in the same cell.
    auto field = [&](const wxString& label, const char* name, wxButton** beside = nullptr) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        auto* text = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                    FromDIP(wxSize(260, -1)));
        text->SetName(name);
        if (!beside) {
            grid->Add(text, 1, wxEXPAND);
            return text;
        }
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        row->Add(text, 1, wxALIGN_CENTER_VERTICAL);
        *beside = new wxButton(this, wxID_ANY, _("&Pick..."));
        row->Add(*beside, 0, wxLEFT | wxALIGN_CENTER_VERTICAL, FromDIP(6));
        grid->Add(row, 1, wxEXPAND);
        return text;
    };
    given_ = field(_("&Given name"), "given-name");
    family_ = field(_("&Family name"), "family-name");
    wxButton* pick = nullptr;
    birth_date_ = field(_("&Birth date (YYYY-MM-DD)"), "birth-date", &pick);
    birth_date_->SetHint(_("e.g. 1980-03-12"));
    pick->SetName("birth-date-pick");
    pick->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { pick_birth_date(); });
    phone_ = field(_("&Phone"), "phone");
    email_ = field(_("&Email"), "email");
    if (!therapists_.empty()) {
        grid->Add(new wxStaticText(this, wxID_ANY, _("&Therapist")), 0, wxALIGN_CENTER_VERTICAL);
        therapist_ = new wxChoice(this, wxID_ANY);
        therapist_->SetName("client-therapist");
        therapist_->Append(_("Nobody yet (shared later)"));
        for (const auto& t : therapists_)
            therapist_->Append(wxString::FromUTF8(t.name + " (" + t.login + ")"));
        therapist_->SetSelection(0);
        grid->Add(therapist_, 1, wxEXPAND);
    }
    // "12/03/1980" is refused where it is typed: the 12th of March or the 3rd of December?
    date_problem_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    date_problem_->SetName("birth-date-problem");
    date_problem_->SetForegroundColour(wxColour(176, 0, 32));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 1, wxEXPAND | wxALL, FromDIP(12));
    sizer->Add(date_problem_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizerAndFit(sizer);
    given_->SetFocus();
    // OK only with a name: the one thing a client record cannot do without.
    Bind(
        wxEVT_UPDATE_UI,
        [this](wxUpdateUIEvent& e) {
            e.Enable(
                (!given_->GetValue().Trim().IsEmpty() || !family_->GetValue().Trim().IsEmpty()) &&
                birth_date_ok());
        },
        wxID_OK);
    birth_date_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        date_problem_->SetLabel(birth_date_ok() ? wxString()
                                                : _("Write the birth date as year-month-day, e.g. "
                                                    "1980-03-12."));
        Layout();
    });
}

std::string NewClientDialog::therapist_login() const {
    if (!therapist_ || therapist_->GetSelection() <= 0)
        return {};
    return therapists_.at(static_cast<std::size_t>(therapist_->GetSelection() - 1)).login;
}

void NewClientDialog::pick_birth_date() {
    // The calendar opens on the date in the field, or today; it writes the date back as ISO.
    wxDateTime initial = wxDateTime::Today();
    wxDateTime typed;
    if (birth_date_ok() && typed.ParseISODate(wxString(birth_date_->GetValue()).Trim()))
        initial = typed;
    wxDialog picker(this, wxID_ANY, _("Birth date"));
    // The generic calendar: month and year are chosen above the days (a birth year is decades
    // away), arrows move the day, Enter or a double-click picks it.
    auto* calendar = new wxGenericCalendarCtrl(&picker, wxID_ANY, initial);
    calendar->SetName("birth-date-calendar");
    calendar->Bind(wxEVT_CALENDAR_DOUBLECLICKED,
                   [&picker](wxCalendarEvent&) { picker.EndModal(wxID_OK); });
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(calendar, 1, wxEXPAND | wxALL, FromDIP(12));
    sizer->Add(picker.CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(8));
    picker.SetSizerAndFit(sizer);
    calendar->SetFocus();
    if (picker.ShowModal() == wxID_OK)
        birth_date_->SetValue(calendar->GetDate().FormatISODate());
}

bool NewClientDialog::birth_date_ok() const {
    const auto date = wxString(birth_date_->GetValue()).Trim().Trim(false).utf8_string();
    return date.empty() || core::is_calendar_date(date);
}

sdk::Client NewClientDialog::client() const {
    sdk::Client c;
    auto text = [](const wxTextCtrl* control) {
        return wxString(control->GetValue()).Trim().Trim(false).utf8_string();
    };
    c.given_name = text(given_);
    c.family_name = text(family_);
    c.birth_date = text(birth_date_);
    c.phone = text(phone_);
    c.email = text(email_);
    return c;
}

}  // namespace knotnotes::gui
