// client_pane.hpp — the right side of the main window: the selected client, with the red or
// amber contraindication banner on top and tabs — Overview (identity, contact, sessions at a
// glance), Intake (the current intake version; Ctrl+I edits it), Sessions (every session;
// Enter or a double-click opens it), Progress (pain, scores, knots over time) and, once one is
// open, Session (the session editor).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <wx/panel.h>

#include <knotnotes/sdk/records.hpp>

#include "db/session_repository.hpp"

namespace knotnotes::core {
class QuestionnaireService;
class RecordStore;
class TechniqueCatalogue;
}  // namespace knotnotes::core
class wxNotebook;
class wxStaticText;
class wxTextCtrl;
class wxListCtrl;

namespace knotnotes::gui {

class ContraindicationBannerPanel;
class ProgressPanel;
class SessionEditorPanel;

class ClientPane : public wxPanel {
  public:
    ClientPane(wxWindow* parent, core::RecordStore& store,
               const core::TechniqueCatalogue& catalogue,
               std::map<std::string, double> meaningful_changes = {});

    void show_client(sdk::Id client_id);  // 0: nothing selected
    // The session editor, as a tab of its own: an existing session, or a new one (which
    // carries forward the last session's unresolved knots).
    void open_session(sdk::Id session_id);
    void new_session();
    void edit_intake();
    void set_questionnaires(core::QuestionnaireService* questionnaires) {
        questionnaires_ = questionnaires;
    }

    // Reads the client's record again into every tab (the open session stays open): after
    // signing, amending, a questionnaire or an edit, every view shows what is stored.
    void refresh_views();

    sdk::Id client() const { return client_; }
    wxNotebook* tabs() const { return tabs_; }
    wxListCtrl* sessions() const { return sessions_; }
    SessionEditorPanel* session_editor() const { return editor_; }
    ContraindicationBannerPanel* banner() const { return banner_; }
    ProgressPanel* progress() const { return progress_; }

  private:
    void fill_overview(const sdk::Client& client, const std::vector<db::SessionSummary>& sessions);
    void fill_intake(const std::optional<sdk::Intake>& intake);
    void fill_sessions(const std::vector<db::SessionSummary>& sessions);
    void fill_all(const sdk::Client& client);

    core::RecordStore& store_;
    const core::TechniqueCatalogue& catalogue_;
    sdk::Id client_ = 0;
    std::vector<sdk::Id> session_ids_;  // rows of the Sessions list
    wxStaticText* name_ = nullptr;
    wxStaticText* details_ = nullptr;
    ContraindicationBannerPanel* banner_ = nullptr;
    wxNotebook* tabs_ = nullptr;
    wxTextCtrl* overview_ = nullptr;
    wxTextCtrl* intake_ = nullptr;
    wxListCtrl* sessions_ = nullptr;
    ProgressPanel* progress_ = nullptr;
    std::map<std::string, double> meaningful_changes_;
    SessionEditorPanel* editor_ = nullptr;
    core::QuestionnaireService* questionnaires_ = nullptr;
};

}  // namespace knotnotes::gui
