// window_screenshot.hpp — saves what a top-level window shows as a PNG (for `--screenshot`,
// the README's pictures and visual checks under Xvfb).
#pragma once

#include <wx/bitmap.h>
#include <wx/string.h>

class wxWindow;

namespace knotnotes::gui {

// What `window` shows on the screen now, as the user sees it (native widgets included).
wxBitmap window_bitmap(wxWindow& window);

// Returns false (and logs why) when the image could not be taken or written.
bool save_window_screenshot(wxWindow& window, const wxString& png_file);

}  // namespace knotnotes::gui
