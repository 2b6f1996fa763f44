#include "signing_flow.hpp"

#include <wx/choicdlg.h>
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
    if (store.on_server()) {
        // The server knows who is connected; profiles are a file's (who charts on this computer).
        wxMessageBox(wxString::Format(_("Your login has no practitioner on %s, so it cannot "
                                        "chart. Ask the clinic owner to add you with "
                                        "knotnotes-cli practitioners add."),
                                      wxString::FromUTF8(store.location())),
                     _("Who is charting?"), wxOK | wxICON_WARNING, parent);
        return std::nullopt;
    }
    core::PractitionerProfiles profiles(store.database());
    PractitionerProfileDialog dialog(parent, profiles);
    if (dialog.ShowModal() != wxID_OK)
        return std::nullopt;
    return dialog.created();
}

bool switch_practitioner(wxWindow* parent, core::RecordStore& store) {
    if (store.on_server()) {
        wxMessageBox(wxString::Format(_("On %s you chart as your own login. To chart as someone "
                                        "else, connect with their login (File > Connect to a "
                                        "clinic server)."),
                                      wxString::FromUTF8(store.location())),
                     _("Switch practitioner"), wxOK | wxICON_INFORMATION, parent);
        return false;
    }
    core::PractitionerProfiles profiles(store.database());
    const auto all = profiles.profiles();
    const auto current = profiles.current();
    wxArrayString names;
    int selected = 0;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto& p = all[i];
        names.Add(wxString::FromUTF8(p.name + (p.credentials.empty() ? "" : ", " + p.credentials) +
                                     (p.registration.empty() ? "" : " (" + p.registration + ")")));
        if (current && current->id == p.id)
            selected = static_cast<int>(i);
    }
    names.Add(_("A new practitioner profile..."));
    wxSingleChoiceDialog choose(parent,
                                _("Who is charting now? Notes are signed as the practitioner "
                                  "chosen here, with their own passphrase."),
                                _("Switch practitioner"), names);
    choose.SetName("switch-practitioner");
    choose.SetSelection(selected);
    if (choose.ShowModal() != wxID_OK)
        return false;
    const auto index = static_cast<std::size_t>(choose.GetSelection());
    if (index == all.size()) {
        PractitionerProfileDialog dialog(parent, profiles);
        if (dialog.ShowModal() != wxID_OK)
            return false;  // create_profile made the new one current
    } else if (current && current->id == all[index].id) {
        return false;
    } else {
        profiles.choose(all[index].id);
    }
    store.signing_session().forget();
    return true;
}

namespace {

// A clinic login's first signature: the key is made on this computer, sealed under a passphrase
// the therapist chooses (typed twice), and kept on the server as their own; the server never
// sees the passphrase or the unsealed key.
const core::UnlockedKey* first_signing_key_on_server(wxWindow* parent, core::RecordStore& store,
                                                     const sdk::Practitioner& practitioner) {
    wxString problem;
    for (;;) {
        wxPasswordEntryDialog first(
            parent,
            problem + wxString::Format(_("%s has no signing key on %s yet. Choose a passphrase for "
                                         "one (at least %d characters): you type it to sign your "
                                         "notes, on any computer of the clinic."),
                                       wxString::FromUTF8(practitioner.name),
                                       wxString::FromUTF8(store.location()),
                                       static_cast<int>(core::minimum_passphrase_length)),
            _("Sign the note: a new signing key"));
        first.SetName("new-signing-passphrase");
        if (first.ShowModal() != wxID_OK)
            return nullptr;
        wxPasswordEntryDialog again(parent, _("The same passphrase again:"),
                                    _("Sign the note: a new signing key"));
        again.SetName("new-signing-passphrase-again");
        if (again.ShowModal() != wxID_OK)
            return nullptr;
        if (first.GetValue() != again.GetValue()) {
            problem = _("The two passphrases differ; type them again.") + "\n\n";
            continue;
        }
        try {
            store.signing_session().keep(
                store.create_signing_key(practitioner.id, first.GetValue().utf8_string()));
            return store.signing_session().key_for(practitioner.id);
        } catch (const std::invalid_argument& e) {
            problem = wxString::FromUTF8(e.what()) + "\n\n";
        }
    }
}

}  // namespace

const core::UnlockedKey* key_for_signing(wxWindow* parent, core::RecordStore& store) {
    const auto practitioner = charting_practitioner(parent, store);
    if (!practitioner)
        return nullptr;
    if (const auto* key = store.signing_session().key_for(practitioner->id))
        return key;
    if (!store.has_signing_key(practitioner->id)) {
        if (store.on_server())
            return first_signing_key_on_server(parent, store, *practitioner);
        wxMessageBox(wxString::Format(_("%s has no signing key in %s, so the note stays a draft. "
                                        "Create a practitioner profile (Tools > Switch "
                                        "practitioner)."),
                                      wxString::FromUTF8(practitioner->name),
                                      wxString::FromUTF8(store.location())),
                     _("Sign the note"), wxOK | wxICON_WARNING, parent);
        return nullptr;
    }
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
                store.unlock_signing_key(practitioner->id, ask.GetValue().utf8_string()));
            return store.signing_session().key_for(practitioner->id);
        } catch (const core::WrongPassphrase&) {
            problem = _("That passphrase is not right; try again.") + "\n\n";
        }
    }
}

}  // namespace knotnotes::gui
