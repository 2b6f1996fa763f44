#include "export_dialog.hpp"

#include <wx/checkbox.h>
#include <wx/datectrl.h>
#include <wx/radiobut.h>

#include "core/database_jobs.hpp"
#include "core/export_service.hpp"
#include "core/local_time.hpp"
#include "core/record_store.hpp"
#include "job_progress_dialog.hpp"
#include "pch.hpp"

namespace knotnotes::gui {

ExportDialog::ExportDialog(wxWindow* parent, core::PluginHost& host, core::RecordStore& store,
                           sdk::Id client, const wxString& client_name)
    : wxDialog(parent, wxID_ANY, _("Export records"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      host_(host),
      store_(store),
      client_(client),
      choices_(core::export_formats(host)) {
    format_ = new wxChoice(this, wxID_ANY);
    format_->SetName("export-format");
    for (const auto& c : choices_) {
        format_->Append(wxString::FromUTF8(c.format.name + " (" + c.format.id + ")"));
    }
    if (!choices_.empty())
        format_->SetSelection(0);
    this_client_ = new wxRadioButton(this, wxID_ANY,
                                     client ? wxString::Format(_("This client: %s"), client_name)
                                            : wxString(_("This client (none open)")),
                                     wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    date_range_ = new wxRadioButton(this, wxID_ANY, _("Sessions in a date range"));
    everything_ = new wxRadioButton(this, wxID_ANY, _("Everything"));
    everything_->SetName("export-everything");
    this_client_->Enable(client != 0);
    (client ? this_client_ : everything_)->SetValue(true);
    since_ = new wxDatePickerCtrl(this, wxID_ANY, wxDateTime::Today().Subtract(wxDateSpan::Year()));
    until_ = new wxDatePickerCtrl(this, wxID_ANY, wxDateTime::Today());
    destination_ = new wxTextCtrl(this, wxID_ANY);
    destination_->SetName("export-destination");
    auto* browse_button = new wxButton(this, wxID_ANY, wxString::FromUTF8("&Browse…"));
    fhir_bundle_ = new wxChoice(this, wxID_ANY);
    fhir_bundle_->SetName("fhir-bundle");
    fhir_bundle_->Append(_("Transaction: a FHIR server loads it, twice changes nothing"));
    fhir_bundle_->Append(_("Collection: a set of resources"));
    fhir_bundle_->Append(_("Document: a Composition indexes the records"));
    fhir_bundle_->SetSelection(0);
    fhir_snomed_ =
        new wxCheckBox(this, wxID_ANY, _("Add SNOMED CT codes for the side of the body"));
    fhir_snomed_->SetName("fhir-snomed");
    fhir_snomed_->SetValue(true);

    auto* range = new wxBoxSizer(wxHORIZONTAL);
    range->AddSpacer(FromDIP(24));
    range->Add(since_);
    range->Add(new wxStaticText(this, wxID_ANY, _(" to ")), 0, wxALIGN_CENTER_VERTICAL);
    range->Add(until_);
    auto* target = new wxBoxSizer(wxHORIZONTAL);
    target->Add(destination_, 1, wxEXPAND);
    target->Add(browse_button, 0, wxLEFT, FromDIP(6));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto label = [&](const wxString& text) {
        sizer->Add(new wxStaticText(this, wxID_ANY, text), 0, wxLEFT | wxRIGHT | wxTOP,
                   FromDIP(12));
    };
    label(_("&Format"));
    sizer->Add(format_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
    label(_("What to export"));
    for (auto* r : {this_client_, date_range_})
        sizer->Add(r, 0, wxLEFT | wxTOP, FromDIP(12));
    sizer->Add(range, 0, wxLEFT | wxTOP, FromDIP(6));
    sizer->Add(everything_, 0, wxLEFT | wxTOP, FromDIP(12));
    fhir_options_ = new wxBoxSizer(wxVERTICAL);
    fhir_options_->Add(new wxStaticText(this, wxID_ANY, _("FHIR &Bundle type")), 0,
                       wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    fhir_options_->Add(fhir_bundle_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
    fhir_options_->Add(fhir_snomed_, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    auto* licence = new wxStaticText(this, wxID_ANY,
                                     _("SNOMED CT is free in SNOMED International's member "
                                       "countries and needs a licence elsewhere."));
    licence->Wrap(FromDIP(470));
    fhir_options_->Add(licence, 0, wxLEFT | wxRIGHT, FromDIP(36));
    sizer->Add(fhir_options_, 0, wxEXPAND);
    sizer->Hide(fhir_options_, true);  // shown for the FHIR format (show_format_options)
    label(_("&Destination (a file, or a folder for folder formats)"));
    sizer->Add(target, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
    auto* notice =
        new wxStaticText(this, wxID_ANY, wxString::FromUTF8(core::export_not_encrypted_notice));
    notice->SetName("export-not-encrypted");
    notice->Wrap(FromDIP(496));
    sizer->Add(notice, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    if (auto* ok = FindWindow(wxID_OK))
        ok->SetLabel(_("&Export"));
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(12));
    SetSizerAndFit(sizer);
    SetSize(FromDIP(wxSize(520, -1)).x, -1);

    show_format_options();
    browse_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { browse(); });
    format_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { show_format_options(); });
    Bind(
        wxEVT_UPDATE_UI,
        [this](wxUpdateUIEvent& e) {
            e.Enable(chosen() && !destination_->GetValue().Trim().IsEmpty());
        },
        wxID_OK);
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent&) {
            const bool done = run();
            wxMessageBox(message_, _("Export"), wxOK | (done ? wxICON_INFORMATION : wxICON_ERROR),
                         this);
            if (done)
                EndModal(wxID_OK);
        },
        wxID_OK);
}

const core::FormatChoice* ExportDialog::chosen() const {
    const int i = format_->GetSelection();
    return i == wxNOT_FOUND ? nullptr : &choices_[static_cast<std::size_t>(i)];
}

void ExportDialog::show_format_options() {
    const auto* c = chosen();
    const bool fhir = c && c->format.id == "fhir-r4-xml";
    if (GetSizer()->IsShown(fhir_options_) == fhir)
        return;
    GetSizer()->Show(fhir_options_, fhir, true);
    Layout();
    // Grow or shrink to what is shown, keeping the width the user gave it.
    SetSize(GetSize().x, GetBestSize().y);
}

std::string ExportDialog::exporter_options() const {
    const auto* c = chosen();
    if (!c || c->format.id != "fhir-r4-xml")
        return {};
    static const char* const bundles[] = {"transaction", "collection", "document"};
    const int bundle = std::max(0, fhir_bundle_->GetSelection());
    std::string options;
    if (bundle != 0)
        options += std::string("bundle=") + bundles[bundle] + "\n";
    if (!fhir_snomed_->GetValue())
        options += "snomed=no\n";
    return options;
}

void ExportDialog::browse() {
    const auto* c = chosen();
    if (!c)
        return;
    if (c->format.writes_folder) {
        wxDirDialog dialog(this, _("Choose a new or empty folder"));
        if (dialog.ShowModal() == wxID_OK)
            destination_->SetValue(dialog.GetPath());
    } else {
        wxFileDialog dialog(this, _("Export to"), wxEmptyString,
                            wxString::FromUTF8("knotnotes-export" + c->format.extension),
                            wxString::FromUTF8("*" + c->format.extension),
                            wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dialog.ShowModal() == wxID_OK)
            destination_->SetValue(dialog.GetPath());
    }
}

bool ExportDialog::run() {
    const auto* c = chosen();
    if (!c)
        return false;
    core::ExportScope scope;
    if (this_client_->GetValue() && client_)
        scope.client = client_;
    if (date_range_->GetValue()) {
        // The days the therapist picked are local days: from the start of the first to the
        // end of the last, as UTC instants (how the sessions are stored).
        scope.since =
            core::utc_start_of_local_day(since_->GetValue().FormatISODate().utf8_string());
        scope.until = core::utc_end_of_local_day(until_->GetValue().FormatISODate().utf8_string());
    }
    auto exporter = core::exporter_for(host_, c->format.id);
    if (!exporter) {
        message_ = _("That exporter is no longer available (see Tools > Plugins).");
        return false;
    }
    const std::filesystem::path destination = destination_->GetValue().utf8_string();
    core::JobRecords records;
    try {
        records = core::job_records(store_);
    } catch (const std::exception& e) {
        message_ = wxString::FromUTF8(e.what());
        return false;
    }
    core::ExportCounts counts;
    const auto options = exporter_options();
    core::BackgroundJob job([&](core::JobControl& control) {
        counts = core::export_job(records, exporter, destination, scope, control, options);
        return std::string();
    });
    run_job_with_progress(this, _("Exporting"), _("Exporting records..."), job);
    try {
        job.finish();
        message_ =
            wxString::Format(_("Exported %lld clients and %lld sessions to %s."),
                             static_cast<long long>(counts.clients),
                             static_cast<long long>(counts.sessions), destination_->GetValue()) +
            "\n\n" + wxString::FromUTF8(core::export_not_encrypted_notice);
        return true;
    } catch (const core::ExportCancelled&) {
        message_ = _("The export was cancelled; nothing was written.");
    } catch (const std::exception& e) {
        message_ = wxString::FromUTF8(e.what());
    }
    return false;
}

}  // namespace knotnotes::gui
