// client_pane.hpp — the right side of the main window: the selected client in tabs —
// Overview (identity, contact, sessions at a glance), Intake (the current intake version) and
// Sessions (every session with its status, pain and knots).
#pragma once

#include <wx/panel.h>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::core {
class RecordStore;
}
class wxNotebook;
class wxStaticText;
class wxTextCtrl;
class wxListCtrl;

namespace knotnotes::gui {

class ClientPane : public wxPanel {
  public:
    ClientPane(wxWindow* parent, core::RecordStore& store);

    void show_client(sdk::Id client_id);  // 0: nothing selected
    sdk::Id client() const { return client_; }
    wxNotebook* tabs() const { return tabs_; }
    wxListCtrl* sessions() const { return sessions_; }

  private:
    void fill_overview(const sdk::Client& client);
    void fill_intake();
    void fill_sessions();

    core::RecordStore& store_;
    sdk::Id client_ = 0;
    wxStaticText* name_ = nullptr;
    wxStaticText* details_ = nullptr;
    wxNotebook* tabs_ = nullptr;
    wxTextCtrl* overview_ = nullptr;
    wxTextCtrl* intake_ = nullptr;
    wxListCtrl* sessions_ = nullptr;
};

}  // namespace knotnotes::gui
