#include "session_editor_panel.hpp"

#include <wx/infobar.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/spinctrl.h>
#include <wx/splitter.h>

#include <knotnotes/sdk/muscle_atlas.hpp>

#include "body_chart_panel.hpp"
#include "body_chart_widget.hpp"
#include "core/client_header.hpp"
#include "core/local_time.hpp"
#include "core/record_store.hpp"
#include "core/side_choices.hpp"
#include "core/technique_catalogue.hpp"
#include "error_dialog.hpp"
#include "knot_edit_dialog.hpp"
#include "pch.hpp"
#include "questionnaire_dialog.hpp"
#include "session_editor_helpers.hpp"
#include "signing_flow.hpp"
#include "technique_picker_panel.hpp"

namespace knotnotes::gui {
using namespace session_editor_detail;
namespace {

enum { id_undo = wxID_HIGHEST + 200, id_undo_button };

}  // namespace

SessionEditorPanel::SessionEditorPanel(wxWindow* parent, core::RecordStore& store,
                                       const core::TechniqueCatalogue& catalogue,
                                       sdk::Id session_id)
    : wxPanel(parent), store_(store), catalogue_(catalogue), note_timer_(this) {
    SetName("session-editor");
    build();
    open(session_id);
}

SessionEditorPanel::~SessionEditorPanel() {
    try {
        flush_note();
    } catch (...) {
        // Closing must not throw; anything committed before is on disk.
    }
}

void SessionEditorPanel::build() {
    title_ = new wxStaticText(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                              wxST_ELLIPSIZE_END);
    title_->SetName("session-title");
    title_->SetFont(title_->GetFont().Scaled(1.2f).Bold());
    sign_ = new wxButton(this, wxID_ANY, _("&Sign"));
    sign_->SetName("sign");
    sign_->SetToolTip(_("Lock this note with your signature (Ctrl+Shift+S)"));
    amend_ = new wxButton(this, wxID_ANY, _("A&mend"));
    amend_->SetName("amend");
    questionnaire_ = new wxButton(this, wxID_ANY, _("&Questionnaire..."));
    questionnaire_->SetName("questionnaire");
    print_ = new wxButton(this, wxID_ANY, _("&Print preview"));
    print_->SetName("print-preview");
    print_->SetToolTip(_("Preview and print this note (Ctrl+P)"));
    pdf_ = new wxButton(this, wxID_ANY, _("Save as P&DF..."));
    pdf_->SetName("save-pdf");
    undo_bar_ = new wxInfoBarGeneric(this);
    undo_bar_->SetName("undo-bar");
    undo_bar_->AddButton(id_undo_button, _("&Undo (Ctrl+Z)"));
    undo_bar_->Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { undo_last_delete(); }, id_undo_button);
    conflicts_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    conflicts_->SetName("session-conflicts");
    conflicts_->SetForegroundColour(wxColour(176, 0, 32));

    splitter_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                     wxSP_LIVE_UPDATE | wxSP_3D);
    splitter_->SetName("chart-splitter");
    splitter_->SetMinimumPaneSize(FromDIP(220));
    splitter_->SetSashGravity(0.5);
    chart_panel_ = new BodyChartPanel(splitter_);
    chart_panel_->SetMinSize(FromDIP(wxSize(220, 260)));
    chart_ = chart_panel_->chart();
    auto* side_tabs = new wxNotebook(splitter_, wxID_ANY);
    side_tabs->SetName("session-tabs");
    side_tabs->AddPage(build_note_page(side_tabs), _("Note"));

    knots_ = new wxListCtrl(side_tabs, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    knots_->SetName("knot-list");
    for (const auto& [title, width] : {std::pair<const char*, int>{"#", 30},
                                       {"Muscle", 150},
                                       {"Side", 60},
                                       {"Kind", 60},
                                       {"Tender", 55},
                                       {"Result", 80}}) {
        knots_->AppendColumn(wxGetTranslation(title), wxLIST_FORMAT_LEFT, FromDIP(width));
    }
    side_tabs->AddPage(knots_, _("Knots"));
    side_tabs->AddPage(build_pressure_page(side_tabs), _("Pressure"));

    techniques_ = new TechniquePickerPanel(side_tabs, catalogue_);
    side_tabs->AddPage(techniques_, _("Techniques"));
    techniques_->on_add = [this](const sdk::TechniqueUse& use) {
        try {
            editor_->add_technique(use);
        } catch (const std::exception& e) {
            report(e);
        }
        techniques_->show_uses(editor_->session().techniques);
        changed();
    };
    techniques_->on_update = [this](const sdk::TechniqueUse& use) {
        try {
            editor_->update_technique(use);
        } catch (const std::exception& e) {
            report(e);
        }
        techniques_->show_uses(editor_->session().techniques);
        changed();
    };
    techniques_->on_remove = [this](sdk::Id id) {
        for (const auto& t : editor_->session().techniques) {
            if (t.id != id)
                continue;
            const auto use = t;
            try {
                editor_->remove_technique(id);
                undo_.technique_removed(use, technique_name(use.technique_id));
                deleted(undo_.last_description());
            } catch (const std::exception& e) {
                report(e);
            }
            break;
        }
        techniques_->show_uses(editor_->session().techniques);
        changed();
    };
    splitter_->SplitVertically(chart_panel_, side_tabs);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(questionnaire_, 0, wxRIGHT, FromDIP(6));
    buttons->Add(print_, 0, wxRIGHT, FromDIP(6));
    buttons->Add(pdf_, 0, wxRIGHT, FromDIP(6));
    buttons->AddStretchSpacer();
    buttons->Add(amend_, 0, wxLEFT, FromDIP(6));
    buttons->Add(sign_, 0, wxLEFT, FromDIP(6));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(title_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(6));
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(6));
    sizer->Add(undo_bar_, 0, wxEXPAND);
    sizer->Add(conflicts_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));
    sizer->Add(splitter_, 1, wxEXPAND | wxALL, FromDIP(6));
    SetSizer(sizer);

    // The chart reports; we commit, then show what the database now holds.
    chart_->Bind(EVT_KNOT_PLACED, [this](KnotChartEvent& e) {
        try {
            const auto& k = e.knot();
            editor_->place_knot(k.muscle_id, k.side, k.view, k.x, k.y);
            techniques_->suggest_site(k.muscle_id, k.side);
        } catch (const std::exception& ex) {
            report(ex);
        }
        refresh_knots();
        changed();
    });
    // A knot moved (dragged, nudged) or given a referral area: the chart's knot, stored.
    const auto update_knot = [this](KnotChartEvent& e) {
        try {
            editor_->update_knot(e.knot());
        } catch (const std::exception& ex) {
            report(ex);
        }
        refresh_knots();
        changed();
    };
    chart_->Bind(EVT_KNOT_MOVED, update_knot);
    chart_->Bind(EVT_KNOT_REFERRAL, update_knot);
    chart_->Bind(EVT_KNOT_EDIT, [this](KnotChartEvent& e) {
        KnotEditDialog dialog(this, e.knot());
        if (dialog.ShowModal() != wxID_OK)
            return;
        try {
            editor_->update_knot(dialog.knot());
        } catch (const std::exception& ex) {
            report(ex);
        }
        refresh_knots();
        changed();
    });
    // The figure is the client's: kept with them, so every session of theirs shows it.
    chart_panel_->Bind(EVT_CHART_FIGURE, [this](wxCommandEvent& e) {
        try {
            store_.set_chart_figure(editor_->session().client_id,
                                    static_cast<sdk::ChartFigure>(e.GetInt()));
        } catch (const std::exception& ex) {
            report(ex);
        }
    });
    chart_->Bind(EVT_KNOT_DELETE, [this](KnotChartEvent& e) {
        const auto knot = e.knot();
        try {
            editor_->remove_knot(knot.id);
            undo_.knot_removed(knot);
            deleted(undo_.last_description());
        } catch (const std::exception& ex) {
            report(ex);
        }
        refresh_knots();
        changed();
    });
    sign_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { sign(); });
    amend_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { amend(); });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { flush_note(); });
    questionnaire_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { open_questionnaire(); });
    print_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { print_preview(); });
    pdf_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { choose_and_save_pdf(); });
    wxAcceleratorEntry accels[3];
    accels[0].Set(wxACCEL_CTRL | wxACCEL_SHIFT, 'S', sign_->GetId());
    accels[1].Set(wxACCEL_CTRL, 'P', print_->GetId());
    accels[2].Set(wxACCEL_CTRL, 'Z', id_undo);
    SetAcceleratorTable(wxAcceleratorTable(3, accels));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { print_preview(); }, print_->GetId());
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { sign(); }, sign_->GetId());
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { undo_last_delete(); }, id_undo);
}

void SessionEditorPanel::set_questionnaires(core::QuestionnaireService* questionnaires) {
    questionnaires_ = questionnaires;
    questionnaire_->Enable(questionnaires_ && editor_ && !editor_->read_only());
}

void SessionEditorPanel::open(sdk::Id session_id) {
    if (editor_)
        flush_note();
    editor_ =
        std::make_unique<core::SessionEditor>(store_.charting(), session_id, &store_.note_signer());
    undo_.clear();
    if (undo_bar_->IsShown())
        undo_bar_->Dismiss();
    refresh_client_flags();
    refresh_all();
}

void SessionEditorPanel::refresh_client_flags() {
    const auto intake = store_.current_intake(editor_->session().client_id);
    flags_ = intake ? intake->health_flags : std::vector<std::string>();
    techniques_->set_health_flags(flags_);
    if (!loading_ && title_) {
        refresh_pressure();
        refresh_conflicts();
    }
}

std::string SessionEditorPanel::technique_name(const std::string& technique_id) const {
    const auto* t = catalogue_.find(technique_id);
    return t ? t->technique.name : technique_id;
}

std::vector<core::ContraindicationConflict> SessionEditorPanel::conflicts() const {
    return core::session_conflicts(flags_, editor_->session(), [this](const std::string& id) {
        const auto* t = catalogue_.find(id);
        return t ? t->technique.category : std::string();
    });
}

void SessionEditorPanel::refresh_all() {
    loading_ = true;
    const auto& s = editor_->session();
    wxString title =
        wxString::Format(_("Session of %s"), utf8(core::local_time_text(s.started_at)));
    if (s.amends_session_id)
        title += _(" (amendment)");
    title += s.signature ? wxString::Format(_(" - signed by %s"), utf8(s.signature->signer))
                         : wxString(_(" - draft, saved as you go"));
    title_->SetLabel(title);
    const char* fields[] = {s.subjective.c_str(), s.objective.c_str(), s.assessment.c_str(),
                            s.plan.c_str()};
    const bool read_only = editor_->read_only();
    for (int i = 0; i < 4; ++i) {
        soap_[i]->ChangeValue(wxString::FromUTF8(fields[i]));
        soap_[i]->SetEditable(!read_only);
    }
    pain_before_->SetSelection(pain_index(s.pain_before));
    pain_after_->SetSelection(pain_index(s.pain_after));
    duration_->SetValue(s.duration_minutes);
    for (wxWindow* control :
         std::initializer_list<wxWindow*>{pain_before_, pain_after_, duration_, side_, pressure_,
                                          clear_pressure_, questionnaire_}) {
        control->Enable(!read_only);
    }
    questionnaire_->Enable(!read_only && questionnaires_);
    sign_->Show(!read_only);
    amend_->Show(read_only);
    chart_->set_read_only(read_only);
    techniques_->set_read_only(read_only);
    chart_->set_earlier_knots(editor_->earlier_knots());
    if (const auto client = store_.client(s.client_id))
        chart_panel_->set_figure(client->chart_figure);
    techniques_->show_uses(s.techniques);
    refresh_knots();
    refresh_pressure();
    refresh_conflicts();
    loading_ = false;
    Layout();
}

void SessionEditorPanel::refresh_knots() {
    const auto& knots = editor_->session().knots;
    chart_->set_knots(knots);
    // Row by row, only the cells whose text changed: charting one knot adds one row instead of
    // rebuilding the list (a rebuild and its repaint took most of a click's time).
    const long rows = static_cast<long>(knots.size());
    while (knots_->GetItemCount() > rows)
        knots_->DeleteItem(knots_->GetItemCount() - 1);
    for (long row = 0; row < rows; ++row) {
        const auto& k = knots[static_cast<std::size_t>(row)];
        const auto* m = sdk::find_muscle(k.muscle_id);
        if (row >= knots_->GetItemCount())
            knots_->InsertItem(row, wxString::Format("%ld", row + 1));
        const wxString cells[] = {m ? utf8(m->name) : utf8(k.muscle_id), utf8(sdk::to_text(k.side)),
                                  utf8(sdk::to_text(k.kind)), wxString::Format("%d", k.tenderness),
                                  utf8(sdk::to_text(k.result))};
        for (int column = 1; column <= 5; ++column) {
            if (knots_->GetItemText(row, column) != cells[column - 1])
                knots_->SetItem(row, column, cells[column - 1]);
        }
    }
}

void SessionEditorPanel::refresh_conflicts() {
    const auto found = conflicts();
    wxString text;
    if (!found.empty()) {
        text = wxString::FromUTF8("\xE2\x9A\xA0 ") +
               _("This note conflicts with the client's contraindications:") + " " +
               wxString::FromUTF8(core::conflict_text(found));
        text.Replace("\n", "; ");
        if (!editor_->session().conflict_acknowledgement.empty()) {
            text += wxString::Format(_(" (acknowledged: %s)"),
                                     utf8(editor_->session().conflict_acknowledgement));
        }
    }
    if (conflicts_->GetLabel() != text) {
        conflicts_->SetLabel(text);
        conflicts_->Wrap(std::max(FromDIP(300), GetClientSize().x - FromDIP(12)));
        Layout();
    }
}

void SessionEditorPanel::changed() {
    if (loading_)
        return;
    refresh_conflicts();
    if (on_changed)
        on_changed();
}

void SessionEditorPanel::deleted(const std::string& description) {
    undo_bar_->ShowMessage(utf8(description), wxICON_NONE);
    Layout();
}

void SessionEditorPanel::undo_last_delete() {
    if (undo_.empty() || editor_->read_only())
        return;
    try {
        undo_.undo(*editor_);
    } catch (const std::exception& e) {
        report(e);
    }
    if (undo_.empty()) {
        undo_bar_->Dismiss();
    } else {
        undo_bar_->ShowMessage(utf8(undo_.last_description()), wxICON_NONE);
    }
    techniques_->show_uses(editor_->session().techniques);
    refresh_knots();
    refresh_pressure();
    changed();
    Layout();
}

void SessionEditorPanel::open_questionnaire() {
    if (!questionnaires_ || !editor_ || editor_->read_only())
        return;  // scores belong to the note: a signed note takes none
    flush_note();
    const auto& s = editor_->session();
    const auto client = store_.client(s.client_id);
    const wxString name = client ? wxString::FromUTF8(core::client_full_name(*client)) : wxString();
    QuestionnaireDialog dialog(this, *questionnaires_, s.client_id, s.id, name);
    dialog.ShowModal();
    changed();
}

void SessionEditorPanel::report(const std::exception& e) {
    show_error(this,
               _("Could not save the change. What was saved before is safe; the note now shows "
                 "what is stored."),
               e);
    editor_->reload();
}

}  // namespace knotnotes::gui
