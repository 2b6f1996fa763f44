// database_key_source.hpp — where knotnotes-cli finds the key of an encrypted database, in order:
//   1. --passphrase-file FILE, then the KNOTNOTES_PASSPHRASE_FILE environment variable (scripts);
//   2. the desktop keyring (core/database_keyring.hpp): an existing database's key is looked up
//      there; a new database gets a random key kept there, when there is a desktop session;
//   3. a prompt on the terminal, when there is one (typed twice for a new database).
// A plain database needs no key; a new database is encrypted unless --unencrypted says
// otherwise, and without a key to encrypt it with nothing is created (DatabaseLocked, exit 5).
#pragma once

#include <filesystem>
#include <string>

#include "db/database_key.hpp"

namespace knotnotes::cli {

struct KeyOptions {
    std::filesystem::path passphrase_file;  // --passphrase-file
    bool unencrypted = false;               // --unencrypted: a new database is created plain
};

// The key to open (or create) `database` with; empty for a plain database. Throws
// db::DatabaseLocked (a new database without a key) or std::runtime_error (a bad passphrase
// file).
// `may_create`: a missing database would be created (else opening it says it is missing).
db::DatabaseKey database_key_for(const std::filesystem::path& database, const KeyOptions& options,
                                 bool may_create);

// A passphrase from --passphrase-file or KNOTNOTES_PASSPHRASE_FILE; empty when neither is given.
std::string passphrase_from_files(const KeyOptions& options);

// One line from the terminal, not echoed (a passphrase, a password).
std::string read_hidden_line(const std::string& prompt);

// A passphrase from --passphrase-file or KNOTNOTES_PASSPHRASE_FILE, or typed at the terminal
// (`confirm`: typed twice); empty when there is none of them.
std::string passphrase_from(const KeyOptions& options, const std::string& prompt, bool confirm);

}  // namespace knotnotes::cli
