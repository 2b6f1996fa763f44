// window_screenshot.hpp — saves what a top-level window shows as a PNG (for `--screenshot`,
// the README's pictures and visual checks under Xvfb).
#pragma once

#include <wx/string.h>

class wxWindow;

namespace knotnotes::gui {

// Returns false (and logs why) when the image could not be taken or written.
bool save_window_screenshot(wxWindow& window, const wxString& png_file);

}  // namespace knotnotes::gui
