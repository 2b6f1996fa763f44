// client_list_panel.hpp — the client list on the left of the main window: a search box with
// type-ahead and a virtual list that stays instant with 100,000 clients (rows come from
// core::ClientDirectory a page at a time). Selecting a client sends a ClientSelectedEvent.
//
// The highlighted row and the client it stands for never part: a virtual list's selection is
// a row number, so whenever the rows change (typing, clearing the search, a refresh) the
// highlight is moved to the row of the highlighted client, or removed when that client is no
// longer listed; Enter in the search box highlights the first match AND announces it.
#pragma once

#include <memory>

#include <wx/listctrl.h>
#include <wx/panel.h>

#include "core/client_directory.hpp"

class wxSearchCtrl;
class wxStaticText;

namespace knotnotes::gui {

// Sent to the panel's parent chain when the selected client changes; GetExtraLong() is the id.
wxDECLARE_EVENT(EVT_CLIENT_SELECTED, wxCommandEvent);

class ClientListPanel : public wxPanel {
  public:
    ClientListPanel(wxWindow* parent, core::ClientDirectory& directory);

    void focus_search();
    void refresh();  // after clients were added or renamed
    bool select_client(sdk::Id client_id);
    // The client of the highlighted row; 0 when no row is highlighted.
    sdk::Id selected_client() const { return selected_; }
    wxSearchCtrl* search() const { return search_; }
    wxListCtrl* list() const { return list_; }

  private:
    class VirtualList;
    void apply_filter();
    void on_selected(long row);
    void highlight_row(long row);  // highlights, focuses and announces the client of a row
    void clear_highlight();

    core::ClientDirectory& directory_;
    wxSearchCtrl* search_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxStaticText* status_ = nullptr;
    sdk::Id selected_ = 0;
    sdk::Id announced_ = -1;  // the client last sent in EVT_CLIENT_SELECTED (the pane's)
    bool syncing_ = false;    // moving the highlight to follow the rows: no announcements
};

}  // namespace knotnotes::gui
