#include "signing_flow.hpp"

#include <wx/textdlg.h>

#include "core/practitioner_profiles.hpp"
#include "core/record_store.hpp"
#include "core/signing/signing_key.hpp"
#include "pch.hpp"
#include "practitioner_profile_dialog.hpp"

namespace knotnotes::gui {

std::optional<sdk::Practitioner> charting_practitioner(wxWindow* parent, core::RecordStore& store) {
    if (auto current = store.current_practitioner())
        return current;
    core::PractitionerProfiles profiles(store.database());
    PractitionerProfileDialog dialog(parent, profiles);
    if (dialog.ShowModal() != wxID_OK)
        return std::nullopt;
    return dialog.created();
}

const core::UnlockedKey* key_for_signing(wxWindow* parent, core::RecordStore& store) {
    const auto practitioner = charting_practitioner(parent, store);
    if (!practitioner)
        return nullptr;
    if (const auto* key = store.signing_session().key_for(practitioner->id))
        return key;
    core::PractitionerProfiles profiles(store.database());
    wxString problem;
    for (;;) {
        wxPasswordEntryDialog ask(
            parent,
            problem + wxString::Format(_("Passphrase of %s's signing key:"),
                                       wxString::FromUTF8(practitioner->name)),
            _("Sign the note"));
        ask.SetName("signing-passphrase");
        if (ask.ShowModal() != wxID_OK)
            return nullptr;
        try {
            store.signing_session().keep(
                profiles.unlock(practitioner->id, ask.GetValue().utf8_string()));
            return store.signing_session().key_for(practitioner->id);
        } catch (const core::WrongPassphrase&) {
            problem = _("That passphrase is not right; try again.") + "\n\n";
        }
    }
}

}  // namespace knotnotes::gui
