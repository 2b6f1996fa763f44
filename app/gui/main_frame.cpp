#include "main_frame.hpp"

#include <knotnotes/sdk/abi_version.hpp>

#include <wx/infobar.h>
#include <wx/progdlg.h>

#include "core/plugin_host.hpp"
#include "core/record_store.hpp"
#include "pch.hpp"
#include "plugins_dialog.hpp"

namespace knotnotes::gui {
namespace {
enum MenuId { id_plugins = wxID_HIGHEST + 1, id_demo };
constexpr int shown_clients = 200;
}  // namespace

MainFrame::MainFrame(core::PluginHost& host, core::RecordStore* store)
    : wxFrame(nullptr, wxID_ANY, "KnotNotes", wxDefaultPosition, wxSize(960, 640)),
      host_(host),
      store_(store) {
    SetName("main-frame");
    auto* file = new wxMenu;
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));
    auto* tools = new wxMenu;
    tools->Append(id_plugins, wxString::FromUTF8("&Plugins…\tCtrl+Shift+P"),
                  _("Every plugin found and its status"));
    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, _("&About KnotNotes"));
    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(tools, _("&Tools"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);
    CreateStatusBar();

    auto* outer = new wxBoxSizer(wxVERTICAL);
    // The generic info bar: its buttons are ordinary wxButtons (keyboard and test friendly).
    demo_offer_ = new wxInfoBarGeneric(this);
    demo_offer_->SetName("demo-offer");
    demo_offer_->AddButton(id_demo, _("Create demo data"));
    demo_offer_->Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { create_demo_data(); }, id_demo);
    outer->Add(demo_offer_, 0, wxEXPAND);
    auto* panel = new wxPanel(this);
    outer->Add(panel, 1, wxEXPAND);
    auto* title = new wxStaticText(panel, wxID_ANY, "KnotNotes");
    title->SetFont(title->GetFont().Scaled(2.0f).Bold());
    auto* tagline = new wxStaticText(
        panel, wxID_ANY,
        _("Structured clinical notes for massage therapists: knots, pressure and techniques "
          "as data you own."));
    summary_ = new wxStaticText(panel, wxID_ANY, wxEmptyString);
    summary_->SetName("plugin-summary");
    auto* plugins_button = new wxButton(panel, wxID_ANY, wxString::FromUTF8("Show &plugins…"));
    database_label_ = new wxStaticText(panel, wxID_ANY, wxEmptyString);
    clients_ = new wxListBox(panel, wxID_ANY);
    clients_->SetName("client-list");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(title, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(24));
    sizer->Add(tagline, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    sizer->Add(database_label_, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(24));
    sizer->Add(clients_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    auto* plugin_row = new wxBoxSizer(wxHORIZONTAL);
    plugin_row->Add(summary_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
    plugin_row->Add(plugins_button);
    sizer->Add(plugin_row, 0, wxALL, FromDIP(24));
    panel->SetSizer(sizer);
    SetSizer(outer);

    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { show_plugins_dialog(); }, id_plugins);
    plugins_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_plugins_dialog(); });
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            wxMessageBox(
                wxString::Format(_("KnotNotes %s\nPlugin SDK ABI %d.%d"), KNOTNOTES_VERSION_STRING,
                                 KNOTNOTES_SDK_ABI_MAJOR, KNOTNOTES_SDK_ABI_MINOR),
                _("About KnotNotes"), wxOK | wxICON_INFORMATION, this);
        },
        wxID_ABOUT);
    update_summary();
    refresh_clients();
}

void MainFrame::refresh_clients() {
    clients_->Clear();
    if (!store_) {
        database_label_->SetLabel(_("No database is open."));
        clients_->Disable();
        return;
    }
    const auto count = store_->client_count();
    database_label_->SetLabel(wxString::Format(_("%lld clients in %s"),
                                               static_cast<long long>(count),
                                               wxString::FromUTF8(store_->file().string())));
    wxArrayString names;
    for (const auto& c : store_->clients(0, shown_clients)) {
        names.Add(wxString::FromUTF8(c.display_name()));
    }
    clients_->Append(names);
    if (count == 0) {
        demo_offer_->ShowMessage(_("This database has no clients yet. To look around first, "
                                   "fill it with synthetic demo clients (no real people)."),
                                 wxICON_INFORMATION);
    } else if (demo_offer_->IsShown()) {
        demo_offer_->Dismiss();
    }
    Layout();
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

void MainFrame::update_summary() {
    int loaded = 0, attention = 0;
    for (const auto& p : host_.plugins()) {
        if (p.state == core::PluginState::loaded)
            ++loaded;
        if (p.state == core::PluginState::refused || p.state == core::PluginState::disabled) {
            ++attention;
        }
    }
    summary_->SetLabel(
        wxString::Format(_("%d plugins loaded, %d disabled or refused."), loaded, attention));
    SetStatusText(wxString::Format(_("%d plugins loaded"), loaded));
    Layout();
}

void MainFrame::show_plugins_dialog() {
    PluginsDialog dialog(this, host_);
    dialog.ShowModal();
    update_summary();
}

}  // namespace knotnotes::gui
