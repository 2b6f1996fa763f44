// contraindication_banner_panel.hpp — the red or amber strip shown above a client's chart
// whenever their intake flags a contraindication or an allergy.
//
// Thin: the words and the severity come from core::contraindication_banner(). Red with a
// white warning sign when any condition says "avoid deep work", amber for cautions (and for
// allergies alone); the one-line summary in bold, then one line of guidance per condition. It
// wraps rather than cuts a condition off. Hidden when there is nothing to show; show_for()
// re-lays out the parent so the space closes or opens.
#pragma once

#include <optional>

#include <knotnotes/sdk/records.hpp>

#include <wx/panel.h>

#include "core/contraindication_banner.hpp"

class wxStaticBitmap;
class wxStaticText;

namespace knotnotes::gui {

class ContraindicationBannerPanel : public wxPanel {
  public:
    explicit ContraindicationBannerPanel(wxWindow* parent, wxWindowID id = wxID_ANY);

    // The client's current intake (or none yet): shows or hides the banner.
    void show_for(const std::optional<sdk::Intake>& intake);

    const core::ContraindicationBanner& banner() const { return banner_; }
    // The summary line as shown (unwrapped).
    wxString headline() const;

  private:
    void wrap_labels(int width);

    core::ContraindicationBanner banner_;
    wxStaticBitmap* icon_ = nullptr;
    wxStaticText* headline_ = nullptr;
    wxStaticText* guidance_ = nullptr;
    wxString headline_text_;
    wxString guidance_text_;
    int wrapped_at_ = -1;
};

}  // namespace knotnotes::gui
