#include "main_frame.hpp"

#include <knotnotes/sdk/abi_version.hpp>

#include "core/plugin_host.hpp"
#include "pch.hpp"
#include "plugins_dialog.hpp"

namespace knotnotes::gui {
namespace {
enum MenuId { id_plugins = wxID_HIGHEST + 1 };
}

MainFrame::MainFrame(core::PluginHost& host)
    : wxFrame(nullptr, wxID_ANY, "KnotNotes", wxDefaultPosition, wxSize(960, 640)), host_(host) {
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

    auto* panel = new wxPanel(this);
    auto* title = new wxStaticText(panel, wxID_ANY, "KnotNotes");
    title->SetFont(title->GetFont().Scaled(2.0f).Bold());
    auto* tagline = new wxStaticText(
        panel, wxID_ANY,
        _("Structured clinical notes for massage therapists: knots, pressure and techniques "
          "as data you own."));
    summary_ = new wxStaticText(panel, wxID_ANY, wxEmptyString);
    summary_->SetName("plugin-summary");
    auto* plugins_button = new wxButton(panel, wxID_ANY, wxString::FromUTF8("Show &plugins…"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(title, 0, wxALL, FromDIP(24));
    sizer->Add(tagline, 0, wxLEFT | wxRIGHT, FromDIP(24));
    sizer->Add(summary_, 0, wxALL, FromDIP(24));
    sizer->Add(plugins_button, 0, wxLEFT, FromDIP(24));
    panel->SetSizer(sizer);

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
