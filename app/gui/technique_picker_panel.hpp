// technique_picker_panel.hpp — the Techniques page of the session editor: search the enabled
// technique libraries as you type, fill in muscle, side, pressure, minutes, tool, direction and
// the client's response, Add (Ctrl+Enter); the techniques used so far are listed below (Delete
// removes the selected one). Sends EVT_TECHNIQUE_ADDED / EVT_TECHNIQUE_REMOVED; the owner
// commits them through core::SessionEditor.
#pragma once

#include <functional>
#include <vector>

#include <wx/panel.h>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::core {
class TechniqueCatalogue;
}
class wxSearchCtrl;
class wxListBox;
class wxListCtrl;
class wxChoice;
class wxSpinCtrl;
class wxSpinCtrlDouble;
class wxTextCtrl;
class wxButton;

namespace knotnotes::gui {

class TechniquePickerPanel : public wxPanel {
  public:
    TechniquePickerPanel(wxWindow* parent, const core::TechniqueCatalogue& catalogue);

    // Called with the technique use to add / the id to remove; the owner commits it.
    std::function<void(const sdk::TechniqueUse&)> on_add;
    std::function<void(sdk::Id)> on_remove;

    void show_uses(const std::vector<sdk::TechniqueUse>& uses);
    // Pre-fills muscle and side, e.g. from the knot selected on the chart.
    void suggest_site(const std::string& muscle_id, sdk::Side side);
    void set_read_only(bool read_only);

    wxSearchCtrl* search() const { return search_; }
    wxListBox* matches() const { return matches_; }
    wxButton* add_button() const { return add_; }

  private:
    void filter();
    void add();

    const core::TechniqueCatalogue& catalogue_;
    std::vector<std::string> match_ids_;
    std::vector<sdk::Id> use_ids_;
    wxSearchCtrl* search_ = nullptr;
    wxListBox* matches_ = nullptr;
    wxChoice* muscle_ = nullptr;
    wxChoice* side_ = nullptr;
    wxSpinCtrl* pressure_ = nullptr;
    wxSpinCtrlDouble* minutes_ = nullptr;
    wxChoice* tool_ = nullptr;
    wxChoice* direction_ = nullptr;
    wxTextCtrl* response_ = nullptr;
    wxButton* add_ = nullptr;
    wxListCtrl* used_ = nullptr;
};

}  // namespace knotnotes::gui
