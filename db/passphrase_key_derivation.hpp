// passphrase_key_derivation.hpp — SQLCipher 4's page-key derivation from a passphrase
// (PBKDF2-HMAC-SHA512, 256,000 iterations, the file's 16-byte salt, 32 bytes out), computed by
// KnotNotes and handed to SQLCipher as a raw key.
//
// Why not let SQLCipher derive it: its PBKDF2 is OpenSSL 3's PKCS5_PBKDF2_HMAC, which goes
// through the provider layer for each of the 512,000 HMAC steps; about a third of an open with a
// passphrase was that overhead, not hashing. This one hashes the HMAC's inner and outer pads
// once and copies those two SHA-512 states for every iteration. The key is the same bytes
// (tests/unit/passphrase_key_derivation_test.cpp checks it against OpenSSL and against files
// SQLCipher keyed itself), so files stay readable by SQLCipher and the sqlcipher shell with the
// passphrase.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace knotnotes::db {

inline constexpr int sqlcipher_kdf_iterations = 256000;
inline constexpr std::size_t sqlcipher_salt_size = 16;

// PBKDF2 (RFC 8018) with HMAC-SHA512, writing `out_size` bytes to `out`.
void pbkdf2_hmac_sha512(std::string_view passphrase, const unsigned char* salt,
                        std::size_t salt_size, int iterations, unsigned char* out,
                        std::size_t out_size);

// The page key SQLCipher 4 derives from `passphrase` for a file whose salt is `salt`.
std::array<unsigned char, 32> sqlcipher_page_key(
    std::string_view passphrase, const std::array<unsigned char, sqlcipher_salt_size>& salt);

}  // namespace knotnotes::db
