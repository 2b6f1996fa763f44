// window_lock.hpp — what unlocks a locked window (issue 13's app lock), without wx.
//
// One secret should do: the passphrase of the database, when it is encrypted with one, or the
// signing passphrase of the practitioner charting. Unlocking with the signing passphrase also
// gives the signing session its key back (it is forgotten when the window locks), so signing
// does not ask again.
#pragma once

#include <string>

namespace knotnotes::core {

class RecordStore;

enum class LockSecret {
    database_passphrase,  // the database is encrypted with a passphrase (and maybe a signing one)
    signing_passphrase,   // the practitioner charting has a signing key
    none,                 // neither: the lock hides the records but cannot keep anyone out
};

LockSecret lock_secret(RecordStore& store);

// One secret at start-up: when the practitioner charting chose the same passphrase for their
// signing key as for the database, the database's passphrase unlocks the signing key too (kept
// in the signing session), so signing does not ask again. False, changing nothing, otherwise.
bool unlock_signing_with_database_passphrase(RecordStore& store);

// True when `passphrase` is the database's passphrase or the current practitioner's signing
// passphrase (whose key is then kept in the signing session).
bool passphrase_unlocks(RecordStore& store, const std::string& passphrase);

}  // namespace knotnotes::core
