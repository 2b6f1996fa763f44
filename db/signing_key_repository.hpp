// signing_key_repository.hpp — practitioners' Ed25519 signing keys as stored: the public half
// in the clear, the secret half sealed under the practitioner's passphrase (the sealing itself
// is core's: app/core/signing). A key is never removed and its public half never changes (the
// schema refuses both), so every signature made with it stays checkable. Keys brought in by an
// import carry no secret half.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::db {

class Database;

struct StoredSigningKey {
    sdk::Id id = 0;
    sdk::Id practitioner_id = 0;
    std::string public_key;  // base64, 32 bytes
    // The sealed secret and what unseals it; all empty for a key without its secret half.
    std::string sealed_secret_key;  // base64 of the XChaCha20-Poly1305 ciphertext
    std::string kdf_salt;           // base64
    std::uint64_t kdf_opslimit = 0;
    std::uint64_t kdf_memlimit = 0;
    std::string nonce;  // base64
    std::string created_at;

    bool has_secret() const { return !sealed_secret_key.empty(); }
};

class SigningKeyRepository {
  public:
    explicit SigningKeyRepository(Database& db) : db_(db) {}

    sdk::Id add(const StoredSigningKey& key);
    // A new passphrase: the same key, sealed again.
    void reseal(const StoredSigningKey& key);
    // The practitioner's newest key that has its secret half here.
    std::optional<StoredSigningKey> signing_key_of(sdk::Id practitioner_id);
    std::optional<StoredSigningKey> find(const std::string& public_key);
    std::vector<StoredSigningKey> all();

  private:
    Database& db_;
};

}  // namespace knotnotes::db
