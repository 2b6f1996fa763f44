// session_editor_panel.hpp — charting one session with the client on the table: the body chart
// (click to place a knot on the nearest muscle, drag to move, right-click to edit or delete)
// and, beside it behind a splitter, the SOAP note with pain before/after and duration, the
// knot list, pressure tolerated per region (a table, with Clear) and the techniques used.
// Every change is committed at once through core::SessionEditor (typing is committed when it
// pauses for 0.4 s and when the field loses focus); there is no Save button.
//
// Deleting a knot, a technique or a pressure reading shows an undo bar; Undo there or Ctrl+Z
// puts it back. A technique or pressure that conflicts with the client's contraindications is
// named in red where it is chosen, and the conflicts of the whole note above the chart. Sign
// (Ctrl+Shift+S) locks the session; a note with conflicts first asks why they were right (kept
// with the note). A signed session is read-only, with Amend (which asks what it corrects).
// Print preview (Ctrl+P) and Save as PDF give the note a clinic files.
//
// The panel's code is split by concept: session_editor_panel.cpp (layout, refreshing, undo),
// session_editor_note_form.cpp, session_editor_pressure_page.cpp, session_editor_signing.cpp
// and session_editor_printing.cpp.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <wx/panel.h>
#include <wx/timer.h>

#include "core/chart_undo.hpp"
#include "core/contraindication_rules.hpp"
#include "core/session_editor.hpp"

namespace knotnotes::core {
class QuestionnaireService;
class RecordStore;
class TechniqueCatalogue;
}  // namespace knotnotes::core
namespace knotnotes::db {
class EditConflict;
}
class wxStaticText;
class wxTextCtrl;
class wxSpinCtrl;
class wxButton;
class wxListCtrl;
class wxChoice;
class wxSlider;
class wxSplitterWindow;
class wxInfoBarGeneric;

namespace knotnotes::gui {

class BodyChartPanel;
class BodyChartWidget;
class TechniquePickerPanel;

class SessionEditorPanel : public wxPanel {
  public:
    SessionEditorPanel(wxWindow* parent, core::RecordStore& store,
                       const core::TechniqueCatalogue& catalogue, sdk::Id session_id);
    ~SessionEditorPanel() override;

    void open(sdk::Id session_id);
    // Signing, in one place: flush, contraindication check and reason, who is charting and
    // their confirmation, then the unlocked key (signing_flow.hpp) and the signature.
    void sign();
    void amend();
    // None: no questionnaires offered: the button is disabled.
    void set_questionnaires(core::QuestionnaireService* questionnaires);
    void open_questionnaire();  // scored by the plugin, stored with this session
    void print_preview();       // Ctrl+P
    // Writes the printout as a PDF file; false (with a message) when it could not.
    bool save_pdf(const std::string& file);
    void choose_and_save_pdf();
    void undo_last_delete();  // Ctrl+Z
    // Commits text typed but not yet committed (also done on focus loss and when closing).
    void flush_note();
    // The client's intake changed: re-read the health flags the warnings use.
    void refresh_client_flags();

    // Told after every committed change (the client pane refreshes its other tabs).
    std::function<void()> on_changed;

    const core::SessionEditor& editor() const { return *editor_; }
    const core::ChartUndo& undo() const { return undo_; }
    std::vector<core::ContraindicationConflict> conflicts() const;
    // How signing is confirmed; the default asks with a message box. (Automation sets its own.)
    void set_sign_confirmation(std::function<bool(const wxString&)> confirm) {
        confirm_sign_ = std::move(confirm);
    }
    BodyChartWidget* chart() const { return chart_; }
    BodyChartPanel* chart_panel() const { return chart_panel_; }
    TechniquePickerPanel* techniques() const { return techniques_; }
    wxSlider* pressure_slider() const { return pressure_; }
    wxListCtrl* pressure_table() const { return pressure_table_; }
    wxChoice* pressure_side() const { return side_; }
    wxButton* pressure_clear() const { return clear_pressure_; }
    wxStaticText* pressure_warning() const { return pressure_warning_; }
    wxChoice* pain_before() const { return pain_before_; }
    wxInfoBarGeneric* undo_bar() const { return undo_bar_; }
    wxSplitterWindow* splitter() const { return splitter_; }
    wxStaticText* title() const { return title_; }
    // The region the pressure controls act on (the selected table row).
    std::string pressure_region() const;
    void select_pressure_region(const std::string& region);

  private:
    void build();
    wxWindow* build_note_page(wxWindow* parent);
    wxWindow* build_pressure_page(wxWindow* parent);
    void refresh_all();
    void refresh_knots();
    void refresh_pressure();
    void refresh_conflicts();
    void note_changed();
    void changed();
    void report(const std::exception& e);
    void keep_unsaved_note(const sdk::Session& typed, const db::EditConflict& e);
    void deleted(const std::string& description);
    std::string technique_name(const std::string& technique_id) const;

    core::RecordStore& store_;
    const core::TechniqueCatalogue& catalogue_;
    std::unique_ptr<core::SessionEditor> editor_;
    core::ChartUndo undo_;
    std::vector<std::string> flags_;
    bool loading_ = false;
    std::function<bool(const wxString&)> confirm_sign_;
    wxTimer note_timer_;

    wxStaticText* title_ = nullptr;
    wxButton* sign_ = nullptr;
    wxButton* amend_ = nullptr;
    wxButton* questionnaire_ = nullptr;
    wxButton* print_ = nullptr;
    wxButton* pdf_ = nullptr;
    wxInfoBarGeneric* undo_bar_ = nullptr;
    wxStaticText* conflicts_ = nullptr;
    core::QuestionnaireService* questionnaires_ = nullptr;
    BodyChartPanel* chart_panel_ = nullptr;
    wxSplitterWindow* splitter_ = nullptr;
    BodyChartWidget* chart_ = nullptr;
    wxListCtrl* knots_ = nullptr;
    wxTextCtrl* soap_[4] = {};
    wxChoice* pain_before_ = nullptr;
    wxChoice* pain_after_ = nullptr;
    wxSpinCtrl* duration_ = nullptr;
    wxListCtrl* pressure_table_ = nullptr;
    wxChoice* side_ = nullptr;
    wxSlider* pressure_ = nullptr;
    wxButton* clear_pressure_ = nullptr;
    wxStaticText* pressure_word_ = nullptr;
    wxStaticText* pressure_warning_ = nullptr;
    TechniquePickerPanel* techniques_ = nullptr;
};

}  // namespace knotnotes::gui
