// database_key.hpp — the secret that opens an encrypted KnotNotes database (SQLCipher 4).
//
// Two kinds, as SQLCipher takes them:
//   - a passphrase: SQLCipher derives the page key from it with PBKDF2-HMAC-SHA512 (256,000
//     iterations) and the file's own salt; scripts pass one in a file, people type one;
//   - a raw 256-bit key, random, kept in the desktop keyring: no derivation, so opening is fast.
//     It carries the file's 16-byte salt too (SQLCipher's x'<key><salt>' form), so every copy
//     made with it (backups) has the same salt, which is what the keyring finds it by (key_id).
// No key (DatabaseKey{}) means a plain, unencrypted database. Copies are made for the worker
// connections of the same file; every copy wipes its secret when it goes.
#pragma once

#include <array>
#include <string>

namespace knotnotes::db {

class DatabaseKey {
  public:
    DatabaseKey() = default;
    static DatabaseKey from_passphrase(std::string passphrase);
    static DatabaseKey from_raw(const std::array<unsigned char, 32>& key);
    // 64 hexadecimal digits, or 96 with the salt (how the keyring stores a raw key); throws
    // std::invalid_argument.
    static DatabaseKey from_raw_hex(const std::string& hex);
    static DatabaseKey random_raw();
    // A random key and a new salt (encrypted_file_marker + 8 random bytes), for a new database
    // whose key the keyring keeps.
    static DatabaseKey random_raw_with_salt();

    DatabaseKey(const DatabaseKey& other) : kind_(other.kind_), secret_(other.secret_) {}
    DatabaseKey& operator=(const DatabaseKey& other);
    ~DatabaseKey();

    bool empty() const { return kind_ == Kind::none; }
    bool is_raw() const { return kind_ == Kind::raw; }
    // What sqlite3_key_v2() takes: the passphrase itself, or x'<64 hex digits>' for a raw key.
    const std::string& sqlcipher_key() const { return secret_; }
    // For the keyring: the raw key's hex digits, with its salt (empty for a passphrase).
    std::string raw_hex() const;
    bool has_salt() const { return kind_ == Kind::raw && secret_.size() == 2 + 96 + 1; }
    // The salt's 32 hex digits (empty without one): the first 16 bytes of the file, in hex.
    std::string key_id() const { return has_salt() ? secret_.substr(2 + 64, 32) : std::string(); }

  private:
    enum class Kind { none, passphrase, raw };
    void wipe();
    Kind kind_ = Kind::none;
    std::string secret_;
};

}  // namespace knotnotes::db
