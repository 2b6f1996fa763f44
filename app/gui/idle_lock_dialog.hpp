// idle_lock_dialog.hpp — View > Lock after idle time…: how many minutes without input lock the
// window (issue 13; 5 by default, 0 never). The choice is the setting /lock/idle_seconds in
// app.conf, which WindowLockPanel reads at each tick, so it applies at once.
#pragma once

#include <wx/dialog.h>

class wxSpinCtrl;

namespace knotnotes::gui {

class IdleLockDialog : public wxDialog {
  public:
    explicit IdleLockDialog(wxWindow* parent);

    wxSpinCtrl* minutes() { return minutes_; }
    // Saves the minutes shown as the setting (what OK does).
    void save();

  private:
    wxSpinCtrl* minutes_ = nullptr;
};

}  // namespace knotnotes::gui
