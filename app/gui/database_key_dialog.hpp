// database_key_dialog.hpp — the key of the database a window opens, asked for as little as
// possible (issue 13):
//   - KNOTNOTES_PASSPHRASE_FILE, when set, names the passphrase (of an encrypted or a new
//     database), as for the CLI: scripts and kiosks start the app without a dialog;
//   - an encrypted database: its key from the desktop keyring; without one, a passphrase dialog;
//   - a new database: a random key kept in the desktop keyring, and one sentence saying so;
//     without a keyring, the person chooses a passphrase (typed twice).
// Unattended runs (--screenshot, --quit-when-ready) show no dialog: a locked database stays
// locked, and a new one without a keyring is created unencrypted, as the note says.
#pragma once

#include <filesystem>

#include <wx/string.h>

#include "db/database_key.hpp"

class wxWindow;

namespace knotnotes::gui {

struct DatabaseUnlock {
    db::DatabaseKey key;  // empty: open (or create) the file plain
    wxString note;        // for the status bar: where the key is kept, or that it is not encrypted
    bool cancelled = false;  // the person closed the dialog: open nothing
};

// Throws std::runtime_error naming the file when KNOTNOTES_PASSPHRASE_FILE names one that
// cannot be used (missing, readable by others, empty).
DatabaseUnlock database_key_for_window(wxWindow* parent, const std::filesystem::path& file,
                                       bool unattended);

}  // namespace knotnotes::gui
