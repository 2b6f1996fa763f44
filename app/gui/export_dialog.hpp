// export_dialog.hpp — File > Export (Ctrl+E): a format from the exporter plugins, a scope (the
// open client, a date range, or everything) and a destination, then the export with a progress
// dialog whose Cancel stops it; a cancelled or failed export leaves nothing behind.
#pragma once

#include <vector>

#include <wx/dialog.h>

#include <knotnotes/sdk/records.hpp>

#include "core/format_registry.hpp"

namespace knotnotes::core {
class PluginHost;
class RecordStore;
}  // namespace knotnotes::core
class wxCheckBox;
class wxChoice;
class wxRadioButton;
class wxDatePickerCtrl;
class wxTextCtrl;

namespace knotnotes::gui {

class ExportDialog : public wxDialog {
  public:
    // `client` 0 when no client is open (the "this client" scope is then unavailable).
    ExportDialog(wxWindow* parent, core::PluginHost& host, core::RecordStore& store, sdk::Id client,
                 const wxString& client_name);

    // Runs the export (progress dialog with Cancel); true when it completed. message() then
    // says what happened, for the user (the Export button shows it).
    bool run();
    const wxString& message() const { return message_; }

    wxChoice* formats() const { return format_; }
    wxTextCtrl* destination() const { return destination_; }
    wxRadioButton* date_range() const { return date_range_; }
    wxDatePickerCtrl* since() const { return since_; }
    wxDatePickerCtrl* until() const { return until_; }
    // The FHIR export's options, shown while that format is chosen (docs/fhir.md).
    wxChoice* fhir_bundle() const { return fhir_bundle_; }
    wxCheckBox* fhir_snomed() const { return fhir_snomed_; }
    // The exporter options the controls say, "key=value" lines ("" for the defaults).
    std::string exporter_options() const;

  private:
    void browse();
    const core::FormatChoice* chosen() const;
    void show_format_options();

    core::PluginHost& host_;
    core::RecordStore& store_;
    sdk::Id client_;
    std::vector<core::FormatChoice> choices_;
    wxChoice* format_ = nullptr;
    wxRadioButton* this_client_ = nullptr;
    wxRadioButton* date_range_ = nullptr;
    wxRadioButton* everything_ = nullptr;
    wxDatePickerCtrl* since_ = nullptr;
    wxDatePickerCtrl* until_ = nullptr;
    wxTextCtrl* destination_ = nullptr;
    wxChoice* fhir_bundle_ = nullptr;
    wxCheckBox* fhir_snomed_ = nullptr;
    wxSizer* fhir_options_ = nullptr;
    wxString message_;
};

}  // namespace knotnotes::gui
