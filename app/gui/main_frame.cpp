#include "main_frame.hpp"

#include <wx/config.h>
#include <wx/infobar.h>
#include <wx/notebook.h>
#include <wx/progdlg.h>
#include <wx/splitter.h>
#include <wx/srchctrl.h>

#include <knotnotes/sdk/abi_version.hpp>

#include "core/product_version.hpp"

#include "client_list_panel.hpp"
#include "client_pane.hpp"
#include "core/client_progress.hpp"
#include "core/plugin_host.hpp"
#include "core/record_store.hpp"
#include "export_dialog.hpp"
#include "new_client_dialog.hpp"
#include "pch.hpp"
#include "plugins_dialog.hpp"

namespace knotnotes::gui {
namespace {

enum MenuId {
    id_plugins = wxID_HIGHEST + 1,
    id_demo,
    id_search,
    id_shortcuts,
    id_tab_overview,
    id_tab_intake,
    id_tab_sessions,
    id_tab_progress,
    id_new_session,
    id_edit_intake,
    id_export,
    id_backup,
    id_new_database,
};

const char* shortcuts_text =
    "Ctrl+O\tOpen a database\n"
    "Ctrl+E\tExport records\n"
    "Ctrl+B\tBack up the database\n"
    "Ctrl+N\tNew client\n"
    "Ctrl+F\tSearch clients (type, then Enter or Down to pick)\n"
    "Ctrl+Shift+N\tNew session for the client (carries forward unresolved knots)\n"
    "Ctrl+I\tEdit the client's intake (saves a new version)\n"
    "Ctrl+Shift+S\tSign the session (in the session editor)\n"
    "Ctrl+P\tPrint preview of the session note (in the session editor)\n"
    "Body chart\tclick: place a knot; drag: move; right-click or Enter: edit; Delete: remove\n"
    "Ctrl+1 / 2 / 3 / 4\tOverview / Intake / Sessions / Progress tab\n"
    "Ctrl+Shift+P\tPlugins\n"
    "Ctrl+Q\tQuit\n"
    "F1\tThis list";

}  // namespace

MainFrame::MainFrame(core::PluginHost& host, core::RecordStore* store)
    : wxFrame(nullptr, wxID_ANY, "KnotNotes", wxDefaultPosition, wxSize(1100, 720)),
      host_(host),
      store_(store) {
    SetName("main-frame");
    build_menus();
    CreateStatusBar(2);

    auto* outer = new wxBoxSizer(wxVERTICAL);
    // The generic info bar: its buttons are ordinary wxButtons (keyboard and test friendly).
    demo_offer_ = new wxInfoBarGeneric(this);
    demo_offer_->SetName("demo-offer");
    demo_offer_->AddButton(id_demo, _("Create demo data"));
    demo_offer_->Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { create_demo_data(); }, id_demo);
    outer->Add(demo_offer_, 0, wxEXPAND);

    if (store_) {
        directory_ = std::make_unique<core::ClientDirectory>(store_->database());
        catalogue_ = std::make_unique<core::TechniqueCatalogue>(host_);
        questionnaires_ = std::make_unique<core::QuestionnaireService>(host_, store_->database());
        splitter_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                         wxSP_LIVE_UPDATE | wxSP_3D);
        splitter_->SetMinimumPaneSize(FromDIP(180));
        clients_ = new ClientListPanel(splitter_, *directory_);
        pane_ = new ClientPane(splitter_, *store_, *catalogue_,
                               core::meaningful_changes(*questionnaires_));
        pane_->set_questionnaires(questionnaires_.get());
        splitter_->SplitVertically(clients_, pane_, FromDIP(300));
        outer->Add(splitter_, 1, wxEXPAND);
        clients_->Bind(EVT_CLIENT_SELECTED,
                       [this](wxCommandEvent& e) { pane_->show_client(e.GetExtraLong()); });
    } else {
        no_database_ = new wxStaticText(
            this, wxID_ANY, _("No database is open. Start KnotNotes with --db PATH to open one."));
        outer->Add(no_database_, 1, wxALL, FromDIP(24));
    }
    SetSizer(outer);
    restore_layout();
    refresh_clients();
    update_status();
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        save_layout();
        e.Skip();
    });
}

void MainFrame::build_menus() {
    auto* file = new wxMenu;
    file->Append(wxID_NEW, _("&New client...\tCtrl+N"));
    file->AppendSeparator();
    file->Append(wxID_OPEN, _("&Open database...\tCtrl+O"));
    file->Append(id_new_database, _("New &database..."));
    file->Append(id_backup, _("&Back up database...\tCtrl+B"));
    file->Append(id_export, _("&Export...\tCtrl+E"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));
    auto* view = new wxMenu;
    view->Append(id_search, _("&Search clients\tCtrl+F"));
    view->AppendSeparator();
    view->Append(id_tab_overview, _("&Overview\tCtrl+1"));
    view->Append(id_tab_intake, _("&Intake\tCtrl+2"));
    view->Append(id_tab_sessions, _("&Sessions\tCtrl+3"));
    view->Append(id_tab_progress, _("&Progress\tCtrl+4"));
    auto* client = new wxMenu;
    client->Append(id_new_session, _("New &session\tCtrl+Shift+N"));
    client->Append(id_edit_intake, _("Edit &intake...\tCtrl+I"));
    auto* tools = new wxMenu;
    tools->Append(id_plugins, wxString::FromUTF8("&Plugins…\tCtrl+Shift+P"),
                  _("Every plugin found and its status"));
    tools->Append(id_demo, _("Add &demo clients"));
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

    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { new_client(); }, wxID_NEW);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { show_plugins_dialog(); }, id_plugins);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { create_demo_data(); }, id_demo);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (clients_)
                clients_->focus_search();
        },
        id_search);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (pane_)
                pane_->new_session();
        },
        id_new_session);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (pane_)
                pane_->edit_intake();
        },
        id_edit_intake);
    for (int id : {static_cast<int>(id_new_session), static_cast<int>(id_edit_intake)}) {
        Bind(
            wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(pane_ && pane_->client()); },
            id);
    }
    for (int tab = 0; tab < 4; ++tab) {
        Bind(
            wxEVT_MENU,
            [this, tab](wxCommandEvent&) {
                if (pane_ && pane_->client())
                    pane_->tabs()->SetSelection(static_cast<size_t>(tab));
            },
            id_tab_overview + tab);
    }
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            wxMessageBox(shortcuts_text, _("Keyboard shortcuts"), wxOK, this);
        },
        id_shortcuts);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            wxMessageBox(
                wxString::Format(_("KnotNotes %s\nPlugin SDK ABI %d.%d"), KNOTNOTES_VERSION_STRING,
                                 KNOTNOTES_SDK_ABI_MAJOR, KNOTNOTES_SDK_ABI_MINOR),
                _("About KnotNotes"), wxOK | wxICON_INFORMATION, this);
        },
        wxID_ABOUT);
    for (int id :
         {static_cast<int>(wxID_NEW), static_cast<int>(id_demo), static_cast<int>(id_search)}) {
        Bind(
            wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(store_ != nullptr); }, id);
    }
}

void MainFrame::refresh_clients() {
    if (!store_)
        return;
    clients_->refresh();
    if (store_->client_count() == 0) {
        demo_offer_->ShowMessage(_("This database has no clients yet. To look around first, "
                                   "fill it with synthetic demo clients (no real people)."),
                                 wxICON_INFORMATION);
    } else if (demo_offer_->IsShown()) {
        demo_offer_->Dismiss();
    }
    update_status();
    Layout();
}

void MainFrame::new_client() {
    if (!store_)
        return;
    NewClientDialog dialog(this);
    if (dialog.ShowModal() != wxID_OK)
        return;
    try {
        const auto id = store_->add_client(dialog.client());
        clients_->search()->Clear();
        refresh_clients();
        clients_->select_client(id);
        pane_->show_client(id);
    } catch (const std::exception& e) {
        wxMessageBox(wxString::FromUTF8(e.what()), _("Could not add the client"),
                     wxOK | wxICON_ERROR, this);
    }
}

void MainFrame::export_records() {
    if (!store_)
        return;
    const auto client = pane_ ? pane_->client() : 0;
    const auto named = client ? store_->client(client) : std::nullopt;
    ExportDialog dialog(
        this, host_, *store_, client,
        named ? wxString::FromUTF8(named->given_name + " " + named->family_name) : wxString());
    dialog.ShowModal();
}

void MainFrame::backup() {
    if (!store_)
        return;
    wxFileDialog dialog(this, _("Back up the database to"), wxEmptyString, "knotnotes-backup.db",
                        _("KnotNotes databases (*.db)|*.db"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK)
        return;
    wxProgressDialog progress(_("Backing up"), _("Copying the database..."), 100, this,
                              wxPD_APP_MODAL | wxPD_AUTO_HIDE);
    try {
        store_->backup_to(dialog.GetPath().utf8_string(), [&](int done, int total) {
            progress.Update(total ? done * 100 / total : 100);
        });
        SetStatusText(wxString::Format(_("Backed up to %s"), dialog.GetPath()), 0);
    } catch (const std::exception& e) {
        wxMessageBox(wxString::FromUTF8(e.what()), _("Backup failed"), wxOK | wxICON_ERROR, this);
    }
}

void MainFrame::create_demo_data() {
    if (!store_)
        return;
    core::DemoOptions options;
    wxProgressDialog progress(_("Creating demo data"), _("Creating synthetic clients..."),
                              options.clients, this, wxPD_APP_MODAL | wxPD_AUTO_HIDE);
    try {
        store_->add_demo_data(options, [&](int done, int) { progress.Update(done); });
    } catch (const std::exception& e) {
        wxMessageBox(wxString::FromUTF8(e.what()), _("Could not create demo data"),
                     wxOK | wxICON_ERROR, this);
    }
    refresh_clients();
}

void MainFrame::update_status() {
    int loaded = 0;
    for (const auto& p : host_.plugins()) {
        if (p.state == core::PluginState::loaded)
            ++loaded;
    }
    SetStatusText(store_ ? wxString::FromUTF8(store_->file().string()) : _("No database"), 0);
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
    if (clients_ && config->Read(last_client_key(), &last) && last > 0 &&
        clients_->select_client(last)) {
        pane_->show_client(last);
    }
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
