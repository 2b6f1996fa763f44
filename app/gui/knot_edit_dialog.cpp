#include "knot_edit_dialog.hpp"

#include <knotnotes/sdk/muscle_atlas.hpp>

#include "pch.hpp"

namespace knotnotes::gui {
namespace {
constexpr sdk::KnotResult results[] = {sdk::KnotResult::untreated, sdk::KnotResult::released,
                                       sdk::KnotResult::reduced, sdk::KnotResult::unchanged};
}

KnotEditDialog::KnotEditDialog(wxWindow* parent, const sdk::Knot& knot)
    : wxDialog(parent, wxID_ANY, _("Knot")), knot_(knot) {
    const auto* muscle = sdk::find_muscle(knot.muscle_id);
    auto* title =
        new wxStaticText(this, wxID_ANY,
                         wxString::FromUTF8(std::string(muscle ? muscle->name : knot.muscle_id) +
                                            ", " + std::string(sdk::to_text(knot.side))));
    title->SetFont(title->GetFont().Bold());
    kind_ = new wxChoice(this, wxID_ANY);
    kind_->Append(_("Active (reproduces the client's pain)"));
    kind_->Append(_("Latent (tender only when pressed)"));
    kind_->SetSelection(knot.kind == sdk::KnotKind::active ? 0 : 1);
    tenderness_ = new wxSlider(this, wxID_ANY, knot.tenderness, 0, 10, wxDefaultPosition,
                               FromDIP(wxSize(240, -1)), wxSL_HORIZONTAL | wxSL_LABELS);
    tenderness_->SetName("tenderness");
    result_ = new wxChoice(this, wxID_ANY);
    for (auto r : results)
        result_->Append(wxString::FromUTF8(std::string(sdk::to_text(r))));
    for (int i = 0; i < 4; ++i) {
        if (results[i] == knot.result)
            result_->SetSelection(i);
    }
    referral_ = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(knot.referral));

    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 8)));
    grid->AddGrowableCol(1);
    auto row = [&](const wxString& label, wxWindow* control) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(control, 1, wxEXPAND);
    };
    row(_("&Kind"), kind_);
    row(_("&Tenderness (0-10)"), tenderness_);
    row(_("&Result"), result_);
    row(_("Re&ferral"), referral_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(title, 0, wxALL, FromDIP(12));
    sizer->Add(grid, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizerAndFit(sizer);
}

sdk::Knot KnotEditDialog::knot() const {
    auto k = knot_;
    k.kind = kind_->GetSelection() == 0 ? sdk::KnotKind::active : sdk::KnotKind::latent;
    k.tenderness = tenderness_->GetValue();
    k.result = results[std::max(0, result_->GetSelection())];
    k.referral = referral_->GetValue().utf8_string();
    return k;
}

}  // namespace knotnotes::gui
