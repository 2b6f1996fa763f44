#include "window_screenshot.hpp"

#include "pch.hpp"

namespace knotnotes::gui {

wxBitmap window_bitmap(wxWindow& window) {
    window.Update();
    // The screen, not the window's own DC: under GTK 3 only the screen DC includes the native
    // widgets and the window decorations as the user sees them.
    const wxRect rect = window.GetScreenRect();
    wxBitmap bitmap(rect.GetSize());
    {
        wxScreenDC screen;
        wxMemoryDC memory(bitmap);
        memory.Blit(0, 0, rect.width, rect.height, &screen, rect.x, rect.y);
    }
    return bitmap;
}

bool save_window_screenshot(wxWindow& window, const wxString& png_file) {
    const wxBitmap bitmap = window_bitmap(window);
    if (!bitmap.ConvertToImage().SaveFile(png_file, wxBITMAP_TYPE_PNG)) {
        wxLogError(_("Could not write the screenshot %s"), png_file);
        return false;
    }
    return true;
}

}  // namespace knotnotes::gui
