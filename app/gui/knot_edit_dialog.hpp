// knot_edit_dialog.hpp — Edit… on a knot: active or latent, tenderness 0–10, result after
// treatment, and where the pain refers to. Muscle, side and place are set on the chart.
#pragma once

#include <wx/dialog.h>

#include <knotnotes/sdk/records.hpp>

class wxChoice;
class wxSlider;
class wxTextCtrl;

namespace knotnotes::gui {

class KnotEditDialog : public wxDialog {
  public:
    KnotEditDialog(wxWindow* parent, const sdk::Knot& knot);
    sdk::Knot knot() const;

  private:
    sdk::Knot knot_;
    wxChoice* kind_ = nullptr;
    wxSlider* tenderness_ = nullptr;
    wxChoice* result_ = nullptr;
    wxTextCtrl* referral_ = nullptr;
};

}  // namespace knotnotes::gui
