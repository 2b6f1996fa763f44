// signature_widget.cpp — the consent signature pad (see signature_widget.hpp).
#include "signature_widget.hpp"

#include <memory>

#include <wx/base64.h>
#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/mstream.h>

#include "pch.hpp"

namespace knotnotes::gui {
namespace {

const wxColour ink(22, 38, 74);
const wxColour guide_colour(176, 184, 196);

void ensure_png_handler() {
    if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG))
        wxImage::AddHandler(new wxPNGHandler);
}

}  // namespace

SignatureWidget::SignatureWidget(wxWindow* parent, wxWindowID id) : wxPanel(parent, id) {
    SetName("signature");
    pad_ = new wxWindow(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(380, 110)),
                        wxBORDER_SIMPLE | wxFULL_REPAINT_ON_RESIZE);
    pad_->SetName("signature-pad");
    pad_->SetBackgroundStyle(wxBG_STYLE_PAINT);
    pad_->SetMinSize(FromDIP(wxSize(380, 110)));
    pad_->SetCursor(wxCursor(wxCURSOR_PENCIL));
    pad_->SetToolTip(_("The client signs here with the mouse (or a touchpad or pen)."));
    clear_ = new wxButton(this, wxID_ANY, _("C&lear signature"));
    auto* hint = new wxStaticText(this, wxID_ANY, _("Sign above the line with the mouse."));
    hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(hint, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    row->Add(clear_, 0, wxALIGN_CENTER_VERTICAL);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(pad_, 0, wxEXPAND);
    sizer->Add(row, 0, wxEXPAND | wxTOP, FromDIP(4));
    SetSizer(sizer);

    pad_->Bind(wxEVT_PAINT, [this](wxPaintEvent&) {
        wxAutoBufferedPaintDC dc(pad_);
        render(dc, true);
    });
    pad_->Bind(wxEVT_LEFT_DOWN, [this](wxMouseEvent& event) {
        drawing_ = true;
        strokes_.push_back({wxPoint2DDouble(event.GetPosition())});
        if (!pad_->HasCapture())
            pad_->CaptureMouse();
        pad_->Refresh();
    });
    pad_->Bind(wxEVT_MOTION, [this](wxMouseEvent& event) {
        if (!drawing_ || strokes_.empty() || !event.LeftIsDown())
            return;
        strokes_.back().push_back(wxPoint2DDouble(event.GetPosition()));
        pad_->Refresh();
    });
    pad_->Bind(wxEVT_LEFT_UP, [this](wxMouseEvent& event) {
        if (!drawing_)
            return;
        drawing_ = false;
        if (pad_->HasCapture())
            pad_->ReleaseMouse();
        strokes_.back().push_back(wxPoint2DDouble(event.GetPosition()));
        changed();
    });
    pad_->Bind(wxEVT_MOUSE_CAPTURE_LOST, [this](wxMouseCaptureLostEvent&) {
        if (drawing_) {
            drawing_ = false;
            changed();
        }
    });
    clear_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { clear(); });
}

void SignatureWidget::changed() {
    stored_png_.clear();  // drawn over: no longer the stored image as it was
    clear_->Enable(has_signature());
    pad_->Refresh();
    wxCommandEvent event(wxEVT_TEXT, GetId());
    event.SetEventObject(this);
    ProcessWindowEvent(event);
}

void SignatureWidget::clear() {
    strokes_.clear();
    stored_bitmap_ = wxBitmap();
    changed();
}

bool SignatureWidget::set_from_png_base64(const std::string& png_base64) {
    strokes_.clear();
    stored_png_.clear();
    stored_bitmap_ = wxBitmap();
    bool ok = png_base64.empty();
    if (!ok) {
        ensure_png_handler();
        const wxMemoryBuffer bytes = wxBase64Decode(wxString::FromUTF8(png_base64));
        wxMemoryInputStream stream(bytes.GetData(), bytes.GetDataLen());
        wxImage image;
        const wxLogNull quiet;  // a damaged image is reported by the return value
        if (bytes.GetDataLen() > 0 && image.LoadFile(stream, wxBITMAP_TYPE_PNG)) {
            stored_bitmap_ = wxBitmap(image);
            stored_png_ = png_base64;
            ok = true;
        }
    }
    clear_->Enable(has_signature());
    pad_->Refresh();
    return ok;
}

void SignatureWidget::render(wxDC& dc, bool guide) const {
    const wxSize size = pad_->GetClientSize();
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    if (stored_bitmap_.IsOk()) {
        // Shown at its own size, shrunk to fit if the pad is smaller.
        const double scale = std::min({1.0, double(size.x) / stored_bitmap_.GetWidth(),
                                       double(size.y) / stored_bitmap_.GetHeight()});
        if (scale < 1.0) {
            wxImage image = stored_bitmap_.ConvertToImage();
            image.Rescale(int(image.GetWidth() * scale), int(image.GetHeight() * scale),
                          wxIMAGE_QUALITY_HIGH);
            dc.DrawBitmap(wxBitmap(image), 0, 0);
        } else {
            dc.DrawBitmap(stored_bitmap_, 0, 0);
        }
    }
    const std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::CreateFromUnknownDC(dc));
    if (!gc)
        return;
    gc->SetAntialiasMode(wxANTIALIAS_DEFAULT);
    if (guide) {
        const double y = size.y - FromDIP(26);
        gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(guide_colour).Width(FromDIP(1))));
        gc->StrokeLine(FromDIP(14), y, size.x - FromDIP(14), y);
        gc->SetFont(GetFont().Scaled(1.3f), guide_colour);
        gc->DrawText(wxString::FromUTF8("\xC3\x97"), FromDIP(16), y - FromDIP(22));
    }
    gc->SetPen(gc->CreatePen(
        wxGraphicsPenInfo(ink).Width(FromDIP(2.4)).Cap(wxCAP_ROUND).Join(wxJOIN_ROUND)));
    for (const auto& stroke : strokes_) {
        if (stroke.size() == 1 || (stroke.size() == 2 && stroke[0] == stroke[1])) {
            // A tap: a dot.
            gc->SetBrush(wxBrush(ink));
            const double r = FromDIP(1.6);
            gc->DrawEllipse(stroke[0].m_x - r, stroke[0].m_y - r, 2 * r, 2 * r);
            continue;
        }
        // Smoothed: quadratic curves through the midpoints of successive samples.
        wxGraphicsPath path = gc->CreatePath();
        path.MoveToPoint(stroke[0]);
        for (std::size_t i = 1; i + 1 < stroke.size(); ++i) {
            const wxPoint2DDouble mid = (stroke[i] + stroke[i + 1]) / 2;
            path.AddQuadCurveToPoint(stroke[i].m_x, stroke[i].m_y, mid.m_x, mid.m_y);
        }
        path.AddLineToPoint(stroke.back());
        gc->StrokePath(path);
    }
}

std::string SignatureWidget::to_png_base64() const {
    if (!has_signature())
        return {};
    if (strokes_.empty() && !stored_png_.empty())
        return stored_png_;
    const wxSize size = pad_->GetClientSize();
    wxBitmap bitmap(std::max(size.x, 1), std::max(size.y, 1), 24);
    {
        wxMemoryDC dc(bitmap);
        render(dc, false);
    }
    ensure_png_handler();
    wxMemoryOutputStream stream;
    if (!bitmap.ConvertToImage().SaveFile(stream, wxBITMAP_TYPE_PNG))
        return {};
    const auto length = stream.GetLength();
    std::vector<unsigned char> bytes(static_cast<std::size_t>(length));
    stream.CopyTo(bytes.data(), bytes.size());
    return wxBase64Encode(bytes.data(), bytes.size()).ToStdString();
}

}  // namespace knotnotes::gui
