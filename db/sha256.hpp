// sha256.hpp — SHA-256 (FIPS 180-4), for signed-session hashes, the audit log's hash chain and
// signature digests: the one SHA-256 in KnotNotes.
//
// OpenSSL's, which SQLCipher links in anyway: it uses the processor's SHA instructions where
// there are some, and the audit chain hashes every row an import writes. Checked against the
// FIPS test vectors (tests/unit/sha256_test.cpp).
#pragma once

#include <string>
#include <string_view>

namespace knotnotes::db {

// Lower-case hex digest of `bytes`. Throws std::runtime_error if OpenSSL cannot hash (it has
// no SHA-256: a broken installation).
std::string sha256_hex(std::string_view bytes);

}  // namespace knotnotes::db
