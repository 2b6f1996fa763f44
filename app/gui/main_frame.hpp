// main_frame.hpp — KnotNotes' main window: the client list (type-ahead search, virtual list)
// on the left, the selected client in tabs on the right, menus with keyboard shortcuts, and on
// a database with no clients an info bar offering demo data. Window layout and the last client
// are remembered (wxConfig).
//
// Shortcuts: Ctrl+O open database, Ctrl+E export, Ctrl+B backup, Ctrl+N new client, Ctrl+F search
// clients, Ctrl+Shift+N new session, Ctrl+I edit intake, Ctrl+1/2/3 Overview/Intake/Sessions,
// Ctrl+Shift+S sign the session, Ctrl+Shift+P plugins, Ctrl+Q quit, F1 keyboard shortcuts.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>

#include <wx/frame.h>

#include "core/client_directory.hpp"
#include "core/questionnaire_service.hpp"
#include "core/technique_catalogue.hpp"

namespace knotnotes::core {
class PluginHost;
class RecordStore;
}  // namespace knotnotes::core
class wxStaticText;
class wxInfoBarGeneric;
class wxSplitterWindow;

namespace knotnotes::gui {

class ClientListPanel;
class ClientPane;

class MainFrame : public wxFrame {
  public:
    // `store` may be null when no database could be opened.
    MainFrame(core::PluginHost& host, core::RecordStore* store);

    void show_plugins_dialog();
    // Fills the database with synthetic clients, with a progress dialog.
    void create_demo_data();
    void new_client();
    void export_records();
    void refresh_clients();  // after clients were added from outside (an import)
    void backup();

    // How File > Open and File > New database switch databases: the app replaces this window
    // with one on the new file (or reports why it cannot be opened, keeping this one).
    std::function<void(const std::filesystem::path&)> open_database;

    ClientListPanel* client_list() const { return clients_; }
    ClientPane* client_pane() const { return pane_; }

  private:
    void build_menus();
    void update_status();
    void restore_layout();
    wxString last_client_key() const;
    void save_layout();

    core::PluginHost& host_;
    core::RecordStore* store_;
    std::unique_ptr<core::ClientDirectory> directory_;
    std::unique_ptr<core::TechniqueCatalogue> catalogue_;
    std::unique_ptr<core::QuestionnaireService> questionnaires_;
    wxInfoBarGeneric* demo_offer_ = nullptr;
    wxSplitterWindow* splitter_ = nullptr;
    ClientListPanel* clients_ = nullptr;
    ClientPane* pane_ = nullptr;
    wxStaticText* no_database_ = nullptr;
};

}  // namespace knotnotes::gui
