// contraindication_banner_panel.cpp — the contraindication banner (see the header).
#include "contraindication_banner_panel.hpp"

#include <memory>

#include <wx/graphics.h>
#include <wx/statbmp.h>

#include "pch.hpp"

namespace knotnotes::gui {
namespace {

const wxColour avoid_background(183, 28, 28);
const wxColour avoid_text(*wxWHITE);
const wxColour caution_background(255, 193, 7);
const wxColour caution_text(33, 33, 33);

// A warning triangle with an exclamation mark, drawn here so it looks the same on every theme.
wxBitmap warning_sign(int size, const wxColour& sign, const wxColour& mark,
                      const wxColour& background) {
    wxBitmap bitmap(size, size, 24);
    wxMemoryDC dc(bitmap);
    dc.SetBackground(wxBrush(background));
    dc.Clear();
    const std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc)
        return bitmap;
    const double s = size;
    wxGraphicsPath triangle = gc->CreatePath();
    triangle.MoveToPoint(s / 2, s * 0.06);
    triangle.AddLineToPoint(s * 0.97, s * 0.92);
    triangle.AddLineToPoint(s * 0.03, s * 0.92);
    triangle.CloseSubpath();
    gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(sign).Width(s * 0.06).Join(wxJOIN_ROUND)));
    gc->SetBrush(wxBrush(sign));
    gc->DrawPath(triangle);
    gc->SetPen(wxNullPen);
    gc->SetBrush(wxBrush(mark));
    gc->DrawRoundedRectangle(s * 0.455, s * 0.32, s * 0.09, s * 0.36, s * 0.04);
    gc->DrawEllipse(s * 0.45, s * 0.74, s * 0.1, s * 0.1);
    return bitmap;
}

}  // namespace

ContraindicationBannerPanel::ContraindicationBannerPanel(wxWindow* parent, wxWindowID id)
    : wxPanel(parent, id) {
    SetName("contraindication-banner");
    icon_ = new wxStaticBitmap(this, wxID_ANY, wxBitmap(FromDIP(28), FromDIP(28), 24));
    headline_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    headline_->SetName("contraindication-headline");
    headline_->SetFont(headline_->GetFont().Bold().Scaled(1.1f));
    guidance_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    guidance_->SetName("contraindication-guidance");

    auto* text = new wxBoxSizer(wxVERTICAL);
    text->Add(headline_, 0, wxEXPAND);
    text->Add(guidance_, 0, wxEXPAND | wxTOP, FromDIP(3));
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(icon_, 0, wxALIGN_TOP | wxALL, FromDIP(10));
    sizer->Add(text, 1, wxEXPAND | wxTOP | wxBOTTOM | wxRIGHT, FromDIP(10));
    SetSizer(sizer);

    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        wrap_labels(event.GetSize().x);
    });
    Hide();
}

wxString ContraindicationBannerPanel::headline() const {
    return headline_text_;
}

void ContraindicationBannerPanel::show_for(const std::optional<sdk::Intake>& intake) {
    banner_ = core::contraindication_banner(intake);
    if (banner_.empty()) {
        headline_text_.clear();
        guidance_text_.clear();
        Hide();
    } else {
        const bool avoid = banner_.severity == sdk::Severity::avoid;
        const wxColour& background = avoid ? avoid_background : caution_background;
        const wxColour& foreground = avoid ? avoid_text : caution_text;
        SetBackgroundColour(background);
        for (auto* label : {headline_, guidance_})
            label->SetForegroundColour(foreground);
        icon_->SetBitmap(warning_sign(FromDIP(28), avoid ? *wxWHITE : wxColour(33, 33, 33),
                                      background, background));
        headline_text_ = wxString::FromUTF8(banner_.text);
        guidance_text_.clear();
        for (const auto& line : banner_.guidance) {
            if (!guidance_text_.empty())
                guidance_text_ += "\n";
            guidance_text_ += wxString::FromUTF8(line);
        }
        guidance_->Show(!guidance_text_.empty());
        SetToolTip(headline_text_ + (guidance_text_.empty() ? "" : "\n\n") + guidance_text_);
        wrapped_at_ = -1;
        Show();
        wrap_labels(GetClientSize().x);
        Refresh();
    }
    if (auto* parent = GetParent())
        parent->Layout();
}

void ContraindicationBannerPanel::wrap_labels(int width) {
    const int text_width = width - icon_->GetSize().x - FromDIP(30);
    if (text_width <= FromDIP(40) || text_width == wrapped_at_)
        return;
    wrapped_at_ = text_width;
    headline_->SetLabelText(headline_text_);
    headline_->Wrap(text_width);
    guidance_->SetLabelText(guidance_text_);
    guidance_->Wrap(text_width);
    // The wrapped height changes what this panel needs: let the parent give it room.
    if (auto* parent = GetParent()) {
        parent->CallAfter([parent] { parent->Layout(); });
    }
}

}  // namespace knotnotes::gui
