// plugins_dialog.hpp — "About plugins": every plugin the host found, its status and why.
//
// Shows id, name, version, kinds, author, licence and status for each plugin; the selected
// plugin's description and reason below; Enable/Disable change the remembered setting and
// (re)load at once. Thin: every decision is the PluginHost's.
#pragma once

#include <wx/dialog.h>

namespace knotnotes::core {
class PluginHost;
}
class wxListCtrl;
class wxTextCtrl;
class wxButton;

namespace knotnotes::gui {

class PluginsDialog : public wxDialog {
  public:
    PluginsDialog(wxWindow* parent, core::PluginHost& host);

    wxListCtrl* list() const { return list_; }
    // Toggle the selected plugin (the Enable/Disable button's action).
    void toggle_selected();

  private:
    void refill();
    void show_details();
    long selected_row() const;

    core::PluginHost& host_;
    wxListCtrl* list_ = nullptr;
    wxTextCtrl* details_ = nullptr;
    wxButton* toggle_ = nullptr;
};

// Column indexes, shared with tests.
enum PluginColumn { col_name, col_id, col_version, col_kinds, col_author, col_license, col_status };

}  // namespace knotnotes::gui
