#include "signing_key.hpp"

#include <sodium.h>

#include <cstring>
#include <new>
#include <vector>

#include "crypto_text.hpp"

namespace knotnotes::core {
namespace {

// Guarded memory for a secret, wiped and freed when it goes.
struct Secret {
    explicit Secret(std::size_t size)
        : bytes(static_cast<unsigned char*>(sodium_malloc(size))), length(size) {
        if (!bytes)
            throw std::bad_alloc();
    }
    ~Secret() { sodium_free(bytes); }  // sodium_free wipes first
    Secret(const Secret&) = delete;
    Secret& operator=(const Secret&) = delete;
    unsigned char* bytes;
    std::size_t length;
};

void derive(Secret& key, std::string_view passphrase, const std::vector<unsigned char>& salt,
            std::uint64_t opslimit, std::uint64_t memlimit) {
    if (crypto_pwhash(key.bytes, key.length, passphrase.data(), passphrase.size(), salt.data(),
                      opslimit, static_cast<std::size_t>(memlimit),
                      crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error(
            "not enough memory to derive the key from the passphrase (Argon2id needs " +
            std::to_string(memlimit >> 20) + " MiB)");
    }
}

void check_passphrase(std::string_view passphrase) {
    if (passphrase.size() < minimum_passphrase_length) {
        throw std::invalid_argument("a signing passphrase needs at least " +
                                    std::to_string(minimum_passphrase_length) + " characters");
    }
}

const unsigned char* bytes_of(const std::string& text) {
    return reinterpret_cast<const unsigned char*>(text.data());
}

// Seals secret64 (64 bytes) under the passphrase into `stored` (fresh salt and nonce).
void seal(db::StoredSigningKey& stored, const unsigned char* secret64,
          std::string_view passphrase) {
    std::vector<unsigned char> salt(crypto_pwhash_SALTBYTES);
    randombytes_buf(salt.data(), salt.size());
    std::vector<unsigned char> nonce(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    randombytes_buf(nonce.data(), nonce.size());
    const std::uint64_t opslimit = crypto_pwhash_OPSLIMIT_MODERATE;
    const std::uint64_t memlimit = crypto_pwhash_MEMLIMIT_MODERATE;
    Secret key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    derive(key, passphrase, salt, opslimit, memlimit);
    std::vector<unsigned char> sealed(crypto_sign_SECRETKEYBYTES +
                                      crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long sealed_size = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        sealed.data(), &sealed_size, secret64, crypto_sign_SECRETKEYBYTES,
        bytes_of(stored.public_key), stored.public_key.size(), nullptr, nonce.data(), key.bytes);
    sealed.resize(sealed_size);
    stored.sealed_secret_key = to_base64(sealed);
    stored.kdf_salt = to_base64(salt);
    stored.kdf_opslimit = opslimit;
    stored.kdf_memlimit = memlimit;
    stored.nonce = to_base64(nonce);
}

// The 64-byte secret of a sealed key, into `secret`. Throws WrongPassphrase.
void unseal(const db::StoredSigningKey& stored, std::string_view passphrase, Secret& secret) {
    if (!stored.has_secret()) {
        throw std::invalid_argument(
            "this signing key has no secret half here (it came with an import): it can check "
            "signatures but not sign");
    }
    const auto salt = from_base64(stored.kdf_salt, crypto_pwhash_SALTBYTES, "the key's salt");
    const auto nonce =
        from_base64(stored.nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, "the key's nonce");
    const auto sealed = from_base64(
        stored.sealed_secret_key,
        crypto_sign_SECRETKEYBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES, "the sealed key");
    Secret key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    derive(key, passphrase, salt, stored.kdf_opslimit, stored.kdf_memlimit);
    unsigned long long size = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            secret.bytes, &size, nullptr, sealed.data(), sealed.size(), bytes_of(stored.public_key),
            stored.public_key.size(), nonce.data(), key.bytes) != 0 ||
        size != crypto_sign_SECRETKEYBYTES) {
        throw WrongPassphrase("the passphrase is not right for this signing key");
    }
    // The secret key holds its public half: it must be the stored one.
    const auto public_key =
        from_base64(stored.public_key, crypto_sign_PUBLICKEYBYTES, "the public key");
    if (sodium_memcmp(secret.bytes + crypto_sign_SECRETKEYBYTES - crypto_sign_PUBLICKEYBYTES,
                      public_key.data(), public_key.size()) != 0) {
        throw WrongPassphrase("the sealed secret key does not belong to its public key");
    }
}

}  // namespace

UnlockedKey::UnlockedKey(sdk::Id key_id, sdk::Id practitioner_id, std::string public_key,
                         const unsigned char* secret64)
    : key_id_(key_id),
      practitioner_id_(practitioner_id),
      public_key_(std::move(public_key)),
      // sodium_malloc() before sodium_init() fails: a key made before any other signing work
      // (the first thing a fresh process does) must start the library itself.
      secret_((ensure_sodium(),
               static_cast<unsigned char*>(sodium_malloc(crypto_sign_SECRETKEYBYTES)))) {
    if (!secret_)
        throw std::bad_alloc();
    std::memcpy(secret_, secret64, crypto_sign_SECRETKEYBYTES);
    sodium_mprotect_readonly(secret_);
}

UnlockedKey::~UnlockedKey() {
    sodium_free(secret_);
}

std::string UnlockedKey::sign(std::string_view message) const {
    unsigned char signature[crypto_sign_BYTES];
    crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                         message.size(), secret_);
    return to_base64(signature, sizeof signature);
}

NewKey make_signing_key(sdk::Id practitioner_id, std::string_view passphrase) {
    ensure_sodium();
    check_passphrase(passphrase);
    unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
    Secret secret(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(public_key, secret.bytes);
    NewKey key;
    key.stored.practitioner_id = practitioner_id;
    key.stored.public_key = to_base64(public_key, sizeof public_key);
    seal(key.stored, secret.bytes, passphrase);
    key.unlocked =
        std::make_unique<UnlockedKey>(0, practitioner_id, key.stored.public_key, secret.bytes);
    return key;
}

NewKey seeded_signing_key(sdk::Id practitioner_id, std::string_view seed) {
    ensure_sodium();
    unsigned char key_seed[crypto_sign_SEEDBYTES];
    crypto_hash_sha256(key_seed, reinterpret_cast<const unsigned char*>(seed.data()), seed.size());
    unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
    Secret secret(crypto_sign_SECRETKEYBYTES);
    crypto_sign_seed_keypair(public_key, secret.bytes, key_seed);
    sodium_memzero(key_seed, sizeof key_seed);
    NewKey key;
    key.stored.practitioner_id = practitioner_id;
    key.stored.public_key = to_base64(public_key, sizeof public_key);
    key.unlocked =
        std::make_unique<UnlockedKey>(0, practitioner_id, key.stored.public_key, secret.bytes);
    return key;
}

std::unique_ptr<UnlockedKey> unlock_signing_key(const db::StoredSigningKey& key,
                                                std::string_view passphrase) {
    ensure_sodium();
    Secret secret(crypto_sign_SECRETKEYBYTES);
    unseal(key, passphrase, secret);
    return std::make_unique<UnlockedKey>(key.id, key.practitioner_id, key.public_key, secret.bytes);
}

db::StoredSigningKey reseal_signing_key(const db::StoredSigningKey& key,
                                        std::string_view old_passphrase,
                                        std::string_view new_passphrase) {
    ensure_sodium();
    check_passphrase(new_passphrase);
    Secret secret(crypto_sign_SECRETKEYBYTES);
    unseal(key, old_passphrase, secret);
    auto resealed = key;
    seal(resealed, secret.bytes, new_passphrase);
    return resealed;
}

bool signature_is_valid(const std::string& public_key, std::string_view message,
                        const std::string& signature) {
    try {
        const auto key = from_base64(public_key, crypto_sign_PUBLICKEYBYTES, "a public key");
        const auto sig = from_base64(signature, crypto_sign_BYTES, "a signature");
        return crypto_sign_verify_detached(sig.data(),
                                           reinterpret_cast<const unsigned char*>(message.data()),
                                           message.size(), key.data()) == 0;
    } catch (const std::invalid_argument&) {
        return false;
    }
}

}  // namespace knotnotes::core
