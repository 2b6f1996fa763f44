#include "client_pane.hpp"

#include <wx/notebook.h>

#include <knotnotes/sdk/contraindications.hpp>

#include "contraindication_banner_panel.hpp"
#include "core/client_header.hpp"
#include "core/client_progress.hpp"
#include "core/intake_service.hpp"
#include "core/local_time.hpp"
#include "core/record_store.hpp"
#include "db/database_error.hpp"
#include "error_dialog.hpp"
#include "intake_dialog.hpp"
#include "pch.hpp"
#include "progress_panel.hpp"
#include "session_editor_panel.hpp"
#include "signing_flow.hpp"

namespace knotnotes::gui {
namespace {

wxString text(const std::string& s) {
    return wxString::FromUTF8(s);
}

wxString line(const wxString& label, const std::string& value) {
    return value.empty() ? wxString() : label + ": " + text(value) + "\n";
}

}  // namespace

ClientPane::ClientPane(wxWindow* parent, core::RecordStore& store,
                       const core::TechniqueCatalogue& catalogue,
                       std::map<std::string, double> meaningful_changes)
    : wxPanel(parent),
      store_(store),
      catalogue_(catalogue),
      meaningful_changes_(std::move(meaningful_changes)) {
    name_ = new wxStaticText(this, wxID_ANY, _("No client selected"));
    name_->SetFont(name_->GetFont().Scaled(1.5f).Bold());
    name_->SetName("client-name");
    details_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    details_->SetName("client-details");
    banner_ = new ContraindicationBannerPanel(this);
    tabs_ = new wxNotebook(this, wxID_ANY);
    auto read_only_text = [&](const char* name) {
        auto* t = new wxTextCtrl(tabs_, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                                 wxTE_MULTILINE | wxTE_READONLY | wxBORDER_NONE);
        t->SetName(name);
        return t;
    };
    overview_ = read_only_text("overview");
    intake_ = read_only_text("intake-summary");
    sessions_ = new wxListCtrl(tabs_, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxLC_REPORT | wxLC_SINGLE_SEL);
    sessions_->SetName("sessions");
    for (const auto& [title, width] : {std::pair<const char*, int>{"Date", 150},
                                       {"Status", 110},
                                       {"Pain before", 90},
                                       {"Pain after", 90},
                                       {"Knots", 60}}) {
        sessions_->AppendColumn(wxGetTranslation(title), wxLIST_FORMAT_LEFT, FromDIP(width));
    }
    tabs_->AddPage(overview_, _("Overview"));
    tabs_->AddPage(intake_, _("Intake"));
    tabs_->AddPage(sessions_, _("Sessions"));
    progress_ = new ProgressPanel(tabs_);
    tabs_->AddPage(progress_, _("Progress"));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(name_, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    sizer->Add(details_, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));
    sizer->Add(banner_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    sizer->Add(tabs_, 1, wxEXPAND);
    SetSizer(sizer);
    sessions_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        if (e.GetIndex() >= 0 && static_cast<std::size_t>(e.GetIndex()) < session_ids_.size()) {
            open_session(session_ids_[static_cast<std::size_t>(e.GetIndex())]);
        }
    });
    show_client(0);
}

void ClientPane::open_session(sdk::Id session_id) {
    if (!client_)
        return;
    if (editor_) {
        editor_->open(session_id);
    } else {
        editor_ = new SessionEditorPanel(tabs_, store_, catalogue_, session_id);
        editor_->set_questionnaires(questionnaires_);
        editor_->on_changed = [this] { refresh_views(); };
        tabs_->AddPage(editor_, _("Session"));
    }
    tabs_->SetSelection(tabs_->FindPage(editor_));
    refresh_views();
}

void ClientPane::new_session() {
    if (!client_)
        return;
    try {
        const auto practitioner = charting_practitioner(this, store_);
        if (!practitioner)
            return;  // nobody said who is charting
        open_session(
            core::SessionEditor::start_session(store_.charting(), client_, practitioner->id));
    } catch (const std::exception& e) {
        show_error(this, _("Could not start a session."), e);
    }
}

void ClientPane::edit_intake() {
    if (!client_)
        return;
    core::IntakeService intakes(store_.intake_records(), store_.client_records());
    IntakeDialog dialog(this, intakes, client_, name_->GetLabel());
    if (dialog.ShowModal() == wxID_OK) {
        refresh_views();
        if (editor_)
            editor_->refresh_client_flags();
    }
}

void ClientPane::show_client(sdk::Id client_id) {
    client_ = client_id;
    const auto client = client_id ? store_.client(client_id) : std::nullopt;
    if (!client) {
        client_ = 0;
        name_->SetLabel(_("No client selected"));
        details_->SetLabel(_("Choose a client on the left, or press Ctrl+N for a new one."));
        overview_->Clear();
        intake_->Clear();
        sessions_->DeleteAllItems();
        banner_->show_for(std::nullopt);
        if (editor_) {
            tabs_->DeletePage(static_cast<size_t>(tabs_->FindPage(editor_)));
            editor_ = nullptr;
        }
        tabs_->Disable();
        Layout();
        return;
    }
    tabs_->Enable();
    if (editor_) {  // the editor belongs to the previous client
        tabs_->DeletePage(static_cast<size_t>(tabs_->FindPage(editor_)));
        editor_ = nullptr;
    }
    fill_all(*client);
}

void ClientPane::refresh_views() {
    if (!client_)
        return;
    if (const auto client = store_.client(client_))
        fill_all(*client);
}

void ClientPane::fill_all(const sdk::Client& client) {
    // Each read once, shared by the banner and the tabs that show it.
    std::optional<sdk::Intake> intake;
    std::vector<db::SessionSummary> sessions;
    try {
        intake = store_.current_intake(client.id);
        sessions = store_.sessions(client.id);
    } catch (const db::AccessDenied&) {
        // A clinic server's front desk: contact details, and no clinical record at all.
        banner_->show_for(std::nullopt);
        fill_overview(client, {});
        intake_->ChangeValue(
            _("Your login's role does not see clinical records on this "
              "clinic server (intake, sessions, progress)."));
        sessions_->DeleteAllItems();
        progress_->show({}, meaningful_changes_);
        tabs_->SetSelection(0);
        Layout();
        return;
    }
    banner_->show_for(intake);
    fill_overview(client, sessions);
    fill_intake(intake);
    fill_sessions(sessions);
    progress_->show(
        core::client_progress(store_.charting(), store_.questionnaire_records(), client.id),
        meaningful_changes_);
    Layout();
}

void ClientPane::fill_overview(const sdk::Client& c,
                               const std::vector<db::SessionSummary>& sessions) {
    name_->SetLabel(text(core::client_full_name(c)));
    details_->SetLabel(text(core::client_header_details(c, core::local_today())));
    wxString overview;
    overview << line(_("Birth date"), c.birth_date) << line(_("Phone"), c.phone)
             << line(_("Email"), c.email) << line(_("Emergency contact"), c.emergency_contact)
             << line(_("Occupation"), c.occupation);
    overview << "\n" << wxString::Format(_("%zu sessions"), sessions.size());
    if (!sessions.empty()) {
        const auto& last = sessions.back();
        overview << wxString::Format(_(", the last on %s"),
                                     text(core::local_date_text(last.started_at)));
        if (last.pain_before && last.pain_after) {
            overview << wxString::Format(_(" (pain %d -> %d)"), *last.pain_before,
                                         *last.pain_after);
        }
    }
    overview_->ChangeValue(overview);
}

void ClientPane::fill_intake(const std::optional<sdk::Intake>& intake) {
    if (!intake) {
        intake_->ChangeValue(_("No intake recorded yet."));
        return;
    }
    wxString summary = wxString::Format(_("Intake version %d, recorded %s\n\n"), intake->version,
                                        text(core::local_time_text(intake->recorded_at)));
    summary << line(_("Reason for visit"), intake->reason_for_visit)
            << line(_("Goals"), intake->goals) << line(_("Activity"), intake->activity);
    if (!intake->health_flags.empty()) {
        summary << "\n" << _("Health history:") << "\n";
        for (const auto& flag : intake->health_flags) {
            const auto* c = sdk::find_contraindication(flag);
            summary << "  - " << (c ? text(std::string(c->label)) : text(flag)) << "\n";
        }
    }
    summary << line(_("Medications"), intake->medications)
            << line(_("Allergies"), intake->allergies)
            << line(_("Surgeries and injuries"), intake->surgeries_injuries)
            << line(_("Areas to avoid"), intake->areas_to_avoid);
    if (intake->preferred_pressure) {
        summary << wxString::Format(
            _("Preferred pressure: %d/10 (%s)\n"), *intake->preferred_pressure,
            text(std::string(sdk::pressure_word(*intake->preferred_pressure))));
    }
    summary << (intake->consent.agreed
                    ? wxString::Format(_("Consent given on %s by %s\n"), text(intake->consent.date),
                                       text(intake->consent.signer_name))
                    : wxString(_("No consent recorded\n")));
    intake_->ChangeValue(summary);
}

void ClientPane::fill_sessions(const std::vector<db::SessionSummary>& sessions) {
    sessions_->DeleteAllItems();
    session_ids_.clear();
    long row = 0;
    for (const auto& s : sessions) {
        session_ids_.push_back(s.id);
        sessions_->InsertItem(row, text(core::local_time_text(s.started_at)));
        wxString status = s.is_signed ? _("Signed") : _("Draft");
        if (s.amends_session_id)
            status += _(" (amendment)");
        sessions_->SetItem(row, 1, status);
        sessions_->SetItem(row, 2, s.pain_before ? wxString::Format("%d", *s.pain_before) : "");
        sessions_->SetItem(row, 3, s.pain_after ? wxString::Format("%d", *s.pain_after) : "");
        sessions_->SetItem(row, 4, wxString::Format("%d", s.knot_count));
        ++row;
    }
}

}  // namespace knotnotes::gui
