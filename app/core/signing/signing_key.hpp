// signing_key.hpp — a practitioner's Ed25519 signing key: made, sealed under a passphrase,
// unlocked, used, verified (libsodium).
//
// Sealing: the 64-byte secret key is encrypted with XChaCha20-Poly1305 (IETF AEAD, a random
// 24-byte nonce) under a 32-byte key derived from the passphrase with Argon2id (a random
// 16-byte salt, libsodium's "moderate" limits: 3 passes over 256 MiB, about 0.6 s here), with
// the public key as associated data so a sealed secret cannot be moved onto another public key.
// Salt, limits and nonce are stored with it. Whoever holds the database without the passphrase
// cannot sign.
//
// An UnlockedKey keeps the secret in guarded memory (sodium_malloc: locked, with guard pages)
// and wipes it when destroyed. It is neither copied nor stored.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "db/signing_key_repository.hpp"

namespace knotnotes::core {

// The passphrase does not open this key (or the sealed key was altered).
class WrongPassphrase : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class UnlockedKey {
  public:
    UnlockedKey(sdk::Id key_id, sdk::Id practitioner_id, std::string public_key,
                const unsigned char* secret64);
    ~UnlockedKey();
    UnlockedKey(const UnlockedKey&) = delete;
    UnlockedKey& operator=(const UnlockedKey&) = delete;

    sdk::Id key_id() const { return key_id_; }
    sdk::Id practitioner_id() const { return practitioner_id_; }
    const std::string& public_key() const { return public_key_; }  // base64
    // The base64 Ed25519 signature (64 bytes) of `message`.
    std::string sign(std::string_view message) const;

  private:
    sdk::Id key_id_;
    sdk::Id practitioner_id_;
    std::string public_key_;
    unsigned char* secret_;  // 64 bytes, sodium_malloc
};

struct NewKey {
    db::StoredSigningKey stored;  // to add to the practitioner's keys (id not yet set)
    std::unique_ptr<UnlockedKey> unlocked;
};

// A new key pair for the practitioner, sealed under `passphrase` (at least 8 characters:
// std::invalid_argument otherwise).
NewKey make_signing_key(sdk::Id practitioner_id, std::string_view passphrase);

// A key pair derived from `seed`, whose stored form has NO secret half: for demo data (one demo
// seed always gives the same keys, and nobody can sign as a demo practitioner once the data is
// made) and for tests that sign without a passphrase. The unlocked key is for there and then.
NewKey seeded_signing_key(sdk::Id practitioner_id, std::string_view seed);

// Throws WrongPassphrase, or std::invalid_argument for a key without its secret half.
std::unique_ptr<UnlockedKey> unlock_signing_key(const db::StoredSigningKey& key,
                                                std::string_view passphrase);

// The same key sealed under a new passphrase (after unlocking with the old one).
db::StoredSigningKey reseal_signing_key(const db::StoredSigningKey& key,
                                        std::string_view old_passphrase,
                                        std::string_view new_passphrase);

// True when `signature` (base64) is a valid Ed25519 signature of `message` by `public_key`
// (base64). Malformed base64 is simply not a valid signature.
bool signature_is_valid(const std::string& public_key, std::string_view message,
                        const std::string& signature);

inline constexpr std::size_t minimum_passphrase_length = 8;

}  // namespace knotnotes::core
