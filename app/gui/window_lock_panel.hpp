// window_lock_panel.hpp — the app lock (issue 13): after an idle time (the setting
// /lock/idle_seconds in app.conf, 300 = 5 minutes by default, 0 = never) or View > Lock window
// (Ctrl+L), the window's records are hidden behind this panel and every menu is disabled until
// the practitioner's passphrase is typed (core/window_lock.hpp says which one). The records'
// windows are only hidden, never closed, so unlocking shows exactly what was there; every edit
// was already committed as it was made, so a window killed while locked loses nothing.
#pragma once

#include <wx/event.h>
#include <wx/panel.h>
#include <wx/timer.h>

class wxFrame;
class wxStaticText;
class wxTextCtrl;

namespace knotnotes::core {
class RecordStore;
}

namespace knotnotes::gui {

class WindowLockPanel : public wxPanel, public wxEventFilter {
  public:
    // `records`: the window that shows client details (hidden while locked).
    WindowLockPanel(wxFrame& frame, wxWindow& records, core::RecordStore& store);
    ~WindowLockPanel() override;

    void lock();
    bool locked() const { return locked_; }
    // What the Unlock button does with the typed passphrase; false (and a message) if wrong.
    bool unlock(const wxString& passphrase);

    static int idle_seconds_setting();
    static void set_idle_seconds_setting(int seconds);  // written to app.conf at once

    int FilterEvent(wxEvent& event) override;  // any key or mouse input is activity

  private:
    void check_idle();

    wxFrame& frame_;
    wxWindow& records_;
    core::RecordStore& store_;
    wxTextCtrl* passphrase_ = nullptr;
    wxStaticText* problem_ = nullptr;
    wxTimer idle_timer_;
    wxLongLong last_activity_ms_;
    bool locked_ = false;
};

}  // namespace knotnotes::gui
