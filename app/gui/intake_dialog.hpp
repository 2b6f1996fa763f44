// intake_dialog.hpp — the intake form: everything a client tells the therapist before the first
// session, edited as a new version of their intake.
//
// Fields (scrolled, the dialog is resizable): reason for visit, goals, occupation and
// activity; the health-history checklist of the 15 contraindications, grouped "Avoid deep
// work" / "Caution", each with its guidance as tooltip; medications, allergies, surgeries and
// injuries, areas to avoid; preferred pressure 0–10 with its word; consent: agreed, date,
// typed name and a signature drawn with the mouse. Pre-filled from the current version; the
// header says which version it edits ("Version N, recorded <date>").
//
// "Save as new version" (default button, Ctrl+S) hands the form to core::IntakeService::save.
// On a validation error the dialog stays open with every entry as typed, the message is shown
// next to the field and at the bottom, and the field gets the focus. A storage error is
// reported the same way, nothing lost. Cancel, Escape or the close box ask before discarding
// changes. Thin: every rule lives in core (intake_service.hpp).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <knotnotes/sdk/records.hpp>

#include <wx/dialog.h>

#include "core/intake_service.hpp"

class wxCheckBox;
class wxDatePickerCtrl;
class wxScrolledWindow;
class wxSlider;
class wxStaticText;
class wxTextCtrl;

namespace knotnotes::gui {

class SignatureWidget;

class IntakeDialog : public wxDialog {
  public:
    IntakeDialog(wxWindow* parent, core::IntakeService& intakes, sdk::Id client_id,
                 const wxString& client_name);

    // The version "Save as new version" stored, once it did (the dialog then closes, wxID_OK).
    const std::optional<sdk::Intake>& saved() const { return saved_; }
    // The intake as the form says now.
    sdk::Intake intake_from_form() const;
    bool has_changes() const;
    // The Save button's action: true when a new version was saved and the dialog closed.
    bool save();
    // What to do on Cancel with changes: true discards. The default asks the user.
    void set_discard_question(std::function<bool()> ask) { ask_discard_ = std::move(ask); }

    wxCheckBox* flag_box(std::string_view contraindication_id) const;
    SignatureWidget* signature() const { return signature_; }
    // The message of the error shown (validation or storage), empty when none.
    const wxString& error_message() const { return last_error_; }

  private:
    void build_form();
    void fill(const std::optional<sdk::Intake>& intake);
    // The slider and its word follow "has a preference"; date, name and signature follow
    // "agrees".
    void update_dependent_controls();
    void show_error(std::optional<core::IntakeField> field, const wxString& message);
    void clear_errors();
    bool cancel();  // true when the dialog closed

    core::IntakeService& intakes_;
    sdk::Id client_id_;
    std::optional<sdk::Intake> saved_;
    sdk::Intake baseline_;  // the form as it was filled, to tell changes
    std::function<bool()> ask_discard_;

    wxScrolledWindow* form_ = nullptr;
    wxStaticText* version_ = nullptr;
    wxTextCtrl* reason_ = nullptr;
    // Each free-text field with the intake member it edits.
    std::vector<std::pair<wxTextCtrl*, std::string sdk::Intake::*>> texts_;
    std::map<std::string, wxCheckBox*, std::less<>> flags_;
    wxCheckBox* pressure_stated_ = nullptr;
    wxSlider* pressure_ = nullptr;
    wxStaticText* pressure_word_ = nullptr;
    wxCheckBox* agreed_ = nullptr;
    wxDatePickerCtrl* consent_date_ = nullptr;
    wxTextCtrl* signer_ = nullptr;
    SignatureWidget* signature_ = nullptr;
    struct FieldError {
        wxStaticText* message = nullptr;  // shown under the field
        wxWindow* focus = nullptr;        // gets the focus
    };
    std::map<core::IntakeField, FieldError> field_errors_;
    wxStaticText* error_ = nullptr;
    wxString last_error_;
};

}  // namespace knotnotes::gui
