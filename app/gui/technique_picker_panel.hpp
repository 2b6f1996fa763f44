// technique_picker_panel.hpp — the Techniques page of the session editor: search the enabled
// technique libraries as you type, fill in muscle, side, pressure, minutes, tool, direction and
// the client's response, Add (Ctrl+Enter); the techniques used so far are listed below. Enter or
// a double-click on a row loads it into the form to change it (Update, Ctrl+Enter; Escape
// leaves the row as it was); Delete removes the selected row (Backspace never deletes). The
// muscle field is searchable: type part of a name. A choice that conflicts with the client's
// contraindications (core/contraindication_rules.hpp) is named in red under the form as soon
// as it is made. The owner commits through core::SessionEditor (on_add, on_update, on_remove).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <wx/scrolwin.h>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::core {
class TechniqueCatalogue;
}
class wxSearchCtrl;
class wxListBox;
class wxListCtrl;
class wxChoice;
class wxComboBox;
class wxStaticText;
class wxSpinCtrl;
class wxSpinCtrlDouble;
class wxTextCtrl;
class wxButton;

namespace knotnotes::gui {

// Scrolled: in a short page (1024x700, GDK_SCALE=2) the form scrolls instead of overlapping.
class TechniquePickerPanel : public wxScrolledWindow {
  public:
    TechniquePickerPanel(wxWindow* parent, const core::TechniqueCatalogue& catalogue);

    // Called with the technique use to add / the id to remove; the owner commits it.
    std::function<void(const sdk::TechniqueUse&)> on_add;
    std::function<void(sdk::Id)> on_remove;
    std::function<void(const sdk::TechniqueUse&)> on_update;

    // The client's health flags, for the inline contraindication warning.
    void set_health_flags(std::vector<std::string> flags);
    // Loads row `row` of the list into the form for changing it.
    void edit_row(long row);

    void show_uses(const std::vector<sdk::TechniqueUse>& uses);
    // Pre-fills muscle and side, e.g. from the knot selected on the chart.
    void suggest_site(const std::string& muscle_id, sdk::Side side);
    void set_read_only(bool read_only);

    wxSearchCtrl* search() const { return search_; }
    wxListBox* matches() const { return matches_; }
    wxButton* add_button() const { return add_; }
    wxListCtrl* used() const { return used_; }
    wxComboBox* muscle() const { return muscle_; }
    wxSpinCtrl* pressure() const { return pressure_; }
    wxStaticText* warning() const { return warning_; }
    bool editing() const { return editing_ != 0; }

  private:
    void filter();
    void add();
    sdk::TechniqueUse form_use() const;
    std::string muscle_id() const;
    void update_warning();
    void stop_editing();

    const core::TechniqueCatalogue& catalogue_;
    std::vector<std::string> match_ids_;
    std::vector<sdk::Id> use_ids_;
    std::vector<sdk::TechniqueUse> uses_;
    std::vector<std::string> flags_;
    bool read_only_ = false;
    sdk::Id editing_ = 0;  // the use loaded into the form, 0 when adding
    wxSearchCtrl* search_ = nullptr;
    wxListBox* matches_ = nullptr;
    wxComboBox* muscle_ = nullptr;
    wxChoice* side_ = nullptr;
    wxSpinCtrl* pressure_ = nullptr;
    wxSpinCtrlDouble* minutes_ = nullptr;
    wxChoice* tool_ = nullptr;
    wxChoice* direction_ = nullptr;
    wxTextCtrl* response_ = nullptr;
    wxButton* add_ = nullptr;
    wxListCtrl* used_ = nullptr;
    wxStaticText* warning_ = nullptr;
};

}  // namespace knotnotes::gui
