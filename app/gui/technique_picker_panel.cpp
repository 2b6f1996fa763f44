#include "technique_picker_panel.hpp"

#include <wx/listctrl.h>
#include <wx/spinctrl.h>
#include <wx/srchctrl.h>

#include <knotnotes/sdk/muscle_atlas.hpp>

#include "core/technique_catalogue.hpp"
#include "pch.hpp"

namespace knotnotes::gui {
namespace {

constexpr sdk::Side sides[] = {sdk::Side::left, sdk::Side::right, sdk::Side::bilateral,
                               sdk::Side::midline};
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
    : wxPanel(parent), catalogue_(catalogue) {
    search_ = new wxSearchCtrl(this, wxID_ANY);
    search_->SetName("technique-search");
    search_->SetDescriptiveText(_("Find a technique"));
    matches_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 110)));
    matches_->SetName("technique-matches");
    muscle_ = new wxChoice(this, wxID_ANY);
    muscle_->Append(_("(whole region / none)"));
    for (const auto& m : sdk::muscle_atlas)
        muscle_->Append(word(m.name));
    muscle_->SetSelection(0);
    side_ = new wxChoice(this, wxID_ANY);
    for (auto s : sides)
        side_->Append(word(sdk::to_text(s)));
    side_->SetSelection(2);
    pressure_ = new wxSpinCtrl(this, wxID_ANY, "5", wxDefaultPosition, wxDefaultSize,
                               wxSP_ARROW_KEYS, 0, 10, 5);
    minutes_ = new wxSpinCtrlDouble(this, wxID_ANY, "1", wxDefaultPosition, wxDefaultSize,
                                    wxSP_ARROW_KEYS, 0, 120, 1, 0.5);
    tool_ = new wxChoice(this, wxID_ANY);
    for (auto t : tools)
        tool_->Append(word(sdk::to_text(t)));
    tool_->SetSelection(0);
    direction_ = new wxChoice(this, wxID_ANY);
    for (auto d : directions)
        direction_->Append(word(sdk::to_text(d)));
    direction_->SetSelection(0);
    response_ = new wxTextCtrl(this, wxID_ANY);
    add_ = new wxButton(this, wxID_ANY, _("&Add technique"));
    add_->SetName("add-technique");
    used_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL);
    used_->SetName("techniques-used");
    for (const auto& [title, width] : {std::pair<const char*, int>{"Technique", 220},
                                       {"Muscle", 130},
                                       {"Pressure", 70},
                                       {"Time", 60}}) {
        used_->AppendColumn(wxGetTranslation(title), wxLIST_FORMAT_LEFT, FromDIP(width));
    }

    auto* form = new wxFlexGridSizer(4, FromDIP(wxSize(6, 6)));
    form->AddGrowableCol(1);
    form->AddGrowableCol(3);
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
    sizer->Add(search_, 0, wxEXPAND | wxALL, FromDIP(6));
    sizer->Add(matches_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));
    sizer->Add(form, 0, wxEXPAND | wxALL, FromDIP(6));
    auto* response_row = new wxBoxSizer(wxHORIZONTAL);
    response_row->Add(new wxStaticText(this, wxID_ANY, _("Response")), 0,
                      wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    response_row->Add(response_, 1, wxEXPAND);
    response_row->Add(add_, 0, wxLEFT, FromDIP(6));
    sizer->Add(response_row, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));
    sizer->Add(used_, 1, wxEXPAND | wxALL, FromDIP(6));
    SetSizer(sizer);

    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { filter(); });
    add_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add(); });
    Bind(
        wxEVT_UPDATE_UI,
        [this](wxUpdateUIEvent& e) { e.Enable(matches_->GetSelection() != wxNOT_FOUND); },
        add_->GetId());
    used_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        const long row = used_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        if ((e.GetKeyCode() == WXK_DELETE || e.GetKeyCode() == WXK_BACK) && row >= 0 && on_remove) {
            on_remove(use_ids_[static_cast<std::size_t>(row)]);
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
}

void TechniquePickerPanel::suggest_site(const std::string& muscle_id, sdk::Side side) {
    for (std::size_t i = 0; i < sdk::muscle_atlas.size(); ++i) {
        if (sdk::muscle_atlas[i].id == muscle_id)
            muscle_->SetSelection(static_cast<int>(i) + 1);
    }
    for (int i = 0; i < 4; ++i) {
        if (sides[i] == side)
            side_->SetSelection(i);
    }
}

void TechniquePickerPanel::add() {
    const int match = matches_->GetSelection();
    if (match == wxNOT_FOUND || !on_add)
        return;
    sdk::TechniqueUse use;
    use.technique_id = match_ids_[static_cast<std::size_t>(match)];
    const int muscle = muscle_->GetSelection();
    if (muscle > 0)
        use.muscle_id = std::string(sdk::muscle_atlas[static_cast<std::size_t>(muscle - 1)].id);
    use.side = sides[std::max(0, side_->GetSelection())];
    use.pressure = pressure_->GetValue();
    use.duration_seconds = static_cast<int>(minutes_->GetValue() * 60.0 + 0.5);
    use.tool = tools[std::max(0, tool_->GetSelection())];
    use.direction = directions[std::max(0, direction_->GetSelection())];
    use.response = response_->GetValue().utf8_string();
    on_add(use);
    response_->Clear();
}

void TechniquePickerPanel::show_uses(const std::vector<sdk::TechniqueUse>& uses) {
    used_->DeleteAllItems();
    use_ids_.clear();
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
    for (wxWindow* w :
         std::initializer_list<wxWindow*>{search_, matches_, muscle_, side_, pressure_, minutes_,
                                          tool_, direction_, response_, add_}) {
        w->Enable(!read_only);
    }
}

}  // namespace knotnotes::gui
