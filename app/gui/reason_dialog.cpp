#include "reason_dialog.hpp"

#include "pch.hpp"

namespace knotnotes::gui {

ReasonDialog::ReasonDialog(wxWindow* parent, const wxString& title, const wxString& question,
                           const wxString& listing, const wxString& ok_label)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName("reason-dialog");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    if (!listing.empty()) {
        auto* list = new wxStaticText(this, wxID_ANY, listing);
        list->SetName("reason-listing");
        list->SetForegroundColour(wxColour(160, 0, 0));
        list->Wrap(FromDIP(440));
        sizer->Add(list, 0, wxALL, FromDIP(12));
    }
    auto* ask = new wxStaticText(this, wxID_ANY, question);
    ask->Wrap(FromDIP(440));
    sizer->Add(ask, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    reason_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition,
                             FromDIP(wxSize(440, 80)), wxTE_MULTILINE);
    reason_->SetName("reason");
    sizer->Add(reason_, 1, wxEXPAND | wxALL, FromDIP(12));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(8));
    if (auto* ok = FindWindow(wxID_OK))
        ok->SetLabel(ok_label);
    SetSizerAndFit(sizer);
    reason_->SetFocus();
    Bind(
        wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(!reason().empty()); }, wxID_OK);
}

wxString ReasonDialog::reason() const {
    wxString r = reason_->GetValue();
    return r.Trim().Trim(false);
}

}  // namespace knotnotes::gui
