// main_frame.hpp — KnotNotes' main window: the client list (type-ahead search, virtual list)
// on the left, the highlighted client in tabs on the right, menus with keyboard shortcuts.
// Window layout and the last client are remembered (wxConfig). While the demo database is
// open a yellow marker says so; a database with no clients offers the demo database (demo
// clients are never written into the user's own records).
//
// Every menu item has a handler and, where it has one, a shortcut (F1 lists them):
// File: Ctrl+N new client, Ctrl+O open database, Ctrl+Shift+D new database, open the demo
// database, Ctrl+B back up, Ctrl+E export, Ctrl+Shift+I import, Ctrl+Shift+L import a client list,
// Ctrl+Q quit. View: Ctrl+F
// search clients, Ctrl+1..4 Overview/Intake/Sessions/Progress, Ctrl+L lock the window
// (window_lock_panel.hpp; also after an idle time). Client: Ctrl+Shift+N new
// session, Ctrl+I edit intake. Tools: Ctrl+Shift+P plugins. Help: F1 shortcuts, About.
// The File menu commands are in main_frame_file_commands.cpp. Export, import and backup run on
// a worker (progress, Cancel); so does the automatic backup
// when the window closes.
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
class WindowLockPanel;

class MainFrame : public wxFrame {
  public:
    // `store` may be null when no database could be opened.
    MainFrame(core::PluginHost& host, core::RecordStore* store);

    void show_plugins_dialog();
    void new_client();
    // The session for the client the list highlights; refused (with a message) when the list
    // and the open client disagree, so a session is never charted on the wrong client.
    void new_session();
    void export_records();
    void import_records();
    void import_file(const std::filesystem::path& file);  // preview, then import on request
    // File > Import client list: a CSV from another system, through the wizard.
    void import_client_list();
    void import_client_list_file(const std::filesystem::path& file);
    void refresh_clients();  // after clients were added from outside (an import)
    void backup();
    void open_database_file();
    void new_database_file();
    // File > Connect to a clinic server: asks for the address, then the app connects.
    void connect_to_clinic_server();
    // Opens the demo database, creating it with synthetic clients the first time.
    void open_demo_database();
    void show_shortcuts();
    bool is_demo() const { return demo_; }
    // The automatic backup when the window closes (off for unattended runs).
    void set_backup_on_close(bool on) { backup_on_close_ = on; }

    // How File > Open and File > New database switch databases: the app replaces this window
    // with one on the new file (or reports why it cannot be opened, keeping this one).
    std::function<void(const std::filesystem::path&)> open_database;
    // The same for File > Connect to a clinic server, given the address typed.
    std::function<void(const std::string&)> connect_server;

    ClientListPanel* client_list() const { return clients_; }
    ClientPane* client_pane() const { return pane_; }
    WindowLockPanel* window_lock() const { return lock_; }  // null without a database
    // The same text F1 shows: every shortcut.
    static wxString shortcuts_text();

  private:
    void build_menus();
    void bind_menus();
    void update_status();
    wxInfoBarGeneric* empty_offer();
    void restore_layout();
    wxString last_client_key() const;
    void save_layout();
    void backup_on_close();
    // True (and says so) when the records are on a clinic server and `command` works on a
    // database file only so far.
    bool file_only(const wxString& command, const wxString& instead);

    core::PluginHost& host_;
    core::RecordStore* store_;
    bool demo_ = false;
    bool backup_on_close_ = true;
    std::unique_ptr<core::ClientDirectory> directory_;
    std::unique_ptr<core::TechniqueCatalogue> catalogue_;
    std::unique_ptr<core::QuestionnaireService> questionnaires_;
    wxInfoBarGeneric* empty_offer_ = nullptr;  // made by empty_offer() when first needed
    wxWindow* demo_marker_ = nullptr;
    wxSplitterWindow* splitter_ = nullptr;
    ClientListPanel* clients_ = nullptr;
    ClientPane* pane_ = nullptr;
    wxStaticText* no_database_ = nullptr;
    WindowLockPanel* lock_ = nullptr;
};

}  // namespace knotnotes::gui
