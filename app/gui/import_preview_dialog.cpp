#include "import_preview_dialog.hpp"

#include "core/format_registry.hpp"
#include "core/import_service.hpp"
#include "core/record_store.hpp"
#include "pch.hpp"

namespace knotnotes::gui {
namespace {

wxString describe(const core::ImportCounts& c) {
    return wxString::Format(_("%lld clients, %lld intakes, %lld sessions and %lld questionnaire "
                              "responses"),
                            static_cast<long long>(c.clients), static_cast<long long>(c.intakes),
                            static_cast<long long>(c.sessions),
                            static_cast<long long>(c.questionnaire_responses));
}

}  // namespace

ImportPreviewDialog::ImportPreviewDialog(wxWindow* parent, core::PluginHost& host,
                                         core::RecordStore& store,
                                         const std::filesystem::path& file)
    : wxDialog(parent, wxID_ANY, _("Import records")), host_(host), store_(store), file_(file) {
    importer_ = core::importer_for(host, "xml");
    if (!importer_) {
        summary_ = _("No importer for KnotNotes XML is loaded (see Tools > Plugins).");
    } else {
        try {
            const auto counts = core::preview_import(importer_, file_);
            summary_ =
                wxString::Format(_("%s holds %s.\n\nImport them into %s?"),
                                 wxString::FromUTF8(file_.filename().string()), describe(counts),
                                 wxString::FromUTF8(store_.file().string()));
            can_import_ = true;
        } catch (const std::exception& e) {
            summary_ = wxString::FromUTF8(file_.string() + " cannot be imported: " + e.what());
        }
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
    try {
        const auto counts = core::import_records(store_.database(), importer_, file_, host_);
        summary_ = _("Imported ") + describe(counts) + ".";
        return true;
    } catch (const std::exception& e) {
        summary_ = wxString::FromUTF8(e.what()) + _("\nNothing was imported.");
        return false;
    }
}

}  // namespace knotnotes::gui
