// intake_dialog.cpp — the intake form (see intake_dialog.hpp).
#include "intake_dialog.hpp"

#include <knotnotes/sdk/contraindications.hpp>
#include <knotnotes/sdk/vocabulary.hpp>

#include <algorithm>

#include <wx/datectrl.h>
#include <wx/display.h>
#include <wx/scrolwin.h>
#include <wx/slider.h>
#include <wx/statline.h>

#include "core/local_time.hpp"
#include "pch.hpp"
#include "signature_widget.hpp"

namespace knotnotes::gui {
namespace {

const wxColour error_colour(176, 0, 32);

wxString from_utf8(std::string_view s) {
    return wxString::FromUTF8(s.data(), s.size());
}

wxString local_time_text(const std::string& utc) {
    return from_utf8(core::local_time_text(utc));
}

}  // namespace

IntakeDialog::IntakeDialog(wxWindow* parent, core::IntakeService& intakes, sdk::Id client_id,
                           const wxString& client_name)
    : wxDialog(parent, wxID_ANY, wxString::FromUTF8("Intake \xE2\x80\x94 ") + client_name,
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      intakes_(intakes),
      client_id_(client_id) {
    SetName("intake-dialog");
    build_form();
    std::optional<sdk::Intake> current;
    bool readable = true;
    try {
        current = intakes_.current(client_id_);
    } catch (const std::exception& e) {
        readable = false;
        show_error(std::nullopt,
                   _("The current intake could not be read: ") + wxString::FromUTF8(e.what()));
    }
    fill(current);
    baseline_ = intake_from_form();
    // Never offer to save a blank form over an intake that could not be read.
    FindWindow(wxID_SAVE)->Enable(readable);

    wxAcceleratorEntry save_key(wxACCEL_CTRL, 'S', wxID_SAVE);
    SetAcceleratorTable(wxAcceleratorTable(1, &save_key));
    for (const auto type : {wxEVT_MENU, wxEVT_BUTTON})  // Ctrl+S and the button
        Bind(
            type, [this](wxCommandEvent&) { save(); }, wxID_SAVE);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { cancel(); }, wxID_CANCEL);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& event) {
        if (!event.CanVeto())
            event.Skip();
        else if (!cancel())
            event.Veto();
    });
    ask_discard_ = [this] {
        wxMessageDialog ask(this, _("Discard the changes you made to this intake?"),
                            _("Unsaved changes"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
        ask.SetYesNoLabels(_("&Discard changes"), _("&Keep editing"));
        return ask.ShowModal() == wxID_YES;
    };

    const wxRect screen =
        wxDisplay(wxDisplay::GetFromWindow(parent ? parent : this)).GetClientArea();
    const wxSize wanted = FromDIP(wxSize(780, 900));
    SetSizeHints(FromDIP(wxSize(640, 420)));
    SetSize(std::min(wanted.x, screen.width), std::min(wanted.y, screen.height - FromDIP(40)));
    CentreOnParent();
    reason_->SetFocus();
}

void IntakeDialog::build_form() {
    form_ = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                 wxVSCROLL | wxTAB_TRAVERSAL);
    form_->SetName("intake-form");
    form_->SetScrollRate(0, FromDIP(16));
    auto* body = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(8), margin = FromDIP(18), label_width = FromDIP(170);

    const auto heading = [&](const wxString& text) {
        auto* title = new wxStaticText(form_, wxID_ANY, text);
        title->SetFont(title->GetFont().Bold().Scaled(1.1f));
        body->Add(title, 0, wxLEFT | wxRIGHT | wxTOP, margin);
        body->AddSpacer(FromDIP(4));
        body->Add(new wxStaticLine(form_), 0, wxEXPAND | wxLEFT | wxRIGHT, margin);
    };
    const auto new_grid = [&] {
        auto* grid = new wxFlexGridSizer(2, gap, FromDIP(12));
        grid->AddGrowableCol(1);
        body->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, margin);
        return grid;
    };
    const auto label = [&](wxFlexGridSizer* grid, const wxString& text, int flags, int border) {
        auto* l = new wxStaticText(form_, wxID_ANY, text);
        l->SetMinSize(wxSize(label_width, -1));
        grid->Add(l, 0, flags, border);
    };
    const auto field = [&](wxFlexGridSizer* grid, const wxString& text, const wxString& tip,
                           const char* name, std::string sdk::Intake::*member) {
        label(grid, text, wxTOP, FromDIP(5));
        auto* control = new wxTextCtrl(form_, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                       wxSize(-1, FromDIP(52)), wxTE_MULTILINE);
        control->SetName(name);
        control->SetToolTip(tip);
        grid->Add(control, 1, wxEXPAND);
        texts_.emplace_back(control, member);
        return control;
    };
    // The hidden message under a field, and what gets the focus when that field is wrong.
    const auto error_label = [&](core::IntakeField f, wxWindow* focus) {
        auto* e = new wxStaticText(form_, wxID_ANY, wxEmptyString);
        e->SetForegroundColour(error_colour);
        e->SetFont(e->GetFont().Bold());
        e->SetName("error-" + wxString(from_utf8(core::intake_field_name(f))).Lower());
        e->Hide();
        field_errors_[f] = {e, focus};
        return e;
    };
    // A control with its error message under it, as one grid cell.
    const auto with_error = [&](auto* item, core::IntakeField f, wxWindow* focus, int flags) {
        auto* cell = new wxBoxSizer(wxVERTICAL);
        cell->Add(item, 0, flags);
        cell->Add(error_label(f, focus), 0, wxTOP, FromDIP(2));
        return cell;
    };

    heading(_("Visit"));
    auto* grid = new_grid();
    reason_ = field(grid, _("Reason for visit"),
                    _("What brings the client in: where it hurts, since when, what makes it "
                      "worse."),
                    "reason", &sdk::Intake::reason_for_visit);
    field(grid, _("Goals"), _("What the client hopes to get from treatment."), "goals",
          &sdk::Intake::goals);
    field(grid, _("Occupation and activity"),
          _("Desk work, lifting, driving, sport and how often."), "activity",
          &sdk::Intake::activity);

    heading(_("Health history"));
    auto* note = new wxStaticText(
        form_, wxID_ANY,
        _("Tick every condition that applies. Point at one to read what it changes."));
    note->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    body->Add(note, 0, wxLEFT | wxRIGHT | wxTOP, margin);
    auto* groups = new wxBoxSizer(wxHORIZONTAL);
    for (const auto severity : {sdk::Severity::avoid, sdk::Severity::caution}) {
        const bool avoid = severity == sdk::Severity::avoid;
        auto* box =
            new wxStaticBoxSizer(wxVERTICAL, form_, avoid ? _("Avoid deep work") : _("Caution"));
        for (const auto& c : sdk::contraindications) {
            if (c.severity != severity)
                continue;
            auto* check = new wxCheckBox(box->GetStaticBox(), wxID_ANY, from_utf8(c.label));
            check->SetName("flag-" + from_utf8(c.id));
            check->SetToolTip(from_utf8(c.guidance));
            flags_.emplace(std::string(c.id), check);
            box->Add(check, 0, wxALL, FromDIP(4));
        }
        groups->Add(box, 1, wxEXPAND | (avoid ? wxRIGHT : 0), FromDIP(12));
    }
    body->Add(groups, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, margin);
    body->Add(error_label(core::IntakeField::health_flags, flags_.begin()->second), 0,
              wxLEFT | wxRIGHT | wxTOP, margin);

    heading(_("Medications, allergies and injuries"));
    grid = new_grid();
    field(grid, _("Medications"), _("Name and what for, including blood thinners and pain relief."),
          "medications", &sdk::Intake::medications);
    field(grid, _("Allergies"), _("Including massage oils, nut oils, latex and fragrances."),
          "allergies", &sdk::Intake::allergies);
    field(grid, _("Surgeries and injuries"), _("What, where and when."), "surgeries",
          &sdk::Intake::surgeries_injuries);
    field(grid, _("Areas to avoid"), _("Places the client does not want touched, or must not be."),
          "areas-to-avoid", &sdk::Intake::areas_to_avoid);

    heading(_("Pressure"));
    grid = new_grid();
    label(grid, _("Preferred pressure"), wxTOP, FromDIP(4));
    auto* pressure_row = new wxBoxSizer(wxHORIZONTAL);
    pressure_stated_ = new wxCheckBox(form_, wxID_ANY, _("The client has a &preference"));
    pressure_stated_->SetName("pressure-stated");
    pressure_ = new wxSlider(form_, wxID_ANY, 5, 0, 10, wxDefaultPosition, wxSize(FromDIP(200), -1),
                             wxSL_HORIZONTAL | wxSL_AUTOTICKS);
    pressure_->SetName("pressure");
    pressure_->SetToolTip(_("1-3 light, 4-6 medium, 7-8 deep, 9-10 too much."));
    pressure_word_ = new wxStaticText(form_, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                      wxSize(FromDIP(120), -1));
    pressure_word_->SetName("pressure-word");
    pressure_word_->SetFont(pressure_word_->GetFont().Bold());
    pressure_row->Add(pressure_stated_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
    pressure_row->Add(pressure_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
    pressure_row->Add(pressure_word_, 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(with_error(pressure_row, core::IntakeField::preferred_pressure, pressure_, wxEXPAND),
              0, wxEXPAND);

    heading(_("Consent"));
    agreed_ = new wxCheckBox(form_, wxID_ANY,
                             _("The client has read the consent to treatment and &agrees"));
    agreed_->SetName("consent-agreed");
    body->Add(agreed_, 0, wxLEFT | wxRIGHT | wxTOP, margin);
    grid = new_grid();
    label(grid, _("Date"), wxTOP, FromDIP(6));
    consent_date_ = new wxDatePickerCtrl(form_, wxID_ANY, wxDefaultDateTime, wxDefaultPosition,
                                         wxDefaultSize, wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    consent_date_->SetName("consent-date");
    grid->Add(with_error(consent_date_, core::IntakeField::consent_date, consent_date_, 0), 0,
              wxEXPAND);
    label(grid, _("Name (typed)"), wxTOP, FromDIP(6));
    signer_ = new wxTextCtrl(form_, wxID_ANY);
    signer_->SetName("signer-name");
    signer_->SetHint(_("The client's full name"));
    grid->Add(with_error(signer_, core::IntakeField::consent_signer, signer_, wxEXPAND), 0,
              wxEXPAND);
    label(grid, _("Signature (optional)"), wxTOP, FromDIP(4));
    signature_ = new SignatureWidget(form_);
    grid->Add(signature_, 0);
    body->AddSpacer(margin);
    form_->SetSizer(body);

    auto* client = new wxStaticText(this, wxID_ANY, GetTitle());
    client->SetFont(client->GetFont().Bold().Scaled(1.25f));
    version_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    version_->SetName("intake-version");
    error_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    error_->SetName("intake-error");
    error_->SetForegroundColour(error_colour);
    error_->SetFont(error_->GetFont().Bold());
    auto* cancel_button = new wxButton(this, wxID_CANCEL, _("&Cancel"));
    auto* save_button = new wxButton(this, wxID_SAVE, _("&Save as new version"));
    save_button->SetName("save-intake");
    save_button->SetToolTip(_("Ctrl+S. Earlier versions are kept unchanged."));
    save_button->SetDefault();
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(error_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
    buttons->Add(cancel_button, 0, wxRIGHT, FromDIP(8));
    buttons->Add(save_button, 0);

    auto* outer = new wxBoxSizer(wxVERTICAL);
    auto* header = new wxBoxSizer(wxVERTICAL);
    header->Add(client);
    header->Add(version_, 0, wxEXPAND | wxTOP, FromDIP(4));
    outer->Add(header, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, margin);
    outer->AddSpacer(FromDIP(12));
    outer->Add(new wxStaticLine(this), 0, wxEXPAND);
    outer->Add(form_, 1, wxEXPAND);
    outer->Add(new wxStaticLine(this), 0, wxEXPAND);
    outer->AddSpacer(FromDIP(12));
    outer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT, margin);
    outer->AddSpacer(FromDIP(12));
    SetSizer(outer);

    for (auto* check : {pressure_stated_, agreed_})
        check->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { update_dependent_controls(); });
    pressure_->Bind(wxEVT_SLIDER, [this](wxCommandEvent&) { update_dependent_controls(); });
    signer_->Bind(wxEVT_TEXT, [this](wxCommandEvent& event) {
        event.Skip();
        if (field_errors_[core::IntakeField::consent_signer].message->IsShown())
            clear_errors();  // being fixed
    });
}

void IntakeDialog::fill(const std::optional<sdk::Intake>& intake) {
    const sdk::Intake i = intake.value_or(sdk::Intake{});
    if (intake) {
        version_->SetLabel(wxString::Format(
            _("Version %d, recorded %s. Saving makes version %d; earlier versions are kept."),
            i.version, local_time_text(i.recorded_at), i.version + 1));
    } else {
        version_->SetLabel(_("No intake recorded yet. Saving makes version 1."));
    }
    for (const auto& [control, member] : texts_)
        control->ChangeValue(from_utf8(i.*member));
    for (auto& [id, check] : flags_) {
        check->SetValue(std::find(i.health_flags.begin(), i.health_flags.end(), id) !=
                        i.health_flags.end());
    }
    pressure_stated_->SetValue(i.preferred_pressure.has_value());
    pressure_->SetValue(std::clamp(i.preferred_pressure.value_or(5), 0, 10));
    agreed_->SetValue(i.consent.agreed);
    wxDateTime date;
    if (!core::is_calendar_date(i.consent.date) || !date.ParseISODate(from_utf8(i.consent.date))) {
        date = wxDateTime::Today();
    }
    consent_date_->SetValue(date);
    signer_->ChangeValue(from_utf8(i.consent.signer_name));
    signature_->set_from_png_base64(i.consent.signature_png_base64);
    update_dependent_controls();
}

sdk::Intake IntakeDialog::intake_from_form() const {
    sdk::Intake i;
    i.client_id = client_id_;
    for (const auto& [control, member] : texts_)
        i.*member = control->GetValue().utf8_string();
    for (const auto& c : sdk::contraindications) {
        if (flag_box(c.id)->GetValue())
            i.health_flags.emplace_back(c.id);
    }
    if (pressure_stated_->GetValue())
        i.preferred_pressure = pressure_->GetValue();
    // Without agreement there is no consent to record: date, name and signature stay in the
    // form (disabled) but are not saved.
    i.consent.agreed = agreed_->GetValue();
    if (i.consent.agreed) {
        const wxDateTime date = consent_date_->GetValue();
        i.consent.date = date.IsValid() ? date.FormatISODate().utf8_string() : std::string();
        i.consent.signer_name = signer_->GetValue().utf8_string();
        i.consent.signature_png_base64 = signature_->to_png_base64();
    }
    return i;
}

bool IntakeDialog::has_changes() const {
    return !core::same_answers(intake_from_form(), baseline_);
}

wxCheckBox* IntakeDialog::flag_box(std::string_view contraindication_id) const {
    const auto found = flags_.find(contraindication_id);
    return found == flags_.end() ? nullptr : found->second;
}

void IntakeDialog::update_dependent_controls() {
    const bool stated = pressure_stated_->GetValue();
    pressure_->Enable(stated);
    pressure_word_->Enable(stated);
    const int value = pressure_->GetValue();
    pressure_word_->SetLabel(stated ? wxString::Format(wxString::FromUTF8("%d \xC2\xB7 %s"), value,
                                                       from_utf8(sdk::pressure_word(value)))
                                    : _("not stated"));
    const bool agreed = agreed_->GetValue();
    consent_date_->Enable(agreed);
    signer_->Enable(agreed);
    signature_->Enable(agreed);
}

bool IntakeDialog::save() {
    if (!FindWindow(wxID_SAVE)->IsEnabled())
        return false;
    clear_errors();
    try {
        saved_ = intakes_.save(intake_from_form());
    } catch (const core::IntakeValidationError& e) {
        show_error(e.field(), wxString::FromUTF8(e.what()));
        return false;
    } catch (const std::exception& e) {
        show_error(std::nullopt, _("The intake could not be saved: ") +
                                     wxString::FromUTF8(e.what()) +
                                     _(" Everything you entered is still here."));
        return false;
    }
    baseline_ = intake_from_form();
    SetReturnCode(wxID_OK);
    EndDialog(wxID_OK);
    return true;
}

bool IntakeDialog::cancel() {
    if (has_changes() && !(ask_discard_ && ask_discard_()))
        return false;
    SetReturnCode(wxID_CANCEL);
    EndDialog(wxID_CANCEL);
    return true;
}

void IntakeDialog::show_error(std::optional<core::IntakeField> field, const wxString& message) {
    last_error_ = message;
    error_->SetLabelText(field
                             ? wxString::Format(_("Not saved: check %s."),
                                                from_utf8(core::intake_field_name(*field)).Lower())
                             : message);
    error_->Wrap(std::max(GetClientSize().x - FromDIP(330), FromDIP(200)));
    const auto found = field ? field_errors_.find(*field) : field_errors_.end();
    wxWindow* focus = found == field_errors_.end() ? nullptr : found->second.focus;
    if (found != field_errors_.end()) {
        found->second.message->SetLabelText(message);
        found->second.message->Show();
    }
    form_->FitInside();
    Layout();
    if (focus)
        focus->SetFocus();  // the scrolled form brings the focused field into view
}

void IntakeDialog::clear_errors() {
    error_->SetLabelText(wxEmptyString);
    last_error_.clear();
    for (auto& [field, error] : field_errors_)
        error.message->Hide();
    form_->FitInside();
    Layout();
}

}  // namespace knotnotes::gui
