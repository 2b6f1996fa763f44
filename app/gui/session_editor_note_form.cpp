// session_editor_note_form.cpp — the note form of the session editor: SOAP fields, duration and
// pain before and after, saved as they are typed (debounced, flush_note() before anything reads the
// note).
#include "session_editor_panel.hpp"

#include <wx/clipbrd.h>
#include <wx/spinctrl.h>

#include "db/database_error.hpp"
#include "error_dialog.hpp"
#include "pch.hpp"
#include "session_editor_helpers.hpp"

namespace knotnotes::gui {
using namespace session_editor_detail;

wxWindow* SessionEditorPanel::build_note_page(wxWindow* parent) {
    auto* note = new wxPanel(parent);
    auto* note_sizer = new wxBoxSizer(wxVERTICAL);
    const char* labels[] = {"Subjective", "Objective", "Assessment", "Plan"};
    for (int i = 0; i < 4; ++i) {
        note_sizer->Add(new wxStaticText(note, wxID_ANY, wxGetTranslation(labels[i])), 0,
                        wxLEFT | wxTOP, FromDIP(6));
        soap_[i] = new wxTextCtrl(note, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                  FromDIP(wxSize(-1, 40)), wxTE_MULTILINE);
        soap_[i]->SetName(wxString(labels[i]).Lower());
        note_sizer->Add(soap_[i], 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));
        soap_[i]->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { note_changed(); });
        soap_[i]->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
            flush_note();
            e.Skip();
        });
    }
    pain_before_ = new wxChoice(note, wxID_ANY);
    pain_before_->SetName("pain-before");
    pain_after_ = new wxChoice(note, wxID_ANY);
    pain_after_->SetName("pain-after");
    for (auto* c : {pain_before_, pain_after_}) {
        fill_pain_choice(c);
        c->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { flush_note(); });
    }
    duration_ = new wxSpinCtrl(note, wxID_ANY, wxEmptyString, wxDefaultPosition,
                               FromDIP(wxSize(110, -1)), wxSP_ARROW_KEYS, 0, 600, 0);
    duration_->SetName("duration");
    duration_->Bind(wxEVT_SPINCTRL, [this](wxCommandEvent&) { note_changed(); });
    // Label and control side by side, one pair a row: a narrow side panel must not squeeze
    // them (GTK then draws them over each other).
    auto* numbers = new wxFlexGridSizer(2, FromDIP(wxSize(6, 4)));
    for (auto [label, control] :
         {std::pair<wxString, wxWindow*>{_("Pain before (0-10)"), pain_before_},
          {_("Pain after (0-10)"), pain_after_},
          {_("Minutes"), duration_}}) {
        numbers->Add(new wxStaticText(note, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        numbers->Add(control);
    }
    note_sizer->Add(numbers, 0, wxALL, FromDIP(6));
    note->SetSizer(note_sizer);
    return note;
}

void SessionEditorPanel::note_changed() {
    if (loading_ || editor_->read_only())
        return;
    note_timer_.StartOnce(400);  // commit when typing pauses
}

void SessionEditorPanel::flush_note() {
    note_timer_.Stop();
    if (!editor_ || editor_->read_only() || loading_)
        return;
    auto fields = editor_->session();
    fields.subjective = soap_[0]->GetValue().utf8_string();
    fields.objective = soap_[1]->GetValue().utf8_string();
    fields.assessment = soap_[2]->GetValue().utf8_string();
    fields.plan = soap_[3]->GetValue().utf8_string();
    fields.pain_before = pain_of(pain_before_);
    fields.pain_after = pain_of(pain_after_);
    fields.duration_minutes = duration_->GetValue();
    const auto& now = editor_->session();
    if (fields.subjective == now.subjective && fields.objective == now.objective &&
        fields.assessment == now.assessment && fields.plan == now.plan &&
        fields.pain_before == now.pain_before && fields.pain_after == now.pain_after &&
        fields.duration_minutes == now.duration_minutes) {
        return;  // nothing new to write
    }
    try {
        editor_->update_note(fields);
    } catch (const db::EditConflict& e) {
        keep_unsaved_note(fields, e);
    } catch (const std::exception& e) {
        report(e);
    }
    changed();
}

// Another window or computer saved the note since this one read it: their version is shown,
// never written over, and what was typed here waits on the clipboard to be pasted back.
void SessionEditorPanel::keep_unsaved_note(const sdk::Session& typed, const db::EditConflict& e) {
    wxString text;
    const char* labels[] = {"Subjective", "Objective", "Assessment", "Plan"};
    const std::string* fields[] = {&typed.subjective, &typed.objective, &typed.assessment,
                                   &typed.plan};
    for (int i = 0; i < 4; ++i) {
        if (!fields[i]->empty())
            text << wxGetTranslation(labels[i]) << ":\n"
                 << wxString::FromUTF8(*fields[i]) << "\n\n";
    }
    bool on_clipboard = false;
    if (wxTheClipboard->Open()) {
        on_clipboard = wxTheClipboard->SetData(new wxTextDataObject(text));
        wxTheClipboard->Close();
    }
    editor_->reload();
    refresh_all();
    show_error(this,
               on_clipboard
                   ? _("Your change was not saved: the note was changed elsewhere first, and it "
                       "now shows that version. What you typed is on the clipboard: paste "
                       "(Ctrl+V) what is still needed.")
                   : _("Your change was not saved: the note was changed elsewhere first, and it "
                       "now shows that version."),
               e);
}

}  // namespace knotnotes::gui
