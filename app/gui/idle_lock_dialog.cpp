#include "idle_lock_dialog.hpp"

#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

#include "pch.hpp"
#include "window_lock_panel.hpp"

namespace knotnotes::gui {

IdleLockDialog::IdleLockDialog(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, _("Lock after idle time")) {
    SetName("idle-lock-dialog");
    // A setting of a few seconds (a test, a hand-edited file) shows as one minute.
    const int seconds = WindowLockPanel::idle_seconds_setting();
    const int shown = seconds == 0 ? 0 : (seconds + 59) / 60;
    minutes_ = new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                              wxSP_ARROW_KEYS, 0, 24 * 60, shown);
    minutes_->SetName("idle-lock-minutes");
    auto* text = new wxStaticText(
        this, wxID_ANY,
        _("Lock the window after this many minutes without a key press or a mouse move "
          "(0: never). Ctrl+L locks it at once."));
    text->Wrap(FromDIP(360));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(minutes_, 0, wxALIGN_CENTER_VERTICAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("minutes")), 0, wxALIGN_CENTER_VERTICAL | wxLEFT,
             FromDIP(6));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(text, 0, wxALL, FromDIP(12));
    sizer->Add(row, 0, wxLEFT | wxRIGHT, FromDIP(12));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(12));
    SetSizerAndFit(sizer);
    minutes_->SetFocus();
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent& e) {
            save();
            e.Skip();  // and close the dialog
        },
        wxID_OK);
}

void IdleLockDialog::save() {
    WindowLockPanel::set_idle_seconds_setting(minutes_->GetValue() * 60);
}

}  // namespace knotnotes::gui
