// questionnaire_dialog.cpp — a questionnaire form generated from its definition (see
// questionnaire_dialog.hpp).
#include "questionnaire_dialog.hpp"

#include <cmath>

#include <wx/radiobut.h>
#include <wx/scrolwin.h>
#include <wx/slider.h>
#include <wx/statline.h>

#include "core/plugin_object.hpp"
#include "core/questionnaire_service.hpp"
#include "core/questionnaire_wording.hpp"
#include "pch.hpp"

namespace knotnotes::gui {
namespace {

const wxColour error_colour(176, 0, 32);

wxString from_utf8(const std::string& s) {
    return wxString::FromUTF8(s.data(), s.size());
}

int slider_bound(double value) {
    return static_cast<int>(std::lround(value));
}

wxString item_name(const std::string& prefix, const std::string& item_id) {
    return from_utf8(prefix + "-" + item_id);
}

}  // namespace

QuestionnaireDialog::QuestionnaireDialog(wxWindow* parent,
                                         core::QuestionnaireService& questionnaires,
                                         sdk::Id client_id, std::optional<sdk::Id> session_id,
                                         const wxString& client_name,
                                         const std::string& instrument_id)
    : wxDialog(parent, wxID_ANY, wxString::FromUTF8("Questionnaire — ") + client_name,
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      questionnaires_(questionnaires),
      client_id_(client_id),
      session_id_(session_id) {
    SetName("questionnaire-dialog");
    SetEscapeId(wxID_CLOSE);
    build();
    const auto& all = questionnaires_.instruments();
    if (!select_instrument(instrument_id) && !all.empty())
        select_instrument(all.front().id);
    if (all.empty()) {
        show_error(
            _("No questionnaire is available: enable a questionnaire plugin in the "
              "Plugins dialog."));
        score_->Disable();
    }

    wxAcceleratorEntry save_key(wxACCEL_CTRL, 'S', wxID_SAVE);
    SetAcceleratorTable(wxAcceleratorTable(1, &save_key));
    for (const auto type : {wxEVT_MENU, wxEVT_BUTTON}) {
        Bind(
            type,
            [this](wxCommandEvent&) {
                if (score_->IsEnabled())
                    score_and_save();
            },
            wxID_SAVE);
    }
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent&) {
            if (IsModal())
                EndModal(saved_ ? wxID_OK : wxID_CANCEL);
            else
                Close();
        },
        wxID_CLOSE);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& event) {
        if (IsModal())
            EndModal(saved_ ? wxID_OK : wxID_CANCEL);
        else
            event.Skip();
    });
    SetSizeHints(FromDIP(wxSize(560, 420)));
    SetSize(FromDIP(wxSize(720, 760)));
    CentreOnParent();
}

void QuestionnaireDialog::build() {
    auto* body = new wxBoxSizer(wxVERTICAL);
    const int margin = FromDIP(12);

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(new wxStaticText(this, wxID_ANY, _("&Questionnaire:")), 0,
             wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    instrument_choice_ = new wxChoice(this, wxID_ANY);
    instrument_choice_->SetName("instrument-choice");
    for (const auto& instrument : questionnaires_.instruments())
        instrument_choice_->Append(from_utf8(instrument.definition.title));
    instrument_choice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& event) {
        const auto index = event.GetSelection();
        const auto& all = questionnaires_.instruments();
        if (index >= 0 && static_cast<std::size_t>(index) < all.size())
            select_instrument(all[static_cast<std::size_t>(index)].id);
    });
    top->Add(instrument_choice_, 1, wxALIGN_CENTER_VERTICAL);
    body->Add(top, 0, wxEXPAND | wxALL, margin);

    title_ = new wxStaticText(this, wxID_ANY, wxString());
    title_->SetName("questionnaire-title");
    title_->SetFont(title_->GetFont().Bold().Scaled(1.2f));
    body->Add(title_, 0, wxLEFT | wxRIGHT, margin);
    instructions_ = new wxStaticText(this, wxID_ANY, wxString());
    instructions_->SetName("questionnaire-instructions");
    body->Add(instructions_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, margin);

    form_ = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    form_->SetName("questionnaire-form");
    form_->SetScrollRate(0, FromDIP(16));
    body->Add(form_, 1, wxEXPAND | wxALL, margin);

    body->Add(new wxStaticLine(this), 0, wxEXPAND | wxLEFT | wxRIGHT, margin);
    licence_ = new wxStaticText(this, wxID_ANY, wxString());
    licence_->SetName("licence-text");
    licence_->SetFont(licence_->GetFont().Smaller());
    body->Add(licence_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, margin);

    error_ = new wxStaticText(this, wxID_ANY, wxString());
    error_->SetName("questionnaire-error");
    error_->SetForegroundColour(error_colour);
    body->Add(error_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, margin);
    result_ = new wxStaticText(this, wxID_ANY, wxString());
    result_->SetName("questionnaire-result");
    result_->SetFont(result_->GetFont().Bold());
    body->Add(result_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, margin);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    score_ = new wxButton(this, wxID_SAVE, _("&Score and save"));
    score_->SetName("score-and-save");
    score_->SetDefault();
    buttons->Add(score_, 0, wxRIGHT, FromDIP(8));
    buttons->Add(new wxButton(this, wxID_CLOSE, _("&Close")));
    body->Add(buttons, 0, wxEXPAND | wxALL, margin);
    SetSizer(body);
}

bool QuestionnaireDialog::select_instrument(const std::string& instrument_id) {
    const auto* instrument = questionnaires_.find(instrument_id);
    if (!instrument)
        return false;
    instrument_id_ = instrument_id;
    const auto& all = questionnaires_.instruments();
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i].id == instrument_id)
            instrument_choice_->SetSelection(static_cast<int>(i));
    }
    const auto& d = instrument->definition;
    title_->SetLabel(from_utf8(d.title) +
                     (d.version.empty() ? wxString() : " (" + from_utf8(d.version) + ")"));
    instructions_->SetLabel(from_utf8(d.instructions));
    instructions_->Wrap(FromDIP(660));
    licence_->SetLabel(from_utf8(d.licence_text));
    licence_->Wrap(FromDIP(660));
    saved_.reset();
    build_form();
    form_changed();
    score_->Enable();
    Layout();
    return true;
}

void QuestionnaireDialog::build_form() {
    form_->DestroyChildren();
    items_.clear();
    const auto* instrument = questionnaires_.find(instrument_id_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    if (instrument) {
        items_.reserve(instrument->definition.items.size());
        int number = 0;
        for (const auto& item : instrument->definition.items) {
            items_.push_back({});
            auto& controls = items_.back();
            controls.item = item;
            auto text = wxString::Format("%d. ", ++number) + from_utf8(item.text);
            if (item.optional)
                text += _(" (optional)");
            auto* label = new wxStaticText(form_, wxID_ANY, text);
            label->SetFont(label->GetFont().Bold());
            label->Wrap(FromDIP(640));
            sizer->Add(label, 0, wxTOP, number == 1 ? 0 : FromDIP(14));
            switch (item.kind) {
                case sdk::ItemKind::choice: {
                    controls.no_answer =
                        new wxRadioButton(form_, wxID_ANY, _("No answer"), wxDefaultPosition,
                                          wxDefaultSize, wxRB_GROUP);
                    controls.no_answer->SetName(item_name("no-answer", item.id));
                    controls.no_answer->SetValue(true);
                    sizer->Add(controls.no_answer, 0, wxTOP | wxLEFT, FromDIP(4));
                    for (const auto& choice : item.choices) {
                        auto* button = new wxRadioButton(form_, wxID_ANY, from_utf8(choice.label));
                        button->SetName(item_name("choice", item.id));
                        sizer->Add(button, 0, wxTOP | wxLEFT, FromDIP(4));
                        controls.choices.emplace_back(button, choice.value);
                    }
                    break;
                }
                case sdk::ItemKind::text_and_scale: {
                    controls.text = new wxTextCtrl(form_, wxID_ANY);
                    controls.text->SetName(item_name("text", item.id));
                    controls.text->SetHint(_("Activity"));
                    controls.text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { form_changed(); });
                    sizer->Add(controls.text, 0, wxEXPAND | wxTOP, FromDIP(4));
                    add_scale(form_, sizer, controls);
                    break;
                }
                case sdk::ItemKind::scale:
                    add_scale(form_, sizer, controls);
                    break;
            }
        }
    }
    // Bound once all items exist: items_ no longer moves.
    for (auto& controls : items_) {
        for (auto& [button, value] : controls.choices)
            button->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { form_changed(); });
        if (controls.no_answer)
            controls.no_answer->Bind(wxEVT_RADIOBUTTON,
                                     [this](wxCommandEvent&) { form_changed(); });
        if (controls.slider) {
            auto* c = &controls;
            controls.slider->Bind(wxEVT_SLIDER, [this, c](wxCommandEvent&) {
                c->answered->SetValue(true);
                update_value_label(*c);
                form_changed();
            });
            controls.answered->Bind(wxEVT_CHECKBOX, [this, c](wxCommandEvent&) {
                update_value_label(*c);
                form_changed();
            });
            update_value_label(controls);
        }
    }
    form_->SetSizer(sizer);
    form_->FitInside();
    form_->Scroll(0, 0);
}

void QuestionnaireDialog::add_scale(wxWindow* parent, wxSizer* sizer, ItemControls& controls) {
    const auto& item = controls.item;
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* min_label = new wxStaticText(parent, wxID_ANY, from_utf8(item.min_label));
    min_label->Wrap(FromDIP(130));
    row->Add(min_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    const int min = slider_bound(item.min), max = slider_bound(item.max);
    controls.slider = new wxSlider(parent, wxID_ANY, min, min, std::max(max, min + 1),
                                   wxDefaultPosition, wxSize(FromDIP(260), -1),
                                   wxSL_HORIZONTAL | wxSL_AUTOTICKS | wxSL_MIN_MAX_LABELS);
    controls.slider->SetName(item_name("scale", item.id));
    controls.slider->SetLineSize(1);
    controls.slider->SetPageSize(1);
    controls.slider->SetTickFreq(1);
    row->Add(controls.slider, 1, wxALIGN_CENTER_VERTICAL);
    auto* max_label = new wxStaticText(parent, wxID_ANY, from_utf8(item.max_label));
    max_label->Wrap(FromDIP(130));
    row->Add(max_label, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
    sizer->Add(row, 0, wxEXPAND | wxTOP, FromDIP(4));

    auto* answer_row = new wxBoxSizer(wxHORIZONTAL);
    controls.answered = new wxCheckBox(parent, wxID_ANY, _("Answered:"));
    controls.answered->SetName(item_name("answered", item.id));
    answer_row->Add(controls.answered, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    controls.value = new wxStaticText(parent, wxID_ANY, wxString());
    controls.value->SetName(item_name("value", item.id));
    controls.value->SetFont(controls.value->GetFont().Bold());
    answer_row->Add(controls.value, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(answer_row, 0, wxTOP, FromDIP(2));
}

void QuestionnaireDialog::update_value_label(const ItemControls& controls) {
    controls.value->SetLabel(controls.answered->GetValue()
                                 ? wxString::Format("%d", controls.slider->GetValue())
                                 : _("not answered"));
}

void QuestionnaireDialog::form_changed() {
    if (saved_)
        return;  // locked: the saved response is what the form shows
    result_->SetLabel(wxString());
    if (!last_error_.empty())
        show_error(wxString());
}

void QuestionnaireDialog::show_error(const wxString& message) {
    last_error_ = message;
    error_->SetLabel(message);
    error_->Wrap(FromDIP(660));
    Layout();
}

std::vector<sdk::QuestionnaireAnswer> QuestionnaireDialog::answers_from_form() const {
    std::vector<sdk::QuestionnaireAnswer> answers;
    for (const auto& controls : items_) {
        sdk::QuestionnaireAnswer answer;
        answer.item_id = controls.item.id;
        if (controls.text)
            answer.text = controls.text->GetValue().Strip(wxString::both).utf8_string();
        if (controls.slider && controls.answered->GetValue())
            answer.value = controls.slider->GetValue();
        for (const auto& [button, value] : controls.choices) {
            if (button->GetValue())
                answer.value = value;
        }
        // An optional PSFS activity left blank is skipped, not an error.
        if (controls.item.optional && controls.text && answer.text.empty() && !answer.value)
            continue;
        answers.push_back(std::move(answer));
    }
    return answers;
}

bool QuestionnaireDialog::score_and_save() {
    if (saved_ || instrument_id_.empty())
        return false;
    const auto answers = answers_from_form();
    if (const auto* instrument = questionnaires_.find(instrument_id_)) {
        const auto missing = core::missing_answer_message(instrument->definition, answers);
        if (!missing.empty()) {
            show_error(from_utf8(missing));
            return false;
        }
    }
    try {
        saved_ = questionnaires_.score_and_save(instrument_id_, client_id_, session_id_, answers);
    } catch (const core::PluginCallError& e) {
        show_error(from_utf8(core::scoring_problem_message(e.what())));
        return false;
    } catch (const std::exception& e) {
        show_error(_("The response could not be saved: ") + from_utf8(e.what()));
        return false;
    }
    show_error(wxString());
    const sdk::QuestionnaireScore score{saved_->score.value_or(0), saved_->interpretation};
    result_->SetLabel(_("Score: ") + from_utf8(core::score_text(score)) + _(" - saved") +
                      (session_id_ ? _(" with this session.") : wxString(".")));
    // Locked, so the same response is not stored twice.
    for (auto* child : form_->GetChildren())
        child->Disable();
    score_->Disable();
    FindWindow(wxID_CLOSE)->SetFocus();
    Layout();
    return true;
}

const QuestionnaireDialog::ItemControls* QuestionnaireDialog::controls_for(
    const std::string& item_id) const {
    for (const auto& controls : items_) {
        if (controls.item.id == item_id)
            return &controls;
    }
    return nullptr;
}

wxSlider* QuestionnaireDialog::slider(const std::string& item_id) const {
    const auto* c = controls_for(item_id);
    return c ? c->slider : nullptr;
}

wxCheckBox* QuestionnaireDialog::answered_box(const std::string& item_id) const {
    const auto* c = controls_for(item_id);
    return c ? c->answered : nullptr;
}

wxTextCtrl* QuestionnaireDialog::activity_text(const std::string& item_id) const {
    const auto* c = controls_for(item_id);
    return c ? c->text : nullptr;
}

wxRadioButton* QuestionnaireDialog::choice_button(const std::string& item_id, double value) const {
    if (const auto* c = controls_for(item_id)) {
        for (const auto& [button, v] : c->choices) {
            if (v == value)
                return button;
        }
    }
    return nullptr;
}

wxString QuestionnaireDialog::result_text() const {
    return result_->GetLabel();
}

}  // namespace knotnotes::gui
