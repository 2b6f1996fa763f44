// crypto_text.hpp — the byte<->text forms signing uses: standard base64 with padding (RFC 4648
// §4, libsodium's) for keys and signatures, lower-case hex SHA-256 for digests (db's, the one
// SHA-256 of KnotNotes).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "db/sha256.hpp"

namespace knotnotes::core {

// Initialises libsodium once (thread-safe); throws if the library cannot start.
void ensure_sodium();

std::string to_base64(const unsigned char* bytes, std::size_t size);
std::string to_base64(const std::vector<unsigned char>& bytes);
// Throws std::invalid_argument naming `what` unless `text` is base64 of exactly `size` bytes
// (size 0: any length).
std::vector<unsigned char> from_base64(std::string_view text, std::size_t size, const char* what);

using db::sha256_hex;

}  // namespace knotnotes::core
