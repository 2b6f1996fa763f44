// database_keyring.hpp — database keys kept in the desktop keyring (the Secret Service, through
// libsecret: GNOME Keyring, KWallet), unlocked with the desktop session, as Signal Desktop does.
//
// Each entry holds one database's random raw key with its salt, found by the salt (the file's
// first 16 bytes, db::encryption_key_id), so the database and every backup of it find the same
// key. Without a session bus (a script over ssh, a test) the keyring is not asked at all.
#pragma once

#include <filesystem>
#include <string>

#include "db/database_key.hpp"

namespace knotnotes::core {

// A session bus to ask (DBUS_SESSION_BUS_ADDRESS, or the user's bus socket).
bool desktop_keyring_reachable();

// The key of the encrypted database `file`, or the empty key (no keyring, no entry).
db::DatabaseKey keyring_key_for(const std::filesystem::path& file);

// Keeps `key` (a raw key with its salt) for the database about to be created at `file`. False,
// with the reason in `problem`, when the keyring cannot keep it.
bool keep_key_in_keyring(const db::DatabaseKey& key, const std::filesystem::path& file,
                         std::string& problem);

// One sentence for the person: where the key of a database created with it is kept.
inline constexpr const char* keyring_explanation =
    "Its key is kept in your desktop keyring, which your login unlocks, so you never type it.";

}  // namespace knotnotes::core
