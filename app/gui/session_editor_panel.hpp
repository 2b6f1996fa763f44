// session_editor_panel.hpp — charting one session with the client on the table: the body chart
// (click to place a knot on the nearest muscle, drag to move, right-click to edit or delete),
// the SOAP note with pain before/after and duration, pressure
// tolerated per region, and the techniques used. Every change is committed at once through
// core::SessionEditor (typing is committed when it pauses for 0.4 s and when the field loses
// focus); there is no Save button. Sign (Ctrl+Shift+S) locks the session; a signed session is
// shown read-only with Amend. The client's contraindication banner is shown above it by the
// client pane, so it is in view all the time the client is charted.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include <wx/panel.h>
#include <wx/timer.h>

#include "core/session_editor.hpp"

namespace knotnotes::core {
class QuestionnaireService;
class RecordStore;
class TechniqueCatalogue;
}  // namespace knotnotes::core
class wxStaticText;
class wxTextCtrl;
class wxSpinCtrl;
class wxButton;
class wxListCtrl;
class wxChoice;
class wxSlider;

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
    void sign();
    void amend();
    void set_questionnaires(core::QuestionnaireService* questionnaires) {
        questionnaires_ = questionnaires;
    }
    void open_questionnaire();  // scored by the plugin, stored with this session
    void print_preview();       // Ctrl+P
    // Commits text typed but not yet committed (also done on focus loss and when closing).
    void flush_note();

    const core::SessionEditor& editor() const { return *editor_; }
    // How signing is confirmed; the default asks with a message box. (Automation sets its own.)
    void set_sign_confirmation(std::function<bool(const wxString&)> confirm) {
        confirm_sign_ = std::move(confirm);
    }
    BodyChartWidget* chart() const { return chart_; }
    BodyChartPanel* chart_panel() const { return chart_panel_; }
    TechniquePickerPanel* techniques() const { return techniques_; }
    wxSlider* pressure_slider() const { return pressure_; }
    wxChoice* pressure_region() const { return region_; }

  private:
    void build();
    void refresh_all();
    void refresh_knots();
    void refresh_pressure();
    void note_changed();
    void report(const std::exception& e);

    core::RecordStore& store_;
    const core::TechniqueCatalogue& catalogue_;
    std::unique_ptr<core::SessionEditor> editor_;
    bool loading_ = false;
    std::function<bool(const wxString&)> confirm_sign_;
    wxTimer note_timer_;

    wxStaticText* title_ = nullptr;
    wxButton* sign_ = nullptr;
    wxButton* amend_ = nullptr;
    wxButton* questionnaire_ = nullptr;
    wxButton* print_ = nullptr;
    core::QuestionnaireService* questionnaires_ = nullptr;
    BodyChartPanel* chart_panel_ = nullptr;
    BodyChartWidget* chart_ = nullptr;
    wxListCtrl* knots_ = nullptr;
    wxTextCtrl* soap_[4] = {};
    wxSpinCtrl* pain_before_ = nullptr;
    wxSpinCtrl* pain_after_ = nullptr;
    wxSpinCtrl* duration_ = nullptr;
    wxChoice* region_ = nullptr;
    wxChoice* side_ = nullptr;
    wxSlider* pressure_ = nullptr;
    wxStaticText* pressure_word_ = nullptr;
    TechniquePickerPanel* techniques_ = nullptr;
};

}  // namespace knotnotes::gui
