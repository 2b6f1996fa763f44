// signature_widget.hpp — a small pad where the client signs the consent with the mouse.
//
// The pad draws the strokes anti-aliased (wxGraphicsContext) on white, with a faint signing
// line; "Clear signature" (keyboard reachable) wipes it. The signature leaves as a PNG,
// base64-encoded (sdk::Consent::signature_png_base64): the strokes rendered on white at the
// pad's size. A stored signature is shown with set_from_png_base64() and handed back byte for
// byte by to_png_base64() until someone draws on it or clears it, so opening and saving an
// intake never re-encodes an old signature. The typed name stays the keyboard alternative.
// Every change (a stroke finished, cleared) sends a wxEVT_TEXT event from the widget.
#pragma once

#include <string>
#include <vector>

#include <wx/bitmap.h>
#include <wx/geometry.h>
#include <wx/panel.h>

class wxButton;

namespace knotnotes::gui {

class SignatureWidget : public wxPanel {
  public:
    explicit SignatureWidget(wxWindow* parent, wxWindowID id = wxID_ANY);

    bool has_signature() const { return !strokes_.empty() || stored_bitmap_.IsOk(); }
    // Empty when there is no signature.
    std::string to_png_base64() const;
    // Shows a stored signature; false (and the pad cleared) when it is not a readable PNG.
    bool set_from_png_base64(const std::string& png_base64);
    void clear();

    // The surface the mouse draws on (client coordinates of its events are stroke points).
    wxWindow* pad() const { return pad_; }
    wxButton* clear_button() const { return clear_; }

  private:
    using Stroke = std::vector<wxPoint2DDouble>;

    void render(wxDC& dc, bool guide) const;
    void changed();

    wxWindow* pad_ = nullptr;
    wxButton* clear_ = nullptr;
    std::vector<Stroke> strokes_;
    bool drawing_ = false;
    std::string stored_png_;  // base64 as given, while nothing was drawn over it
    wxBitmap stored_bitmap_;
};

}  // namespace knotnotes::gui
