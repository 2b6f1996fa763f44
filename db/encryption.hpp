// encryption.hpp — encrypted KnotNotes databases (SQLCipher 4 defaults: AES-256 pages,
// HMAC-SHA512 per page, PBKDF2-HMAC-SHA512 with 256,000 iterations for a passphrase).
//
// How an encrypted file still says what it is: SQLCipher keeps a 16-byte random salt at the
// start of the file instead of "SQLite format 3". KnotNotes chooses that salt: its first 8 bytes
// are always "KnotNote" (encrypted_file_marker), the other 8 random. So an encrypted KnotNotes
// database is recognised without its key (file_identity.hpp: FileKind::encrypted), a foreign or
// random file is still refused untouched, and the application id and schema version are read
// once the key has opened the file. (The salt's 64 random bits keep each file's key derivation
// its own; the salt is not secret.)
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "database_key.hpp"

struct sqlite3;

namespace knotnotes::db {

class Database;

inline constexpr std::string_view encrypted_file_marker = "KnotNote";

bool starts_with_encrypted_marker(std::string_view header);

// The first 16 bytes of an encrypted KnotNotes file (its salt) in hex: what the keyring finds
// its key by. Empty for any other file.
std::string encryption_key_id(const std::filesystem::path& file);

// Gives the connection's schema ("main", or an attached one) its key; for a file that is still
// empty, also the salt that marks it as an encrypted KnotNotes database (a raw key with a salt
// brings its own). Nothing is read yet.
void key_connection(sqlite3* db, const char* schema, const DatabaseKey& key, bool new_file);

// When the first page does not open with a key, the key is wrong or that page is damaged:
// SQLCipher cannot tell which from page 1 alone. Every page carries its own HMAC, so the right
// key still verifies the others. PRAGMA cipher_integrity_check lists the pages that fail, but
// reads the whole file (seconds for a clinic's database, on every wrong passphrase): it runs on
// a private temporary copy of the first pages instead (ciphertext only).
// The number of those pages that verify with `key`: 0 when none does (the key is wrong);
// nullopt when it cannot tell (a file of one page, no temporary file).
std::optional<long> pages_verified_by_key(const std::filesystem::path& file,
                                          const DatabaseKey& key);

// A plain database becomes an encrypted one with `key`, in place: the copy is written beside
// it, checked (integrity and the same rows in every table), renamed over the plain file, and the
// plain -wal and -shm are removed. Throws before anything is replaced if a step fails.
void encrypt_database_file(const std::filesystem::path& file, const DatabaseKey& key);

// A plaintext copy of the open (encrypted) database, private (0600), checked like the above.
// The caller has checked that `destination` may be written (core/output_safety.hpp).
void write_plaintext_copy(Database& db, const std::filesystem::path& destination);

// Re-encrypts every page with `new_key`; the old key no longer opens the file.
void rekey_database(Database& db, const DatabaseKey& new_key);

}  // namespace knotnotes::db
