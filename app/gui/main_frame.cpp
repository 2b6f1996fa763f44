#include "main_frame.hpp"

#include <wx/config.h>
#include <wx/infobar.h>
#include <wx/notebook.h>
#include <wx/splitter.h>
#include <wx/srchctrl.h>

#include <knotnotes/sdk/abi_version.hpp>

#include "core/product_version.hpp"

#include "client_list_panel.hpp"
#include "client_pane.hpp"
#include "core/client_header.hpp"
#include "core/client_progress.hpp"
#include "core/plugin_host.hpp"
#include "core/record_store.hpp"
#include "core/user_paths.hpp"
#include "error_dialog.hpp"
#include "idle_lock_dialog.hpp"
#include "new_client_dialog.hpp"
#include "pch.hpp"
#include "plugins_dialog.hpp"
#include "signing_flow.hpp"
#include "window_lock_panel.hpp"

namespace knotnotes::gui {
namespace {

enum MenuId {
    id_plugins = wxID_HIGHEST + 1,
    id_switch_practitioner,
    id_open_demo,
    id_search,
    id_shortcuts,
    id_tab_overview,
    id_tab_intake,
    id_tab_sessions,
    id_tab_progress,
    id_new_session,
    id_edit_intake,
    id_export,
    id_import,
    id_import_client_list,
    id_backup,
    id_new_database,
    id_connect_server,
    id_lock,
    id_idle_lock,
};

}  // namespace

wxString MainFrame::shortcuts_text() {
    return _(
        "Ctrl+N\tNew client\n"
        "Ctrl+O\tOpen a database\n"
        "Ctrl+Shift+D\tNew (empty) database\n"
        "Ctrl+Shift+O\tConnect to a clinic server\n"
        "Ctrl+B\tBack up the database\n"
        "Ctrl+E\tExport records\n"
        "Ctrl+Shift+I\tImport a KnotNotes export or a FHIR Bundle\n"
        "Ctrl+Shift+L\tImport a client list (CSV) from another system\n"
        "Ctrl+F\tSearch clients (type, then Enter or Down to pick)\n"
        "Ctrl+1 / 2 / 3 / 4\tOverview / Intake / Sessions / Progress tab\n"
        "Ctrl+Shift+N\tNew session for the highlighted client (carries forward unresolved "
        "knots)\n"
        "Ctrl+I\tEdit the client's intake (saves a new version)\n"
        "Ctrl+Shift+S\tSign the session (in the session editor)\n"
        "Ctrl+P\tPrint preview of the session note (in the session editor)\n"
        "Ctrl+Z\tUndo the last delete in the session editor (knot, technique, pressure)\n"
        "Body chart\tclick: place a knot; drag: move; right-click or Enter: edit; "
        "Delete: remove\n"
        "Ctrl+L\tLock the window (the records are hidden until your passphrase is typed)\n"
        "Ctrl+Shift+P\tPlugins\n"
        "Ctrl+Q\tQuit\n"
        "F1\tThis list");
}

MainFrame::MainFrame(core::PluginHost& host, core::RecordStore* store)
    : wxFrame(nullptr, wxID_ANY, "KnotNotes", wxDefaultPosition, wxSize(1100, 720)),
      host_(host),
      store_(store),
      demo_(store && core::is_demo_database(store->file())) {
    SetName("main-frame");
    SetMinSize(FromDIP(wxSize(760, 520)));
    build_menus();
    bind_menus();
    CreateStatusBar(2);

    auto* outer = new wxBoxSizer(wxVERTICAL);
    if (demo_) {
        // Impossible to miss, and never confused with real records.
        auto* marker = new wxPanel(this);
        marker->SetName("demo-marker");
        marker->SetBackgroundColour(wxColour(255, 214, 0));
        auto* text = new wxStaticText(
            marker, wxID_ANY,
            _("DEMO DATABASE: synthetic clients, not real people. Use File > Open database to "
              "go back to your own records."));
        text->SetForegroundColour(*wxBLACK);
        text->SetFont(text->GetFont().Bold());
        auto* s = new wxBoxSizer(wxHORIZONTAL);
        s->Add(text, 1, wxALL, FromDIP(6));
        marker->SetSizer(s);
        outer->Add(marker, 0, wxEXPAND);
        demo_marker_ = marker;
        SetTitle(_("KnotNotes - DEMO database"));
    }
    if (store_) {
        directory_ = std::make_unique<core::ClientDirectory>(store_->client_records());
        catalogue_ = std::make_unique<core::TechniqueCatalogue>(host_);
        questionnaires_ =
            std::make_unique<core::QuestionnaireService>(host_, store_->questionnaire_records());
        splitter_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                         wxSP_LIVE_UPDATE | wxSP_3D);
        splitter_->SetMinimumPaneSize(FromDIP(160));
        splitter_->SetSashGravity(0.0);  // a wider window widens the client, not the list
        clients_ = new ClientListPanel(splitter_, *directory_);
        pane_ = new ClientPane(splitter_, *store_, *catalogue_,
                               questionnaires_ ? core::meaningful_changes(*questionnaires_)
                                               : std::map<std::string, double>());
        pane_->set_questionnaires(questionnaires_.get());
        splitter_->SplitVertically(clients_, pane_, FromDIP(240));
        outer->Add(splitter_, 1, wxEXPAND);
        lock_ = new WindowLockPanel(*this, *splitter_, *store_);
        clients_->Bind(EVT_CLIENT_SELECTED,
                       [this](wxCommandEvent& e) { pane_->show_client(e.GetExtraLong()); });
    } else {
        no_database_ = new wxStaticText(
            this, wxID_ANY,
            _("No database is open. Use File > Open database (Ctrl+O) or File > New database."));
        outer->Add(no_database_, 1, wxALL, FromDIP(24));
    }
    SetSizer(outer);
    restore_layout();
    refresh_clients();
    update_status();
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        save_layout();
        backup_on_close();
        e.Skip();
    });
}

void MainFrame::build_menus() {
    auto* file = new wxMenu;
    file->Append(wxID_NEW, _("&New client...\tCtrl+N"));
    file->AppendSeparator();
    file->Append(wxID_OPEN, _("&Open database...\tCtrl+O"));
    file->Append(id_connect_server, _("Connect to a clinic ser&ver...\tCtrl+Shift+O"),
                 _("The records a clinic keeps on its PostgreSQL server, as your login"));
    file->Append(id_new_database, _("New &database...\tCtrl+Shift+D"));
    file->Append(id_open_demo, _("Open de&mo database"));
    file->AppendSeparator();
    file->Append(id_backup, _("&Back up database...\tCtrl+B"));
    file->Append(id_export, _("&Export...\tCtrl+E"));
    file->Append(id_import, _("&Import...\tCtrl+Shift+I"));
    file->Append(id_import_client_list, _("Import &client list...\tCtrl+Shift+L"),
                 _("Clients from another system's CSV export (Jane, ClinicSense, a spreadsheet)"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));
    auto* view = new wxMenu;
    view->Append(id_search, _("&Search clients\tCtrl+F"));
    view->AppendSeparator();
    view->Append(id_tab_overview, _("&Overview\tCtrl+1"));
    view->Append(id_tab_intake, _("&Intake\tCtrl+2"));
    view->Append(id_tab_sessions, _("&Sessions\tCtrl+3"));
    view->Append(id_tab_progress, _("&Progress\tCtrl+4"));
    view->AppendSeparator();
    view->Append(id_lock, _("&Lock window\tCtrl+L"),
                 _("Hide every client detail until your passphrase is typed"));
    view->Append(id_idle_lock, wxString::FromUTF8("Lock &after idle time…"),
                 _("How many minutes without input lock the window"));
    auto* client = new wxMenu;
    client->Append(id_new_session, _("New &session\tCtrl+Shift+N"));
    client->Append(id_edit_intake, _("Edit &intake...\tCtrl+I"));
    auto* tools = new wxMenu;
    tools->Append(id_switch_practitioner, _("S&witch practitioner...\tCtrl+Shift+W"),
                  _("Who is charting and signing notes on this computer"));
    tools->Append(id_plugins, wxString::FromUTF8("&Plugins…\tCtrl+Shift+P"),
                  _("Every plugin found and its status"));
    auto* help = new wxMenu;
    help->Append(id_shortcuts, _("&Keyboard shortcuts\tF1"));
    help->Append(wxID_ABOUT, _("&About KnotNotes"));
    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(view, _("&View"));
    bar->Append(client, _("&Client"));
    bar->Append(tools, _("&Tools"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);
}

void MainFrame::bind_menus() {
    const auto on = [this](int id, std::function<void()> action) {
        Bind(
            wxEVT_MENU, [action = std::move(action)](wxCommandEvent&) { action(); }, id);
    };
    on(wxID_EXIT, [this] { Close(); });
    on(wxID_NEW, [this] { new_client(); });
    on(wxID_OPEN, [this] { open_database_file(); });
    on(id_connect_server, [this] { connect_to_clinic_server(); });
    on(id_new_database, [this] { new_database_file(); });
    on(id_open_demo, [this] { open_demo_database(); });
    on(id_backup, [this] { backup(); });
    on(id_export, [this] { export_records(); });
    on(id_import, [this] { import_records(); });
    on(id_import_client_list, [this] { import_client_list(); });
    on(id_plugins, [this] { show_plugins_dialog(); });
    on(id_switch_practitioner, [this] {
        if (store_ && switch_practitioner(this, *store_))
            update_status();
    });
    on(id_search, [this] {
        if (clients_)
            clients_->focus_search();
    });
    on(id_lock, [this] {
        if (lock_)
            lock_->lock();
    });
    on(id_idle_lock, [this] {
        IdleLockDialog dialog(this);
        dialog.ShowModal();
    });
    on(id_new_session, [this] { new_session(); });
    on(id_edit_intake, [this] {
        if (pane_)
            pane_->edit_intake();
    });
    // GTK reads Ctrl+I as Tab in a list or a text field, so the client list (where a therapist
    // is right after picking a client) would move the focus instead of opening the intake: the
    // window takes the shortcut before the focused control does.
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetModifiers() == wxMOD_CONTROL && e.GetKeyCode() == 'I' && pane_ &&
            pane_->client() && (!lock_ || !lock_->locked())) {
            pane_->edit_intake();
            return;
        }
        e.Skip();
    });
    for (int tab = 0; tab < 4; ++tab) {
        on(id_tab_overview + tab, [this, tab] {
            if (pane_ && pane_->client())
                pane_->tabs()->SetSelection(static_cast<size_t>(tab));
        });
    }
    on(id_shortcuts, [this] { show_shortcuts(); });
    on(wxID_ABOUT, [this] {
        wxMessageBox(
            wxString::Format(_("KnotNotes %s\nPlugin SDK ABI %d.%d"), KNOTNOTES_VERSION_STRING,
                             KNOTNOTES_SDK_ABI_MAJOR, KNOTNOTES_SDK_ABI_MINOR),
            _("About KnotNotes"), wxOK | wxICON_INFORMATION, this);
    });
    const auto client_open = [this](wxUpdateUIEvent& e) { e.Enable(pane_ && pane_->client()); };
    for (int id : {static_cast<int>(id_new_session), static_cast<int>(id_edit_intake),
                   static_cast<int>(id_tab_overview), static_cast<int>(id_tab_intake),
                   static_cast<int>(id_tab_sessions), static_cast<int>(id_tab_progress)}) {
        Bind(wxEVT_UPDATE_UI, client_open, id);
    }
    for (int id :
         {static_cast<int>(wxID_NEW), static_cast<int>(id_search), static_cast<int>(id_backup),
          static_cast<int>(id_export), static_cast<int>(id_import),
          static_cast<int>(id_import_client_list), static_cast<int>(id_lock)}) {
        Bind(
            wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(store_ != nullptr); }, id);
    }
}

void MainFrame::show_shortcuts() {
    wxMessageBox(shortcuts_text(), _("Keyboard shortcuts"), wxOK, this);
}

void MainFrame::refresh_clients() {
    if (!store_)
        return;
    clients_->refresh();
    if (store_->client_count() == 0 && store_->on_server()) {
        empty_offer()->ShowMessage(_("Your login sees no clients on this clinic server yet: add "
                                     "one with Ctrl+N, or ask for one to be shared with you."),
                                   wxICON_INFORMATION);
    } else if (store_->client_count() == 0 && !demo_) {
        empty_offer()->ShowMessage(_("This database has no clients yet: add one with Ctrl+N. To "
                                     "look around first, open the demo database (synthetic "
                                     "clients, kept apart from your records)."),
                                   wxICON_INFORMATION);
    } else if (empty_offer_ && empty_offer_->IsShown()) {
        empty_offer_->Dismiss();
    }
    update_status();
    Layout();
}

// Made the first time a database has no clients: making one took about 6 ms of every start-up
// (its close button's icon), and most databases have clients.
wxInfoBarGeneric* MainFrame::empty_offer() {
    if (empty_offer_)
        return empty_offer_;
    // The generic info bar: its buttons are ordinary wxButtons (keyboard and test friendly).
    empty_offer_ = new wxInfoBarGeneric(this);
    empty_offer_->SetName("empty-offer");
    empty_offer_->AddButton(id_open_demo, _("Open the demo database"));
    empty_offer_->Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { open_demo_database(); }, id_open_demo);
    GetSizer()->Insert(demo_marker_ ? 1 : 0, empty_offer_, 0, wxEXPAND);  // under the marker
    return empty_offer_;
}

void MainFrame::new_client() {
    if (!store_)
        return;
    std::vector<db::BookableTherapist> therapists;
    try {
        therapists = store_->bookable_therapists();
    } catch (const std::exception& e) {
        // The client can still be added; only the choice of therapist is missing.
        std::fprintf(stderr, "knotnotes: the clinic's therapists could not be listed: %s\n",
                     e.what());
    }
    NewClientDialog dialog(this, std::move(therapists));
    if (dialog.ShowModal() != wxID_OK)
        return;
    try {
        const auto id = store_->add_client(dialog.client(), dialog.therapist_login());
        clients_->search()->Clear();
        refresh_clients();
        clients_->select_client(id);
    } catch (const std::exception& e) {
        show_error(this, _("Could not add the client."), e);
    }
}

void MainFrame::new_session() {
    if (!pane_)
        return;
    const auto listed = clients_->selected_client();
    if (!pane_->client() || listed != pane_->client()) {
        const auto shown = pane_->client() ? store_->client(pane_->client()) : std::nullopt;
        wxMessageBox(
            shown ? wxString::Format(_("The client list does not highlight %s, whose record is "
                                       "open. Pick the client in the list first, so the "
                                       "session is charted on the right person."),
                                     wxString::FromUTF8(core::client_full_name(*shown)))
                  : wxString(_("Pick a client in the list first.")),
            _("New session"), wxOK | wxICON_WARNING, this);
        return;
    }
    pane_->new_session();
}

void MainFrame::update_status() {
    int loaded = 0;
    for (const auto& p : host_.plugins()) {
        if (p.state == core::PluginState::loaded)
            ++loaded;
    }
    SetStatusText(store_ ? wxString::FromUTF8(store_->location()) : _("No database"), 0);
    SetStatusText(wxString::Format(_("%d plugins loaded"), loaded), 1);
}

void MainFrame::show_plugins_dialog() {
    PluginsDialog dialog(this, host_);
    dialog.ShowModal();
    update_status();
}

// Client ids are per database: the last client is remembered for each database on its own.
wxString MainFrame::last_client_key() const {
    return wxString::FromUTF8("clients/last/" + store_->installation_id());
}

void MainFrame::restore_layout() {
    auto* config = wxConfigBase::Get();
    int x = 0, y = 0, w = 0, h = 0;
    if (config->Read("window/width", &w) && config->Read("window/height", &h) && w > 200 &&
        h > 200) {
        config->Read("window/x", &x);
        config->Read("window/y", &y);
        SetSize(x, y, w, h);
    }
    if (config->ReadBool("window/maximized", false))
        Maximize();
    if (splitter_) {
        int sash = 0;
        if (config->Read("window/sash", &sash) && sash > 0)
            splitter_->SetSashPosition(sash);
    }
    long last = 0;
    if (clients_ && config->Read(last_client_key(), &last) && last > 0)
        clients_->select_client(last);  // announces it: the pane follows the list
}

void MainFrame::save_layout() {
    auto* config = wxConfigBase::Get();
    config->Write("window/maximized", IsMaximized());
    if (!IsMaximized() && !IsIconized()) {
        const auto rect = GetRect();
        config->Write("window/x", rect.x);
        config->Write("window/y", rect.y);
        config->Write("window/width", rect.width);
        config->Write("window/height", rect.height);
    }
    if (splitter_)
        config->Write("window/sash", splitter_->GetSashPosition());
    if (pane_ && pane_->client())
        config->Write(last_client_key(), static_cast<long>(pane_->client()));
    config->Flush();
}

}  // namespace knotnotes::gui
