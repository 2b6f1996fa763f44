// session_editor_pressure_page.cpp — the Pressure page of the session editor: a table of body
// regions with the pressure used on each, a slider and a Clear button ("not recorded" is an empty
// state).
#include "session_editor_panel.hpp"

#include <wx/listctrl.h>

#include <knotnotes/sdk/muscle_atlas.hpp>

#include "core/contraindication_rules.hpp"
#include "core/record_store.hpp"
#include "core/side_choices.hpp"
#include "pch.hpp"
#include "session_editor_helpers.hpp"

namespace knotnotes::gui {
using namespace session_editor_detail;

wxWindow* SessionEditorPanel::build_pressure_page(wxWindow* parent) {
    auto* page = new wxPanel(parent);
    pressure_table_ = new wxListCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                     wxLC_REPORT | wxLC_SINGLE_SEL);
    pressure_table_->SetName("pressure-table");
    pressure_table_->AppendColumn(_("Region"), wxLIST_FORMAT_LEFT, FromDIP(120));
    for (auto s : core::side_choices)
        pressure_table_->AppendColumn(utf8(sdk::to_text(s)), wxLIST_FORMAT_LEFT, FromDIP(64));
    for (std::size_t i = 0; i < sdk::atlas_regions.size(); ++i)
        pressure_table_->InsertItem(static_cast<long>(i), utf8(sdk::atlas_regions[i].name));
    pressure_table_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                  wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    side_ = new wxChoice(page, wxID_ANY);
    side_->SetName("pressure-side");
    for (auto s : core::side_choices)
        side_->Append(utf8(sdk::to_text(s)));
    side_->SetSelection(core::side_choice_index(sdk::Side::bilateral));
    pressure_ = new wxSlider(page, wxID_ANY, 5, 0, 10, wxDefaultPosition, wxDefaultSize,
                             wxSL_HORIZONTAL | wxSL_LABELS | wxSL_AUTOTICKS);
    pressure_->SetName("pressure");
    clear_pressure_ = new wxButton(page, wxID_ANY, _("C&lear"));
    clear_pressure_->SetName("clear-pressure");
    clear_pressure_->SetToolTip(_("Back to not recorded for this region and side"));
    pressure_word_ = new wxStaticText(page, wxID_ANY, wxEmptyString);
    pressure_word_->SetName("pressure-word");
    pressure_warning_ = new wxStaticText(page, wxID_ANY, wxEmptyString);
    pressure_warning_->SetName("pressure-warning");
    pressure_warning_->SetForegroundColour(wxColour(176, 0, 32));

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(page, wxID_ANY, _("Side")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
             FromDIP(6));
    row->Add(side_, 0, wxALIGN_CENTER_VERTICAL);
    row->Add(pressure_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));
    row->Add(clear_pressure_, 0, wxALIGN_CENTER_VERTICAL);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(page, wxID_ANY,
                                _("Pressure the client tolerates (0-10), per region and side")),
               0, wxALL, FromDIP(6));
    sizer->Add(pressure_table_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));
    sizer->Add(row, 0, wxEXPAND | wxALL, FromDIP(6));
    sizer->Add(pressure_word_, 0, wxLEFT | wxRIGHT, FromDIP(6));
    sizer->Add(pressure_warning_, 0, wxEXPAND | wxALL, FromDIP(6));
    page->SetSizer(sizer);

    pressure_table_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { refresh_pressure(); });
    side_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh_pressure(); });
    pressure_->Bind(wxEVT_SLIDER, [this](wxCommandEvent&) {
        try {
            editor_->set_pressure(
                pressure_region(),
                core::side_choices[static_cast<std::size_t>(std::max(0, side_->GetSelection()))],
                pressure_->GetValue());
        } catch (const std::exception& e) {
            report(e);
        }
        refresh_pressure();
        changed();
    });
    clear_pressure_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const auto region = pressure_region();
        const auto side =
            core::side_choices[static_cast<std::size_t>(std::max(0, side_->GetSelection()))];
        for (const auto& r : editor_->session().pressure_readings) {
            if (r.region == region && r.side == side) {
                const auto reading = r;
                try {
                    editor_->remove_pressure(reading.id);
                    undo_.pressure_removed(reading);
                    deleted(undo_.last_description());
                } catch (const std::exception& e) {
                    report(e);
                }
                break;
            }
        }
        refresh_pressure();
        changed();
    });
    return page;
}

std::string SessionEditorPanel::pressure_region() const {
    const long row = pressure_table_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return std::string(sdk::atlas_regions[static_cast<std::size_t>(std::max(0L, row))].id);
}

void SessionEditorPanel::select_pressure_region(const std::string& region) {
    for (std::size_t i = 0; i < sdk::atlas_regions.size(); ++i) {
        if (sdk::atlas_regions[i].id == region) {
            pressure_table_->SetItemState(static_cast<long>(i),
                                          wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                          wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            pressure_table_->EnsureVisible(static_cast<long>(i));
        }
    }
    refresh_pressure();
}

void SessionEditorPanel::refresh_pressure() {
    const auto& readings = editor_->session().pressure_readings;
    // The table: every region, a column per side, empty where nothing was recorded.
    for (std::size_t i = 0; i < sdk::atlas_regions.size(); ++i) {
        for (std::size_t c = 0; c < core::side_choices.size(); ++c) {
            wxString cell;
            for (const auto& r : readings) {
                if (r.region == sdk::atlas_regions[i].id && r.side == core::side_choices[c])
                    cell = wxString::Format("%d", r.pressure);
            }
            pressure_table_->SetItem(static_cast<long>(i), static_cast<int>(c) + 1, cell);
        }
    }
    const auto region = pressure_region();
    const auto side =
        core::side_choices[static_cast<std::size_t>(std::max(0, side_->GetSelection()))];
    std::optional<int> recorded;
    for (const auto& r : readings) {
        if (r.region == region && r.side == side)
            recorded = r.pressure;
    }
    if (recorded) {
        pressure_->SetValue(*recorded);
        pressure_word_->SetLabel(
            wxString::Format(_("%d: %s"), *recorded, utf8(sdk::pressure_word(*recorded))));
    } else {
        // Not the last region's value: an unrecorded region shows as unrecorded.
        pressure_->SetValue(0);
        pressure_word_->SetLabel(_("Not recorded: move the slider to record it."));
    }
    clear_pressure_->Enable(recorded.has_value() && !editor_->read_only());
    const auto conflicts = recorded ? core::pressure_conflicts(flags_, region, *recorded)
                                    : std::vector<core::ContraindicationConflict>();
    pressure_warning_->SetLabel(
        conflicts.empty() ? wxString()
                          : wxString::FromUTF8("\xE2\x9A\xA0 " + core::conflict_text(conflicts)));
    pressure_warning_->GetParent()->Layout();
}

}  // namespace knotnotes::gui
