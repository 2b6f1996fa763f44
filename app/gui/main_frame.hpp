// main_frame.hpp — KnotNotes' main window.
//
// For now: the menus (File, Tools ▸ Plugins…, Help), a start page with the open database's
// clients and the plugins the host found, and a status bar. On a database with no clients an
// info bar offers demo data. The charting panels arrive with the charting issue.
#pragma once

#include <wx/frame.h>

namespace knotnotes::core {
class PluginHost;
class RecordStore;
}  // namespace knotnotes::core
class wxStaticText;
class wxListBox;
class wxInfoBarGeneric;

namespace knotnotes::gui {

class MainFrame : public wxFrame {
  public:
    // `store` may be null when no database could be opened.
    MainFrame(core::PluginHost& host, core::RecordStore* store);

    void show_plugins_dialog();
    // Fills the database with synthetic clients, with a progress dialog.
    void create_demo_data();

    wxListBox* client_list() const { return clients_; }

  private:
    void update_summary();
    void refresh_clients();

    core::PluginHost& host_;
    core::RecordStore* store_;
    wxStaticText* summary_ = nullptr;
    wxStaticText* database_label_ = nullptr;
    wxListBox* clients_ = nullptr;
    wxInfoBarGeneric* demo_offer_ = nullptr;
};

}  // namespace knotnotes::gui
