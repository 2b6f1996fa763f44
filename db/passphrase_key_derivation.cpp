// SHA512_Init/Update/Final are deprecated in OpenSSL 3 in favour of EVP, but EVP cannot copy a
// digest state without going through the provider layer, which is the cost this file removes.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "passphrase_key_derivation.hpp"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace knotnotes::db {
namespace {

constexpr std::size_t block_size = 128;  // SHA-512's
constexpr std::size_t digest_size = SHA512_DIGEST_LENGTH;

// The HMAC key's inner and outer pads, each hashed once (RFC 2104).
struct HmacPads {
    SHA512_CTX inner;
    SHA512_CTX outer;

    explicit HmacPads(std::string_view key) {
        unsigned char block[block_size] = {};
        if (key.size() > block_size) {
            SHA512(reinterpret_cast<const unsigned char*>(key.data()), key.size(), block);
        } else {
            std::memcpy(block, key.data(), key.size());
        }
        unsigned char pad[block_size];
        for (std::size_t i = 0; i < block_size; ++i)
            pad[i] = block[i] ^ 0x36;
        SHA512_Init(&inner);
        SHA512_Update(&inner, pad, block_size);
        for (std::size_t i = 0; i < block_size; ++i)
            pad[i] = block[i] ^ 0x5c;
        SHA512_Init(&outer);
        SHA512_Update(&outer, pad, block_size);
        OPENSSL_cleanse(block, sizeof block);
        OPENSSL_cleanse(pad, sizeof pad);
    }
    ~HmacPads() {
        OPENSSL_cleanse(&inner, sizeof inner);
        OPENSSL_cleanse(&outer, sizeof outer);
    }
    HmacPads(const HmacPads&) = delete;
    HmacPads& operator=(const HmacPads&) = delete;

    // HMAC of the message that `inner_state` has already taken in, into `out`.
    void finish(SHA512_CTX& inner_state, unsigned char* out) const {
        SHA512_Final(out, &inner_state);
        SHA512_CTX state = outer;
        SHA512_Update(&state, out, digest_size);
        SHA512_Final(out, &state);
        OPENSSL_cleanse(&state, sizeof state);
    }
};

}  // namespace

void pbkdf2_hmac_sha512(std::string_view passphrase, const unsigned char* salt,
                        std::size_t salt_size, int iterations, unsigned char* out,
                        std::size_t out_size) {
    const HmacPads pads(passphrase);
    unsigned char u[digest_size];
    unsigned char t[digest_size];
    for (std::uint32_t block = 1; out_size > 0; ++block) {
        const unsigned char index[4] = {
            static_cast<unsigned char>(block >> 24), static_cast<unsigned char>(block >> 16),
            static_cast<unsigned char>(block >> 8), static_cast<unsigned char>(block)};
        SHA512_CTX state = pads.inner;
        SHA512_Update(&state, salt, salt_size);
        SHA512_Update(&state, index, sizeof index);
        pads.finish(state, u);
        std::memcpy(t, u, digest_size);
        for (int i = 1; i < iterations; ++i) {
            state = pads.inner;
            SHA512_Update(&state, u, digest_size);
            pads.finish(state, u);
            for (std::size_t j = 0; j < digest_size; ++j)
                t[j] ^= u[j];
        }
        const std::size_t n = std::min(out_size, digest_size);
        std::memcpy(out, t, n);
        out += n;
        out_size -= n;
        OPENSSL_cleanse(&state, sizeof state);
    }
    OPENSSL_cleanse(u, sizeof u);
    OPENSSL_cleanse(t, sizeof t);
}

std::array<unsigned char, 32> sqlcipher_page_key(
    std::string_view passphrase, const std::array<unsigned char, sqlcipher_salt_size>& salt) {
    std::array<unsigned char, 32> key{};
    pbkdf2_hmac_sha512(passphrase, salt.data(), salt.size(), sqlcipher_kdf_iterations, key.data(),
                       key.size());
    return key;
}

}  // namespace knotnotes::db
