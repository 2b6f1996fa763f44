#include "session_editor_panel.hpp"

#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/spinctrl.h>

#include <knotnotes/sdk/muscle_atlas.hpp>

#include "body_chart_panel.hpp"
#include "body_chart_widget.hpp"
#include "core/record_store.hpp"
#include "core/technique_catalogue.hpp"
#include "knot_edit_dialog.hpp"
#include "pch.hpp"
#include "questionnaire_dialog.hpp"
#include "session_printout.hpp"
#include "signing_flow.hpp"
#include "technique_picker_panel.hpp"

namespace knotnotes::gui {
namespace {

wxString utf8(std::string_view s) {
    return wxString::FromUTF8(std::string(s));
}

constexpr sdk::Side pressure_sides[] = {sdk::Side::bilateral, sdk::Side::left, sdk::Side::right};
constexpr int no_score = -1;  // spin value meaning "not recorded"

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
    title_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
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
    chart_panel_ = new BodyChartPanel(this);
    chart_ = chart_panel_->chart();

    auto* side_tabs = new wxNotebook(this, wxID_ANY);
    // Note: S/O/A/P, pain, duration.
    auto* note = new wxPanel(side_tabs);
    auto* note_sizer = new wxBoxSizer(wxVERTICAL);
    const char* labels[] = {"Subjective", "Objective", "Assessment", "Plan"};
    for (int i = 0; i < 4; ++i) {
        note_sizer->Add(new wxStaticText(note, wxID_ANY, wxGetTranslation(labels[i])), 0,
                        wxLEFT | wxTOP, FromDIP(6));
        soap_[i] = new wxTextCtrl(note, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                  FromDIP(wxSize(-1, 60)), wxTE_MULTILINE);
        soap_[i]->SetName(wxString(labels[i]).Lower());
        note_sizer->Add(soap_[i], 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));
        soap_[i]->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { note_changed(); });
        soap_[i]->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
            flush_note();
            e.Skip();
        });
    }
    auto spin = [&](wxWindow* parent, int low, int high, const char* name) {
        auto* s = new wxSpinCtrl(parent, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                 FromDIP(wxSize(120, -1)), wxSP_ARROW_KEYS, low, high, low);
        s->SetName(name);
        s->Bind(wxEVT_SPINCTRL, [this](wxCommandEvent&) { note_changed(); });
        return s;
    };
    pain_before_ = spin(note, no_score, 10, "pain-before");
    pain_after_ = spin(note, no_score, 10, "pain-after");
    duration_ = spin(note, 0, 600, "duration");
    // Two short rows: a narrow side panel must not squeeze the spin controls (GTK then draws
    // them over each other).
    auto* numbers = new wxFlexGridSizer(4, FromDIP(wxSize(6, 6)));
    for (auto [label, control] : {std::pair<wxString, wxSpinCtrl*>{_("Pain before"), pain_before_},
                                  {_("after"), pain_after_},
                                  {_("Minutes"), duration_}}) {
        numbers->Add(new wxStaticText(note, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        numbers->Add(control);
    }
    note_sizer->Add(numbers, 0, wxALL, FromDIP(6));
    note_sizer->Add(new wxStaticText(note, wxID_ANY, _("Pain -1 means not recorded.")), 0,
                    wxLEFT | wxBOTTOM, FromDIP(6));
    note->SetSizer(note_sizer);
    side_tabs->AddPage(note, _("Note"));

    // Knots, as a list beside the chart.
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

    // Pressure tolerated, per region and side.
    auto* pressure_page = new wxPanel(side_tabs);
    region_ = new wxChoice(pressure_page, wxID_ANY);
    region_->SetName("pressure-region");
    for (const auto& r : sdk::atlas_regions)
        region_->Append(utf8(r.name));
    region_->SetSelection(0);
    side_ = new wxChoice(pressure_page, wxID_ANY);
    for (auto s : pressure_sides)
        side_->Append(utf8(sdk::to_text(s)));
    side_->SetSelection(0);
    pressure_ = new wxSlider(pressure_page, wxID_ANY, 5, 0, 10, wxDefaultPosition, wxDefaultSize,
                             wxSL_HORIZONTAL | wxSL_LABELS | wxSL_AUTOTICKS);
    pressure_->SetName("pressure");
    pressure_word_ = new wxStaticText(pressure_page, wxID_ANY, wxEmptyString);
    auto* pressure_sizer = new wxBoxSizer(wxVERTICAL);
    pressure_sizer->Add(
        new wxStaticText(pressure_page, wxID_ANY, _("Pressure the client tolerates (0-10)")), 0,
        wxALL, FromDIP(6));
    pressure_sizer->Add(region_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));
    pressure_sizer->Add(side_, 0, wxEXPAND | wxALL, FromDIP(6));
    pressure_sizer->Add(pressure_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));
    pressure_sizer->Add(pressure_word_, 0, wxALL, FromDIP(6));
    pressure_page->SetSizer(pressure_sizer);
    side_tabs->AddPage(pressure_page, _("Pressure"));
    region_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh_pressure(); });
    side_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh_pressure(); });
    pressure_->Bind(wxEVT_SLIDER, [this](wxCommandEvent&) {
        try {
            editor_->set_pressure(
                std::string(
                    sdk::atlas_regions[static_cast<std::size_t>(region_->GetSelection())].id),
                pressure_sides[side_->GetSelection()], pressure_->GetValue());
        } catch (const std::exception& e) {
            report(e);
        }
        refresh_pressure();
    });

    techniques_ = new TechniquePickerPanel(side_tabs, catalogue_);
    side_tabs->AddPage(techniques_, _("Techniques"));
    techniques_->on_add = [this](const sdk::TechniqueUse& use) {
        try {
            editor_->add_technique(use);
        } catch (const std::exception& e) {
            report(e);
        }
        techniques_->show_uses(editor_->session().techniques);
    };
    techniques_->on_remove = [this](sdk::Id id) {
        try {
            editor_->remove_technique(id);
        } catch (const std::exception& e) {
            report(e);
        }
        techniques_->show_uses(editor_->session().techniques);
    };

    auto* header = new wxBoxSizer(wxHORIZONTAL);
    header->Add(title_, 1, wxALIGN_CENTER_VERTICAL);
    header->Add(questionnaire_, 0, wxLEFT, FromDIP(6));
    header->Add(print_, 0, wxLEFT, FromDIP(6));
    header->Add(amend_, 0, wxLEFT, FromDIP(6));
    header->Add(sign_, 0, wxLEFT, FromDIP(6));
    auto* body = new wxBoxSizer(wxHORIZONTAL);
    body->Add(chart_panel_, 1, wxEXPAND | wxRIGHT, FromDIP(6));
    body->Add(side_tabs, 1, wxEXPAND);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(header, 0, wxEXPAND | wxALL, FromDIP(6));
    sizer->Add(body, 1, wxEXPAND | wxALL, FromDIP(6));
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
    });
    // A knot moved (dragged, nudged) or given a referral area: the chart's knot, stored.
    const auto update_knot = [this](KnotChartEvent& e) {
        try {
            editor_->update_knot(e.knot());
        } catch (const std::exception& ex) {
            report(ex);
        }
        refresh_knots();
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
        try {
            editor_->remove_knot(e.knot().id);
        } catch (const std::exception& ex) {
            report(ex);
        }
        refresh_knots();
    });
    sign_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { sign(); });
    amend_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { amend(); });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { flush_note(); });
    questionnaire_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { open_questionnaire(); });
    print_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { print_preview(); });
    wxAcceleratorEntry accels[2];
    accels[0].Set(wxACCEL_CTRL | wxACCEL_SHIFT, 'S', sign_->GetId());
    accels[1].Set(wxACCEL_CTRL, 'P', print_->GetId());
    SetAcceleratorTable(wxAcceleratorTable(2, accels));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { print_preview(); }, print_->GetId());
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { sign(); }, sign_->GetId());
}

void SessionEditorPanel::open(sdk::Id session_id) {
    if (editor_)
        flush_note();
    editor_ = std::make_unique<core::SessionEditor>(store_.database(), session_id);
    refresh_all();
}

void SessionEditorPanel::refresh_all() {
    loading_ = true;
    const auto& s = editor_->session();
    wxString title = wxString::Format(_("Session of %s"), utf8(s.started_at.substr(0, 10)));
    if (s.amends_session_id)
        title += _(" (amendment)");
    title += s.signature ? wxString::Format(_(" - signed by %s"), utf8(s.signature->signer))
                         : wxString(_(" - draft, saved as you go"));
    title_->SetLabel(title);
    const char* fields[] = {s.subjective.c_str(), s.objective.c_str(), s.assessment.c_str(),
                            s.plan.c_str()};
    for (int i = 0; i < 4; ++i) {
        soap_[i]->ChangeValue(wxString::FromUTF8(fields[i]));
        soap_[i]->SetEditable(!editor_->read_only());
    }
    pain_before_->SetValue(s.pain_before.value_or(no_score));
    pain_after_->SetValue(s.pain_after.value_or(no_score));
    duration_->SetValue(s.duration_minutes);
    for (auto* control : {pain_before_, pain_after_, duration_})
        control->Enable(!editor_->read_only());
    region_->Enable(!editor_->read_only());
    side_->Enable(!editor_->read_only());
    pressure_->Enable(!editor_->read_only());
    sign_->Show(!editor_->read_only());
    amend_->Show(editor_->read_only());
    chart_->set_read_only(editor_->read_only());
    chart_->set_earlier_knots(editor_->earlier_knots());
    if (const auto client = store_.client(s.client_id))
        chart_panel_->set_figure(client->chart_figure);
    techniques_->set_read_only(editor_->read_only());
    techniques_->show_uses(s.techniques);
    refresh_knots();
    refresh_pressure();
    loading_ = false;
    Layout();
}

void SessionEditorPanel::refresh_knots() {
    const auto& knots = editor_->session().knots;
    chart_->set_knots(knots);
    knots_->DeleteAllItems();
    long row = 0;
    for (const auto& k : knots) {
        const auto* m = sdk::find_muscle(k.muscle_id);
        knots_->InsertItem(row, wxString::Format("%ld", row + 1));
        knots_->SetItem(row, 1, m ? utf8(m->name) : utf8(k.muscle_id));
        knots_->SetItem(row, 2, utf8(sdk::to_text(k.side)));
        knots_->SetItem(row, 3, utf8(sdk::to_text(k.kind)));
        knots_->SetItem(row, 4, wxString::Format("%d", k.tenderness));
        knots_->SetItem(row, 5, utf8(sdk::to_text(k.result)));
        ++row;
    }
}

void SessionEditorPanel::refresh_pressure() {
    const auto region = std::string(
        sdk::atlas_regions[static_cast<std::size_t>(std::max(0, region_->GetSelection()))].id);
    const auto side = pressure_sides[std::max(0, side_->GetSelection())];
    for (const auto& r : editor_->session().pressure_readings) {
        if (r.region == region && r.side == side) {
            pressure_->SetValue(r.pressure);
            pressure_word_->SetLabel(
                wxString::Format(_("%d: %s"), r.pressure, utf8(sdk::pressure_word(r.pressure))));
            return;
        }
    }
    pressure_word_->SetLabel(_("Not recorded for this region yet: move the slider to record it."));
}

void SessionEditorPanel::note_changed() {
    if (loading_ || editor_->read_only())
        return;
    note_timer_.StartOnce(400);  // commit when typing pauses
}

void SessionEditorPanel::flush_note() {
    note_timer_.Stop();
    if (!editor_ || editor_->read_only() || loading_)
        return;
    auto fields = editor_->session();
    fields.subjective = soap_[0]->GetValue().utf8_string();
    fields.objective = soap_[1]->GetValue().utf8_string();
    fields.assessment = soap_[2]->GetValue().utf8_string();
    fields.plan = soap_[3]->GetValue().utf8_string();
    auto score = [](wxSpinCtrl* s) {
        return s->GetValue() == no_score ? std::optional<int>() : std::optional<int>(s->GetValue());
    };
    fields.pain_before = score(pain_before_);
    fields.pain_after = score(pain_after_);
    fields.duration_minutes = duration_->GetValue();
    const auto& now = editor_->session();
    if (fields.subjective == now.subjective && fields.objective == now.objective &&
        fields.assessment == now.assessment && fields.plan == now.plan &&
        fields.pain_before == now.pain_before && fields.pain_after == now.pain_after &&
        fields.duration_minutes == now.duration_minutes) {
        return;  // nothing new to write
    }
    try {
        editor_->update_note(fields);
    } catch (const std::exception& e) {
        report(e);
    }
}

void SessionEditorPanel::sign() {
    if (editor_->read_only())
        return;
    flush_note();
    const auto practitioner = charting_practitioner(this, store_);
    if (!practitioner)
        return;
    const auto question = wxString::Format(_("Sign this session as %s?\n\nA signed note can no "
                                             "longer be changed; corrections become amendments."),
                                           utf8(practitioner->name));
    const bool confirmed = confirm_sign_ ? confirm_sign_(question)
                                         : wxMessageBox(question, _("Sign session"),
                                                        wxYES_NO | wxICON_QUESTION, this) == wxYES;
    if (!confirmed)
        return;
    const auto* key = key_for_signing(this, store_);
    if (!key)
        return;
    try {
        editor_->sign(*key);
    } catch (const std::exception& e) {
        report(e);
    }
    refresh_all();
}

void SessionEditorPanel::amend() {
    if (!editor_->read_only())
        return;
    wxString reason = wxGetTextFromUser(
        _("What does this amendment correct? The reason is kept with the amendment and shown "
          "wherever it is read."),
        _("Amend a signed note"), wxEmptyString, this);
    if (reason.Trim().Trim(false).empty())
        return;
    try {
        open(editor_->amend(reason.utf8_string()));
    } catch (const std::exception& e) {
        report(e);
    }
}

void SessionEditorPanel::open_questionnaire() {
    if (!questionnaires_ || !editor_)
        return;
    flush_note();
    const auto& s = editor_->session();
    const auto client = store_.client(s.client_id);
    const wxString name =
        client ? wxString::FromUTF8(client->given_name + " " + client->family_name) : wxString();
    QuestionnaireDialog dialog(this, *questionnaires_, s.client_id, s.id, name);
    dialog.ShowModal();
}

void SessionEditorPanel::print_preview() {
    if (!editor_)
        return;
    flush_note();
    const auto& s = editor_->session();
    const auto client = store_.client(s.client_id);
    if (!client)
        return;
    core::SessionNoteHtmlOptions options;
    options.technique_name = [this](const std::string& id) {
        const auto* t = catalogue_.find(id);
        return t ? t->technique.name : std::string();
    };
    SessionPrintout::preview(this, s, *client, options);
}

void SessionEditorPanel::report(const std::exception& e) {
    wxMessageBox(wxString::FromUTF8(e.what()), _("Could not save the change"), wxOK | wxICON_ERROR,
                 this);
    editor_->reload();
}

}  // namespace knotnotes::gui
