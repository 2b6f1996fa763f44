#include "import_preview_dialog.hpp"

#include "core/database_jobs.hpp"
#include "core/format_registry.hpp"
#include "core/record_store.hpp"
#include "job_progress_dialog.hpp"
#include "pch.hpp"

namespace knotnotes::gui {
namespace {

wxString counts_text(const core::ImportCounts& c) {
    return wxString::FromUTF8(core::describe(c));
}

// What a partly mapped format (FHIR from another system) took and skipped, per resource type.
wxString notes_text(const core::ImportCounts& c) {
    if (c.notes.empty())
        return {};
    return "\n\n" + wxString::FromUTF8(core::describe_notes(c));
}

}  // namespace

ImportPreviewDialog::ImportPreviewDialog(wxWindow* parent, core::PluginHost& host,
                                         core::RecordStore& store,
                                         const std::filesystem::path& file)
    : wxDialog(parent, wxID_ANY, _("Import records")), host_(host), store_(store), file_(file) {
    const auto format = core::import_format_of(file);
    importer_ = core::importer_for(host, format);
    if (!importer_) {
        summary_ = wxString::Format(_("No importer for the format %s of %s is loaded (see Tools > "
                                      "Plugins)."),
                                    format, wxString::FromUTF8(file_.filename().string()));
    } else {
        core::ImportCounts counts;
        core::BackgroundJob job([&](core::JobControl& control) {
            counts = core::preview_job(importer_, file_, control);
            return std::string();
        });
        const bool read =
            run_job_with_progress(parent, _("Import"), _("Checking the file..."), job);
        try {
            job.finish();
            summary_ =
                wxString::Format(_("%s holds %s.%s\n\nImport them into %s?"),
                                 wxString::FromUTF8(file_.filename().string()), counts_text(counts),
                                 notes_text(counts), wxString::FromUTF8(store_.location()));
            can_import_ = true;
        } catch (const core::JobCancelled&) {
            summary_ = _("Reading the file was cancelled; nothing was imported.");
        } catch (const std::exception& e) {
            summary_ = wxString::FromUTF8(file_.string() + " cannot be imported: " + e.what());
        }
        (void)read;
    }
    text_ = new wxStaticText(this, wxID_ANY, summary_);
    text_->Wrap(FromDIP(460));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(text_, 1, wxEXPAND | wxALL, FromDIP(16));
    sizer->Add(CreateStdDialogButtonSizer(can_import_ ? wxOK | wxCANCEL : wxCANCEL), 0,
               wxEXPAND | wxALL, FromDIP(8));
    if (auto* ok = FindWindow(wxID_OK))
        ok->SetLabel(_("&Import"));
    SetSizerAndFit(sizer);
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent&) {
            if (import()) {
                EndModal(wxID_OK);
            } else {
                wxMessageBox(summary_, _("Import failed"), wxOK | wxICON_ERROR, this);
            }
        },
        wxID_OK);
}

bool ImportPreviewDialog::import() {
    if (!can_import_)
        return false;
    core::ImportCounts counts;
    core::JobRecords records;
    try {
        records = core::job_records(store_);
    } catch (const std::exception& e) {
        summary_ = wxString::FromUTF8(e.what()) + _("\nNothing was imported.");
        return false;
    }
    core::BackgroundJob job([&](core::JobControl& control) {
        counts = core::import_job(records, importer_, file_, host_, control);
        return std::string();
    });
    // All or nothing in one transaction: once writing has begun it runs to its end.
    run_job_with_progress(this, _("Import"), _("Importing the records..."), job, false);
    try {
        job.finish();
        summary_ = _("Imported ") + counts_text(counts) + "." + notes_text(counts);
        return true;
    } catch (const std::exception& e) {
        summary_ = wxString::FromUTF8(e.what()) + _("\nNothing was imported.");
        return false;
    }
}

}  // namespace knotnotes::gui
