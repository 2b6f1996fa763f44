#include "database_key_dialog.hpp"

#include <wx/msgdlg.h>
#include <wx/textdlg.h>

#include "core/database_keyring.hpp"
#include "core/passphrase_file.hpp"
#include "db/file_identity.hpp"
#include "pch.hpp"

namespace knotnotes::gui {
namespace {

wxString ask_passphrase(wxWindow* parent, const wxString& message) {
    wxPasswordEntryDialog dialog(parent, message, _("KnotNotes: encrypted database"));
    dialog.SetName("database_passphrase_dialog");
    if (dialog.ShowModal() != wxID_OK)
        return {};
    return dialog.GetValue();
}

}  // namespace

DatabaseUnlock database_key_for_window(wxWindow* parent, const std::filesystem::path& file,
                                       bool unattended) {
    DatabaseUnlock unlock;
    const auto kind = db::identify_database_file(file).kind;
    const wxString name = wxString::FromUTF8(file.string());
    const bool new_database = kind == db::FileKind::missing || kind == db::FileKind::empty;
    if (kind == db::FileKind::encrypted || new_database) {
        // A script's passphrase file (as the CLI takes it) comes before the keyring and dialogs.
        if (const auto passphrase = core::passphrase_from_environment(); !passphrase.empty()) {
            unlock.key = db::DatabaseKey::from_passphrase(passphrase);
            if (new_database)
                unlock.note =
                    _("Your records are encrypted with the passphrase in the file "
                      "KNOTNOTES_PASSPHRASE_FILE names.");
            return unlock;
        }
    }
    if (kind == db::FileKind::encrypted) {
        unlock.key = core::keyring_key_for(file);
        if (!unlock.key.empty() || unattended)
            return unlock;
        const auto passphrase = ask_passphrase(
            parent, wxString::Format(_("%s is encrypted. Type its passphrase to open it:"), name));
        if (passphrase.empty()) {
            unlock.cancelled = true;
            return unlock;
        }
        unlock.key = db::DatabaseKey::from_passphrase(passphrase.utf8_string());
        return unlock;
    }
    if (!new_database)
        return unlock;  // plain, or not a database: opening it says which

    if (core::desktop_keyring_reachable()) {
        auto key = db::DatabaseKey::random_raw_with_salt();
        std::string problem;
        if (core::keep_key_in_keyring(key, file, problem)) {
            unlock.key = std::move(key);
            unlock.note =
                _("Your records are encrypted; their key is kept in your desktop keyring, "
                  "which your login unlocks.");
            return unlock;
        }
    }
    if (unattended) {
        unlock.note =
            _("This new database is not encrypted: there was no desktop keyring and no "
              "one to choose a passphrase.");
        return unlock;
    }
    for (;;) {
        const auto first = ask_passphrase(
            parent, wxString::Format(_("Your records in %s will be encrypted. Choose a passphrase "
                                       "(you will type it each time KnotNotes opens them):"),
                                     name));
        if (first.empty()) {
            unlock.cancelled = true;
            return unlock;
        }
        if (ask_passphrase(parent, _("Type the same passphrase again:")) == first) {
            unlock.key = db::DatabaseKey::from_passphrase(first.utf8_string());
            unlock.note =
                _("Your records are encrypted with the passphrase you chose; only you "
                  "know it.");
            return unlock;
        }
        wxMessageBox(_("The two passphrases differ. Choose it again."), _("KnotNotes"),
                     wxOK | wxICON_WARNING, parent);
    }
}

}  // namespace knotnotes::gui
