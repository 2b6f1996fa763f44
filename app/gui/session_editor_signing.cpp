// session_editor_signing.cpp — signing a note and amending a signed one, from the session editor:
// conflicts with the client's contraindications ask for a reason first; Amend asks what it
// corrects.
#include "session_editor_panel.hpp"

#include <wx/infobar.h>

#include "core/contraindication_rules.hpp"
#include "core/record_store.hpp"
#include "pch.hpp"
#include "reason_dialog.hpp"
#include "session_editor_helpers.hpp"
#include "signing_flow.hpp"

namespace knotnotes::gui {
using namespace session_editor_detail;

void SessionEditorPanel::sign() {
    if (editor_->read_only())
        return;
    flush_note();
    // 1. Conflicts with the contraindications are acknowledged, with a reason, first.
    const auto found = conflicts();
    if (!found.empty() && editor_->session().conflict_acknowledgement.empty()) {
        ReasonDialog ask(this, _("Sign a note with contraindication conflicts"),
                         _("Why was this treatment right for this client? (For example: "
                           "cleared by their doctor on a date, or the work was kept light.) "
                           "The reason is kept with the signed note and in its exports."),
                         wxString::FromUTF8(core::conflict_text(found)),
                         _("&Acknowledge and continue"));
        if (ask.ShowModal() != wxID_OK || ask.reason().empty())
            return;
        try {
            editor_->acknowledge_conflicts(ask.reason().utf8_string());
        } catch (const std::exception& e) {
            report(e);
            return;
        }
    }
    // 2. Who is charting, and they confirm.
    const auto practitioner = charting_practitioner(this, store_);
    if (!practitioner)
        return;
    const auto question = wxString::Format(_("Sign this session as %s?\n\nA signed note can no "
                                             "longer be changed; corrections become amendments."),
                                           utf8(practitioner->name));
    const bool confirmed = confirm_sign_ ? confirm_sign_(question)
                                         : wxMessageBox(question, _("Sign session"),
                                                        wxYES_NO | wxICON_QUESTION, this) == wxYES;
    if (!confirmed)
        return;
    // 3. The signature, with the practitioner's unlocked key.
    const auto* key = key_for_signing(this, store_);
    if (!key)
        return;
    try {
        editor_->sign(*key);
    } catch (const std::exception& e) {
        report(e);
    }
    undo_.clear();
    if (undo_bar_->IsShown())
        undo_bar_->Dismiss();
    refresh_all();
    changed();
}

void SessionEditorPanel::amend() {
    if (!editor_->read_only())
        return;
    ReasonDialog ask(this, _("Amend a signed note"),
                     _("What does this amendment correct? The reason is kept with the amendment "
                       "and shown wherever it is read, with its date."),
                     wxEmptyString, _("&Start the amendment"));
    if (ask.ShowModal() != wxID_OK || ask.reason().empty())
        return;
    try {
        open(editor_->amend(ask.reason().utf8_string()));
    } catch (const std::exception& e) {
        report(e);
    }
    changed();
}

}  // namespace knotnotes::gui
