// client_list_import_dialog.hpp — File > Import client list: the wizard that brings in the
// client list from a clinic's previous system (core/client_list_import.hpp). It shows each
// column of the file with an example value and what it will be imported as (recognised from
// the header; the user can change it), how dates of birth are read (decided from the dates,
// or day or month first when only the user can tell), and a preview of every row: the client
// it becomes, or why it is skipped. Every change is checked at once; Import is offered only
// when the whole file can be imported, and then adds everyone in one transaction.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include <wx/dialog.h>

#include "core/client_list_import.hpp"

namespace knotnotes::core {
class RecordStore;
}
class wxChoice;
class wxListCtrl;
class wxRadioButton;
class wxStaticText;
class wxButton;

namespace knotnotes::gui {

class ClientListImportDialog : public wxDialog {
  public:
    // Reads `file` at once; a file that is not a readable CSV leaves only Cancel, with the
    // problem (file, line) said in the dialog.
    ClientListImportDialog(wxWindow* parent, core::RecordStore& store,
                           const std::filesystem::path& file);

    bool can_import() const { return plan_.has_value(); }
    // The problem that stops the import (empty when it can go ahead), as the dialog says it.
    const wxString& problem() const { return problem_; }
    // After Import: how many were imported and skipped.
    const wxString& summary() const { return summary_; }
    const std::optional<core::ClientListPlan>& plan() const { return plan_; }

    wxChoice* column_choice(std::size_t column) const { return choices_.at(column); }
    wxRadioButton* date_order_button(core::DateOrder order) const;
    wxListCtrl* preview() const { return preview_; }
    wxButton* import_button() const { return import_; }

  private:
    void build(const std::filesystem::path& file);
    void replan();
    void show_preview();
    bool import();

    core::RecordStore& store_;
    std::string file_name_;
    std::optional<core::CsvTable> table_;
    std::optional<core::ClientListPlan> plan_;
    wxString problem_;
    wxString summary_;
    std::vector<wxChoice*> choices_;
    wxRadioButton* decide_ = nullptr;
    wxRadioButton* day_first_ = nullptr;
    wxRadioButton* month_first_ = nullptr;
    wxListCtrl* preview_ = nullptr;
    wxStaticText* status_ = nullptr;
    wxButton* import_ = nullptr;
};

}  // namespace knotnotes::gui
