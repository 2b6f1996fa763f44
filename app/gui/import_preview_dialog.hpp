// import_preview_dialog.hpp — what opening a KnotNotes export (a double-click on a
// *.knotnotes.xml file, or `knotnotes FILE`) shows: the file is checked completely and what it
// holds is counted, without changing anything; Import then adds it all to the open database in
// one transaction, or nothing if any record is refused.
#pragma once

#include <filesystem>

#include <wx/dialog.h>

#include <knotnotes/sdk/importer.hpp>

#include "core/plugin_object.hpp"

namespace knotnotes::core {
class PluginHost;
class RecordStore;
}  // namespace knotnotes::core
class wxStaticText;

namespace knotnotes::gui {

class ImportPreviewDialog : public wxDialog {
  public:
    ImportPreviewDialog(wxWindow* parent, core::PluginHost& host, core::RecordStore& store,
                        const std::filesystem::path& file);

    bool can_import() const { return can_import_; }
    const wxString& summary() const { return summary_; }
    bool import();  // true when the records were imported

  private:
    core::PluginHost& host_;
    core::RecordStore& store_;
    std::filesystem::path file_;
    // Kept from the preview to the import: it holds the file already read and checked.
    core::PluginObject<sdk::Importer> importer_;
    bool can_import_ = false;
    wxString summary_;
    wxStaticText* text_ = nullptr;
};

}  // namespace knotnotes::gui
