#include "plugins_dialog.hpp"

#include "core/plugin_host.hpp"
#include "pch.hpp"

namespace knotnotes::gui {
namespace {

wxString text(const std::string& s) {
    return wxString::FromUTF8(s);
}

}  // namespace

PluginsDialog::PluginsDialog(wxWindow* parent, core::PluginHost& host)
    : wxDialog(parent, wxID_ANY, _("Plugins"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      host_(host) {
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(900, 280)),
                           wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetName("plugins-list");
    const std::pair<const char*, int> columns[] = {
        {"Name", 200},   {"Id", 230},      {"Version", 70}, {"Kinds", 150},
        {"Author", 150}, {"Licence", 110}, {"Status", 80}};
    for (const auto& [title, width] : columns) {
        list_->AppendColumn(wxGetTranslation(title), wxLIST_FORMAT_LEFT, FromDIP(width));
    }
    details_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition,
                              FromDIP(wxSize(-1, 110)), wxTE_MULTILINE | wxTE_READONLY);
    toggle_ = new wxButton(this, wxID_ANY, _("&Disable"));
    toggle_->SetName("plugins-toggle");

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(toggle_);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CLOSE, _("&Close")));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(list_, 1, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(details_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CLOSE);

    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { show_details(); });
    toggle_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { toggle_selected(); });
    refill();
    if (list_->GetItemCount() > 0) {
        list_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    }
    show_details();
}

void PluginsDialog::refill() {
    list_->DeleteAllItems();
    long row = 0;
    for (const auto& p : host_.plugins()) {
        const auto* m = p.manifest ? &*p.manifest : nullptr;
        list_->InsertItem(row, text(m ? m->name : p.manifest_file.filename().string()));
        list_->SetItem(row, col_id, text(p.id()));
        list_->SetItem(row, col_version, text(m ? m->version : ""));
        list_->SetItem(row, col_kinds, text(m ? m->kinds_text() : ""));
        list_->SetItem(row, col_author, text(m ? m->author : ""));
        list_->SetItem(row, col_license, text(m ? m->license : ""));
        list_->SetItem(row, col_status, text(core::to_text(p.state)));
        if (p.state == core::PluginState::refused || p.state == core::PluginState::disabled) {
            list_->SetItemTextColour(row, p.state == core::PluginState::refused
                                              ? wxColour(170, 20, 20)
                                              : wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        }
        ++row;
    }
}

long PluginsDialog::selected_row() const {
    return list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
}

void PluginsDialog::show_details() {
    const long row = selected_row();
    const auto& plugins = host_.plugins();
    if (row < 0 || row >= static_cast<long>(plugins.size())) {
        details_->Clear();
        toggle_->Disable();
        return;
    }
    const auto& p = plugins[static_cast<std::size_t>(row)];
    wxString details;
    if (p.manifest)
        details << text(p.manifest->description) << "\n";
    details << _("Manifest: ") << text(p.manifest_file.string()) << "\n";
    details << _("Status: ") << text(core::to_text(p.state));
    if (!p.reason.empty())
        details << wxString::FromUTF8(" — ") << text(p.reason);
    details_->ChangeValue(details);
    toggle_->Enable(p.state != core::PluginState::refused);
    toggle_->SetLabel(p.state == core::PluginState::disabled ? _("&Enable") : _("&Disable"));
}

void PluginsDialog::toggle_selected() {
    const long row = selected_row();
    const auto& plugins = host_.plugins();
    if (row < 0 || row >= static_cast<long>(plugins.size()))
        return;
    const auto id = plugins[static_cast<std::size_t>(row)].id();
    const bool enable = plugins[static_cast<std::size_t>(row)].state == core::PluginState::disabled;
    host_.set_enabled(id, enable);
    if (enable)
        host_.load_enabled();
    refill();
    list_->SetItemState(row, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    show_details();
}

}  // namespace knotnotes::gui
