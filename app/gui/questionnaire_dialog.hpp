// questionnaire_dialog.hpp — fill in an outcome questionnaire for a client, score it with its
// plugin and save the response.
//
// The instrument is chosen at the top (every instrument of the loaded questionnaire-provider
// plugins, core::QuestionnaireService). The form is generated from the instrument's definition:
// title, version and instructions; each item with its text, as
//   - scale: a slider from the item's min to max between its min and max labels, with an
//     "Answered" tick that moving the slider sets (tick it to keep the value the slider starts
//     at; untick it to leave the item empty),
//   - choice: radio buttons, "No answer" first,
//   - text and scale (PSFS activities): a text field for the activity and a scale as above;
// optional items are marked so and may be left empty. The instrument's licence and copyright
// text is shown verbatim at the bottom.
//
// "Score and save" (default button, Ctrl+S) scores the answers through the plugin and stores
// the response (linked to the session when one is given); the score and its interpretation are
// shown, and the form is locked so the same response is not stored twice (choosing another
// instrument starts a new form). An answer the plugin refuses is shown with the plugin's
// message and nothing is stored. Thin: every rule lives in core (questionnaire_service.hpp).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <knotnotes/sdk/questionnaire_provider.hpp>
#include <knotnotes/sdk/records.hpp>

#include <wx/dialog.h>

namespace knotnotes::core {
class QuestionnaireService;
}
class wxButton;
class wxCheckBox;
class wxChoice;
class wxRadioButton;
class wxScrolledWindow;
class wxSlider;
class wxStaticText;
class wxTextCtrl;

namespace knotnotes::gui {

class QuestionnaireDialog : public wxDialog {
  public:
    // `instrument_id` ("<plugin-id>/<instrument>") is chosen first when given and available.
    QuestionnaireDialog(wxWindow* parent, core::QuestionnaireService& questionnaires,
                        sdk::Id client_id, std::optional<sdk::Id> session_id,
                        const wxString& client_name, const std::string& instrument_id = {});

    // Shows the form of another instrument; false when it is not available.
    bool select_instrument(const std::string& instrument_id);
    const std::string& instrument_id() const { return instrument_id_; }

    // The answers as the form says now: one per item, value empty where unanswered.
    std::vector<sdk::QuestionnaireAnswer> answers_from_form() const;
    // The "Score and save" action: true when the response was scored and stored.
    bool score_and_save();
    // The response stored by the last successful "Score and save".
    const std::optional<sdk::QuestionnaireResponse>& saved() const { return saved_; }

    wxChoice* instrument_choice() const { return instrument_choice_; }
    wxSlider* slider(const std::string& item_id) const;
    wxCheckBox* answered_box(const std::string& item_id) const;
    wxTextCtrl* activity_text(const std::string& item_id) const;
    wxRadioButton* choice_button(const std::string& item_id, double value) const;
    wxButton* score_button() const { return score_; }
    wxString result_text() const;
    // The message of the error shown, empty when none.
    const wxString& error_message() const { return last_error_; }

  private:
    struct ItemControls {
        sdk::QuestionnaireItem item;
        wxSlider* slider = nullptr;
        wxCheckBox* answered = nullptr;
        wxStaticText* value = nullptr;
        wxTextCtrl* text = nullptr;
        wxRadioButton* no_answer = nullptr;
        std::vector<std::pair<wxRadioButton*, double>> choices;
    };

    void build();
    void build_form();
    void add_scale(wxWindow* parent, wxSizer* sizer, ItemControls& controls);
    void update_value_label(const ItemControls& controls);
    void form_changed();
    void show_error(const wxString& message);
    const ItemControls* controls_for(const std::string& item_id) const;

    core::QuestionnaireService& questionnaires_;
    sdk::Id client_id_;
    std::optional<sdk::Id> session_id_;
    std::string instrument_id_;
    std::optional<sdk::QuestionnaireResponse> saved_;
    wxString last_error_;
    std::vector<ItemControls> items_;

    wxChoice* instrument_choice_ = nullptr;
    wxStaticText* title_ = nullptr;
    wxStaticText* instructions_ = nullptr;
    wxScrolledWindow* form_ = nullptr;
    wxStaticText* licence_ = nullptr;
    wxStaticText* error_ = nullptr;
    wxStaticText* result_ = nullptr;
    wxButton* score_ = nullptr;
};

}  // namespace knotnotes::gui
