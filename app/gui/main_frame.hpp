// main_frame.hpp — KnotNotes' main window.
//
// For now: the menus (File, Tools ▸ Plugins…, Help), a start page summarising the plugins the
// host found, and a status bar. The charting panels arrive with the charting issue.
#pragma once

#include <wx/frame.h>

namespace knotnotes::core {
class PluginHost;
}
class wxStaticText;

namespace knotnotes::gui {

class MainFrame : public wxFrame {
  public:
    explicit MainFrame(core::PluginHost& host);

    void show_plugins_dialog();

  private:
    void update_summary();

    core::PluginHost& host_;
    wxStaticText* summary_ = nullptr;
};

}  // namespace knotnotes::gui
