#include "technique_picker_panel.hpp"

#include <wx/listctrl.h>
#include <wx/spinctrl.h>
#include <wx/srchctrl.h>

#include <knotnotes/sdk/muscle_atlas.hpp>

#include "core/contraindication_rules.hpp"
#include "core/side_choices.hpp"
#include "core/technique_catalogue.hpp"
#include "pch.hpp"

namespace knotnotes::gui {
namespace {

wxString whole_region() {
    return _("(whole region / none)");
}
constexpr sdk::Tool tools[] = {sdk::Tool::thumb, sdk::Tool::fingers,   sdk::Tool::knuckle,
                               sdk::Tool::palm,  sdk::Tool::elbow,     sdk::Tool::forearm,
                               sdk::Tool::hands, sdk::Tool::instrument};
constexpr sdk::Direction directions[] = {sdk::Direction::along_fibres,
                                         sdk::Direction::across_fibres, sdk::Direction::sustained,
                                         sdk::Direction::circular, sdk::Direction::none};

wxString word(std::string_view w) {
    return wxString::FromUTF8(std::string(w));
}

}  // namespace

TechniquePickerPanel::TechniquePickerPanel(wxWindow* parent,
                                           const core::TechniqueCatalogue& catalogue)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL),
      catalogue_(catalogue) {
    SetScrollRate(0, FromDIP(12));
    search_ = new wxSearchCtrl(this, wxID_ANY);
    search_->SetName("technique-search");
    search_->SetDescriptiveText(_("Find a technique"));
    matches_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 80)));
    matches_->SetName("technique-matches");
    // Searchable: typing completes a muscle name; the list drops down with every muscle.
    wxArrayString muscles;
    muscles.Add(whole_region());
    for (const auto& m : sdk::muscle_atlas)
        muscles.Add(word(m.name));
    muscle_ = new wxComboBox(this, wxID_ANY, whole_region(), wxDefaultPosition, wxDefaultSize,
                             muscles, wxCB_DROPDOWN);
    muscle_->SetName("technique-muscle");
    muscle_->AutoComplete(muscles);
    side_ = new wxChoice(this, wxID_ANY);
    side_->SetName("technique-side");
    for (auto s : core::side_choices)
        side_->Append(word(sdk::to_text(s)));
    side_->SetSelection(core::side_choice_index(sdk::Side::bilateral));
    pressure_ = new wxSpinCtrl(this, wxID_ANY, "5", wxDefaultPosition, wxDefaultSize,
                               wxSP_ARROW_KEYS, 0, 10, 5);
    pressure_->SetName("technique-pressure");
    minutes_ = new wxSpinCtrlDouble(this, wxID_ANY, "1", wxDefaultPosition, wxDefaultSize,
                                    wxSP_ARROW_KEYS, 0, 120, 1, 0.5);
    minutes_->SetName("technique-minutes");
    tool_ = new wxChoice(this, wxID_ANY);
    for (auto t : tools)
        tool_->Append(word(sdk::to_text(t)));
    tool_->SetSelection(0);
    direction_ = new wxChoice(this, wxID_ANY);
    for (auto d : directions)
        direction_->Append(word(sdk::to_text(d)));
    direction_->SetSelection(0);
    response_ = new wxTextCtrl(this, wxID_ANY);
    response_->SetName("technique-response");
    add_ = new wxButton(this, wxID_ANY, _("&Add technique"));
    add_->SetName("add-technique");
    warning_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    warning_->SetName("technique-warning");
    warning_->SetForegroundColour(wxColour(176, 0, 32));
    used_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL);
    used_->SetName("techniques-used");
    for (const auto& [title, width] : {std::pair<const char*, int>{"Technique", 220},
                                       {"Muscle", 130},
                                       {"Pressure", 70},
                                       {"Time", 60}}) {
        used_->AppendColumn(wxGetTranslation(title), wxLIST_FORMAT_LEFT, FromDIP(width));
    }

    // Two columns: the page stays usable in a narrow side panel (1024x700, GDK_SCALE=2).
    auto* form = new wxFlexGridSizer(2, FromDIP(wxSize(6, 4)));
    form->AddGrowableCol(1);
    auto cell = [&](const wxString& label, wxWindow* control) {
        form->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        form->Add(control, 1, wxEXPAND);
    };
    cell(_("Muscle"), muscle_);
    cell(_("Side"), side_);
    cell(_("Pressure 0-10"), pressure_);
    cell(_("Minutes"), minutes_);
    cell(_("Tool"), tool_);
    cell(_("Direction"), direction_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    // Add sits beside the search: always in view, even when a short page scrolls the form.
    auto* search_row = new wxBoxSizer(wxHORIZONTAL);
    search_row->Add(search_, 1, wxEXPAND);
    search_row->Add(add_, 0, wxLEFT, FromDIP(6));
    sizer->Add(search_row, 0, wxEXPAND | wxALL, FromDIP(6));
    sizer->Add(matches_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));
    sizer->Add(form, 0, wxEXPAND | wxALL, FromDIP(6));
    auto* response_row = new wxBoxSizer(wxHORIZONTAL);
    response_row->Add(new wxStaticText(this, wxID_ANY, _("Response")), 0,
                      wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    response_row->Add(response_, 1, wxEXPAND);
    sizer->Add(response_row, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));
    sizer->Add(warning_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(6));
    used_->SetMinSize(FromDIP(wxSize(-1, 120)));
    sizer->Add(used_, 1, wxEXPAND | wxALL, FromDIP(6));
    SetSizer(sizer);
    FitInside();

    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { filter(); });
    add_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add(); });
    Bind(
        wxEVT_UPDATE_UI,
        [this](wxUpdateUIEvent& e) { e.Enable(matches_->GetSelection() != wxNOT_FOUND); },
        add_->GetId());
    used_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        const long row = used_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        // Delete only: Backspace is what a hand on the keyboard presses by mistake.
        if (e.GetKeyCode() == WXK_DELETE && row >= 0 && on_remove) {
            on_remove(use_ids_[static_cast<std::size_t>(row)]);
        } else {
            e.Skip();
        }
    });
    used_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { edit_row(e.GetIndex()); });
    muscle_->Bind(wxEVT_COMBOBOX, [this](wxCommandEvent&) { update_warning(); });
    muscle_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { update_warning(); });
    side_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { update_warning(); });
    pressure_->Bind(wxEVT_SPINCTRL, [this](wxCommandEvent&) { update_warning(); });
    pressure_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { update_warning(); });
    matches_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { update_warning(); });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_ESCAPE && editing_) {
            stop_editing();
        } else {
            e.Skip();
        }
    });
    wxAcceleratorEntry accel(wxACCEL_CTRL, WXK_RETURN, add_->GetId());
    SetAcceleratorTable(wxAcceleratorTable(1, &accel));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { add(); }, add_->GetId());
    filter();
}

void TechniquePickerPanel::filter() {
    matches_->Clear();
    match_ids_.clear();
    wxArrayString names;
    for (const auto* t : catalogue_.search(search_->GetValue().utf8_string())) {
        names.Add(wxString::FromUTF8(t->technique.name + "  (" + t->technique.category + ", " +
                                     std::to_string(t->technique.pressure_min) + "-" +
                                     std::to_string(t->technique.pressure_max) + ")"));
        match_ids_.push_back(t->id);
    }
    matches_->Append(names);
    if (!match_ids_.empty())
        matches_->SetSelection(0);
    update_warning();
}

void TechniquePickerPanel::suggest_site(const std::string& muscle_id, sdk::Side side) {
    if (const auto* m = sdk::find_muscle(muscle_id))
        muscle_->SetValue(word(m->name));
    side_->SetSelection(core::side_choice_index(side));
    update_warning();
}

std::string TechniquePickerPanel::muscle_id() const {
    const auto typed = muscle_->GetValue().Trim().Trim(false).Lower();
    for (const auto& m : sdk::muscle_atlas) {
        if (word(m.name).Lower() == typed)
            return std::string(m.id);
    }
    return {};  // whole region / none, or a name that is not in the atlas
}

sdk::TechniqueUse TechniquePickerPanel::form_use() const {
    sdk::TechniqueUse use;
    const int match = matches_->GetSelection();
    if (match != wxNOT_FOUND)
        use.technique_id = match_ids_[static_cast<std::size_t>(match)];
    use.muscle_id = muscle_id();
    use.side = core::side_choices[static_cast<std::size_t>(std::max(0, side_->GetSelection()))];
    use.pressure = pressure_->GetValue();
    use.duration_seconds = static_cast<int>(minutes_->GetValue() * 60.0 + 0.5);
    use.tool = tools[std::max(0, tool_->GetSelection())];
    use.direction = directions[std::max(0, direction_->GetSelection())];
    use.response = response_->GetValue().utf8_string();
    return use;
}

void TechniquePickerPanel::add() {
    if (matches_->GetSelection() == wxNOT_FOUND)
        return;
    auto use = form_use();
    if (editing_) {
        for (const auto& u : uses_) {
            if (u.id == editing_) {
                use.id = u.id;
                use.session_id = u.session_id;
                use.uid = u.uid;
            }
        }
        stop_editing();
        if (on_update)
            on_update(use);
        return;
    }
    if (!on_add)
        return;
    on_add(use);
    response_->Clear();
}

void TechniquePickerPanel::edit_row(long row) {
    if (row < 0 || static_cast<std::size_t>(row) >= uses_.size() || read_only_)
        return;
    const auto& u = uses_[static_cast<std::size_t>(row)];
    search_->ChangeValue(wxEmptyString);
    filter();
    for (std::size_t i = 0; i < match_ids_.size(); ++i) {
        if (match_ids_[i] == u.technique_id)
            matches_->SetSelection(static_cast<int>(i));
    }
    const auto* m = sdk::find_muscle(u.muscle_id);
    muscle_->SetValue(m ? word(m->name) : whole_region());
    side_->SetSelection(core::side_choice_index(u.side));
    pressure_->SetValue(u.pressure.value_or(5));
    minutes_->SetValue(u.duration_seconds / 60.0);
    for (std::size_t i = 0; i < std::size(tools); ++i) {
        if (tools[i] == u.tool)
            tool_->SetSelection(static_cast<int>(i));
    }
    for (std::size_t i = 0; i < std::size(directions); ++i) {
        if (directions[i] == u.direction)
            direction_->SetSelection(static_cast<int>(i));
    }
    response_->ChangeValue(wxString::FromUTF8(u.response));
    editing_ = u.id;
    add_->SetLabel(_("&Update technique"));
    update_warning();
    matches_->SetFocus();
}

void TechniquePickerPanel::stop_editing() {
    editing_ = 0;
    add_->SetLabel(_("&Add technique"));
    response_->Clear();
}

void TechniquePickerPanel::set_health_flags(std::vector<std::string> flags) {
    flags_ = std::move(flags);
    update_warning();
}

void TechniquePickerPanel::update_warning() {
    const auto use = form_use();
    const auto* t = use.technique_id.empty() ? nullptr : catalogue_.find(use.technique_id);
    const auto conflicts =
        core::technique_conflicts(flags_, t ? t->technique.category : std::string(), use.pressure,
                                  use.muscle_id.empty() ? std::string() : use.muscle_id);
    const wxString text = conflicts.empty()
                              ? wxString()
                              : wxString::FromUTF8("â  " + core::conflict_text(conflicts));
    if (warning_->GetLabel() != text) {
        warning_->SetLabel(text);
        warning_->Wrap(std::max(FromDIP(200), GetClientSize().x - FromDIP(12)));
        Layout();
    }
}

void TechniquePickerPanel::show_uses(const std::vector<sdk::TechniqueUse>& uses) {
    used_->DeleteAllItems();
    use_ids_.clear();
    uses_ = uses;
    long row = 0;
    for (const auto& u : uses) {
        const auto* t = catalogue_.find(u.technique_id);
        used_->InsertItem(row, wxString::FromUTF8(t ? t->technique.name : u.technique_id));
        const auto* m = sdk::find_muscle(u.muscle_id);
        used_->SetItem(row, 1, m ? word(m->name) + " " + word(sdk::to_text(u.side)) : wxString());
        used_->SetItem(row, 2,
                       u.pressure ? wxString::Format("%d (%s)", *u.pressure,
                                                     word(sdk::pressure_word(*u.pressure)))
                                  : wxString());
        used_->SetItem(
            row, 3, wxString::Format("%d:%02d", u.duration_seconds / 60, u.duration_seconds % 60));
        use_ids_.push_back(u.id);
        ++row;
    }
}

void TechniquePickerPanel::set_read_only(bool read_only) {
    read_only_ = read_only;
    if (read_only)
        stop_editing();
    for (wxWindow* w :
         std::initializer_list<wxWindow*>{search_, matches_, muscle_, side_, pressure_, minutes_,
                                          tool_, direction_, response_, add_}) {
        w->Enable(!read_only);
    }
}

}  // namespace knotnotes::gui
