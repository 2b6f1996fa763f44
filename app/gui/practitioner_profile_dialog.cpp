#include "practitioner_profile_dialog.hpp"

#include "core/practitioner_profiles.hpp"
#include "pch.hpp"

namespace knotnotes::gui {

PractitionerProfileDialog::PractitionerProfileDialog(wxWindow* parent,
                                                     core::PractitionerProfiles& profiles)
    : wxDialog(parent, wxID_ANY, _("Who is charting?")), profiles_(profiles) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        _("Your notes are signed in your name with a key that only your passphrase unlocks. "
          "KnotNotes asks for the passphrase the first time you sign after starting."));
    intro->Wrap(FromDIP(420));
    sizer->Add(intro, 0, wxALL, FromDIP(12));

    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
    grid->AddGrowableCol(1);
    auto field = [&](const wxString& label, const char* name, long style = 0) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        auto* text = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                    FromDIP(wxSize(260, -1)), style);
        text->SetName(name);
        grid->Add(text, 1, wxEXPAND);
        return text;
    };
    name_ = field(_("&Name"), "practitioner-name");
    credentials_ = field(_("&Credentials (e.g. RMT)"), "practitioner-credentials");
    registration_ = field(_("&Registration number"), "practitioner-registration");
    passphrase_ = field(_("&Passphrase"), "practitioner-passphrase", wxTE_PASSWORD);
    repeat_ = field(_("Passphrase &again"), "practitioner-passphrase-again", wxTE_PASSWORD);
    sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
    problem_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    problem_->SetName("practitioner-problem");
    problem_->SetForegroundColour(wxColour(0xb0, 0x1c, 0x1c));
    sizer->Add(problem_, 0, wxEXPAND | wxALL, FromDIP(12));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizerAndFit(sizer);
    name_->SetFocus();
    Bind(wxEVT_BUTTON, &PractitionerProfileDialog::on_ok, this, wxID_OK);
}

void PractitionerProfileDialog::on_ok(wxCommandEvent&) {
    if (passphrase_->GetValue() != repeat_->GetValue()) {
        problem_->SetLabel(_("The two passphrases differ: type the same one twice."));
        repeat_->SetFocus();
        Layout();
        return;
    }
    core::ProfileDetails details;
    details.name = wxString(name_->GetValue()).Trim().Trim(false).utf8_string();
    details.credentials = wxString(credentials_->GetValue()).Trim().Trim(false).utf8_string();
    details.registration = wxString(registration_->GetValue()).Trim().Trim(false).utf8_string();
    try {
        created_ = profiles_.create_profile(details, passphrase_->GetValue().utf8_string());
    } catch (const std::exception& e) {
        // The profile could not be made: say why and keep everything typed.
        problem_->SetLabel(wxString::FromUTF8(e.what()));
        problem_->Wrap(FromDIP(420));
        Fit();
        return;
    }
    EndModal(wxID_OK);
}

}  // namespace knotnotes::gui
